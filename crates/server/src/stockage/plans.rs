//! The plans SQLite chooses for the hot queries (issue 17), read with `EXPLAIN QUERY
//! PLAN` on a migrated database: an index that stops being used fails here, not in
//! production at the scale of a territory's history.

use super::offres::{requete_compte, requete_page};
use super::requete::Requete;
use clef_domain::offre::{Financement, Reservataire, Typologie};
use clef_domain::recherche::{FiltreEtat, Qpv, Recherche, Restrictions, Tri};
use clef_domain::{Jour, jour};
use sqlx::AnyPool;

const JOUR: Jour = jour!(2026, 12, 6);

async fn base() -> (tempfile::TempDir, AnyPool) {
    let dossier = tempfile::tempdir().expect("dossier");
    let url = format!("sqlite:{}", dossier.path().join("plans.db").display());
    let base = super::ouvrir(&url).await.expect("base");
    (dossier, base)
}

async fn plan(base: &AnyPool, mut requete: Requete<'_>) -> Vec<String> {
    let lignes: Vec<(i64, i64, i64, String)> = requete
        .build_query_as()
        .fetch_all(base)
        .await
        .expect("plan");
    lignes.into_iter().map(|l| l.3).collect()
}

async fn plan_sql(base: &AnyPool, sql: &str) -> Vec<String> {
    plan(base, Requete::new(format!("EXPLAIN QUERY PLAN {sql}"))).await
}

/// Every search shape the app can send: each filter alone, each state, each order, a
/// deep page, and the app's "only the homes I can apply to".
fn formes() -> Vec<(String, Recherche)> {
    let d = Recherche::default;
    let mut formes = vec![
        ("default".to_owned(), d()),
        (
            "commune".to_owned(),
            Recherche {
                commune: Some("bethune".into()),
                ..d()
            },
        ),
        (
            "typologie".to_owned(),
            Recherche {
                typologie: Some(Typologie::T3),
                ..d()
            },
        ),
        (
            "loyer_max".to_owned(),
            Recherche {
                loyer_max: Some(700),
                ..d()
            },
        ),
        (
            "financement".to_owned(),
            Recherche {
                financement: Some(Financement::Plai),
                ..d()
            },
        ),
        ("pmr".to_owned(), Recherche { pmr: true, ..d() }),
        (
            "qpv dans".to_owned(),
            Recherche {
                qpv: Some(Qpv::Dans),
                ..d()
            },
        ),
        (
            "qpv hors".to_owned(),
            Recherche {
                qpv: Some(Qpv::Hors),
                ..d()
            },
        ),
        (
            "reservataire".to_owned(),
            Recherche {
                reservataire: Some(Reservataire::Etat),
                ..d()
            },
        ),
        (
            "commune typologie loyer".to_owned(),
            Recherche {
                commune: Some("bethune".into()),
                typologie: Some(Typologie::T3),
                loyer_max: Some(700),
                ..d()
            },
        ),
        (
            "pour moi".to_owned(),
            Recherche {
                restrictions: Restrictions {
                    financement_min: Some(Financement::Plus),
                    surface_min: Some(40),
                    pieces_max: Some(3),
                    sauf: vec![1, 2, 3],
                },
                ..d()
            },
        ),
        ("deep page".to_owned(), Recherche { page: 900, ..d() }),
    ];
    for etat in [
        FiltreEtat::AVenir,
        FiltreEtat::Cloturees,
        FiltreEtat::Toutes,
    ] {
        formes.push((format!("etat {etat:?}"), Recherche { etat, ..d() }));
        formes.push((
            format!("etat {etat:?}, commune, deep page"),
            Recherche {
                etat,
                commune: Some("bethune".into()),
                page: 900,
                ..d()
            },
        ));
    }
    for tri in [
        Tri::PlusRecentes,
        Tri::LoyerCroissant,
        Tri::LoyerDecroissant,
        Tri::SurfaceDecroissante,
    ] {
        formes.push((format!("tri {tri:?}"), Recherche { tri, ..d() }));
        formes.push((
            format!("tri {tri:?}, cloturees"),
            Recherche {
                tri,
                etat: FiltreEtat::Cloturees,
                ..d()
            },
        ));
    }
    formes
}

#[tokio::test]
async fn every_search_is_counted_from_the_search_index_alone() {
    let (_dossier, base) = base().await;
    for (nom, recherche) in formes() {
        let plan = plan(
            &base,
            requete_compte("EXPLAIN QUERY PLAN ", &recherche, JOUR),
        )
        .await;
        assert!(
            plan.iter()
                .any(|l| l.contains("o USING COVERING INDEX offres_recherche")),
            "{nom}: {plan:#?}"
        );
    }
}

#[tokio::test]
async fn every_search_page_is_chosen_from_the_search_index_alone() {
    let (_dossier, base) = base().await;
    for (nom, recherche) in formes() {
        let plan = plan(&base, requete_page("EXPLAIN QUERY PLAN ", &recherche, JOUR)).await;
        assert!(
            plan.iter()
                .any(|l| l.contains("o USING COVERING INDEX offres_recherche")),
            "{nom}: {plan:#?}"
        );
        // Then only the page's rows, by id.
        assert!(
            plan.iter()
                .any(|l| l == "SEARCH o USING INTEGER PRIMARY KEY (rowid=?)"),
            "{nom}: {plan:#?}"
        );
        assert!(
            !plan
                .iter()
                .any(|l| l.starts_with("SCAN o ") && !l.contains("COVERING")),
            "{nom}: {plan:#?}"
        );
    }
}

#[tokio::test]
async fn a_log_in_drops_expired_sessions_by_their_index() {
    let (_dossier, base) = base().await;
    let plan = plan_sql(&base, super::sessions::EXPIREES).await;
    assert_eq!(
        plan,
        [
            "SEARCH sessions USING COVERING INDEX sqlite_autoindex_sessions_1 (empreinte=?)",
            "LIST SUBQUERY 1",
            "SEARCH sessions USING INDEX sessions_par_expiration (expire_a<?)"
        ]
    );
}

#[tokio::test]
async fn a_listing_s_candidates_are_read_by_the_listing_s_index() {
    let (_dossier, base) = base().await;
    let plan = plan_sql(&base, super::candidatures::CANDIDATS).await;
    assert!(
        plan[0].starts_with("SEARCH c USING INDEX sqlite_autoindex_candidatures_1 (offre_id=?)"),
        "{plan:#?}"
    );
    assert!(plan.iter().all(|l| !l.starts_with("SCAN")), "{plan:#?}");
}
