//! The household's resources for the income ceilings: the *revenu fiscal de référence*
//! (RFR) of everyone who will live in the home (code de la construction et de
//! l'habitation, R.441-1; arrêté du 29 juillet 1987, art. 3).

use crate::argent::Euros;
use serde::{Deserialize, Serialize};

/// The RFR of year N-2 (the rule); and, when the household gives them, the income of
/// year N-1 and of the last twelve months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ressources {
    pub rfr_n2: Euros,
    #[serde(default)]
    pub rfr_n1: Option<Euros>,
    /// Taxable income received over the last twelve months.
    #[serde(default)]
    pub douze_derniers_mois: Option<Euros>,
}

/// Which income counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BaseRessources {
    /// The rule: the income of the year before last.
    AnneeN2,
    /// Last year's income, at least 10 % lower.
    AnneeN1,
    /// The last twelve months' income, at least 10 % lower.
    DouzeDerniersMois,
}

/// Which income counts, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(from = "RessourcesRetenuesStockees")]
pub struct RessourcesRetenues {
    pub montant: Euros,
    /// The income year (N-2 or N-1 of the examination year); for the last twelve months,
    /// the examination year.
    pub annee: i16,
    pub base: BaseRessources,
}

/// What frozen verdicts stored before the last twelve months counted hold: `baisse_n1`
/// instead of `base`.
#[derive(Deserialize)]
struct RessourcesRetenuesStockees {
    montant: Euros,
    annee: i16,
    #[serde(default)]
    base: Option<BaseRessources>,
    #[serde(default)]
    baisse_n1: bool,
}

impl From<RessourcesRetenuesStockees> for RessourcesRetenues {
    fn from(s: RessourcesRetenuesStockees) -> RessourcesRetenues {
        let base = s.base.unwrap_or(if s.baisse_n1 {
            BaseRessources::AnneeN1
        } else {
            BaseRessources::AnneeN2
        });
        RessourcesRetenues {
            montant: s.montant,
            annee: s.annee,
            base,
        }
    }
}

/// At least 10 % lower than `reference`.
fn en_baisse_de_10_pour_cent(montant: Euros, reference: Euros) -> bool {
    montant.centimes() * 10 <= reference.centimes() * 9
}

impl Ressources {
    /// The income that counts for an examination in `annee`: N-2; or, at the household's
    /// request, N-1 or the last twelve months when at least 10 % lower than N-2 (arrêté
    /// du 29 juillet 1987, art. 3). When both are, the lower counts: the household asks
    /// for the one in its favour.
    pub fn retenues(self, annee: i16) -> RessourcesRetenues {
        let mut retenues = RessourcesRetenues {
            montant: self.rfr_n2,
            annee: annee - 2,
            base: BaseRessources::AnneeN2,
        };
        let baisses = [
            (self.rfr_n1, annee - 1, BaseRessources::AnneeN1),
            (
                self.douze_derniers_mois,
                annee,
                BaseRessources::DouzeDerniersMois,
            ),
        ];
        for (montant, annee, base) in baisses {
            if let Some(montant) = montant
                && en_baisse_de_10_pour_cent(montant, self.rfr_n2)
                && montant < retenues.montant
            {
                retenues = RessourcesRetenues {
                    montant,
                    annee,
                    base,
                };
            }
        }
        retenues
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ressources(n2: i64, n1: Option<i64>, douze: Option<i64>) -> Ressources {
        Ressources {
            rfr_n2: Euros::from_euros(n2),
            rfr_n1: n1.map(Euros::from_euros),
            douze_derniers_mois: douze.map(Euros::from_euros),
        }
    }

    fn retenues(r: Ressources) -> (i64, i16, BaseRessources) {
        let r = r.retenues(2026);
        (r.montant.euros_entiers(), r.annee, r.base)
    }

    // Arrêté du 29 juillet 1987, art. 3: N-2, or N-1 or the last twelve months when at
    // least 10 % lower.
    #[test]
    fn arrete_1987_art_3_n2_income_is_the_rule() {
        assert_eq!(
            retenues(ressources(30_000, None, None)),
            (30_000, 2024, BaseRessources::AnneeN2)
        );
    }

    #[test]
    fn arrete_1987_art_3_n1_counts_when_it_fell_by_10_percent_or_more() {
        assert_eq!(
            retenues(ressources(30_000, Some(27_000), None)),
            (27_000, 2025, BaseRessources::AnneeN1)
        );
        assert_eq!(
            retenues(ressources(30_000, Some(27_001), None)),
            (30_000, 2024, BaseRessources::AnneeN2),
            "9.997 % is not enough"
        );
        assert_eq!(
            retenues(ressources(30_000, Some(35_000), None)).0,
            30_000,
            "a rise never counts"
        );
    }

    #[test]
    fn arrete_1987_art_3_the_last_twelve_months_count_when_10_percent_lower() {
        assert_eq!(
            retenues(ressources(30_000, None, Some(20_000))),
            (20_000, 2026, BaseRessources::DouzeDerniersMois)
        );
        assert_eq!(
            retenues(ressources(30_000, None, Some(27_100))),
            (30_000, 2024, BaseRessources::AnneeN2),
            "9.67 % is not enough"
        );
        // Both lower: the one in the household's favour.
        assert_eq!(
            retenues(ressources(30_000, Some(26_000), Some(18_000))),
            (18_000, 2026, BaseRessources::DouzeDerniersMois)
        );
        assert_eq!(
            retenues(ressources(30_000, Some(18_000), Some(26_000))),
            (18_000, 2025, BaseRessources::AnneeN1)
        );
        // Twelve months lower than N-1 but not 10 % under N-2: N-1 stays.
        assert_eq!(
            retenues(ressources(30_000, Some(27_000), Some(35_000))),
            (27_000, 2025, BaseRessources::AnneeN1)
        );
    }

    #[test]
    fn a_verdict_frozen_before_the_twelve_months_still_reads() {
        let ancien: RessourcesRetenues =
            serde_json::from_str(r#"{"montant":2700000,"annee":2025,"baisse_n1":true}"#).unwrap();
        assert_eq!(ancien.base, BaseRessources::AnneeN1);
        let r = ressources(30_000, None, Some(20_000)).retenues(2026);
        let relu: RessourcesRetenues =
            serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(relu, r);
    }
}
