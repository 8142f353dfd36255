//! The scoring grid: each kind of criterion, exclusive groups, the demonstration grid.

mod commun;

use clef_domain::cotation::{
    Condition, Contexte, Critere, Fait, Grille, Mesure, Pourquoi, Regle, Score, Tranche, coter,
    grille_bethune,
};
use clef_domain::demande::{LogementActuel, Situation};
use clef_domain::offre::Code;
use clef_domain::{Euros, Surface, jour};
use commun::*;

fn coter_bethune(d: &clef_domain::demande::Demande, dans_qpv: bool) -> Score {
    let l = logement(dans_qpv);
    let t = territoire();
    coter(
        &grille_bethune(),
        d,
        &Contexte {
            jour: JOUR,
            logement: &l,
            territoire: &t,
        },
    )
}

fn points(score: &Score, critere: &str) -> Option<u32> {
    score
        .lignes()
        .iter()
        .find(|l| &*l.critere == critere)
        .map(|l| l.points)
}

/// L.441-2-8 and L.441-1: the grid covers every priority of the law and the DALO.
#[test]
fn l441_1_the_demo_grid_covers_every_priority_and_the_dalo() {
    let g = grille_bethune();
    for s in Situation::TOUS.iter().filter(|s| s.prioritaire()) {
        assert!(
            g.criteres.iter().any(|c| matches!(c.regle, Regle::Drapeau { fait: Fait::Situation(x), points } if x == *s && points > 0)),
            "{s:?} manque"
        );
    }
    for id in [
        "anciennete",
        "taux_effort",
        "parent_isole",
        "rapprochement_travail",
    ] {
        assert!(g.criteres.iter().any(|c| &*c.id == id), "{id} manque");
    }
    assert!(
        g.criteres
            .iter()
            .all(|c| c.explication.len() > 20 && !c.libelle.is_empty())
    );
}

#[test]
fn a_grid_round_trips_through_json_so_it_can_be_stored_and_published() {
    let g = grille_bethune();
    let json = serde_json::to_string(&g).unwrap();
    assert_eq!(serde_json::from_str::<Grille>(&json).unwrap(), g);
    assert!(json.contains("\"type\":\"drapeau\"") && json.contains("\"fait\":\"dalo\""));
}

#[test]
fn a_flag_gives_its_points_and_says_which_fact() {
    let s = coter_bethune(
        &demande(
            JOUR,
            20_000,
            &[Situation::Dalo, Situation::RapprochementTravail],
        ),
        false,
    );
    assert_eq!(points(&s, "dalo"), Some(30));
    assert_eq!(points(&s, "rapprochement_travail"), Some(4));
    assert_eq!(
        s.lignes()[0].pourquoi,
        Pourquoi::Fait {
            fait: Fait::Situation(Situation::Dalo)
        }
    );
}

#[test]
fn seniority_gives_a_point_per_whole_month_up_to_its_cap() {
    let s = coter_bethune(&demande(jour!(2025, 11, 23), 20_000, &[]), false);
    assert_eq!(points(&s, "anciennete"), Some(11));
    let s = coter_bethune(&demande(jour!(2020, 1, 1), 20_000, &[]), false);
    assert_eq!(points(&s, "anciennete"), Some(24));
    assert_eq!(
        s.lignes()
            .iter()
            .find(|l| &*l.critere == "anciennete")
            .unwrap()
            .pourquoi,
        Pourquoi::Anciennete {
            mois: 82,
            plafond_atteint: true
        }
    );
    assert_eq!(
        points(
            &coter_bethune(&demande(JOUR, 20_000, &[]), false),
            "anciennete"
        ),
        None,
        "filed today"
    );
}

#[test]
fn rent_burden_bands_score_the_current_housing() {
    let mut d = demande(JOUR, 24_000, &[]); // 2 000 € a month
    d.logement_actuel = LogementActuel {
        loyer_charges: Some(Euros::from_euros(900)),
        aide_logement: Some(Euros::from_euros(100)),
        surface: None,
    };
    let s = coter_bethune(&d, false);
    assert_eq!(points(&s, "taux_effort"), Some(8)); // 800 / 2 000 = 400 ‰
    let ligne = s
        .lignes()
        .iter()
        .find(|l| &*l.critere == "taux_effort")
        .unwrap();
    assert_eq!(
        ligne.pourquoi,
        Pourquoi::Tranche {
            mesure: Mesure::TauxEffortActuel,
            valeur: 400,
            min: Some(400),
            max: Some(500)
        }
    );
    d.logement_actuel.loyer_charges = Some(Euros::from_euros(650)); // 275 ‰: below every band
    assert_eq!(points(&coter_bethune(&d, false), "taux_effort"), None);
}

#[test]
fn in_a_group_only_the_highest_criterion_counts_and_the_others_are_shown_aside() {
    let mut d = demande(
        JOUR,
        20_000,
        &[
            Situation::SansLogement,
            Situation::LogementIndigne,
            Situation::SurOccupationAvecEnfant,
        ],
    );
    d.logement_actuel.surface = Some(Surface::from_dixiemes(240)); // 8 m² per person: 6 points
    let s = coter_bethune(&d, true);
    assert_eq!(points(&s, "sans_logement"), Some(15));
    assert_eq!(points(&s, "logement_indigne"), None);
    assert_eq!(points(&s, "sur_occupation"), Some(10));
    assert_eq!(points(&s, "surface_par_personne"), None);
    let aside: Vec<&str> = s.ecartees().iter().map(|l| &*l.critere).collect();
    assert_eq!(aside, ["logement_indigne", "surface_par_personne"]);
    assert_eq!(s.total(), s.lignes().iter().map(|l| l.points).sum::<u32>());
}

#[test]
fn the_social_mix_bonus_depends_on_the_home_and_the_first_quartile() {
    // 9 000 € for 2.3 UC: 3 913 € per UC, under the 9 243 € threshold.
    let modeste = demande(JOUR, 9_000, &[]);
    assert_eq!(
        points(&coter_bethune(&modeste, false), "mixite_q1_hors_qpv"),
        Some(5)
    );
    assert_eq!(
        points(&coter_bethune(&modeste, true), "mixite_q1_hors_qpv"),
        None,
        "inside a QPV"
    );
    let aise = demande(JOUR, 30_000, &[]);
    assert_eq!(
        points(&coter_bethune(&aise, false), "mixite_q1_hors_qpv"),
        None
    );
    let s = coter_bethune(&modeste, false);
    assert_eq!(
        s.lignes()
            .iter()
            .find(|l| &*l.critere == "mixite_q1_hors_qpv")
            .unwrap()
            .pourquoi,
        Pourquoi::Contexte {
            condition: Condition::PremierQuartileHorsQpv
        }
    );
}

#[test]
fn a_single_parent_is_recognised_from_the_household() {
    use clef_domain::demande::{Lien, Membre, Menage};
    let mut d = demande(JOUR, 15_000, &[]);
    d.menage = Menage::new(vec![
        Membre {
            age: 30,
            lien: Lien::Demandeur,
            a_charge: false,
            carte_invalidite: false,
            ressources_mensuelles: None,
        },
        Membre {
            age: 4,
            lien: Lien::Enfant,
            a_charge: true,
            carte_invalidite: false,
            ressources_mensuelles: None,
        },
    ])
    .unwrap();
    assert_eq!(points(&coter_bethune(&d, false), "parent_isole"), Some(5));
}

fn critere(id: &str, regle: Regle) -> Critere {
    Critere {
        id: id.into(),
        libelle: "Libellé".into(),
        explication: "Explication.".into(),
        groupe: None,
        regle,
    }
}

#[test]
fn an_inconsistent_grid_is_refused_with_the_criterion_at_fault() {
    let chevauchement = Regle::Tranches {
        mesure: Mesure::TauxEffortActuel,
        tranches: vec![
            Tranche {
                min: Some(0),
                max: Some(500),
                points: 1,
            },
            Tranche {
                min: Some(400),
                max: None,
                points: 2,
            },
        ],
    };
    let erreurs = Grille::new(
        "t".into(),
        1,
        JOUR,
        vec![
            critere(
                "a",
                Regle::Drapeau {
                    fait: Fait::ParentIsole,
                    points: 1,
                },
            ),
            critere(
                "a",
                Regle::Drapeau {
                    fait: Fait::ParentIsole,
                    points: 1,
                },
            ),
            critere(
                "Mauvais Id",
                Regle::Anciennete {
                    points_par_mois: 1,
                    plafond: 5000,
                },
            ),
            critere("b", chevauchement),
        ],
    )
    .unwrap_err();
    let champs: Vec<&str> = erreurs.iter().map(|e| e.champ.as_str()).collect();
    assert_eq!(
        champs,
        [
            "criteres.1.id",
            "criteres.2.id",
            "criteres.2.regle.points",
            "criteres.3.regle.tranches"
        ]
    );
    assert!(Grille::new("t".into(), 1, JOUR, vec![]).is_err());
}

#[test]
fn a_score_whose_total_is_not_the_sum_of_its_lines_is_refused() {
    let s = coter_bethune(
        &demande(jour!(2025, 1, 1), 9_000, &[Situation::Dalo]),
        false,
    );
    let mut json = serde_json::to_value(&s).unwrap();
    assert_eq!(serde_json::from_value::<Score>(json.clone()).unwrap(), s);
    json["total"] = serde_json::json!(s.total() + 1);
    assert!(serde_json::from_value::<Score>(json).is_err());
}
