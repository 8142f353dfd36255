//! Backup and restore, as the README's "Running beyond one machine" tells operators to do
//! them (issue 17.7): a restored backup serves the same listings, applications, sessions
//! and open data. SQLite: `VACUUM INTO` (what `sqlite3 clef.db "VACUUM INTO '…'"` runs),
//! the file copied back. PostgreSQL: `pg_dump --format=custom`, `pg_restore` into a new
//! database, with the programs of the server's version.

use crate::aide::{TestApp, base_postgres, dossier_simple, serveur_postgres};
use axum::http::StatusCode;
use serde_json::Value;
use std::process::Command;

/// PostgreSQL's client programs: `CLEF_TEST_POSTGRES_BIN` (set by `cargo xtask test`),
/// else the PATH.
fn programme(nom: &str) -> Command {
    match std::env::var("CLEF_TEST_POSTGRES_BIN") {
        Ok(dossier) if !dossier.is_empty() => Command::new(format!("{dossier}/{nom}")),
        _ => Command::new(nom),
    }
}

fn lancer(c: &mut Command) {
    let sortie = c.output().expect("programme de PostgreSQL");
    assert!(
        sortie.status.success(),
        "{c:?}: {}",
        String::from_utf8_lossy(&sortie.stderr)
    );
}

/// A backup of `app`'s database, restored as a new instance.
async fn sauvegarder_et_restaurer(app: &TestApp, dossier: &std::path::Path) -> TestApp {
    if let Some(serveur) = serveur_postgres() {
        let sauvegarde = dossier.join("clef.dump");
        lancer(
            programme("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(&sauvegarde)
                .args(["--dbname", &app.url]),
        );
        let neuve = base_postgres(&serveur, None).await;
        lancer(
            programme("pg_restore")
                .args(["--no-owner", "--exit-on-error", "--dbname", &neuve])
                .arg(&sauvegarde),
        );
        let dossier = tempfile::tempdir().expect("dossier");
        return TestApp::sur_url(neuve, dossier, None, Some(app.horloge.clone())).await;
    }
    let sauvegarde = dossier.join("sauvegarde.db");
    sqlx::query(&format!("VACUUM INTO '{}'", sauvegarde.display()))
        .execute(&app.base)
        .await
        .expect("VACUUM INTO");
    // (Both clocks show the tests' day: this test does not move time.)
    TestApp::sur(Some(&sauvegarde), None).await
}

/// Every listing, page by page, as the API serves them.
async fn toutes_les_offres(app: &TestApp) -> Vec<Value> {
    let mut offres = Vec::new();
    for page in 1.. {
        let p: Value = app
            .get(&format!(
                "/api/v1/offres?etat=toutes&par_page=50&page={page}"
            ))
            .await
            .json();
        let items = p["offres"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        offres.extend(items);
    }
    offres
}

#[tokio::test]
async fn a_restored_backup_serves_the_same_listings_applications_and_sessions() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let offre = app.offres_ouvertes("PLUS").await[0];
    client.deposer(offre).await;
    let mes_candidatures = client.get("/api/v1/moi/candidatures").await;
    assert_eq!(mes_candidatures.status, StatusCode::OK);

    let dossier = tempfile::tempdir().expect("dossier");
    let restauree = sauvegarder_et_restaurer(&app, dossier.path()).await;

    let offres = toutes_les_offres(&app).await;
    assert!(offres.len() > 50, "{} listings", offres.len());
    assert_eq!(toutes_les_offres(&restauree).await, offres);
    // The applicant's session was saved too: the same cookie reads the same applications.
    let meme_client = restauree.avec_la_session_de(&client);
    let apres = meme_client.get("/api/v1/moi/candidatures").await;
    assert_eq!(apres.status, StatusCode::OK);
    assert_eq!(apres.json::<Value>(), mes_candidatures.json::<Value>());
    for chemin in [
        "/api/v1/donnees/resultats.csv",
        "/api/v1/territoires/bethune-bruay/mixite",
    ] {
        let (avant, apres) = (app.get(chemin).await, restauree.get(chemin).await);
        assert_eq!(avant.status, StatusCode::OK, "{chemin}");
        assert_eq!(apres.corps, avant.corps, "{chemin}");
    }
}
