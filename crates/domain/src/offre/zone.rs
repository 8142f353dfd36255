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

/// The zone of a commune (arrêté du 29 juillet 1987 as amended): Paris and the communes
/// bordering it (*communes limitrophes*, a list the territory's data flags), the rest of
/// Île-de-France (départements 77, 78, 91, 92, 93, 94, 95), and everywhere else.
pub fn zone_de_commune(departement: &str, limitrophe_de_paris: bool) -> Zone {
    match departement {
        "75" | "075" => Zone::ParisCommunesLimitrophes,
        "92" | "93" | "94" | "092" | "093" | "094" if limitrophe_de_paris => {
            Zone::ParisCommunesLimitrophes
        }
        "77" | "78" | "91" | "92" | "93" | "94" | "95" | "077" | "078" | "091" | "092" | "093"
        | "094" | "095" => Zone::IleDeFrance,
        _ => Zone::AutresRegions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrete_1987_zone_follows_the_departement_and_the_paris_border() {
        assert_eq!(zone_de_commune("75", false), Zone::ParisCommunesLimitrophes);
        assert_eq!(zone_de_commune("92", true), Zone::ParisCommunesLimitrophes);
        assert_eq!(zone_de_commune("92", false), Zone::IleDeFrance);
        assert_eq!(zone_de_commune("095", false), Zone::IleDeFrance);
        assert_eq!(
            zone_de_commune("62", false),
            Zone::AutresRegions,
            "Pas-de-Calais (Béthune)"
        );
        assert_eq!(
            zone_de_commune("59", true),
            Zone::AutresRegions,
            "only Paris's neighbours count"
        );
    }
}
