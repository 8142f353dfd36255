//! `/conseiller/…`: the France Services counter.

use super::{
    ErreurChargement, Lecture, Methode, envoyer, envoyer_sans_reponse, envoyer_sans_reponse_avec,
};
use clef_domain::api::{Accompagnement, ConfirmationMandat, DebutAccompagnement, MandatAuGuichet};

/// `GET /conseiller/dossiers`: the requests I may open (a mandate covers them).
pub fn dossiers() -> Lecture<Vec<Accompagnement>> {
    Lecture::new("/conseiller/dossiers".into())
}

/// `POST /conseiller/accompagnement`: open an applicant's request under their mandate.
pub async fn commencer_accompagnement(
    debut: &DebutAccompagnement,
) -> Result<Accompagnement, ErreurChargement> {
    envoyer(Methode::Post, "/conseiller/accompagnement", debut).await
}

/// `DELETE /conseiller/accompagnement`: close it.
pub async fn terminer_accompagnement() -> Result<(), ErreurChargement> {
    envoyer_sans_reponse(Methode::Delete, "/conseiller/accompagnement").await
}

/// `POST /conseiller/mandats`: ask an applicant for a mandate (they receive a code).
pub async fn demander_mandat(demande: &MandatAuGuichet) -> Result<(), ErreurChargement> {
    envoyer_sans_reponse_avec(Methode::Post, "/conseiller/mandats", demande).await
}

/// `POST /conseiller/mandats/confirmation`: the applicant's code confirms the mandate.
pub async fn confirmer_mandat(
    confirmation: &ConfirmationMandat,
) -> Result<Accompagnement, ErreurChargement> {
    envoyer(
        Methode::Post,
        "/conseiller/mandats/confirmation",
        confirmation,
    )
    .await
}
