use super::{Code, serde_par_code};

/// The geographic zone of the income ceilings (arrêté du 29 juillet 1987).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zone {
    /// Paris and its 29 neighbouring communes.
    ParisCommunesLimitrophes,
    /// The rest of Île-de-France.
    IleDeFrance,
    /// Everywhere else.
    AutresRegions,
}

impl Code for Zone {
    const TOUS: &'static [Self] = &[
        Zone::ParisCommunesLimitrophes,
        Zone::IleDeFrance,
        Zone::AutresRegions,
    ];

    fn code(self) -> &'static str {
        match self {
            Zone::ParisCommunesLimitrophes => "paris_communes_limitrophes",
            Zone::IleDeFrance => "ile_de_france",
            Zone::AutresRegions => "autres_regions",
        }
    }
}

serde_par_code!(Zone);
