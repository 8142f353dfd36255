//! Ranking a listing's candidates, and what-if.

mod commun;

use clef_domain::classement::{Candidature, classer};
use clef_domain::cotation::{Contexte, grille_bethune};
use clef_domain::demande::Situation;
use clef_domain::eligibilite::Detail;
use clef_domain::simulation::{Changement, Terrain, simuler};
use clef_domain::{Euros, jour};
use commun::*;

fn candidature(id: u64, demande: clef_domain::demande::Demande) -> Candidature {
    Candidature {
        id,
        demande,
        aide_estimee: Euros::ZERO,
    }
}

fn candidats() -> Vec<Candidature> {
    vec![
        candidature(1, demande(jour!(2025, 11, 22), 20_000, &[])), // 12
        candidature(2, demande(jour!(2024, 11, 22), 20_000, &[Situation::Dalo])), // 24 + 30
        candidature(3, demande(jour!(2025, 5, 22), 60_000, &[Situation::Dalo])), // above the ceiling
        candidature(
            4,
            demande(jour!(2024, 11, 22), 20_000, &[Situation::Separation]),
        ), // 24 + 3
        candidature(
            5,
            demande(jour!(2023, 11, 22), 20_000, &[Situation::Separation]),
        ), // 24 + 3, older
        candidature(
            6,
            demande(
                jour!(2025, 11, 22),
                20_000,
                &[Situation::RapprochementTravail],
            ),
        ), // 12 + 4
    ]
}

fn contexte_classement<R>(f: impl FnOnce(&Contexte) -> R) -> R {
    let l = logement(false);
    let t = territoire();
    f(&Contexte {
        jour: JOUR,
        logement: &l,
        territoire: &t,
    })
}

#[test]
fn eligible_candidates_are_ranked_by_score_then_older_request_and_ineligible_ones_set_apart() {
    let c = contexte_classement(|ctx| classer(&candidats(), &grille_bethune(), ctx));
    let ordre: Vec<(u64, u32, u32)> = c
        .classes
        .iter()
        .map(|x| (x.id, x.rang, x.score.total()))
        .collect();
    assert_eq!(
        ordre,
        [(2, 1, 54), (5, 2, 27), (4, 3, 27), (6, 4, 16), (1, 5, 12)]
    );
    assert_eq!(c.eligibles(), 5);
    assert_eq!(c.ecartes.len(), 1);
    assert_eq!(c.ecartes[0].id, 3);
    assert!(matches!(
        c.ecartes[0].verdict.motifs_refus().next().unwrap().detail,
        Detail::PlafondRessources { .. }
    ));
}

#[test]
fn each_candidate_knows_how_many_points_they_miss_to_move_up() {
    let c = contexte_classement(|ctx| classer(&candidats(), &grille_bethune(), ctx));
    let manque: Vec<Option<u32>> = c
        .classes
        .iter()
        .map(|x| x.points_pour_passer_devant)
        .collect();
    // 27 vs 54 with the older request: a tie is enough, 27; equal score with a newer
    // request: 1; 16 vs 27, newer: 12; 12 vs 16, same filing day and smaller id: 4.
    assert_eq!(manque, [None, Some(27), Some(1), Some(12), Some(4)]);
}

#[test]
fn the_order_of_applications_never_changes_the_ranking() {
    let mut inverse = candidats();
    inverse.reverse();
    let a = contexte_classement(|ctx| classer(&candidats(), &grille_bethune(), ctx));
    let b = contexte_classement(|ctx| classer(&inverse, &grille_bethune(), ctx));
    assert_eq!(a, b);
}

#[test]
fn what_if_one_more_situation_or_another_year_of_seniority() {
    contexte_classement(|ctx| {
        let grille = grille_bethune();
        let c = classer(&candidats(), &grille, ctx);
        let moi = &candidats()[0]; // id 1, last with 12 points
        let terrain = Terrain::depuis(&c, moi);
        assert_eq!(terrain.len(), 4);

        let rien = simuler(moi, &[], &terrain, &grille, ctx);
        assert_eq!((rien.rang, rien.sur, rien.score.total()), (Some(5), 5, 12));

        let dalo = simuler(
            moi,
            &[Changement::AjouterSituation {
                situation: Situation::Dalo,
            }],
            &terrain,
            &grille,
            ctx,
        );
        assert_eq!((dalo.rang, dalo.score.total()), (Some(2), 42));

        let plus_tard = simuler(
            moi,
            &[Changement::MoisSupplementaires { mois: 12 }],
            &terrain,
            &grille,
            ctx,
        );
        assert_eq!((plus_tard.rang, plus_tard.score.total()), (Some(4), 24));

        let trop_riche = simuler(
            moi,
            &[Changement::AutresRessources {
                ressources: clef_domain::demande::Ressources {
                    rfr_n2: Euros::from_euros(90_000),
                    rfr_n1: None,
                    douze_derniers_mois: None,
                },
            }],
            &terrain,
            &grille,
            ctx,
        );
        assert_eq!((trop_riche.rang, trop_riche.sur), (None, 4));
        assert!(!trop_riche.verdict.eligible());
    });
}

#[test]
fn a_new_grid_s_effect_counts_the_candidates_who_move_and_whether_the_first_three_change() {
    use clef_domain::classement::effet_grille;
    use clef_domain::cotation::{Fait, Regle};
    let actuelle = grille_bethune();
    let meme = contexte_classement(|ctx| effet_grille(&candidats(), &actuelle, &actuelle, ctx));
    assert_eq!(meme.eligibles, 5);
    assert_eq!(meme.rangs_changes, 0);
    assert!(!meme.trois_premiers_changes);

    // Working near the job now weighs far more: candidate 6 goes first.
    let mut nouvelle = actuelle.clone();
    for critere in &mut nouvelle.criteres {
        if let Regle::Drapeau { fait, points } = &mut critere.regle
            && *fait == Fait::Situation(Situation::RapprochementTravail)
        {
            *points = 100;
        }
    }
    let effet = contexte_classement(|ctx| effet_grille(&candidats(), &actuelle, &nouvelle, ctx));
    assert_eq!(effet.eligibles, 5);
    // 6 moves from 4th to 1st; 2, 5 and 4 each move down one; 1 stays last.
    assert_eq!(effet.rangs_changes, 4);
    assert!(effet.trois_premiers_changes);
}
