//! The intercommunal collective agreement (*accord collectif intercommunal*, ACI) classes
//! housing programmes by fragility and steers the poorest households away from the most
//! fragile ones. The classes are the territory's data, matched to a listing by its street
//! as QPVs are; a commission's choice that goes against the agreement is flagged, never
//! refused.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fragilite {
    /// The programme concentrates difficulties: no more first-quartile households.
    Fragile,
    /// To watch.
    ASurveiller,
    Equilibre,
}

impl Fragilite {
    pub const TOUTES: [Fragilite; 3] = [
        Fragilite::Fragile,
        Fragilite::ASurveiller,
        Fragilite::Equilibre,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Fragilite::Fragile => "fragile",
            Fragilite::ASurveiller => "a_surveiller",
            Fragilite::Equilibre => "equilibre",
        }
    }

    pub fn depuis_code(code: &str) -> Option<Fragilite> {
        Fragilite::TOUTES.into_iter().find(|f| f.code() == code)
    }
}

/// Letting this home to this household goes against the agreement: a first-quartile
/// household in a fragile programme.
pub fn contraire_a_l_aci(programme: Option<Fragilite>, premier_quartile: bool) -> bool {
    programme == Some(Fragilite::Fragile) && premier_quartile
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adresse::de_l_adresse;

    #[test]
    fn only_a_first_quartile_household_in_a_fragile_programme_goes_against_the_agreement() {
        assert!(contraire_a_l_aci(Some(Fragilite::Fragile), true));
        assert!(!contraire_a_l_aci(Some(Fragilite::Fragile), false));
        assert!(!contraire_a_l_aci(Some(Fragilite::ASurveiller), true));
        assert!(!contraire_a_l_aci(None, true));
    }

    #[test]
    fn a_programme_is_found_by_its_street_as_people_write_it() {
        let programmes = [
            (Fragilite::Fragile, "Rue des Tilleuls".to_owned()),
            (Fragilite::Equilibre, "Avenue de la Gare".to_owned()),
        ];
        assert_eq!(
            de_l_adresse("12 bis, rue des tilleuls", &programmes),
            Some(&Fragilite::Fragile)
        );
        assert_eq!(de_l_adresse("3 rue de Lille", &programmes), None);
        for code in Fragilite::TOUTES {
            assert_eq!(Fragilite::depuis_code(code.code()), Some(code));
        }
    }
}
