//! Sensitive data before presentation (issue 13, point 6). Until a candidate is presented
//! to the commission, landlord staff must not learn of a disability or another sensitive
//! situation (CASF L.241-3 card, L.441-1 a) disability, g) violence, i) trafficking),
//! directly or by inference: the ceiling category, the number of people counted and the
//! ceiling itself would say that a household of four in category 6 holds the card.
//!
//! What staff need, and get, is each rule's outcome and the score's points, with the
//! sensitive lines merged into one. So the test tries every household shape with every
//! combination of hidden facts, and checks that what staff read depends on those facts
//! only through two things: whether the ceiling is met, and how many points the merged
//! sensitive line carries.

mod commun;

use clef_domain::api::CandidatClasse;
use clef_domain::cotation::{Contexte, coter, grille_bethune};
use clef_domain::demande::{Demande, Lien, LogementActuel, Membre, Menage, Ressources, Situation};
use clef_domain::eligibilite::{NomRegle, Statut, verifier};
use clef_domain::logement::Logement;
use clef_domain::offre::Financement;
use clef_domain::{Euros, jour};
use commun::*;
use std::collections::{BTreeSet, HashMap};

/// A household shape: the applicant's age, a partner's age, children (dependants), and an
/// adult who is not a dependant.
#[derive(Debug, Clone, Copy)]
struct Forme {
    age: u8,
    conjoint: Option<u8>,
    enfants: u8,
    adulte: bool,
}

fn formes() -> Vec<Forme> {
    let mut formes = Vec::new();
    for age in [24, 45] {
        for conjoint in [None, Some(25), Some(44)] {
            for enfants in 0..=5 {
                for adulte in [false, true] {
                    formes.push(Forme {
                        age,
                        conjoint,
                        enfants,
                        adulte,
                    });
                }
            }
        }
    }
    formes
}

/// What is hidden: who holds the disability card (nobody, the applicant or the last
/// member), and which sensitive situations are declared.
fn caches(personnes: usize) -> Vec<(Option<usize>, BTreeSet<Situation>)> {
    let sensibles = [
        Situation::Handicap,
        Situation::ViolencesConjugales,
        Situation::ProstitutionTraite,
    ];
    let mut caches = Vec::new();
    for carte in [None, Some(0), Some(personnes - 1)] {
        for masque in 0..8u8 {
            let situations = sensibles
                .iter()
                .enumerate()
                .filter(|(i, _)| masque & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect();
            caches.push((carte, situations));
        }
    }
    caches
}

fn demande(f: Forme, carte: Option<usize>, situations: &BTreeSet<Situation>, rfr: i64) -> Demande {
    let mut membres = vec![(f.age, Lien::Demandeur, false)];
    if let Some(a) = f.conjoint {
        membres.push((a, Lien::Conjoint, false));
    }
    for i in 0..f.enfants {
        membres.push((2 + 3 * i, Lien::Enfant, true));
    }
    if f.adulte {
        membres.push((70, Lien::Ascendant, false));
    }
    let membres = membres
        .into_iter()
        .enumerate()
        .map(|(i, (age, lien, a_charge))| Membre {
            age,
            lien,
            a_charge,
            carte_invalidite: carte == Some(i),
            ressources_mensuelles: None,
        })
        .collect();
    let mut situations = situations.clone();
    situations.insert(Situation::SansLogement);
    Demande {
        numero_unique: numero(3),
        date_depot: jour!(2024, 1, 10),
        menage: Menage::new(membres).expect("a valid household"),
        ressources: Ressources {
            rfr_n2: Euros::from_euros(rfr),
            rfr_n1: None,
            douze_derniers_mois: None,
        },
        logement_actuel: LogementActuel::default(),
        situations,
    }
}

fn vue(d: &Demande, l: &Logement) -> (CandidatClasse, String) {
    let t = territoire();
    let verdict = verifier(d, l, &t, Euros::ZERO);
    let score = coter(
        &grille_bethune(),
        d,
        &Contexte {
            jour: JOUR,
            logement: l,
            territoire: &t,
        },
    );
    let c = CandidatClasse::new(42, Some(1), verdict, score, false);
    let json = serde_json::to_string(&c).expect("json");
    (c, json)
}

/// What the hidden facts may change in what staff read.
fn permis(c: &CandidatClasse) -> (Statut, u32) {
    let plafond = c
        .regles
        .iter()
        .find(|r| r.regle == NomRegle::PlafondRessources)
        .expect("the ceiling rule")
        .statut;
    let protege = c
        .score
        .lignes()
        .iter()
        .filter(|l| &*l.critere == clef_domain::cotation::CRITERE_PROTEGE)
        .map(|l| l.points)
        .sum();
    (plafond, protege)
}

#[test]
fn before_presentation_no_hidden_fact_is_inferable_from_what_staff_read() {
    let mut essais = 0;
    for f in formes() {
        let personnes =
            1 + usize::from(f.conjoint.is_some()) + usize::from(f.enfants) + usize::from(f.adulte);
        for financement in [Financement::Plai, Financement::Plus, Financement::Pls] {
            let l = Logement {
                financement,
                annee: 2024,
                ..logement(false)
            };
            for rfr in [
                9_000, 17_000, 22_000, 26_000, 31_000, 38_000, 47_000, 60_000,
            ] {
                // Same shape, same income: the views, grouped by what may differ.
                let mut vues: HashMap<(Statut, u32), String> = HashMap::new();
                for (carte, situations) in caches(personnes) {
                    let d = demande(f, carte, &situations, rfr);
                    let (c, json) = vue(&d, &l);
                    assert!(c.verdict.is_none(), "no verdict before presentation");
                    for revelateur in [
                        "categorie",
                        "majoree_handicap",
                        "carte_invalidite",
                        "plafond\"",
                        "handicap",
                        "violences",
                        "prostitution",
                        "personnes",
                    ] {
                        assert!(!json.contains(revelateur), "{revelateur} in {json}");
                    }
                    let cle = permis(&c);
                    match vues.get(&cle) {
                        Some(autre) => assert_eq!(
                            autre, &json,
                            "{f:?}, {financement:?}, {rfr} €: hidden facts ({carte:?}, \
                             {situations:?}) change the view beyond {cle:?}"
                        ),
                        None => {
                            vues.insert(cle, json);
                        }
                    }
                    essais += 1;
                }
            }
        }
    }
    assert!(essais > 10_000, "{essais}");
}

/// The card can change the ceiling's outcome, which staff need: a household of one at
/// 13 000 € is over the PLAI 2024 ceiling of one person (12 452 €), under that of two
/// (18 143 €). Only the outcome says so, not the category or the amount.
#[test]
fn the_card_shows_only_through_the_ceilings_outcome() {
    let f = Forme {
        age: 45,
        conjoint: None,
        enfants: 0,
        adulte: false,
    };
    let l = Logement {
        financement: Financement::Plai,
        annee: 2024,
        ..logement(false)
    };
    let sans = vue(&demande(f, None, &BTreeSet::new(), 13_000), &l).0;
    let avec = vue(&demande(f, Some(0), &BTreeSet::new(), 13_000), &l).0;
    assert_eq!(permis(&sans).0, Statut::NonRespectee);
    assert_eq!(permis(&avec).0, Statut::Respectee);
    // Presented, the commission reads everything.
    let t = territoire();
    let d = demande(f, Some(0), &BTreeSet::new(), 13_000);
    let presente = CandidatClasse::new(
        1,
        Some(1),
        verifier(&d, &l, &t, Euros::ZERO),
        Default::default(),
        true,
    );
    let json = serde_json::to_string(&presente).unwrap();
    assert!(json.contains("majoree_handicap\":true"), "{json}");
}
