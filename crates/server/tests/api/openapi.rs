//! The OpenAPI document is generated from the handlers.

use crate::aide::TestApp;
use axum::http::StatusCode;
use clef_domain::recherche::champ;
use serde_json::Value;

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc: Value = r.json();
    assert!(
        doc["openapi"]
            .as_str()
            .unwrap_or_default()
            .starts_with("3.")
    );
    for chemin in [
        "/api/v1/sante",
        "/api/v1/offres",
        "/api/v1/offres/{id}",
        "/api/v1/communes",
        "/api/v1/territoires/{slug}/grille",
        "/api/v1/territoires/{slug}/parametres",
        "/api/v1/resultats",
        "/api/v1/resultats/{id}",
        "/api/v1/session",
        "/api/v1/moi/dossier",
        "/api/v1/moi/offres/{id}/avant-candidature",
        "/api/v1/moi/candidatures",
        "/api/v1/moi/candidatures/{id}",
        "/api/v1/moi/score",
        "/api/v1/moi/notifications",
        "/api/v1/moi/notifications/non-lues",
        "/api/v1/moi/recherches",
        "/api/v1/bailleur/offres",
        "/api/v1/bailleur/offres/{id}/classement",
        "/api/v1/bailleur/offres/{id}/commission",
        "/api/v1/bailleur/offres/{id}/issues",
        "/api/v1/bailleur/tableau-de-bord",
    ] {
        assert!(doc["paths"][chemin]["get"].is_object(), "{chemin} manque");
    }
    for (methode, chemin) in [
        ("post", "/api/v1/comptes"),
        ("post", "/api/v1/session"),
        ("delete", "/api/v1/session"),
        ("put", "/api/v1/moi/dossier"),
        ("post", "/api/v1/moi/candidatures"),
        ("post", "/api/v1/moi/candidatures/{id}/retrait"),
        ("post", "/api/v1/moi/notifications/lues"),
        ("post", "/api/v1/moi/recherches"),
        ("delete", "/api/v1/moi/recherches/{id}"),
        ("post", "/api/v1/bailleur/offres/{id}/classement"),
        ("post", "/api/v1/bailleur/offres/{id}/presentation"),
        ("post", "/api/v1/bailleur/offres/{id}/cloture"),
        ("post", "/api/v1/bailleur/offres/{id}/decisions"),
        ("post", "/api/v1/bailleur/offres/{id}/reponses"),
        ("post", "/api/v1/bailleur/offres/{id}/bail"),
    ] {
        assert!(
            doc["paths"][chemin][methode].is_object(),
            "{methode} {chemin} manque"
        );
    }
    assert!(doc["components"]["schemas"]["Probleme"].is_object());
}

#[tokio::test]
async fn the_documented_search_parameters_are_exactly_those_the_server_reads() {
    let app = TestApp::demo().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json();
    let mut documentes: Vec<&str> = doc["paths"]["/api/v1/offres"]["get"]["parameters"]
        .as_array()
        .expect("paramètres")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    documentes.sort();
    let mut lus: Vec<&str> = champ::TOUS.to_vec();
    lus.sort();
    assert_eq!(documentes, lus);
}
