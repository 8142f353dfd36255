//! An applicant can never read or change another applicant's data: every endpoint that
//! takes an id is tried with the other's ids, and answers as if they did not exist.

use crate::aide::{TestApp, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_domain::api::{
    CandidatureDeposee, CandidatureResume, Dossier, Notifications, RechercheSauvegardee,
};
use serde_json::json;

#[tokio::test]
async fn another_applicants_ids_lead_nowhere() {
    let app = TestApp::demo().await;
    let alice = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let mut dossier_bob = dossier_simple();
    dossier_bob["rfr_n2"] = json!(900_000);
    let bob = app.inscrire_avec_dossier(2, dossier_bob).await;
    let plus = app.offres_ouvertes("PLUS").await;
    let c_alice: CandidatureDeposee = alice
        .post("/api/v1/moi/candidatures", json!({"offre_id": plus[0]}))
        .await
        .json();
    let r_alice: RechercheSauvegardee = alice
        .post(
            "/api/v1/moi/recherches",
            json!({"nom": "Béthune", "requete": "commune=bethune"}),
        )
        .await
        .json();

    // Bob, with Alice's ids.
    let id = c_alice.id;
    assert_eq!(
        bob.get(&format!("/api/v1/moi/candidatures/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = bob
        .post(&format!("/api/v1/moi/candidatures/{id}/retrait"), json!({}))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = bob
        .envoyer(
            Method::DELETE,
            &format!("/api/v1/moi/recherches/{}", r_alice.id),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Bob's lists hold only Bob's things.
    let liste: Vec<CandidatureResume> = bob.get("/api/v1/moi/candidatures").await.json();
    assert!(liste.is_empty());
    let recherches: Vec<RechercheSauvegardee> = bob.get("/api/v1/moi/recherches").await.json();
    assert!(recherches.is_empty());
    let notifications: Notifications = bob.get("/api/v1/moi/notifications").await.json();
    assert!(notifications.notifications.is_empty());
    let d: Dossier = bob.get("/api/v1/moi/dossier").await.json();
    assert_eq!(d.saisie.rfr_n2, Some(900_000));

    // The request body cannot name someone else either: the number is the account's.
    let mut usurpation = dossier_simple();
    usurpation["numero_unique"] = json!(crate::aide::numero(1));
    usurpation["rfr_n2"] = json!(1);
    bob.envoyer(Method::PUT, "/api/v1/moi/dossier", Some(usurpation))
        .await;
    let d: Dossier = alice.get("/api/v1/moi/dossier").await.json();
    assert_eq!(
        d.saisie.rfr_n2,
        Some(1_500_000),
        "Alice's request is untouched"
    );

    // Alice's application and search are still there.
    let c: CandidatureResume = alice
        .get(&format!("/api/v1/moi/candidatures/{id}"))
        .await
        .json();
    assert_eq!(c.etat, clef_domain::api::EtatCandidature::Deposee);
    let recherches: Vec<RechercheSauvegardee> = alice.get("/api/v1/moi/recherches").await.json();
    assert_eq!(recherches.len(), 1);
}

#[tokio::test]
async fn every_personal_endpoint_needs_a_session() {
    let app = TestApp::demo().await;
    let anonyme = app.anonyme();
    for (methode, uri) in [
        (Method::DELETE, "/api/v1/session"),
        (Method::GET, "/api/v1/moi/dossier"),
        (Method::PUT, "/api/v1/moi/dossier"),
        (Method::GET, "/api/v1/moi/offres/1/avant-candidature"),
        (Method::GET, "/api/v1/moi/candidatures"),
        (Method::POST, "/api/v1/moi/candidatures"),
        (Method::GET, "/api/v1/moi/candidatures/1"),
        (Method::POST, "/api/v1/moi/candidatures/1/retrait"),
        (Method::GET, "/api/v1/moi/score"),
        (Method::GET, "/api/v1/moi/notifications"),
        (Method::POST, "/api/v1/moi/notifications/lues"),
        (Method::GET, "/api/v1/moi/recherches"),
        (Method::POST, "/api/v1/moi/recherches"),
        (Method::DELETE, "/api/v1/moi/recherches/1"),
    ] {
        let r = anonyme.envoyer(methode.clone(), uri, Some(json!({}))).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{methode} {uri}");
        assert_eq!(r.type_contenu(), "application/problem+json");
    }
}
