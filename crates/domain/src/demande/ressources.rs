//! The household's resources: the *revenu fiscal de référence* (RFR) of everyone who will
//! live in the home (code de la construction et de l'habitation, R.441-1; arrêté du 29
//! juillet 1987, art. 3).

use crate::argent::Euros;
use serde::{Deserialize, Serialize};

/// The RFR of year N-2 (the rule), and of year N-1 when the household gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ressources {
    pub rfr_n2: Euros,
    #[serde(default)]
    pub rfr_n1: Option<Euros>,
}

/// Which year's income counts, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RessourcesRetenues {
    pub montant: Euros,
    /// The income year used (N-2 or N-1 of the examination year).
    pub annee: i16,
    /// N-1 replaces N-2 because it is at least 10 % lower.
    pub baisse_n1: bool,
}

impl Ressources {
    /// The income that counts for an examination in `annee` (the listing's year): N-2, or
    /// N-1 when it is at least 10 % lower than N-2 (arrêté du 29 juillet 1987, art. 3).
    pub fn retenues(self, annee: i16) -> RessourcesRetenues {
        match self.rfr_n1 {
            Some(n1) if n1.centimes() * 10 <= self.rfr_n2.centimes() * 9 => RessourcesRetenues {
                montant: n1,
                annee: annee - 1,
                baisse_n1: true,
            },
            _ => RessourcesRetenues {
                montant: self.rfr_n2,
                annee: annee - 2,
                baisse_n1: false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ressources(n2: i64, n1: Option<i64>) -> Ressources {
        Ressources {
            rfr_n2: Euros::from_euros(n2),
            rfr_n1: n1.map(Euros::from_euros),
        }
    }

    // Arrêté du 29 juillet 1987, art. 3: N-1 when at least 10 % lower than N-2.
    #[test]
    fn arrete_1987_art_3_n2_income_is_the_rule() {
        let r = ressources(30_000, None).retenues(2026);
        assert_eq!(
            (r.montant, r.annee, r.baisse_n1),
            (Euros::from_euros(30_000), 2024, false)
        );
    }

    #[test]
    fn arrete_1987_art_3_n1_counts_when_it_fell_by_10_percent_or_more() {
        let r = ressources(30_000, Some(27_000)).retenues(2026);
        assert_eq!(
            (r.montant, r.annee, r.baisse_n1),
            (Euros::from_euros(27_000), 2025, true)
        );
        let r = ressources(30_000, Some(27_001)).retenues(2026);
        assert_eq!(
            (r.montant, r.annee),
            (Euros::from_euros(30_000), 2024),
            "9.997 % is not enough"
        );
        let r = ressources(30_000, Some(35_000)).retenues(2026);
        assert_eq!(r.montant, Euros::from_euros(30_000), "a rise never counts");
    }
}
