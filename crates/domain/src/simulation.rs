//! What-if (*et si…*): the score and rank a household would have after a change, against
//! the same field of candidates. The field is sorted once; each question is then one
//! scoring and one binary search, cheap enough for every keystroke.

use crate::classement::{Candidature, Classement, Cle};
use crate::cotation::{Contexte, Grille, Score, coter};
use crate::demande::{Ressources, Situation};
use crate::eligibilite::{Verdict, verifier};
use crate::jour::Jour;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

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

/// Another eligible candidate, reduced to what ranks them against the one asking: their
/// score, and whether they would stay ahead on an equal score (older request). Nothing
/// else about them leaves the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Adversaire {
    pub total: u32,
    pub devant_a_egalite: bool,
}

impl Adversaire {
    /// `autre` as seen by a candidate whose request was filed on `date_depot`, with `id`.
    pub fn face_a(autre: &Cle, date_depot: Jour, id: u64) -> Adversaire {
        Adversaire {
            total: autre.total,
            devant_a_egalite: (autre.date_depot, autre.id) < (date_depot, id),
        }
    }

    fn devant(&self, total: u32) -> bool {
        self.total > total || (self.total == total && self.devant_a_egalite)
    }
}

/// The other eligible candidates, those ahead first.
#[derive(Debug, Clone, Default)]
pub struct Terrain {
    adversaires: Vec<Adversaire>,
}

impl Terrain {
    pub fn new(mut adversaires: Vec<Adversaire>) -> Terrain {
        adversaires.sort_unstable_by_key(|a| (Reverse(a.total), !a.devant_a_egalite));
        Terrain { adversaires }
    }

    /// The field of a ranking, as `candidature` sees it (without itself).
    pub fn depuis(classement: &Classement, candidature: &Candidature) -> Terrain {
        let date_depot = candidature.demande.date_depot;
        Terrain::new(
            classement
                .classes
                .iter()
                .filter(|c| c.id != candidature.id)
                .map(|c| Adversaire::face_a(&c.cle(), date_depot, candidature.id))
                .collect(),
        )
    }

    /// The rank a candidate with `total` points would have in this field (1 for the first).
    pub fn rang(&self, total: u32) -> u32 {
        u32::try_from(self.adversaires.partition_point(|a| a.devant(total)) + 1).unwrap_or(u32::MAX)
    }

    pub fn adversaires(&self) -> &[Adversaire] {
        &self.adversaires
    }

    pub fn len(&self) -> usize {
        self.adversaires.len()
    }

    pub fn is_empty(&self) -> bool {
        self.adversaires.is_empty()
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
        (Some(terrain.rang(score.total())), autres + 1)
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
