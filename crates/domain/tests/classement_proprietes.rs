//! Properties of scores and rankings, over arbitrary households and grids.

mod commun;

use clef_domain::classement::{Candidature, Cle, classer};
use clef_domain::cotation::{
    Condition, Contexte, Critere, Fait, Grille, Mesure, Regle, Tranche, coter, grille_bethune,
};
use clef_domain::demande::{Demande, Situation};
use clef_domain::eligibilite::verifier;
use clef_domain::offre::Code;
use clef_domain::simulation::{Terrain, simuler};
use clef_domain::{Euros, Jour};
use commun::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn regle() -> impl Strategy<Value = Regle> {
    prop_oneof![
        (prop::sample::select(Situation::TOUS), 0u32..50).prop_map(|(s, points)| Regle::Drapeau {
            fait: Fait::Situation(s),
            points
        }),
        (0u32..50).prop_map(|points| Regle::Drapeau {
            fait: Fait::ParentIsole,
            points
        }),
        (0u32..5, 0u32..60).prop_map(|(points_par_mois, plafond)| Regle::Anciennete {
            points_par_mois,
            plafond
        }),
        (
            prop::sample::select(vec![Mesure::TauxEffortActuel, Mesure::SurfaceParPersonne]),
            prop::collection::vec((1i64..300, 0u32..20), 1..4)
        )
            .prop_map(|(mesure, pas)| {
                let mut debut = 0;
                let tranches = pas
                    .into_iter()
                    .map(|(largeur, points)| {
                        let t = Tranche {
                            min: Some(debut),
                            max: Some(debut + largeur),
                            points,
                        };
                        debut += largeur;
                        t
                    })
                    .collect();
                Regle::Tranches { mesure, tranches }
            }),
        (
            prop::sample::select(vec![
                Condition::PremierQuartileHorsQpv,
                Condition::AutreQuartileEnQpv
            ]),
            0u32..20
        )
            .prop_map(|(condition, points)| Regle::Contexte { condition, points }),
    ]
}

fn grille_quelconque() -> impl Strategy<Value = Grille> {
    prop::collection::vec(
        (
            regle(),
            prop::option::of(prop::sample::select(vec!["g1", "g2"])),
        ),
        1..10,
    )
    .prop_map(|regles| {
        let criteres = regles
            .into_iter()
            .enumerate()
            .map(|(i, (regle, groupe))| Critere {
                id: format!("c{i}").into(),
                libelle: "Critère".into(),
                explication: "Pourquoi.".into(),
                groupe: groupe.map(Into::into),
                regle,
            })
            .collect();
        Grille::new("t".into(), 1, JOUR, criteres).expect("valid generated grid")
    })
}

fn candidatures(demandes: Vec<Demande>) -> Vec<Candidature> {
    demandes
        .into_iter()
        .enumerate()
        .map(|(i, demande)| Candidature {
            id: i as u64 * 7 + 3,
            demande,
            aide_estimee: Euros::ZERO,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_score_is_always_exactly_the_sum_of_its_lines(g in grille_quelconque(), d in demande_quelconque(), qpv in any::<bool>()) {
        let l = logement(qpv);
        let t = territoire();
        let s = coter(&g, &d, &Contexte { jour: JOUR, logement: &l, territoire: &t });
        prop_assert_eq!(s.total(), s.lignes().iter().map(|l| l.points).sum::<u32>());
        prop_assert!(s.lignes().iter().all(|l| l.points > 0));
        // One line at most per group, and it is the highest of its group.
        for ligne in s.lignes() {
            let groupe = &g.criteres.iter().find(|c| c.id == ligne.critere).unwrap().groupe;
            if groupe.is_some() {
                for ecartee in s.ecartees() {
                    if &g.criteres.iter().find(|c| c.id == ecartee.critere).unwrap().groupe == groupe {
                        prop_assert!(ecartee.points <= ligne.points);
                    }
                }
            }
        }
    }

    #[test]
    fn ranking_is_a_total_order_whatever_the_order_of_applications(
        demandes in prop::collection::vec(demande_quelconque(), 0..25),
        graine in any::<u64>(),
    ) {
        let l = logement(false);
        let t = territoire();
        let ctx = Contexte { jour: JOUR, logement: &l, territoire: &t };
        let grille = grille_bethune();
        let cands = candidatures(demandes);
        let reference = classer(&cands, &grille, &ctx);
        let mut melange = cands.clone();
        let mut etat = graine;
        for i in (1..melange.len()).rev() {
            etat = etat.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            melange.swap(i, (etat >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(&classer(&melange, &grille, &ctx), &reference);
        let cles: Vec<Cle> = reference.classes.iter().map(|c| c.cle()).collect();
        prop_assert!(cles.windows(2).all(|w| w[0] < w[1]), "strictly ordered");
        let rangs: Vec<u32> = reference.classes.iter().map(|c| c.rang).collect();
        prop_assert_eq!(rangs, (1..=reference.classes.len() as u32).collect::<Vec<_>>());
        prop_assert_eq!(reference.classes.len() + reference.ecartes.len(), cands.len());
    }

    #[test]
    fn an_ineligible_household_is_never_ranked(demandes in prop::collection::vec(demande_quelconque(), 1..25)) {
        let l = logement(true);
        let t = territoire();
        let ctx = Contexte { jour: JOUR, logement: &l, territoire: &t };
        let cands = candidatures(demandes);
        let c = classer(&cands, &grille_bethune(), &ctx);
        for cand in &cands {
            let eligible = verifier(&cand.demande, &l, &t, cand.aide_estimee).eligible();
            prop_assert_eq!(c.classe(cand.id).is_some(), eligible);
            prop_assert_eq!(c.ecartes.iter().any(|e| e.id == cand.id), !eligible);
        }
    }

    #[test]
    fn a_new_criterion_that_applies_to_a_candidate_never_lowers_their_rank(
        demandes in prop::collection::vec(demande_quelconque(), 2..20),
        choix in any::<prop::sample::Index>(),
        points in 1u32..40,
    ) {
        let l = logement(false);
        let t = territoire();
        let ctx = Contexte { jour: JOUR, logement: &l, territoire: &t };
        let cands = candidatures(demandes);
        let grille = grille_bethune();
        let avant = classer(&cands, &grille, &ctx);
        prop_assume!(!avant.classes.is_empty());
        let moi = choix.get(&avant.classes);
        let demande = &cands.iter().find(|c| c.id == moi.id).unwrap().demande;
        // A flag that holds for this household: one of its situations, or a single parent.
        let fait = match demande.situations.iter().next() {
            Some(s) => Fait::Situation(*s),
            None if demande.menage.parent_isole() => Fait::ParentIsole,
            None => return Ok(()),
        };
        let mut criteres = grille.criteres.clone();
        criteres.push(Critere {
            id: "nouveau".into(),
            libelle: "Nouveau".into(),
            explication: "Un critère ajouté.".into(),
            groupe: None,
            regle: Regle::Drapeau { fait, points },
        });
        let nouvelle = Grille::new(grille.territoire.clone(), 2, JOUR, criteres).unwrap();
        let apres = classer(&cands, &nouvelle, &ctx);
        prop_assert!(apres.classe(moi.id).unwrap().rang <= moi.rang);
    }

    #[test]
    fn what_if_without_change_gives_the_rank_of_the_ranking(demandes in prop::collection::vec(demande_quelconque(), 1..20), choix in any::<prop::sample::Index>()) {
        let l = logement(false);
        let t = territoire();
        let ctx = Contexte { jour: JOUR, logement: &l, territoire: &t };
        let cands = candidatures(demandes);
        let grille = grille_bethune();
        let c = classer(&cands, &grille, &ctx);
        let moi = choix.get(&cands);
        let s = simuler(moi, &[], &Terrain::depuis(&c, moi), &grille, &ctx);
        prop_assert_eq!(s.rang, c.classe(moi.id).map(|x| x.rang));
        prop_assert_eq!(s.sur, c.eligibles());
    }
}

#[test]
fn generated_households_cover_eligible_and_ineligible_ones() {
    // Guards the generators: the properties above would be vacuous otherwise.
    let l = logement(false);
    let t = territoire();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut eligibles = 0;
    for _ in 0..200 {
        let d = demande_quelconque()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        eligibles += usize::from(verifier(&d, &l, &t, Euros::ZERO).eligible());
    }
    assert!(
        (20..180).contains(&eligibles),
        "{eligibles} eligible out of 200"
    );
    let _: Jour = JOUR;
}
