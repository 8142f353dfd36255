//! A score: its total and the lines it is made of. The total is always exactly the sum of
//! the lines (the type cannot be built otherwise, even from JSON).

use super::grille::{Condition, Fait, Mesure};
use serde::{Deserialize, Deserializer, Serialize};
use std::sync::Arc;

/// Why a criterion gives its points to this household.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Pourquoi {
    /// The fact holds.
    Fait { fait: Fait },
    /// Whole months since the request was filed; `plafond_atteint` when capped.
    Anciennete { mois: u32, plafond_atteint: bool },
    /// The measured value and the band it falls in.
    Tranche {
        mesure: Mesure,
        valeur: i64,
        min: Option<i64>,
        max: Option<i64>,
    },
    /// The household and the home meet the condition.
    Contexte { condition: Condition },
    /// A sensitive situation (disability, violence, trafficking), hidden from whoever may
    /// not see it yet: the points count, the reason is not shown.
    Protege,
}

/// One line of a score.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ligne {
    /// The criterion's id in the grid (shared with the grid: scoring 10,000 candidates
    /// allocates no label).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub critere: Arc<str>,
    pub points: u32,
    pub pourquoi: Pourquoi,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Score {
    total: u32,
    lignes: Vec<Ligne>,
    /// Criteria that apply but do not count: a higher one of the same group does.
    ecartees: Vec<Ligne>,
}

impl Score {
    pub fn new(lignes: Vec<Ligne>, ecartees: Vec<Ligne>) -> Score {
        Score {
            total: lignes.iter().map(|l| l.points).sum(),
            lignes,
            ecartees,
        }
    }

    pub fn total(&self) -> u32 {
        self.total
    }

    pub fn lignes(&self) -> &[Ligne] {
        &self.lignes
    }

    pub fn ecartees(&self) -> &[Ligne] {
        &self.ecartees
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Brut {
            total: u32,
            lignes: Vec<Ligne>,
            #[serde(default)]
            ecartees: Vec<Ligne>,
        }
        let b = Brut::deserialize(d)?;
        let score = Score::new(b.lignes, b.ecartees);
        if score.total != b.total {
            return Err(serde::de::Error::custom(
                "le total n'est pas la somme des lignes",
            ));
        }
        Ok(score)
    }
}

impl Score {
    /// What landlord staff see of a candidate who is not presented: the lines of
    /// sensitive situations become one line (criterion `protege`) with their points, last,
    /// so that neither their number, their order nor their criteria say which; the
    /// criteria set aside are left out (one set aside by a hidden line would say it).
    pub fn sans_situations_sensibles(&self) -> Score {
        let sensible = |l: &Ligne| matches!(l.pourquoi, Pourquoi::Fait { fait: Fait::Situation(s) } if s.sensible());
        let mut lignes: Vec<Ligne> = self
            .lignes
            .iter()
            .filter(|l| !sensible(l))
            .cloned()
            .collect();
        let protege: u32 = self
            .lignes
            .iter()
            .filter(|l| sensible(l))
            .map(|l| l.points)
            .sum();
        if protege > 0 {
            lignes.push(Ligne {
                critere: Arc::from(CRITERE_PROTEGE),
                points: protege,
                pourquoi: Pourquoi::Protege,
            });
        }
        Score::new(lignes, Vec::new())
    }
}

/// The criterion id of a hidden line.
pub const CRITERE_PROTEGE: &str = "protege";

#[cfg(test)]
mod tests_protege {
    use super::*;
    use crate::demande::Situation;

    #[test]
    fn hiding_sensitive_lines_keeps_every_point() {
        let ligne = |critere: &str, s: Situation, points| Ligne {
            critere: Arc::from(critere),
            points,
            pourquoi: Pourquoi::Fait {
                fait: Fait::Situation(s),
            },
        };
        let score = Score::new(
            vec![
                ligne("violences", Situation::ViolencesConjugales, 300),
                ligne("dalo", Situation::Dalo, 500),
            ],
            vec![ligne("handicap", Situation::Handicap, 100)],
        );
        let masque = score.sans_situations_sensibles();
        assert_eq!(masque.total(), score.total());
        let json = serde_json::to_string(&masque).unwrap();
        assert!(
            !json.contains("violences") && !json.contains("handicap"),
            "{json}"
        );
        assert!(json.contains("dalo"));
        assert_eq!(masque.lignes()[1].pourquoi, Pourquoi::Protege);
        assert!(masque.ecartees().is_empty());
    }
}
