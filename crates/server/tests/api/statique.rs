//! Serving the built app: precompressed files, caching, SPA fallback.

use crate::aide::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use std::path::Path;

const INDEX: &str = "<!doctype html><title>Clef</title>";
const WASM: &str = "clef-0123456789abcdef_bg.wasm";
const INDEX_BAILLEUR: &str = "<!doctype html><title>Espace bailleur</title>";

fn dist(dossier: &Path) {
    std::fs::create_dir(dossier.join("bailleur")).unwrap();
    std::fs::write(dossier.join("bailleur/index.html"), INDEX_BAILLEUR).unwrap();
    std::fs::write(dossier.join("index.html"), INDEX).unwrap();
    std::fs::write(dossier.join("index.html.br"), b"br-index").unwrap();
    std::fs::write(dossier.join(WASM), b"\0asm").unwrap();
    std::fs::write(dossier.join(format!("{WASM}.br")), b"br-wasm").unwrap();
}

async fn app_avec_dist() -> (TestApp, tempfile::TempDir) {
    let dossier = tempfile::tempdir().unwrap();
    dist(dossier.path());
    (
        TestApp::construire(true, Some(dossier.path().to_owned())).await,
        dossier,
    )
}

#[tokio::test]
async fn app_urls_fall_back_to_the_app_page() {
    let (app, _d) = app_avec_dist().await;
    for url in ["/", "/logements/12", "/mentions-legales"] {
        let r = app.get(url).await;
        assert_eq!(r.status, StatusCode::OK, "{url}");
        assert_eq!(String::from_utf8_lossy(&r.corps), INDEX, "{url}");
        assert_eq!(r.entetes["cache-control"], "no-cache");
    }
}

#[tokio::test]
async fn staff_pages_get_the_professional_app_and_only_they_do() {
    let (app, _d) = app_avec_dist().await;
    for url in [
        "/bailleur",
        "/bailleur/offres/12",
        "/bailleur/brouillons/3",
        "/territoire",
    ] {
        let r = app.get(url).await;
        assert_eq!(r.status, StatusCode::OK, "{url}");
        assert_eq!(String::from_utf8_lossy(&r.corps), INDEX_BAILLEUR, "{url}");
    }
    for url in [
        "/bailleurs",
        "/logements/bailleur",
        "/territoires",
        "/conseiller",
        "/mixite",
    ] {
        assert_eq!(
            String::from_utf8_lossy(&app.get(url).await.corps),
            INDEX,
            "{url}"
        );
    }
}

#[tokio::test]
async fn a_missing_file_is_a_404_not_the_app_page() {
    let (app, _d) = app_avec_dist().await;
    assert_eq!(
        app.get("/demo/photos/absente.svg").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn precompressed_files_are_served_to_browsers_that_accept_brotli() {
    let (app, _d) = app_avec_dist().await;
    let r = app
        .requete(
            Request::get(format!("/{WASM}"))
                .header("accept-encoding", "gzip, br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.entetes["content-encoding"], "br");
    assert_eq!(r.corps, b"br-wasm");
    assert_eq!(
        r.entetes["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.entetes["content-type"], "application/wasm");
}

#[tokio::test]
async fn the_api_still_wins_over_the_app_fallback() {
    let (app, _d) = app_avec_dist().await;
    let r = app.get("/api/v1/nulle-part").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.type_contenu(), "application/problem+json");
    assert_eq!(app.get("/api/v1/sante").await.status, StatusCode::OK);
}
