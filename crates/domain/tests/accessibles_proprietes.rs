//! "Only the homes I can apply to" (issue 12, point 6): the criteria derived from a
//! household keep exactly the homes the verdict finds it eligible for, whatever the
//! household, the territory's size rules and the home.

mod commun;

use clef_domain::eligibilite::{accessibles, verifier};
use clef_domain::logement::Logement;
use clef_domain::offre::{Financement, Typologie, Zone};
use clef_domain::territoire::Exigence;
use clef_domain::{Euros, Surface};
use commun::*;
use proptest::prelude::*;

fn exigence() -> impl Strategy<Value = Exigence> {
    prop::sample::select(vec![Exigence::Refus, Exigence::Alerte, Exigence::Ignoree])
}

fn logement_quelconque() -> impl Strategy<Value = Logement> {
    (
        prop::sample::select(vec![Financement::Plai, Financement::Plus, Financement::Pls]),
        prop::sample::select(vec![Zone::AutresRegions, Zone::IleDeFrance]),
        2023i16..=2026,
        1u8..7,
        90u32..1500,
        prop::sample::select(vec![false, true]),
    )
        .prop_map(
            |(financement, zone, annee, pieces, surface, dans_qpv)| Logement {
                financement,
                zone,
                annee,
                pieces,
                surface: Surface::from_dixiemes(surface),
                dans_qpv,
                typologie: Typologie::T3,
                ..logement(dans_qpv)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// One table (one year, one zone): the criteria admit a home exactly when the verdict
    /// says eligible.
    #[test]
    fn the_criteria_keep_exactly_the_homes_the_verdict_accepts(
        demande in demande_quelconque(),
        logement in logement_quelconque(),
        sur in exigence(),
        sous in exigence(),
    ) {
        let mut parametres = territoire();
        parametres.sur_occupation = sur;
        parametres.sous_occupation = sous;
        let eligible = verifier(&demande, &logement, &parametres, Euros::ZERO).eligible();
        match accessibles(&demande, &parametres, &[(logement.annee, logement.zone)]) {
            Some(criteres) => prop_assert_eq!(criteres.admet(&logement), eligible),
            None => prop_assert!(!eligible, "over every ceiling, yet eligible"),
        }
    }

    /// Several tables: a home the criteria admit is eligible under each of them.
    #[test]
    fn across_years_the_criteria_never_admit_a_home_out_of_reach(
        demande in demande_quelconque(),
        logement in logement_quelconque(),
        autre_annee in 2023i16..=2026,
    ) {
        let parametres = territoire();
        let tables = [(logement.annee, logement.zone), (autre_annee, logement.zone)];
        if let Some(criteres) = accessibles(&demande, &parametres, &tables)
            && criteres.admet(&logement)
        {
            for (annee, zone) in tables {
                let ailleurs = Logement { annee, zone, ..logement };
                prop_assert!(verifier(&demande, &ailleurs, &parametres, Euros::ZERO).eligible());
            }
        }
    }
}
