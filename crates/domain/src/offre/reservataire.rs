use super::{Code, serde_par_code};

/// Who holds the right to propose candidates for a home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reservataire {
    /// The State (préfecture), for priority and DALO households.
    Etat,
    /// Action Logement, for employees of contributing firms.
    ActionLogement,
    /// The commune or the intercommunality (EPCI).
    Collectivite,
    /// The landlord itself.
    Bailleur,
}

impl Code for Reservataire {
    const TOUS: &'static [Self] = &[
        Reservataire::Etat,
        Reservataire::ActionLogement,
        Reservataire::Collectivite,
        Reservataire::Bailleur,
    ];

    fn code(self) -> &'static str {
        match self {
            Reservataire::Etat => "etat",
            Reservataire::ActionLogement => "action_logement",
            Reservataire::Collectivite => "collectivite",
            Reservataire::Bailleur => "bailleur",
        }
    }
}

serde_par_code!(Reservataire);
