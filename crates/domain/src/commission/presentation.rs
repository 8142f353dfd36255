//! The shortlist sent to the commission. R.441-3 of the code de la construction et de
//! l'habitation: *« Sauf en cas d'insuffisance du nombre des candidats, les commissions
//! d'attribution […] examinent au moins trois demandes pour un même logement à attribuer »*,
//! except for households designated by the préfet (L.441-2-3) and homes financed with the
//! subsidy of D.331-25-1; it may examine more. Which exception applied is recorded and
//! published. Every eligible candidate the shortlist passes over needs a motive from a
//! fixed list and a free-text precision, recorded and later published anonymised.

use super::PRECISION_MAX;
use crate::api::{ExceptionTroisCandidats, MotifPassage, Presentation};
use crate::erreur::{CodeErreur, ErreurChamp, Regle};
use std::collections::BTreeSet;

/// The fewest candidates the commission examines for a home, outside the exceptions.
pub const EXAMINES_MIN: usize = 3;

/// The most candidates one shortlist holds: the commission may examine more than three,
/// but a meeting reads each file.
pub const EXAMINES_MAX: usize = 10;

/// An eligible candidate of the frozen ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Eligible {
    pub candidature_id: i64,
    pub rang: u32,
    /// Recognised as a DALO priority, so that the préfet may have designated them.
    pub dalo: bool,
}

/// What the shortlist is checked against: the frozen ranking and the home.
#[derive(Debug, Clone, Copy)]
pub struct Vivier<'a> {
    pub eligibles: &'a [Eligible],
    /// The home is financed PLAI (the only kind the subsidy of D.331-25-1 goes to).
    pub plai: bool,
}

/// A candidate passed over, as it will be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passe {
    pub candidature_id: i64,
    pub rang: u32,
    pub motif: MotifPassage,
    pub precision: String,
}

/// The eligible candidates left out who need a motive, in rank order: those ranked above
/// the last one presented; when fewer than three are presented for insufficient demand,
/// everyone left out (the exception holds only if no one else could have been examined).
pub fn a_motiver(
    eligibles: &[Eligible],
    presentes: &[i64],
    exception: Option<ExceptionTroisCandidats>,
) -> Vec<Eligible> {
    let dernier = eligibles
        .iter()
        .filter(|e| presentes.contains(&e.candidature_id))
        .map(|e| e.rang)
        .max()
        .unwrap_or(0);
    let tous = exception == Some(ExceptionTroisCandidats::InsuffisanceCandidats)
        && presentes.len() < EXAMINES_MIN;
    let mut liste: Vec<Eligible> = eligibles
        .iter()
        .filter(|e| !presentes.contains(&e.candidature_id) && (tous || e.rang < dernier))
        .copied()
        .collect();
    liste.sort_by_key(|e| e.rang);
    liste
}

/// Checks a shortlist against the ranking; returns the passages to record.
pub fn verifier(vivier: Vivier<'_>, p: &Presentation) -> Result<Vec<Passe>, Vec<ErreurChamp>> {
    let eligibles = vivier.eligibles;
    let mut erreurs = Vec::new();
    let n = p.candidatures.len();
    if n == 0 || n > EXAMINES_MAX {
        erreurs.push(ErreurChamp::new(
            "candidatures",
            CodeErreur::HorsLimites {
                min: 1,
                max: EXAMINES_MAX as i64,
            },
        ));
    }
    let eligible = |id: i64| eligibles.iter().find(|e| e.candidature_id == id);
    let mut presentes = BTreeSet::new();
    for (i, &id) in p.candidatures.iter().enumerate() {
        let champ = format!("candidatures.{i}");
        if eligible(id).is_none() {
            erreurs.push(ErreurChamp::new(&champ, CodeErreur::ValeurInconnue));
        } else if !presentes.insert(id) {
            erreurs.push(ErreurChamp::new(&champ, CodeErreur::Repete));
        }
    }
    if n > 0 {
        erreurs.extend(verifier_exception(vivier, p));
    }
    let ids: Vec<i64> = presentes.iter().copied().collect();
    let passes: BTreeSet<i64> = a_motiver(eligibles, &ids, p.exception)
        .iter()
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
        } else if !crate::texte::propre(precision, true) {
            // Published as it is written: nothing in it may hide or reorder text.
            erreurs
                .push(ErreurChamp::new("precision", CodeErreur::CaracteresInterdits).dans(&champ));
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
            rang: eligible(passage.candidature_id).map_or(0, |e| e.rang),
            motif: passage.motif,
            precision: precision.to_owned(),
        });
    }
    if passes.iter().any(|id| !motives.contains(id)) {
        erreurs.push(ErreurChamp::incoherent("passages", Regle::MotifRequis));
    }
    if erreurs.is_empty() {
        resultat.sort_by_key(|p| p.rang);
        Ok(resultat)
    } else {
        Err(erreurs)
    }
}

/// Three or more candidates need no exception; fewer need one that holds.
fn verifier_exception(vivier: Vivier<'_>, p: &Presentation) -> Option<ErreurChamp> {
    let moins_de_trois = p.candidatures.len() < EXAMINES_MIN;
    let regle = match (moins_de_trois, p.exception) {
        (false, None) => return None,
        (false, Some(_)) => Regle::ExceptionSansObjet,
        (true, None) => return Some(ErreurChamp::incoherent("candidatures", Regle::TroisMinimum)),
        (true, Some(ExceptionTroisCandidats::InsuffisanceCandidats)) => return None,
        (true, Some(ExceptionTroisCandidats::DesignationPrefet)) => {
            let dalo_presente = vivier
                .eligibles
                .iter()
                .any(|e| e.dalo && p.candidatures.contains(&e.candidature_id));
            if dalo_presente {
                return None;
            }
            Regle::DesignationSansDalo
        }
        (true, Some(ExceptionTroisCandidats::LogementPlaiAdapte)) if vivier.plai => return None,
        (true, Some(ExceptionTroisCandidats::LogementPlaiAdapte)) => Regle::PlaiAdapteSansPlai,
    };
    Some(ErreurChamp::incoherent("exception", regle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::PassageSaisi;
    use crate::offre::Code;
    use ExceptionTroisCandidats::*;

    /// Six eligible candidates; the fourth is recognised DALO.
    fn classement() -> Vec<Eligible> {
        (1..=6)
            .map(|rang| Eligible {
                candidature_id: i64::from(rang) * 10,
                rang,
                dalo: rang == 4,
            })
            .collect()
    }

    fn vivier(eligibles: &[Eligible]) -> Vivier<'_> {
        Vivier {
            eligibles,
            plai: false,
        }
    }

    fn presentation(
        ids: &[i64],
        passages: &[(i64, &str)],
        exception: Option<ExceptionTroisCandidats>,
    ) -> Presentation {
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
            exception,
        }
    }

    fn champs(r: Result<Vec<Passe>, Vec<ErreurChamp>>) -> Vec<String> {
        r.unwrap_err().into_iter().map(|e| e.champ).collect()
    }

    fn regles(r: Result<Vec<Passe>, Vec<ErreurChamp>>) -> Vec<(String, String)> {
        r.unwrap_err()
            .into_iter()
            .map(|e| match e.code {
                CodeErreur::Incoherent { regle } => (e.champ, regle.code().to_owned()),
                autre => (e.champ, format!("{autre:?}")),
            })
            .collect()
    }

    #[test]
    fn r441_3_the_commission_examines_at_least_three_and_may_examine_more() {
        let c = classement();
        for n in 3..=6 {
            let ids: Vec<i64> = c.iter().take(n).map(|e| e.candidature_id).collect();
            assert_eq!(
                verifier(vivier(&c), &presentation(&ids, &[], None)),
                Ok(vec![]),
                "{n} candidats"
            );
        }
        for n in 1..=2 {
            let ids: Vec<i64> = c.iter().take(n).map(|e| e.candidature_id).collect();
            assert_eq!(
                regles(verifier(vivier(&c), &presentation(&ids, &[], None))),
                [("candidatures".to_owned(), "trois_minimum".to_owned())]
            );
        }
        // An exception is recorded only when it was needed.
        assert_eq!(
            regles(verifier(
                vivier(&c),
                &presentation(&[10, 20, 30], &[], Some(InsuffisanceCandidats))
            )),
            [("exception".to_owned(), "exception_sans_objet".to_owned())]
        );
    }

    #[test]
    fn r441_3_insufficient_demand_holds_when_no_one_else_could_be_examined() {
        // Two eligible candidates only: both presented.
        let deux = &classement()[..2];
        assert_eq!(
            verifier(
                vivier(deux),
                &presentation(&[10, 20], &[], Some(InsuffisanceCandidats))
            ),
            Ok(vec![])
        );
        // Six eligible, two presented: the four others need a motive each, lower-ranked too.
        let c = classement();
        assert_eq!(
            champs(verifier(
                vivier(&c),
                &presentation(
                    &[10, 20],
                    &[(30, "A renoncé.")],
                    Some(InsuffisanceCandidats)
                )
            )),
            ["passages"]
        );
        let motifs = [
            (30, "A renoncé."),
            (40, "Injoignable."),
            (50, "A renoncé."),
            (60, "A renoncé."),
        ];
        let passes = verifier(
            vivier(&c),
            &presentation(&[10, 20], &motifs, Some(InsuffisanceCandidats)),
        )
        .unwrap();
        assert_eq!(
            passes.iter().map(|p| p.rang).collect::<Vec<_>>(),
            [3, 4, 5, 6]
        );
    }

    #[test]
    fn r441_3_a_designation_by_the_prefet_needs_a_dalo_household_presented() {
        let c = classement();
        let motifs = [(10, "x"), (20, "x"), (30, "x")];
        assert_eq!(
            verifier(
                vivier(&c),
                &presentation(&[40], &motifs, Some(DesignationPrefet))
            )
            .map(|p| p.len()),
            Ok(3)
        );
        assert_eq!(
            regles(verifier(
                vivier(&c),
                &presentation(&[10], &[], Some(DesignationPrefet))
            )),
            [("exception".to_owned(), "designation_sans_dalo".to_owned())]
        );
    }

    #[test]
    fn r441_3_the_plai_adapte_exception_needs_a_plai_home() {
        let c = classement();
        let p = presentation(&[10], &[], Some(LogementPlaiAdapte));
        assert_eq!(
            regles(verifier(vivier(&c), &p)),
            [("exception".to_owned(), "plai_adapte_sans_plai".to_owned())]
        );
        assert_eq!(
            verifier(
                Vivier {
                    eligibles: &c,
                    plai: true
                },
                &p
            ),
            Ok(vec![])
        );
    }

    #[test]
    fn passing_over_a_higher_ranked_candidate_needs_a_motive_and_a_precision() {
        let c = classement();
        assert_eq!(
            champs(verifier(
                vivier(&c),
                &presentation(&[20, 30, 40], &[], None)
            )),
            ["passages"]
        );
        assert_eq!(
            champs(verifier(
                vivier(&c),
                &presentation(&[20, 30, 40], &[(10, "  ")], None)
            )),
            ["passages.0.precision"]
        );
        let passes = verifier(
            vivier(&c),
            &presentation(&[20, 30, 40], &[(10, "A renoncé par écrit.")], None),
        )
        .unwrap();
        assert_eq!(passes.len(), 1);
        assert_eq!((passes[0].candidature_id, passes[0].rang), (10, 1));
        // The precision is published as written: nothing in it may hide or reorder text
        // (issue 16), and it stays short.
        for cachee in ["A renoncé \u{202E}.tirécé rap", "Dossier\u{0}incomplet"] {
            assert_eq!(
                champs(verifier(
                    vivier(&c),
                    &presentation(&[20, 30, 40], &[(10, cachee)], None)
                )),
                ["passages.0.precision"],
                "{cachee:?}"
            );
        }
        let longue = "x".repeat(PRECISION_MAX + 1);
        assert_eq!(
            champs(verifier(
                vivier(&c),
                &presentation(&[20, 30, 40], &[(10, &longue)], None)
            )),
            ["passages.0.precision"]
        );
    }

    #[test]
    fn the_shortlist_holds_distinct_eligible_candidates_within_limits() {
        let c = classement();
        assert_eq!(
            champs(verifier(vivier(&c), &presentation(&[], &[], None))),
            ["candidatures"]
        );
        let beaucoup: Vec<Eligible> = (1..=12)
            .map(|rang| Eligible {
                candidature_id: i64::from(rang),
                rang,
                dalo: false,
            })
            .collect();
        let ids: Vec<i64> = (1..=11).collect();
        assert_eq!(
            champs(verifier(vivier(&beaucoup), &presentation(&ids, &[], None))),
            ["candidatures"]
        );
        assert_eq!(
            champs(verifier(
                vivier(&c),
                &presentation(&[10, 99, 10, 20], &[], None)
            )),
            ["candidatures.1", "candidatures.2"]
        );
        // A motive for someone who was not passed over is refused.
        assert_eq!(
            champs(verifier(
                vivier(&c),
                &presentation(&[10, 20, 30], &[(40, "x")], None)
            )),
            ["passages.0.candidature_id"]
        );
    }
}
