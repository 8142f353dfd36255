//! The SRU law (art. 55): communes above 3,500 inhabitants (1,500 in Île-de-France) in
//! large agglomerations must reach 25 % of social housing among their main residences, or
//! 20 % where demand is low. The figures are the territory's data (the yearly inventory).

use crate::erreur::{CodeErreur, ErreurChamp, Regle};
use crate::mixite::Part;
use serde::{Deserialize, Serialize};

/// The rates the law sets, in percent.
pub const TAUX_LEGAUX: [u8; 2] = [20, 25];

/// A commune's inventory of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InventaireSru {
    pub annee: i16,
    pub logements_sociaux: u32,
    pub residences_principales: u32,
    /// 25, or 20 where demand is low.
    pub taux_obligation: u8,
}

impl InventaireSru {
    pub fn verifier(&self) -> Result<(), Vec<ErreurChamp>> {
        let mut erreurs = Vec::new();
        if self.residences_principales == 0 {
            erreurs.push(ErreurChamp::new(
                "residences_principales",
                CodeErreur::HorsLimites {
                    min: 1,
                    max: i64::from(u32::MAX),
                },
            ));
        }
        if self.logements_sociaux > self.residences_principales {
            erreurs.push(ErreurChamp::incoherent(
                "logements_sociaux",
                Regle::PlusQueLesResidences,
            ));
        }
        if !TAUX_LEGAUX.contains(&self.taux_obligation) {
            erreurs.push(ErreurChamp::new(
                "taux_obligation",
                CodeErreur::ValeurInconnue,
            ));
        }
        if !(2000..=2100).contains(&self.annee) {
            erreurs.push(ErreurChamp::new(
                "annee",
                CodeErreur::HorsLimites {
                    min: 2000,
                    max: 2100,
                },
            ));
        }
        if erreurs.is_empty() {
            Ok(())
        } else {
            Err(erreurs)
        }
    }

    /// Social homes among main residences.
    pub fn taux(&self) -> Part {
        Part {
            nombre: self.logements_sociaux,
            total: self.residences_principales,
        }
    }

    /// Social homes still missing to meet the obligation (0 once met).
    pub fn manque(&self) -> u32 {
        let requis = (u64::from(self.residences_principales) * u64::from(self.taux_obligation))
            .div_ceil(100);
        u32::try_from(requis.saturating_sub(u64::from(self.logements_sociaux))).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inventaire(ls: u32, rp: u32, taux: u8) -> InventaireSru {
        InventaireSru {
            annee: 2025,
            logements_sociaux: ls,
            residences_principales: rp,
            taux_obligation: taux,
        }
    }

    #[test]
    fn the_missing_homes_are_counted_up_to_the_obligation() {
        assert_eq!(inventaire(2_000, 10_000, 25).manque(), 500);
        assert_eq!(inventaire(2_000, 10_001, 20).manque(), 1);
        assert_eq!(inventaire(3_000, 10_000, 25).manque(), 0);
        assert_eq!(inventaire(2_000, 10_000, 25).taux().pour_mille(), Some(200));
    }

    #[test]
    fn an_inventory_is_checked() {
        assert_eq!(inventaire(10, 100, 25).verifier(), Ok(()));
        let erreurs = inventaire(200, 100, 30).verifier().unwrap_err();
        let champs: Vec<&str> = erreurs.iter().map(|e| e.champ.as_str()).collect();
        assert_eq!(champs, ["logements_sociaux", "taux_obligation"]);
        assert!(inventaire(0, 0, 25).verifier().is_err());
    }
}
