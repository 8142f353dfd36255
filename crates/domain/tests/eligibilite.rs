//! Eligibility through the crate's public API, against the official tables.

use clef_domain::demande::{
    Demande, Lien, LogementActuel, Membre, Menage, NumeroUnique, Ressources,
};
use clef_domain::eligibilite::{Detail, Occupation, Statut, Verdict, verifier};
use clef_domain::logement::Logement;
use clef_domain::offre::{Code, Financement, Reservataire, Typologie, Zone};
use clef_domain::territoire::{Exigence, ParametresTerritoire};
use clef_domain::{Euros, Surface, jour};
use std::collections::BTreeSet;

const CSV: &str = include_str!("../data/plafonds.csv");

fn membre(age: u8, lien: Lien) -> Membre {
    Membre {
        age,
        lien,
        a_charge: lien == Lien::Enfant,
        carte_invalidite: false,
        ressources_mensuelles: None,
    }
}

/// A household of the given category (1 to 6) plus `sup` people beyond it.
fn menage_de_categorie(categorie: u8, sup: u8) -> Menage {
    let mut membres = vec![membre(45, Lien::Demandeur)];
    if categorie >= 2 {
        membres.push(membre(45, Lien::Conjoint)); // 90 years together: not a young couple
    }
    for _ in 2..(categorie + sup) {
        membres.push(membre(10, Lien::Enfant));
    }
    let m = Menage::new(membres).unwrap();
    assert_eq!(
        (
            m.categorie().numero,
            m.categorie().personnes_supplementaires
        ),
        (categorie, sup)
    );
    m
}

fn demande(menage: Menage, rfr_n2: Euros) -> Demande {
    Demande {
        numero_unique: NumeroUnique::parse("062231100012345678").unwrap(),
        date_depot: jour!(2023, 11, 15),
        menage,
        ressources: Ressources {
            rfr_n2,
            rfr_n1: None,
            douze_derniers_mois: None,
        },
        logement_actuel: LogementActuel::default(),
        situations: BTreeSet::new(),
    }
}

fn logement(financement: Financement, annee: i16, zone: Zone) -> Logement {
    Logement {
        financement,
        zone,
        annee,
        typologie: Typologie::T4,
        pieces: 4,
        surface: Surface::from_dixiemes(800),
        loyer: Euros::from_euros(450),
        charges: Euros::from_euros(90),
        dans_qpv: false,
        reservataire: Reservataire::Bailleur,
    }
}

fn plafond_ressources(v: &Verdict) -> (Statut, Option<Euros>) {
    match &v.regles[0].detail {
        Detail::PlafondRessources { plafond, .. } => (v.regles[0].statut, *plafond),
        autre => panic!("the ceiling comes first, not {autre:?}"),
    }
}

fn territoire() -> ParametresTerritoire {
    ParametresTerritoire::bethune_demo()
}

/// Every PLUS and PLAI value of the embedded table (as each yearly arrêté publishes it),
/// for a household of each category and zone, is the ceiling applied: income exactly at
/// it is eligible, one cent above is not; above category 6, each person adds the
/// per-person amount.
#[test]
fn every_plus_and_plai_ceiling_of_the_table_is_applied_at_the_cent() {
    let lignes: Vec<&str> = CSV
        .lines()
        .filter(|l| l.starts_with("PLUS,") || l.starts_with("PLAI,"))
        .collect();
    let mut verifies = 0;
    for ligne in &lignes {
        let champs: Vec<&str> = ligne.split(',').collect();
        let financement = Financement::depuis_code(champs[0]).unwrap();
        let annee: i16 = champs[1].parse().unwrap();
        let zone = Zone::depuis_code(champs[2]).unwrap();
        let montants: Vec<i64> = champs[3..].iter().map(|m| m.parse().unwrap()).collect();
        let l = logement(financement, annee, zone);
        for categorie in 1..=6u8 {
            let plafond = Euros::from_euros(montants[usize::from(categorie) - 1]);
            let au_plafond = verifier(
                &demande(menage_de_categorie(categorie, 0), plafond),
                &l,
                &territoire(),
                Euros::ZERO,
            );
            assert_eq!(
                plafond_ressources(&au_plafond),
                (Statut::Respectee, Some(plafond)),
                "{ligne} cat {categorie}"
            );
            let au_dessus = demande(
                menage_de_categorie(categorie, 0),
                plafond + Euros::from_centimes(1),
            );
            let v = verifier(&au_dessus, &l, &territoire(), Euros::ZERO);
            assert_eq!(plafond_ressources(&v).0, Statut::NonRespectee);
            assert!(!v.eligible());
            verifies += 1;
        }
        // Two people above category 6 add the per-person amount twice.
        let huit = Euros::from_euros(montants[5] + 2 * montants[6]);
        let v = verifier(
            &demande(menage_de_categorie(6, 2), huit),
            &l,
            &territoire(),
            Euros::ZERO,
        );
        assert_eq!(
            plafond_ressources(&v),
            (Statut::Respectee, Some(huit)),
            "{ligne} 8 personnes"
        );
    }
    assert_eq!(verifies, lignes.len() * 6);
}

/// PLAI cells quoted by issue 13 (annex II of the arrêtés for 2024 and 2025), which the
/// former revaluation of 2022 missed by a euro, and the one-person figure of 2025.
#[test]
fn plai_ceilings_are_the_published_ones_not_a_revaluation() {
    use Zone::*;
    for (annee, zone, categorie, attendu) in [
        (2024, AutresRegions, 2, 18_143),
        (2024, AutresRegions, 4, 24_276),
        (2025, ParisCommunesLimitrophes, 1, 14_683),
        (2025, ParisCommunesLimitrophes, 3, 31_369),
    ] {
        let attendu = Euros::from_euros(attendu);
        let v = verifier(
            &demande(menage_de_categorie(categorie, 0), attendu),
            &logement(Financement::Plai, annee, zone),
            &territoire(),
            Euros::ZERO,
        );
        assert_eq!(
            plafond_ressources(&v),
            (Statut::Respectee, Some(attendu)),
            "PLAI {annee} {zone:?} cat {categorie}"
        );
    }
    let b = clef_domain::plafonds::bareme(Financement::Plai, 2024, AutresRegions).unwrap();
    assert_eq!(b.par_personne_supplementaire, Euros::from_euros(3_569));
}

/// DOMAIN.md's example: income of 38 200 € above the PLUS 2026 ceiling of a category 3
/// household outside Île-de-France (37 584 €).
#[test]
fn a_household_above_its_ceiling_is_told_by_how_much() {
    let d = demande(menage_de_categorie(3, 0), Euros::from_euros(38_200));
    let v = verifier(
        &d,
        &logement(Financement::Plus, 2026, Zone::AutresRegions),
        &territoire(),
        Euros::ZERO,
    );
    let Detail::PlafondRessources {
        plafond,
        ressources,
        categorie,
        ..
    } = &v.regles[0].detail
    else {
        unreachable!()
    };
    assert_eq!(*plafond, Some(Euros::from_euros(37_584)));
    assert_eq!(
        (ressources.montant, ressources.annee, categorie.numero),
        (Euros::from_euros(38_200), 2024, 3)
    );
    assert_eq!(v.motifs_refus().count(), 1);
    assert_eq!(v.regles[0].source.annee, Some(2026));
}

/// Arrêté du 29 juillet 1987, art. 3: an N-1 income 10 % lower replaces N-2.
#[test]
fn a_fall_in_income_of_10_percent_makes_the_household_eligible() {
    let mut d = demande(menage_de_categorie(1, 0), Euros::from_euros(26_000));
    let l = logement(Financement::Plus, 2026, Zone::AutresRegions);
    assert!(!verifier(&d, &l, &territoire(), Euros::ZERO).eligible());
    d.ressources.rfr_n1 = Some(Euros::from_euros(23_400));
    assert!(verifier(&d, &l, &territoire(), Euros::ZERO).eligible());
}

/// Arrêté du 29 juillet 1987, art. 1: PLS ceilings are the PLUS ones *majorés de 30 %*,
/// compared without rounding: eligible iff 100 × resources ≤ 130 × the PLUS ceiling
/// (category amount plus extra persons).
#[test]
fn arrete_1987_art_1_pls_is_plus_plus_30_percent_without_rounding() {
    let l = logement(Financement::Pls, 2026, Zone::AutresRegions);
    // 23 403 € × 1,30 = 30 423,90 €: 30 423,90 is eligible, 30 423,91 is not (rounding
    // to the euro would have accepted 30 424).
    for (centimes, eligible) in [(3_042_390, true), (3_042_391, false), (3_042_400, false)] {
        let v = verifier(
            &demande(menage_de_categorie(1, 0), Euros::from_centimes(centimes)),
            &l,
            &territoire(),
            Euros::ZERO,
        );
        assert_eq!(v.eligible(), eligible, "{centimes} centimes");
        assert_eq!(
            plafond_ressources(&v).1,
            Some(Euros::from_centimes(3_042_390))
        );
    }
    // Every category, extra persons, year and zone: the same comparison.
    for annee in 2022..=2026 {
        for &zone in Zone::TOUS {
            let plus = clef_domain::plafonds::bareme(Financement::Plus, annee, zone).unwrap();
            let l = logement(Financement::Pls, annee, zone);
            for (categorie, sup) in [
                (1, 0),
                (2, 0),
                (3, 0),
                (4, 0),
                (5, 0),
                (6, 0),
                (6, 1),
                (6, 3),
            ] {
                let plafond_plus = plus.categories[usize::from(categorie) - 1].centimes()
                    + i64::from(sup) * plus.par_personne_supplementaire.centimes();
                for ecart in [-1, 0, 1] {
                    let ressources = plafond_plus * 13 / 10 + ecart;
                    let v = verifier(
                        &demande(
                            menage_de_categorie(categorie, sup),
                            Euros::from_centimes(ressources),
                        ),
                        &l,
                        &territoire(),
                        Euros::ZERO,
                    );
                    assert_eq!(
                        v.eligible(),
                        100 * ressources <= 130 * plafond_plus,
                        "{annee} {zone:?} cat {categorie}+{sup}, {ressources} centimes"
                    );
                }
            }
        }
    }
}

/// A year whose table Clef does not hold: the verdict cannot be checked, says so, and
/// stops applying (letting everyone pass would be a verdict no text gives).
#[test]
fn without_the_years_table_the_ceiling_cannot_be_checked_and_blocks_applying() {
    for (financement, annee) in [(Financement::Plus, 2031), (Financement::Plai, 2026)] {
        let v = verifier(
            &demande(menage_de_categorie(1, 0), Euros::from_euros(1_000)),
            &logement(financement, annee, Zone::AutresRegions),
            &territoire(),
            Euros::ZERO,
        );
        assert_eq!(plafond_ressources(&v), (Statut::Inverifiable, None));
        assert!(!v.eligible() && v.inverifiable());
        assert_eq!(v.motifs_refus().count(), 1);
    }
}

fn taille(v: &Verdict) -> (Statut, Occupation) {
    match &v.regles[1].detail {
        Detail::TailleLogement { occupation, .. } => (v.regles[1].statut, *occupation),
        autre => panic!("{autre:?}"),
    }
}

/// Code de la sécurité sociale, D.542-14: 16 m² for two, plus 9 m² per person.
#[test]
fn css_d542_14_a_home_under_the_minimum_surface_is_overcrowded() {
    let d = demande(menage_de_categorie(3, 0), Euros::from_euros(20_000));
    let mut l = logement(Financement::Plus, 2026, Zone::AutresRegions);
    l.pieces = 2;
    l.surface = Surface::from_dixiemes(250);
    assert_eq!(
        taille(&verifier(&d, &l, &territoire(), Euros::ZERO)),
        (Statut::Respectee, Occupation::Adaptee)
    );
    l.surface = Surface::from_dixiemes(249);
    let v = verifier(&d, &l, &territoire(), Euros::ZERO);
    assert_eq!(
        taille(&v),
        (Statut::NonRespectee, Occupation::SurOccupation)
    );
    assert!(!v.eligible());
    let tolerant = ParametresTerritoire {
        sur_occupation: Exigence::Alerte,
        ..territoire()
    };
    let v = verifier(&d, &l, &tolerant, Euros::ZERO);
    assert_eq!(taille(&v), (Statut::Alerte, Occupation::SurOccupation));
    assert!(v.eligible(), "the territory chose a warning");
}

#[test]
fn css_d542_14_the_minimum_surface_stops_at_70_m2_for_eight_or_more() {
    use clef_domain::eligibilite::surface_minimale;
    let m2: Vec<u32> = (1..=10)
        .map(|n| surface_minimale(n).dixiemes() / 10)
        .collect();
    assert_eq!(m2, [9, 16, 25, 34, 43, 52, 61, 70, 70, 70]);
}

/// Code de la construction et de l'habitation, L.621-2: more rooms than occupants plus one.
#[test]
fn cch_l621_2_too_many_rooms_is_under_occupation_as_the_territory_decides() {
    let d = demande(menage_de_categorie(1, 0), Euros::from_euros(15_000));
    let mut l = logement(Financement::Plus, 2026, Zone::AutresRegions);
    l.pieces = 2;
    assert_eq!(
        taille(&verifier(&d, &l, &territoire(), Euros::ZERO)).1,
        Occupation::Adaptee
    );
    l.pieces = 3;
    assert_eq!(
        taille(&verifier(&d, &l, &territoire(), Euros::ZERO)),
        (Statut::Alerte, Occupation::SousOccupation)
    );
    let strict = ParametresTerritoire {
        sous_occupation: Exigence::Refus,
        ..territoire()
    };
    assert!(!verifier(&d, &l, &strict, Euros::ZERO).eligible());
    let libre = ParametresTerritoire {
        sous_occupation: Exigence::Ignoree,
        ..territoire()
    };
    assert_eq!(
        taille(&verifier(&d, &l, &libre, Euros::ZERO)).0,
        Statut::NonVerifiee
    );
}

/// A home both under the minimum surface (D.542-14) and with too many rooms (L.621-2):
/// the condition the territory refuses counts, whichever it is.
#[test]
fn a_home_too_small_with_too_many_rooms_is_refused_if_either_is_refused() {
    let d = demande(menage_de_categorie(1, 0), Euros::from_euros(15_000));
    let mut l = logement(Financement::Plus, 2026, Zone::AutresRegions);
    l.pieces = 4;
    l.surface = Surface::from_dixiemes(80);
    let sous_refusee = ParametresTerritoire {
        sur_occupation: Exigence::Alerte,
        sous_occupation: Exigence::Refus,
        ..territoire()
    };
    assert_eq!(
        taille(&verifier(&d, &l, &sous_refusee, Euros::ZERO)),
        (Statut::NonRespectee, Occupation::SousOccupation)
    );
    let sur_refusee = ParametresTerritoire {
        sur_occupation: Exigence::Refus,
        sous_occupation: Exigence::Alerte,
        ..territoire()
    };
    assert_eq!(
        taille(&verifier(&d, &l, &sur_refusee, Euros::ZERO)),
        (Statut::NonRespectee, Occupation::SurOccupation)
    );
}

fn taux(v: &Verdict) -> (Statut, Option<u32>) {
    match &v.regles[2].detail {
        Detail::TauxEffort {
            taux_pour_mille, ..
        } => (v.regles[2].statut, *taux_pour_mille),
        autre => panic!("{autre:?}"),
    }
}

#[test]
fn a_rent_burden_above_the_threshold_warns_without_refusing() {
    let l = logement(Financement::Plus, 2026, Zone::AutresRegions); // 540 € a month
    let d = demande(menage_de_categorie(2, 0), Euros::from_euros(21_600));
    assert_eq!(
        taux(&verifier(&d, &l, &territoire(), Euros::ZERO)),
        (Statut::Respectee, Some(300))
    );
    let d = demande(menage_de_categorie(2, 0), Euros::from_euros(18_000));
    let v = verifier(&d, &l, &territoire(), Euros::ZERO);
    assert_eq!(taux(&v), (Statut::Alerte, Some(360)));
    assert!(v.eligible());
    // With 120 € of expected housing benefit: 420 € a month, 280 ‰.
    assert_eq!(
        taux(&verifier(&d, &l, &territoire(), Euros::from_euros(120))),
        (Statut::Respectee, Some(280))
    );
}

/// Arrêté du 10 mars 2011 (CCH R.441-3-1): the rent burden divides by the monthly
/// resources declared in the request by everyone who will live there, not by the tax
/// income; beside it, the *reste pour vivre* per consumption unit.
#[test]
fn the_rent_burden_divides_by_the_declared_monthly_resources_of_everyone() {
    let l = logement(Financement::Plus, 2026, Zone::AutresRegions); // 540 € a month
    let mut menage = vec![membre(45, Lien::Demandeur), membre(45, Lien::Conjoint)];
    menage[0].ressources_mensuelles = Some(Euros::from_euros(1_300)); // wages
    menage[1].ressources_mensuelles = Some(Euros::from_euros(500)); // AAH
    menage.push(membre(10, Lien::Enfant)); // nothing declared: counts as nothing
    // A tax income of 36,000 € (3,000 € a month) is not what the burden looks at.
    let d = demande(Menage::new(menage).unwrap(), Euros::from_euros(36_000));
    let v = verifier(&d, &l, &territoire(), Euros::ZERO);
    match &v.regles[2].detail {
        Detail::TauxEffort {
            ressources_mensuelles,
            ressources_declarees,
            taux_pour_mille,
            reste_pour_vivre_par_uc,
            ..
        } => {
            assert_eq!(*ressources_mensuelles, Euros::from_euros(1_800));
            assert!(*ressources_declarees);
            assert_eq!(*taux_pour_mille, Some(300)); // 540 / 1,800
            // (1,800 − 540) / (1 + 0.5 + 0.3 UC) = 700 € a month per UC.
            assert_eq!(*reste_pour_vivre_par_uc, Some(Euros::from_euros(700)));
        }
        autre => panic!("{autre:?}"),
    }
    // A request saved before monthly resources were asked: a twelfth of the tax income,
    // said as such.
    let d = demande(menage_de_categorie(2, 0), Euros::from_euros(21_600));
    match &verifier(&d, &l, &territoire(), Euros::ZERO).regles[2].detail {
        Detail::TauxEffort {
            ressources_mensuelles,
            ressources_declarees,
            ..
        } => assert_eq!(
            (*ressources_mensuelles, *ressources_declarees),
            (Euros::from_euros(1_800), false)
        ),
        autre => panic!("{autre:?}"),
    }
}

/// The first quartile is judged the way the ministerial threshold is built: declared
/// monthly resources × 12 per consumption unit (L.441-1, 25th alinéa).
#[test]
fn the_first_quartile_uses_the_declared_monthly_resources_times_twelve() {
    let territoire = territoire(); // threshold 9,243 € per UC and year
    let mut seul = membre(45, Lien::Demandeur);
    seul.ressources_mensuelles = Some(Euros::from_euros(770)); // 9,240 € a year
    let d = demande(Menage::new(vec![seul]).unwrap(), Euros::from_euros(20_000));
    assert!(clef_domain::mixite::premier_quartile(&d, &territoire, 2026));
    seul.ressources_mensuelles = Some(Euros::from_euros(771)); // 9,252 € a year
    let d = demande(Menage::new(vec![seul]).unwrap(), Euros::from_euros(5_000));
    assert!(!clef_domain::mixite::premier_quartile(
        &d,
        &territoire,
        2026
    ));
    // Not declared: the tax income retained stands in.
    let d = demande(menage_de_categorie(1, 0), Euros::from_euros(5_000));
    assert!(clef_domain::mixite::premier_quartile(&d, &territoire, 2026));
}

#[test]
fn declared_monthly_resources_are_checked_member_by_member() {
    let mut membres = vec![membre(45, Lien::Demandeur), membre(45, Lien::Conjoint)];
    membres[1].ressources_mensuelles = Some(Euros::from_euros(-1));
    let champs: Vec<String> = Menage::new(membres.clone())
        .unwrap_err()
        .into_iter()
        .map(|e| e.champ)
        .collect();
    assert_eq!(champs, ["membres.1.ressources_mensuelles"]);
    membres[1].ressources_mensuelles = Some(Euros::from_euros(50_001));
    assert!(Menage::new(membres.clone()).is_err());
    membres[1].ressources_mensuelles = Some(Euros::from_euros(50_000));
    assert!(Menage::new(membres).is_ok());
}

#[test]
fn without_resources_the_rent_burden_cannot_be_computed_and_warns() {
    let d = demande(menage_de_categorie(1, 0), Euros::ZERO);
    let v = verifier(
        &d,
        &logement(Financement::Plai, 2026, Zone::AutresRegions),
        &territoire(),
        Euros::ZERO,
    );
    assert_eq!(taux(&v), (Statut::Alerte, None));
}

#[test]
fn a_verdict_serialises_with_its_rule_names() {
    let d = demande(menage_de_categorie(1, 0), Euros::from_euros(15_000));
    let v = verifier(
        &d,
        &logement(Financement::Plus, 2026, Zone::AutresRegions),
        &territoire(),
        Euros::ZERO,
    );
    let json = serde_json::to_value(&v).unwrap();
    let regles: Vec<&str> = json["regles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["detail"]["regle"].as_str().unwrap())
        .collect();
    assert_eq!(
        regles,
        ["plafond_ressources", "taille_logement", "taux_effort"]
    );
    assert_eq!(serde_json::from_value::<Verdict>(json).unwrap(), v);
}

/// R.441-3 and the arrêté du 29 juillet 1987: the ceiling is checked again with the table in
/// force on the day the commission decides; above it only an inadmissibility remains, and a
/// year without a table lets no attribution through.
#[test]
fn an_attribution_checks_the_ceiling_of_the_day_of_the_decision() {
    use clef_domain::api::{
        Decision, MotifIrrecevabilite, MotifNonAttribution, PieceJustificative,
    };
    use clef_domain::commission::examen::verifier_plafond_du_jour;
    let home = logement(Financement::Plus, 2026, Zone::AutresRegions);
    let modeste = demande(menage_de_categorie(2, 0), Euros::from_euros(10_000));
    let aise = demande(menage_de_categorie(2, 0), Euros::from_euros(200_000));
    let le = jour!(2026, 12, 10);
    let attributions = [
        Decision::Attribue { rang: 1 },
        Decision::AttribueSousCondition {
            rang: 2,
            piece: PieceJustificative::AvisImposition,
            echeance: jour!(2027, 1, 10),
        },
    ];
    use clef_domain::Regle;
    let regle = |r: Result<(), clef_domain::ErreurChamp>| match r {
        Err(e) => match e.code {
            clef_domain::CodeErreur::Incoherent { regle } => Some(regle),
            autre => panic!("{autre:?}"),
        },
        Ok(()) => None,
    };
    for d in attributions {
        assert_eq!(
            regle(verifier_plafond_du_jour(d, &modeste, &home, le)),
            None
        );
        assert_eq!(
            regle(verifier_plafond_du_jour(d, &aise, &home, le)),
            Some(Regle::PlafondDuJourDepasse)
        );
        // The listing was published under 2026's table; the commission sits in a year
        // whose table is not known.
        assert_eq!(
            regle(verifier_plafond_du_jour(
                d,
                &modeste,
                &home,
                jour!(2031, 1, 5)
            )),
            Some(Regle::PlafondsDuJourInconnus)
        );
    }
    for d in [
        Decision::NonAttribue {
            motif: MotifNonAttribution::LogementInadapte,
        },
        Decision::Irrecevable {
            motif: MotifIrrecevabilite::PlafondDepasse,
        },
    ] {
        assert_eq!(regle(verifier_plafond_du_jour(d, &aise, &home, le)), None);
    }
}
