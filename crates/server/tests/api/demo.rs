//! The demonstration data in the database.

use crate::aide::{AUJOURDHUI, TestApp};
use clef_server::demo;

async fn compter(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.base)
        .await
        .unwrap()
}

#[tokio::test]
async fn seeding_twice_adds_nothing_the_second_time() {
    let app = TestApp::demo().await;
    let avant: Vec<i64> = compter_tout(&app).await;
    let semis = demo::semer(&app.base, AUJOURDHUI).await.unwrap();
    assert_eq!(semis.offres_ajoutees, 0);
    // Even on another day: windows already stored are kept, not moved.
    demo::semer(&app.base, AUJOURDHUI.plus_jours(1))
        .await
        .unwrap();
    assert_eq!(compter_tout(&app).await, avant);
}

async fn compter_tout(app: &TestApp) -> Vec<i64> {
    let mut n = Vec::new();
    for table in [
        "territoires",
        "communes",
        "qpv",
        "bailleurs",
        "offres",
        "photos",
    ] {
        n.push(compter(app, table).await);
    }
    n
}

#[tokio::test]
async fn the_territory_has_8_communes_2_qpv_3_landlords_and_60_listings_at_least() {
    let app = TestApp::demo().await;
    assert!(compter(&app, "communes").await >= 8);
    assert_eq!(compter(&app, "qpv").await, 2);
    assert_eq!(compter(&app, "bailleurs").await, 3);
    assert!(compter(&app, "offres").await >= 60);
    let non_demo: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM offres WHERE demo = 0")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(non_demo, 0, "every demo listing is labelled as such");
}

#[tokio::test]
async fn without_demo_mode_the_database_starts_empty() {
    let app = TestApp::construire(false, None).await;
    assert_eq!(compter(&app, "offres").await, 0);
    let r = app.get("/api/v1/offres").await;
    assert_eq!(r.status, axum::http::StatusCode::OK);
}

#[tokio::test]
async fn the_database_is_in_wal_mode_with_foreign_keys_enforced() {
    let app = TestApp::demo().await;
    // SQLite's log mode (PostgreSQL always writes ahead).
    if crate::aide::serveur_postgres().is_none() {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&app.base)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
    }
    let orpheline = sqlx::query("INSERT INTO photos (offre_id, rang, url, texte_alternatif) VALUES (424242, 0, '/x.svg', 'x')")
        .execute(&app.base)
        .await;
    assert!(orpheline.is_err(), "a photo must belong to a listing");
}
