//! The publication window of a listing: applications are open from the opening day to the
//! closing day, both included.

use crate::jour::Jour;
use serde::{Deserialize, Serialize};

/// Where a listing stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EtatOffre {
    /// Published ahead of its window: visible, not open to applications yet.
    AVenir,
    /// Open to applications.
    Ouverte,
    /// The window has ended: candidates are ranked, then the commission decides.
    Cloturee,
}

/// A window whose closing day is never before its opening day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FenetrePublication {
    ouverture: Jour,
    cloture: Jour,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FenetreInvalide;

impl FenetrePublication {
    pub fn new(ouverture: Jour, cloture: Jour) -> Result<Self, FenetreInvalide> {
        if cloture < ouverture {
            return Err(FenetreInvalide);
        }
        Ok(FenetrePublication { ouverture, cloture })
    }

    pub fn ouverture(self) -> Jour {
        self.ouverture
    }

    pub fn cloture(self) -> Jour {
        self.cloture
    }

    pub fn etat(self, aujourdhui: Jour) -> EtatOffre {
        if aujourdhui < self.ouverture {
            EtatOffre::AVenir
        } else if aujourdhui <= self.cloture {
            EtatOffre::Ouverte
        } else {
            EtatOffre::Cloturee
        }
    }

    /// Whole days left to apply after today: 0 on the closing day itself, `None` unless open.
    pub fn jours_restants(self, aujourdhui: Jour) -> Option<u32> {
        if self.etat(aujourdhui) != EtatOffre::Ouverte {
            return None;
        }
        u32::try_from(aujourdhui.jours_jusqua(self.cloture)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jour;

    fn fenetre() -> FenetrePublication {
        FenetrePublication::new(jour!(2026, 11, 16), jour!(2026, 11, 30)).unwrap()
    }

    #[test]
    fn a_window_cannot_close_before_it_opens() {
        assert_eq!(
            FenetrePublication::new(jour!(2026, 11, 30), jour!(2026, 11, 29)),
            Err(FenetreInvalide)
        );
        assert!(FenetrePublication::new(jour!(2026, 11, 30), jour!(2026, 11, 30)).is_ok());
    }

    #[test]
    fn the_opening_and_closing_days_are_both_open_to_applications() {
        let f = fenetre();
        assert_eq!(f.etat(jour!(2026, 11, 15)), EtatOffre::AVenir);
        assert_eq!(f.etat(jour!(2026, 11, 16)), EtatOffre::Ouverte);
        assert_eq!(f.etat(jour!(2026, 11, 30)), EtatOffre::Ouverte);
        assert_eq!(f.etat(jour!(2026, 12, 1)), EtatOffre::Cloturee);
    }

    #[test]
    fn days_left_count_down_to_zero_on_the_closing_day() {
        let f = fenetre();
        assert_eq!(f.jours_restants(jour!(2026, 11, 22)), Some(8));
        assert_eq!(f.jours_restants(jour!(2026, 11, 29)), Some(1));
        assert_eq!(f.jours_restants(jour!(2026, 11, 30)), Some(0));
        assert_eq!(f.jours_restants(jour!(2026, 12, 1)), None);
        assert_eq!(f.jours_restants(jour!(2026, 11, 1)), None);
    }

    #[test]
    fn days_left_cross_a_daylight_saving_change_exactly() {
        // Civil dates have no time zone: 29 March 2026 (clocks go forward) counts as a day.
        let f = FenetrePublication::new(jour!(2026, 3, 20), jour!(2026, 4, 2)).unwrap();
        assert_eq!(f.jours_restants(jour!(2026, 3, 28)), Some(5));
    }
}
