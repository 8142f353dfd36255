//! "Mon dossier": saved whole, checked field by field, never half-written.

use crate::aide::{TestApp, dossier_simple, numero};
use axum::http::{Method, StatusCode};
use clef_domain::api::{Dossier, Probleme};
use serde_json::json;

#[tokio::test]
async fn a_new_account_has_an_empty_request_with_its_number() {
    let app = TestApp::demo().await;
    let client = app.inscrire(1).await;
    let d: Dossier = client.get("/api/v1/moi/dossier").await.json();
    assert!(!d.complet);
    assert_eq!(d.saisie.numero_unique, numero(1));
    assert!(d.saisie.membres.is_empty());
}

#[tokio::test]
async fn a_valid_request_is_saved_under_the_account_number_and_can_be_edited() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let d: Dossier = client.get("/api/v1/moi/dossier").await.json();
    assert!(d.complet);
    // Whatever number the form sent, the account's is kept.
    assert_eq!(d.saisie.numero_unique, numero(1));
    assert_eq!(d.saisie.rfr_n2, Some(1_500_000));
    let mut modifie = dossier_simple();
    modifie["rfr_n2"] = json!(1_200_000);
    modifie["situations"] = json!(["violences_conjugales"]);
    let r = client
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(modifie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let d: Dossier = client.get("/api/v1/moi/dossier").await.json();
    assert_eq!(d.saisie.rfr_n2, Some(1_200_000));
    assert_eq!(d.saisie.situations, ["violences_conjugales"]);
}

#[tokio::test]
async fn an_invalid_request_names_each_field_and_keeps_the_saved_one() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let r = client
        .envoyer(
            Method::PUT,
            "/api/v1/moi/dossier",
            Some(json!({
                "numero_unique": "",
                "date_depot": "2099-01-01",
                "membres": [
                    {"age": 12, "lien": "demandeur", "a_charge": false, "handicap": false},
                    {"age": 40, "lien": "conjoint", "a_charge": true, "handicap": false}
                ],
                "rfr_n2": -3,
                "situations": ["chomage"]
            })),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let p: Probleme = r.json();
    let champs: Vec<&str> = p.errors.iter().map(|e| e.erreur.champ.as_str()).collect();
    assert!(champs.contains(&"rfr_n2"), "{champs:?}");
    assert!(champs.contains(&"situations.0"), "{champs:?}");
    assert!(
        champs.iter().any(|c| c.starts_with("membres.")),
        "{champs:?}"
    );
    assert!(p.errors.iter().all(|e| !e.message.is_empty()));
    let d: Dossier = client.get("/api/v1/moi/dossier").await.json();
    assert_eq!(
        d.saisie.rfr_n2,
        Some(1_500_000),
        "the saved request is unchanged"
    );
    // A filing date in the future is refused on its own too.
    let mut futur = dossier_simple();
    futur["date_depot"] = json!("2099-01-01");
    let r = client
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(futur))
        .await;
    let p: Probleme = r.json();
    assert_eq!(p.errors[0].erreur.champ, "date_depot");
}

#[tokio::test]
async fn malformed_json_is_a_problem_not_a_crash() {
    let app = TestApp::demo().await;
    let client = app.inscrire(1).await;
    let r = client
        .envoyer(
            Method::PUT,
            "/api/v1/moi/dossier",
            Some(json!({"membres": "beaucoup"})),
        )
        .await;
    assert!(r.status.is_client_error(), "{}", r.status);
    assert_eq!(r.type_contenu(), "application/problem+json");
}
