//! Typed identifiers for the client's functions: an application's number cannot be passed
//! where a listing's is expected. On the wire each is the bare integer the API gives.

use super::ErreurChargement;

macro_rules! identifiant {
    ($($(#[$doc:meta])* $nom:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $nom(pub i64);

        impl $nom {
            /// The id an address names (`/logements/12`). An address that names none
            /// is "not found" at once, without asking the API.
            pub fn depuis_url(texte: &str) -> Result<Self, ErreurChargement> {
                texte
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map($nom)
                    .ok_or(ErreurChargement::Introuvable)
            }
        }

        impl std::fmt::Display for $nom {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

identifiant! {
    /// A published listing (`/offres/{id}`).
    OffreId;
    /// An application to a listing (`/moi/candidatures/{id}`).
    CandidatureId;
    /// A landlord's draft listing (`/bailleur/brouillons/{id}`).
    BrouillonId;
    /// A mandate given by an applicant to a France Services structure.
    MandatId;
    /// A housing programme the territory classes (`/territoire/programmes/{id}`).
    ProgrammeId;
    /// A priority neighbourhood (QPV) and its streets (`/territoire/qpv/{id}/voies`).
    QpvId;
    /// A saved search (`/moi/recherches/{id}`).
    RechercheId;
}
