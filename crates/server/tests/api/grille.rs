//! `GET /api/v1/territoires/{slug}/grille`: the published scoring grid.

use crate::aide::TestApp;
use axum::http::StatusCode;
use clef_domain::api::Probleme;
use clef_domain::cotation::{Grille, grille_bethune};
use serde_json::json;

#[tokio::test]
async fn the_grid_in_force_is_published_as_the_rules_crate_defines_it() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/territoires/bethune-bruay/grille").await;
    assert_eq!(r.status, StatusCode::OK);
    let grille: Grille = r.json();
    assert_eq!(grille, grille_bethune());
    let v1: Grille = app
        .get("/api/v1/territoires/bethune-bruay/grille?version=1")
        .await
        .json();
    assert_eq!(v1.version, 1);
}

#[tokio::test]
async fn an_unknown_territory_or_version_is_a_404_and_a_bad_version_a_400() {
    let app = TestApp::demo().await;
    assert_eq!(
        app.get("/api/v1/territoires/nulle-part/grille")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/v1/territoires/bethune-bruay/grille?version=2")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    for version in ["0", "abc", "-1"] {
        let r = app
            .get(&format!(
                "/api/v1/territoires/bethune-bruay/grille?version={version}"
            ))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{version}");
        let p: Probleme = r.json();
        assert_eq!(p.errors[0].erreur.champ, "version");
    }
}

#[tokio::test]
async fn a_stored_grid_that_no_longer_validates_is_an_internal_error_not_a_wrong_answer() {
    let app = TestApp::demo().await;
    let grilles: Vec<i64> = sqlx::query_scalar("SELECT id FROM grilles")
        .fetch_all(&app.base)
        .await
        .unwrap();
    for id in grilles {
        app.modifier_json("grilles", "contenu", id, |g| g["criteres"] = json!([]))
            .await;
    }
    let r = app.get("/api/v1/territoires/bethune-bruay/grille").await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(r.type_contenu(), "application/problem+json");
}

#[tokio::test]
async fn the_territory_settings_are_public() {
    let app = TestApp::demo().await;
    let r = app
        .get("/api/v1/territoires/bethune-bruay/parametres")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let p: clef_domain::territoire::ParametresTerritoire = r.json();
    assert_eq!(
        p,
        clef_domain::territoire::ParametresTerritoire::bethune_demo()
    );
    assert_eq!(
        app.get("/api/v1/territoires/ailleurs/parametres")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
