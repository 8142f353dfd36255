//! Properties of the search criteria: what the app writes in its URL, the server reads back
//! unchanged, whatever the criteria.

use clef_domain::offre::{Code, Financement, Reservataire, Typologie};
use clef_domain::recherche::{
    FiltreEtat, PAGE_MAX, PAR_PAGE_MAX, Qpv, Recherche, Restrictions, SAUF_MAX, Tri,
};
use proptest::prelude::*;

fn un_parmi<T: Code + std::fmt::Debug>() -> impl Strategy<Value = T> {
    proptest::sample::select(T::TOUS)
}

fn restrictions() -> impl Strategy<Value = Restrictions> {
    (
        proptest::option::of(un_parmi::<Financement>()),
        proptest::option::of(1u32..=1_000),
        proptest::option::of(1u8..=20),
        proptest::collection::vec(1i64..100_000, 0..=SAUF_MAX),
    )
        .prop_map(
            |(financement_min, surface_min, pieces_max, sauf)| Restrictions {
                financement_min,
                surface_min,
                pieces_max,
                sauf,
            },
        )
}

fn recherche() -> impl Strategy<Value = Recherche> {
    (
        (
            proptest::option::of("[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}"),
            proptest::option::of(un_parmi::<Typologie>()),
            proptest::option::of(1u32..=5_000),
            proptest::option::of(un_parmi::<Financement>()),
            any::<bool>(),
            proptest::option::of(un_parmi::<Qpv>()),
            proptest::option::of(un_parmi::<Reservataire>()),
        ),
        (
            un_parmi::<FiltreEtat>(),
            un_parmi::<Tri>(),
            1..=PAGE_MAX,
            1..=PAR_PAGE_MAX,
            any::<bool>(),
            restrictions(),
        ),
    )
        .prop_map(
            |(
                (commune, typologie, loyer_max, financement, pmr, qpv, reservataire),
                (etat, tri, page, par_page, pour_moi, restrictions),
            )| {
                Recherche {
                    commune,
                    typologie,
                    loyer_max,
                    financement,
                    pmr,
                    qpv,
                    reservataire,
                    etat,
                    tri,
                    page,
                    par_page,
                    pour_moi,
                    restrictions,
                }
            },
        )
}

proptest! {
    #[test]
    fn criteria_written_to_a_query_string_read_back_the_same(r in recherche()) {
        let paires = r.en_paires();
        let relue = Recherche::depuis_paires(paires.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(relue, Ok(r));
    }

    #[test]
    fn reading_any_query_string_never_panics(paires in proptest::collection::vec((".{0,12}", ".{0,20}"), 0..8)) {
        let _ = Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }

    #[test]
    fn any_value_of_a_known_field_is_either_accepted_or_reported_on_that_field(
        champ in proptest::sample::select(clef_domain::recherche::champ::TOUS),
        valeur in ".{0,20}",
    ) {
        if let Err(erreurs) = Recherche::depuis_paires([(champ, valeur.as_str())]) {
            prop_assert_eq!(erreurs.len(), 1);
            prop_assert_eq!(erreurs[0].champ.as_str(), champ);
        }
    }
}
