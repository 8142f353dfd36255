//! What-if (*et si…*): the score and rank a household would have after a change, against
//! the same field of candidates. The field is sorted once; each question is then one
//! scoring and one binary search, cheap enough for every keystroke.

use crate::classement::{Candidature, Classement, Cle};
use crate::cotation::{Contexte, Grille, Score, coter};
use crate::demande::{Ressources, Situation};
use crate::eligibilite::{Verdict, verifier};
use serde::{Deserialize, Serialize};

/// One change to try.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Changement {
    /// The request a few months older (seniority).
    MoisSupplementaires {
        mois: u32,
    },
    AjouterSituation {
        situation: Situation,
    },
    RetirerSituation {
        situation: Situation,
    },
    AutresRessources {
        ressources: Ressources,
    },
}

/// The other eligible candidates, in ranking order.
#[derive(Debug, Clone, Default)]
pub struct Terrain {
    cles: Vec<Cle>,
}

impl Terrain {
    /// The field of a ranking, without candidate `sauf` (the one asking).
    pub fn depuis(classement: &Classement, sauf: u64) -> Terrain {
        Terrain {
            cles: classement
                .classes
                .iter()
                .filter(|c| c.id != sauf)
                .map(|c| c.cle())
                .collect(),
        }
    }

    /// The rank `cle` would have in this field (1 for the first).
    pub fn rang(&self, cle: &Cle) -> u32 {
        u32::try_from(self.cles.partition_point(|autre| autre < cle) + 1).unwrap_or(u32::MAX)
    }

    pub fn len(&self) -> usize {
        self.cles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cles.is_empty()
    }
}

/// The outcome of a what-if.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Simulation {
    pub verdict: Verdict,
    pub score: Score,
    /// `None` when the household would not be eligible.
    pub rang: Option<u32>,
    /// Eligible candidates, the household included when eligible.
    pub sur: u32,
}

/// Applies the changes to the candidate's request and places it in the field.
pub fn simuler(
    candidature: &Candidature,
    changements: &[Changement],
    terrain: &Terrain,
    grille: &Grille,
    contexte: &Contexte,
) -> Simulation {
    let mut demande = candidature.demande.clone();
    let mut jour = contexte.jour;
    for changement in changements {
        match *changement {
            Changement::MoisSupplementaires { mois } => jour = jour.plus_mois(mois),
            Changement::AjouterSituation { situation } => {
                demande.situations.insert(situation);
            }
            Changement::RetirerSituation { situation } => {
                demande.situations.remove(&situation);
            }
            Changement::AutresRessources { ressources } => demande.ressources = ressources,
        }
    }
    let verdict = verifier(
        &demande,
        contexte.logement,
        contexte.territoire,
        candidature.aide_estimee,
    );
    let score = coter(grille, &demande, &Contexte { jour, ..*contexte });
    let autres = u32::try_from(terrain.len()).unwrap_or(u32::MAX);
    let (rang, sur) = if verdict.eligible() {
        let cle = Cle {
            total: score.total(),
            date_depot: demande.date_depot,
            id: candidature.id,
        };
        (Some(terrain.rang(&cle)), autres + 1)
    } else {
        (None, autres)
    };
    Simulation {
        verdict,
        score,
        rang,
        sur,
    }
}
