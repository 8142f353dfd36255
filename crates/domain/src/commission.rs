//! The commission's shortlist: up to three eligible candidates; any eligible candidate
//! ranked above the last one presented but left out needs a motive from a fixed list and a
//! free-text precision, which are recorded and later published anonymised.

use crate::api::{MotifPassage, Presentation, ProfilCandidat};
use crate::argent::Euros;
use crate::classement::CANDIDATS_PRESENTES;
use crate::demande::Demande;
use crate::eligibilite::{reste_pour_vivre_par_uc, taux_pour_mille};
use crate::erreur::{CodeErreur, ErreurChamp};
use crate::logement::Logement;
use crate::mixite;
use std::collections::BTreeSet;

/// The longest precision of a motive.
pub const PRECISION_MAX: usize = 500;

/// What the commission reads of an anonymous candidate beside their rank: the household's
/// size, its yearly resources per consumption unit (declared monthly resources × 12), the
/// rent burden this home would be and the *reste pour vivre* per consumption unit (the
/// housing benefit counted as 0). Nothing names them, nor tells a situation (a disability
/// moves no figure here).
pub fn profil(demande: &Demande, logement: &Logement) -> ProfilCandidat {
    let ressources = demande.ressources_mensuelles(logement.annee).montant;
    let uc = mixite::unites_consommation_dixiemes(&demande.menage);
    let depense = logement.loyer + logement.charges;
    ProfilCandidat {
        personnes: u8::try_from(demande.menage.personnes()).unwrap_or(u8::MAX),
        ressources_par_uc: mixite::ressources_par_uc(
            Euros::from_centimes(ressources.centimes() * 12),
            uc,
        ),
        taux_effort_pour_mille: taux_pour_mille(depense, ressources),
        reste_pour_vivre_par_uc: Some(reste_pour_vivre_par_uc(ressources, depense, uc)),
    }
}

/// An eligible candidate of the frozen ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Eligible {
    pub candidature_id: i64,
    pub rang: u32,
}

/// A candidate passed over, as it will be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passe {
    pub candidature_id: i64,
    pub rang: u32,
    pub motif: MotifPassage,
    pub precision: String,
}

/// Checks a shortlist against the ranking; returns the passages to record.
pub fn verifier(eligibles: &[Eligible], p: &Presentation) -> Result<Vec<Passe>, Vec<ErreurChamp>> {
    let mut erreurs = Vec::new();
    let n = p.candidatures.len();
    if n == 0 || n > CANDIDATS_PRESENTES as usize {
        erreurs.push(ErreurChamp::new(
            "candidatures",
            CodeErreur::HorsLimites {
                min: 1,
                max: i64::from(CANDIDATS_PRESENTES),
            },
        ));
    }
    let rang_de = |id: i64| {
        eligibles
            .iter()
            .find(|e| e.candidature_id == id)
            .map(|e| e.rang)
    };
    let mut presentes = BTreeSet::new();
    for (i, &id) in p.candidatures.iter().enumerate() {
        let champ = format!("candidatures.{i}");
        if rang_de(id).is_none() {
            erreurs.push(ErreurChamp::new(&champ, CodeErreur::ValeurInconnue));
        } else if !presentes.insert(id) {
            erreurs.push(ErreurChamp::new(&champ, CodeErreur::Repete));
        }
    }
    let dernier = presentes
        .iter()
        .filter_map(|&id| rang_de(id))
        .max()
        .unwrap_or(0);
    let passes: BTreeSet<i64> = eligibles
        .iter()
        .filter(|e| e.rang < dernier && !presentes.contains(&e.candidature_id))
        .map(|e| e.candidature_id)
        .collect();
    let mut motives = BTreeSet::new();
    let mut resultat = Vec::new();
    for (i, passage) in p.passages.iter().enumerate() {
        let champ = format!("passages.{i}");
        if !passes.contains(&passage.candidature_id) {
            erreurs
                .push(ErreurChamp::new("candidature_id", CodeErreur::ValeurInconnue).dans(&champ));
            continue;
        }
        if !motives.insert(passage.candidature_id) {
            erreurs.push(ErreurChamp::new("candidature_id", CodeErreur::Repete).dans(&champ));
            continue;
        }
        let precision = passage.precision.trim();
        if precision.is_empty() {
            erreurs.push(ErreurChamp::new("precision", CodeErreur::Requis).dans(&champ));
        } else if precision.chars().count() > PRECISION_MAX {
            erreurs.push(
                ErreurChamp::new(
                    "precision",
                    CodeErreur::HorsLimites {
                        min: 1,
                        max: PRECISION_MAX as i64,
                    },
                )
                .dans(&champ),
            );
        }
        resultat.push(Passe {
            candidature_id: passage.candidature_id,
            rang: rang_de(passage.candidature_id).unwrap_or(0),
            motif: passage.motif,
            precision: precision.to_owned(),
        });
    }
    if passes.iter().any(|id| !motives.contains(id)) {
        erreurs.push(ErreurChamp::incoherent("passages", "motif_requis"));
    }
    if erreurs.is_empty() {
        resultat.sort_by_key(|p| p.rang);
        Ok(resultat)
    } else {
        Err(erreurs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::PassageSaisi;

    fn classement() -> Vec<Eligible> {
        (1..=6)
            .map(|rang| Eligible {
                candidature_id: i64::from(rang) * 10,
                rang,
            })
            .collect()
    }

    fn presentation(ids: &[i64], passages: &[(i64, &str)]) -> Presentation {
        Presentation {
            candidatures: ids.to_vec(),
            passages: passages
                .iter()
                .map(|&(id, precision)| PassageSaisi {
                    candidature_id: id,
                    motif: MotifPassage::Desistement,
                    precision: precision.into(),
                })
                .collect(),
        }
    }

    fn champs(r: Result<Vec<Passe>, Vec<ErreurChamp>>) -> Vec<String> {
        r.unwrap_err().into_iter().map(|e| e.champ).collect()
    }

    #[test]
    fn the_first_three_need_no_motive() {
        assert_eq!(
            verifier(&classement(), &presentation(&[10, 20, 30], &[])),
            Ok(vec![])
        );
        assert_eq!(
            verifier(&classement(), &presentation(&[30, 10], &[]))
                .unwrap_err()
                .len(),
            1
        );
    }

    #[test]
    fn passing_over_a_higher_ranked_candidate_needs_a_motive_and_a_precision() {
        assert_eq!(
            champs(verifier(&classement(), &presentation(&[20, 30, 40], &[]))),
            ["passages"]
        );
        assert_eq!(
            champs(verifier(
                &classement(),
                &presentation(&[20, 30, 40], &[(10, "  ")])
            )),
            ["passages.0.precision"]
        );
        let passes = verifier(
            &classement(),
            &presentation(&[20, 30, 40], &[(10, "A renoncé par écrit.")]),
        )
        .unwrap();
        assert_eq!(passes.len(), 1);
        assert_eq!((passes[0].candidature_id, passes[0].rang), (10, 1));
    }

    #[test]
    fn the_shortlist_holds_one_to_three_distinct_eligible_candidates() {
        assert_eq!(
            champs(verifier(&classement(), &presentation(&[], &[]))),
            ["candidatures"]
        );
        assert_eq!(
            champs(verifier(
                &classement(),
                &presentation(&[10, 20, 30, 40], &[])
            )),
            ["candidatures"]
        );
        assert_eq!(
            champs(verifier(&classement(), &presentation(&[10, 99, 10], &[]))),
            ["candidatures.1", "candidatures.2"]
        );
        // A motive for someone who was not passed over is refused.
        assert_eq!(
            champs(verifier(
                &classement(),
                &presentation(&[10, 20], &[(30, "x")])
            )),
            ["passages.0.candidature_id"]
        );
    }
}

/// Who the home is offered to now: the candidate attributed in the lowest rank who has not
/// refused, once every rank before them has refused. `issues` are (candidature, rank of
/// attribution, answer: `Some(true)` accepted, `Some(false)` refused).
pub fn propose(issues: &[(i64, u8, Option<bool>)]) -> Option<i64> {
    let mut ordre: Vec<&(i64, u8, Option<bool>)> = issues.iter().collect();
    ordre.sort_by_key(|i| i.1);
    ordre
        .into_iter()
        .find(|i| i.2 != Some(false))
        .filter(|i| i.2.is_none())
        .map(|i| i.0)
}

#[cfg(test)]
mod tests_propose {
    use super::propose;

    #[test]
    fn the_home_goes_down_the_attribution_ranks_as_candidates_refuse() {
        assert_eq!(propose(&[]), None);
        assert_eq!(propose(&[(20, 2, None), (10, 1, None)]), Some(10));
        assert_eq!(propose(&[(10, 1, Some(false)), (20, 2, None)]), Some(20));
        // Accepted: nobody else is asked.
        assert_eq!(propose(&[(10, 1, Some(true)), (20, 2, None)]), None);
        assert_eq!(propose(&[(10, 1, Some(false)), (20, 2, Some(false))]), None);
    }
}
