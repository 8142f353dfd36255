//! The letting's lifecycle: examples named after what they check, then random sequences
//! of commands on random lettings that must never reach an invalid state.

use super::*;
use crate::jour;
use EtatCandidature as E;
use proptest::prelude::*;

const OUVERTURE: Jour = jour!(2026, 11, 2);
const CLOTURE: Jour = jour!(2026, 11, 16);

fn location(etats: &[EtatCandidature]) -> Location {
    Location {
        ouverture: OUVERTURE,
        cloture: CLOTURE,
        retiree: false,
        classee: false,
        candidatures: etats
            .iter()
            .enumerate()
            .map(|(i, &etat)| Candidature {
                id: i as i64 + 1,
                etat,
                rang: None,
            })
            .collect(),
    }
}

fn apres_cloture() -> Jour {
    CLOTURE.plus_jours(1)
}

/// Ranked: applications 1..=n eligible in that order, withdrawn ones left out.
fn classee(etats: &[EtatCandidature]) -> Location {
    let l = location(etats);
    let rangs: Vec<(i64, Option<u32>)> = l
        .candidatures
        .iter()
        .filter(|c| c.etat != E::Retiree)
        .enumerate()
        .map(|(r, c)| (c.id, Some(r as u32 + 1)))
        .collect();
    l.appliquer(&Commande::Classer { rangs }, apres_cloture())
        .expect("classer")
        .0
}

#[test]
fn withdrawing_before_closing_withdraws_each_filed_application_and_tells_its_applicant() {
    let l = location(&[E::Deposee, E::Retiree, E::Deposee]);
    let (apres, effets) = l.appliquer(&Commande::Retirer, OUVERTURE).expect("retirer");
    assert_eq!(apres.etape(OUVERTURE), Etape::Retiree);
    assert!(apres.candidatures.iter().all(|c| c.etat == E::Retiree));
    let dites: Vec<i64> = effets
        .iter()
        .filter_map(|e| match e {
            Effet::Notifier {
                candidature_id,
                genre: GenreNotification::CandidatureRetiree,
            } => Some(*candidature_id),
            _ => None,
        })
        .collect();
    assert_eq!(
        dites,
        [1, 3],
        "the one withdrawn by its applicant is not told again"
    );
    assert_eq!(
        apres.appliquer(&Commande::CloreMaintenant, OUVERTURE.plus_jours(1)),
        Err(Refus::Retiree)
    );
    assert_eq!(
        location(&[]).appliquer(&Commande::Retirer, apres_cloture()),
        Err(Refus::Close)
    );
}

#[test]
fn closing_early_ends_the_window_the_day_before_and_needs_a_day_before() {
    let l = location(&[E::Deposee]);
    let jour = OUVERTURE.plus_jours(3);
    let (apres, effets) = l
        .appliquer(&Commande::CloreMaintenant, jour)
        .expect("clore");
    assert_eq!(effets, [Effet::Cloture(jour.plus_jours(-1))]);
    assert_eq!(apres.etape(jour), Etape::AClasser);
    assert_eq!(
        l.appliquer(&Commande::CloreMaintenant, OUVERTURE),
        Err(Refus::PasOuverte),
        "opened today: no earlier day to end on"
    );
    assert_eq!(
        l.appliquer(&Commande::CloreMaintenant, apres_cloture()),
        Err(Refus::Close)
    );
}

#[test]
fn the_ranking_is_frozen_once_after_the_window_and_names_every_live_application() {
    let l = location(&[E::Deposee, E::Retiree, E::Deposee]);
    let rangs = vec![(1, Some(1)), (3, None)];
    assert_eq!(
        l.appliquer(
            &Commande::Classer {
                rangs: rangs.clone()
            },
            CLOTURE
        ),
        Err(Refus::FenetreOuverte),
        "the closing day is still open"
    );
    assert_eq!(
        l.appliquer(
            &Commande::Classer {
                rangs: vec![(1, Some(1))]
            },
            apres_cloture()
        ),
        Err(Refus::ClassementIncoherent)
    );
    let (apres, effets) = l
        .appliquer(&Commande::Classer { rangs }, apres_cloture())
        .expect("classer");
    assert_eq!(effets.len(), 4, "two applications, each classed and told");
    assert_eq!(apres.candidatures[0].rang, Some(1));
    assert_eq!(
        apres.appliquer(
            &Commande::Classer {
                rangs: vec![(1, Some(2)), (3, Some(1))],
            },
            apres_cloture(),
        ),
        Err(Refus::DejaClassee),
        "a frozen ranking never changes"
    );
}

/// R.441-3 and the guide of choice-based letting: a candidate ranked above the last one
/// presented is presented or passed over with a motive.
#[test]
fn presenting_past_a_higher_ranked_candidate_needs_that_candidate_passed_over() {
    let l = classee(&[E::Deposee, E::Deposee, E::Deposee, E::Deposee]);
    let jour = apres_cloture();
    let sans_motif = Commande::Presenter {
        presentees: vec![2, 3, 4],
        passees: vec![],
    };
    assert_eq!(
        l.appliquer(&sans_motif, jour),
        Err(Refus::PresentationIncoherente)
    );
    let avec_motif = Commande::Presenter {
        presentees: vec![2, 3, 4],
        passees: vec![1],
    };
    let (apres, _) = l.appliquer(&avec_motif, jour).expect("presenter");
    assert_eq!(apres.etape(jour), Etape::EnCommission);
    assert_eq!(apres.candidatures[0].etat, E::Classee);
    assert_eq!(
        apres.appliquer(&avec_motif, jour),
        Err(Refus::DejaPresentee)
    );
}

#[test]
fn the_lease_sets_the_others_aside_and_publishes_the_result_once() {
    let l = classee(&[E::Deposee, E::Deposee, E::Deposee, E::Deposee]);
    let jour = apres_cloture();
    let (l, _) = l
        .appliquer(
            &Commande::Presenter {
                presentees: vec![1, 2, 3],
                passees: vec![],
            },
            jour,
        )
        .expect("presenter");
    assert_eq!(
        l.appliquer(&Commande::SignerBail { candidature_id: 4 }, jour),
        Err(Refus::NonPresentee),
        "not presented: no lease"
    );
    let (l, _) = l
        .appliquer(&Commande::Ecarter { candidature_id: 1 }, jour)
        .expect("ecarter");
    let (l, effets) = l
        .appliquer(&Commande::SignerBail { candidature_id: 2 }, jour)
        .expect("bail");
    assert_eq!(
        effets
            .iter()
            .filter(|e| matches!(e, Effet::PublierResultat { candidature_id: 2 }))
            .count(),
        1
    );
    let etats: Vec<EtatCandidature> = l.candidatures.iter().map(|c| c.etat).collect();
    assert_eq!(
        etats,
        [E::NonRetenue, E::Attribuee, E::NonRetenue, E::NonRetenue]
    );
    assert_eq!(l.etape(jour), Etape::Attribuee);
    assert_eq!(
        l.appliquer(&Commande::Ecarter { candidature_id: 3 }, jour),
        Err(Refus::DejaAttribuee)
    );
}

/// A command chosen from the current state (so that sequences go deep), or a random one.
fn commande(l: &Location, choix: u8, graine: u64) -> Commande {
    let ids: Vec<i64> = l.candidatures.iter().map(|c| c.id).collect();
    let quelconque = |n: u64| {
        ids.get((n as usize) % ids.len().max(1))
            .copied()
            .unwrap_or(99)
    };
    let classees: Vec<(i64, u32)> = {
        let mut v: Vec<(i64, u32)> = l
            .candidatures
            .iter()
            .filter(|c| c.etat == E::Classee)
            .filter_map(|c| c.rang.map(|r| (c.id, r)))
            .collect();
        v.sort_by_key(|&(_, r)| r);
        v
    };
    match choix % 8 {
        0 => Commande::Retirer,
        1 => Commande::CloreMaintenant,
        2 => {
            // A correct ranking: live applications, some ineligible, ranks in order.
            let mut rang = 0;
            Commande::Classer {
                rangs: l
                    .candidatures
                    .iter()
                    .filter(|c| c.etat != E::Retiree)
                    .map(|c| {
                        let eligible = (graine >> (c.id % 60)) & 1 == 0;
                        (
                            c.id,
                            eligible.then(|| {
                                rang += 1;
                                rang
                            }),
                        )
                    })
                    .collect(),
            }
        }
        3 => {
            // The first k presented after skipping s with a motive.
            let s = (graine % 2) as usize;
            let k = 1 + (graine / 2 % 3) as usize;
            Commande::Presenter {
                passees: classees.iter().take(s).map(|&(id, _)| id).collect(),
                presentees: classees.iter().skip(s).take(k).map(|&(id, _)| id).collect(),
            }
        }
        4 => Commande::Presenter {
            presentees: vec![quelconque(graine)],
            passees: vec![],
        },
        5 => Commande::Ecarter {
            candidature_id: quelconque(graine),
        },
        6 => Commande::SignerBail {
            candidature_id: quelconque(graine),
        },
        _ => Commande::Classer {
            rangs: vec![(quelconque(graine), Some(1))],
        },
    }
}

fn etats() -> impl Strategy<Value = Vec<EtatCandidature>> {
    prop::collection::vec(
        prop::sample::select(vec![E::Deposee, E::Deposee, E::Retiree]),
        0..8,
    )
}

proptest! {
    /// No sequence of commands reaches an invalid state; every effect is what the new
    /// state says; every lease publishes the result, once; every skip carries a motive.
    #[test]
    fn no_sequence_of_commands_reaches_an_invalid_state(
        etats in etats(),
        pas in prop::collection::vec((any::<u8>(), any::<u64>(), 0i32..6), 1..25),
    ) {
        let mut l = location(&etats);
        let mut jour = OUVERTURE.plus_jours(-3);
        let mut publications = 0;
        for (choix, graine, avance) in pas {
            jour = jour.plus_jours(avance);
            let c = commande(&l, choix, graine);
            let Ok((apres, effets)) = l.appliquer(&c, jour) else {
                continue;
            };
            // Each new state is told to its applicant, and is the state now.
            for e in &effets {
                if let Effet::Etat { candidature_id, etat } = *e {
                    let dite = effets.iter().any(|n| {
                        matches!(n, Effet::Notifier { candidature_id: id, .. } if *id == candidature_id)
                    });
                    prop_assert!(dite, "état sans notification");
                    let c = apres.candidatures.iter().find(|c| c.id == candidature_id);
                    prop_assert_eq!(c.map(|c| c.etat), Some(etat));
                }
            }
            publications += effets
                .iter()
                .filter(|e| matches!(e, Effet::PublierResultat { .. }))
                .count();
            if let Commande::Presenter { presentees, passees } = &c {
                let dernier = apres
                    .candidatures
                    .iter()
                    .filter(|c| presentees.contains(&c.id))
                    .filter_map(|c| c.rang)
                    .max()
                    .unwrap_or(0);
                for saute in apres.candidatures.iter().filter(|c| {
                    c.rang.is_some_and(|r| r < dernier) && !presentees.contains(&c.id)
                }) {
                    prop_assert!(passees.contains(&saute.id), "{:?} sauté sans motif", saute);
                }
            }
            l = apres;
            let attribuees = l.candidatures.iter().filter(|c| c.etat == E::Attribuee).count();
            prop_assert!(attribuees <= 1);
            let au_dela = l.candidatures.iter().any(|c| {
                matches!(c.etat, E::Classee | E::Presentee | E::NonRetenue | E::Attribuee)
            });
            prop_assert!(!au_dela || l.classee, "beyond filing without a ranking: {:?}", l);
            if l.retiree {
                prop_assert!(l.candidatures.iter().all(|c| c.etat == E::Retiree));
            }
            if attribuees == 1 {
                prop_assert!(l
                    .candidatures
                    .iter()
                    .all(|c| matches!(c.etat, E::Attribuee | E::NonRetenue | E::Retiree)));
                prop_assert_eq!(l.etape(jour), Etape::Attribuee);
            }
            prop_assert!(l.cloture >= l.ouverture.plus_jours(-1));
        }
        // Every path that ends in a lease published its result, once.
        let fin = l.candidatures.iter().any(|c| c.etat == E::Attribuee);
        prop_assert_eq!(publications, usize::from(fin));
    }
}
