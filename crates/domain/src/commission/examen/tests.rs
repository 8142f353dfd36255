use super::*;
use crate::api::{MotifIrrecevabilite, MotifNonAttribution, PieceJustificative};
use crate::erreur::Regle;
use proptest::prelude::*;

const JOUR: Jour = crate::jour!(2026, 12, 1);

fn presentes(n: usize) -> Issues {
    Issues {
        offre_id: 1,
        attribuee: false,
        candidats: (1..=n as i64)
            .map(|id| Issue {
                candidature_id: id,
                rang: id as u32,
                decision: None,
                condition: None,
                reponse: None,
                propose: false,
                decide_le: None,
                repondu_le: None,
            })
            .collect(),
    }
}

fn decider(issues: &Issues, id: i64, decision: Decision) -> Issues {
    issues
        .appliquer(Commande::Decider {
            candidature_id: id,
            decision,
            le: JOUR,
        })
        .unwrap()
        .0
}

fn sous_condition(rang: u8) -> Decision {
    Decision::AttribueSousCondition {
        rang,
        piece: PieceJustificative::AvisImposition,
        echeance: JOUR.plus_jours(30),
    }
}

#[test]
fn r441_3_b_the_home_goes_down_the_attribution_ranks_as_candidates_refuse() {
    let mut issues = presentes(3);
    assert_eq!(issues.propose(), None);
    issues = decider(&issues, 2, Decision::Attribue { rang: 2 });
    // Rank 1 not decided yet: the home is offered to the first attributed.
    assert_eq!(issues.propose(), Some(2));
    let (apres, suites) = issues
        .appliquer(Commande::Decider {
            candidature_id: 1,
            decision: Decision::Attribue { rang: 1 },
            le: JOUR,
        })
        .unwrap();
    assert_eq!(suites.proposee, Some(1));
    let (apres, suites) = apres
        .appliquer(Commande::Repondre {
            candidature_id: 1,
            accepte: false,
            le: JOUR,
        })
        .unwrap();
    assert_eq!((suites.non_retenue, suites.proposee), (Some(1), Some(2)));
    assert_eq!(apres.actions(2), [ActionIssue::EnregistrerReponse]);
    let (apres, _) = apres
        .appliquer(Commande::Repondre {
            candidature_id: 2,
            accepte: true,
            le: JOUR,
        })
        .unwrap();
    // Accepted: nobody else is asked; the lease can be signed.
    assert_eq!(apres.propose(), None);
    assert_eq!(apres.actions(2), [ActionIssue::SignerBail]);
    let (fini, suites) = apres
        .appliquer(Commande::SignerBail { candidature_id: 2 })
        .unwrap();
    assert_eq!(suites.attribuee, Some(2));
    for c in &fini.candidats {
        assert!(fini.actions(c.candidature_id).is_empty());
        for a in ActionIssue::TOUTES {
            assert_eq!(
                fini.permet(c.candidature_id, a),
                Err(RefusIssue::DejaAttribuee)
            );
        }
    }
}

#[test]
fn r441_3_c_a_suspensive_condition_holds_the_offer_until_the_document_or_the_deadline() {
    let issues = decider(
        &decider(&presentes(3), 1, sous_condition(1)),
        2,
        Decision::Attribue { rang: 2 },
    );
    // Rank 1 waits for a document: the home is offered to no one meanwhile.
    assert_eq!(issues.propose(), None);
    assert_eq!(issues.actions(1), [ActionIssue::LeverCondition]);
    let lever = |remplie, le| Commande::LeverCondition {
        candidature_id: 1,
        remplie,
        le,
    };
    let echeance = JOUR.plus_jours(30);
    // The document counts only by the deadline; the lapse only after it.
    for (commande, regle) in [
        (lever(true, echeance.plus_jours(1)), Regle::ApresEcheance),
        (lever(false, echeance), Regle::AvantEcheance),
        (lever(true, JOUR.plus_jours(-1)), Regle::AvantLaDecision),
    ] {
        assert_eq!(
            issues.appliquer(commande),
            Err(Refus::Invalide(vec![ErreurChamp::incoherent("le", regle)]))
        );
    }
    let (remplie, suites) = issues.appliquer(lever(true, echeance)).unwrap();
    assert_eq!(suites.proposee, Some(1));
    assert_eq!(
        remplie.permet(1, ActionIssue::LeverCondition),
        Err(RefusIssue::DejaDecide)
    );
    let (caduque, suites) = issues
        .appliquer(lever(false, echeance.plus_jours(1)))
        .unwrap();
    assert_eq!((suites.non_retenue, suites.proposee), (Some(1), Some(2)));
    assert_eq!(
        caduque.permet(2, ActionIssue::LeverCondition),
        Err(RefusIssue::SansCondition)
    );
}

#[test]
fn r441_3_a_deadline_comes_after_the_decision_and_within_three_months() {
    let issues = presentes(3);
    for echeance in [JOUR, JOUR.plus_jours(ECHEANCE_MAX_JOURS + 1)] {
        let decision = Decision::AttribueSousCondition {
            rang: 1,
            piece: PieceJustificative::TitreSejour,
            echeance,
        };
        assert_eq!(
            issues.appliquer(Commande::Decider {
                candidature_id: 1,
                decision,
                le: JOUR
            }),
            Err(Refus::Invalide(vec![ErreurChamp::incoherent(
                "decision.echeance",
                Regle::Echeance
            )]))
        );
    }
}

#[test]
fn ranks_go_from_one_to_the_number_examined_each_once() {
    let issues = decider(&presentes(4), 1, Decision::Attribue { rang: 4 });
    let commande = |id, rang| Commande::Decider {
        candidature_id: id,
        decision: Decision::Attribue { rang },
        le: JOUR,
    };
    assert!(matches!(
        issues.appliquer(commande(2, 5)),
        Err(Refus::Invalide(e)) if e[0].code == CodeErreur::HorsLimites { min: 1, max: 4 }
    ));
    assert!(matches!(
        issues.appliquer(commande(2, 4)),
        Err(Refus::Invalide(e)) if e[0].code == CodeErreur::Repete
    ));
    assert_eq!(
        issues.appliquer(commande(1, 2)),
        Err(Refus::Etat(RefusIssue::DejaDecide))
    );
    assert_eq!(
        issues.appliquer(commande(9, 2)),
        Err(Refus::Etat(RefusIssue::NonPresente))
    );
}

#[test]
fn r441_3_d_e_non_attribution_and_inadmissibility_put_the_candidate_out() {
    let issues = presentes(3);
    for decision in [
        Decision::NonAttribue {
            motif: MotifNonAttribution::LogementInadapte,
        },
        Decision::Irrecevable {
            motif: MotifIrrecevabilite::PlafondDepasse,
        },
    ] {
        let (apres, suites) = issues
            .appliquer(Commande::Decider {
                candidature_id: 1,
                decision,
                le: JOUR,
            })
            .unwrap();
        assert_eq!(suites.non_retenue, Some(1));
        assert!(apres.actions(1).is_empty());
    }
}

fn commande() -> impl Strategy<Value = Commande> {
    let id = 1i64..=5;
    let jour = (-3i32..120).prop_map(|n| JOUR.plus_jours(n));
    let decision = prop_oneof![
        (0u8..=6).prop_map(|rang| Decision::Attribue { rang }),
        (0u8..=6, 0i32..100).prop_map(|(rang, n)| Decision::AttribueSousCondition {
            rang,
            piece: PieceJustificative::Identite,
            echeance: JOUR.plus_jours(n),
        }),
        Just(Decision::NonAttribue {
            motif: MotifNonAttribution::AutreCandidatRetenu
        }),
        Just(Decision::Irrecevable {
            motif: MotifIrrecevabilite::ConditionSejour
        }),
    ];
    prop_oneof![
        (id.clone(), decision, jour.clone()).prop_map(|(candidature_id, decision, le)| {
            Commande::Decider {
                candidature_id,
                decision,
                le,
            }
        }),
        (id.clone(), any::<bool>(), jour.clone()).prop_map(|(candidature_id, remplie, le)| {
            Commande::LeverCondition {
                candidature_id,
                remplie,
                le,
            }
        }),
        (id.clone(), any::<bool>(), jour).prop_map(|(candidature_id, accepte, le)| {
            Commande::Repondre {
                candidature_id,
                accepte,
                le,
            }
        }),
        id.prop_map(|candidature_id| Commande::SignerBail { candidature_id }),
    ]
}

/// What must hold in every state the commands can reach.
fn coherent(issues: &Issues) -> Result<(), String> {
    let n = issues.candidats.len();
    let rangs: Vec<u8> = issues
        .candidats
        .iter()
        .filter_map(|i| i.decision.and_then(Decision::rang))
        .collect();
    let mut uniques = rangs.clone();
    uniques.sort_unstable();
    uniques.dedup();
    if uniques.len() != rangs.len() || rangs.iter().any(|&r| r == 0 || usize::from(r) > n) {
        return Err(format!("rangs {rangs:?}"));
    }
    for i in &issues.candidats {
        if i.reponse.is_some() && i.decision.and_then(Decision::rang).is_none() {
            return Err(format!("réponse sans attribution: {i:?}"));
        }
        if i.reponse.is_some() && en_attente_de_piece(i) {
            return Err(format!("réponse avant la pièce: {i:?}"));
        }
        if i.condition.is_some()
            && !matches!(i.decision, Some(Decision::AttribueSousCondition { .. }))
        {
            return Err(format!("condition sans objet: {i:?}"));
        }
    }
    if issues.candidats.iter().filter(|i| accepte(i)).count() > 1 {
        return Err("deux acceptations".into());
    }
    if let Some(p) = issues.propose() {
        let rang = |i: &Issue| i.decision.and_then(Decision::rang);
        let propose = issues
            .candidats
            .iter()
            .find(|i| i.candidature_id == p)
            .ok_or("proposé inconnu")?;
        // Every attribution ranked before is out of the running.
        if issues
            .candidats
            .iter()
            .any(|i| en_lice(i) && rang(i) < rang(propose))
        {
            return Err(format!("proposé à {p} avant un rang devant"));
        }
    }
    let propose_flags = issues.candidats.iter().filter(|i| i.propose).count();
    if propose_flags > 1 || (propose_flags == 1) != issues.propose().is_some() {
        return Err("drapeaux propose".into());
    }
    Ok(())
}

proptest! {
    /// R.441-3 and R.441-10 as a state machine: no sequence of commands reaches a state
    /// that breaks them, and a lease follows an accepted offer only.
    #[test]
    fn no_sequence_of_commands_reaches_an_incoherent_state(
        n in 1usize..=5,
        commandes in proptest::collection::vec(commande(), 0..40),
    ) {
        let mut issues = presentes(n);
        for c in commandes {
            let permis = issues.permet(c.candidature_id(), c.action());
            match issues.appliquer(c) {
                Ok((apres, suites)) => {
                    prop_assert!(permis.is_ok(), "{c:?} appliquée malgré {permis:?}");
                    if let Err(e) = coherent(&apres) {
                        prop_assert!(false, "{e} après {c:?}");
                    }
                    if let Some(id) = suites.attribuee {
                        prop_assert!(issues.candidats.iter().any(|i| i.candidature_id == id && accepte(i)));
                    }
                    issues = apres;
                }
                // What the screens do not offer is refused for the same reason.
                Err(Refus::Etat(r)) => prop_assert_eq!(permis, Err(r)),
                Err(Refus::Invalide(_)) => prop_assert!(permis.is_ok()),
            }
        }
    }
}
