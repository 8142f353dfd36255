//! Accounts: sign-up checks, log-in and log-out, the session cookie, CSRF, rate limits.

use crate::aide::{MOT_DE_PASSE, TestApp, numero};
use axum::http::{Method, StatusCode};
use clef_domain::api::Probleme;
use clef_server::demo;
use serde_json::{Value, json};

fn champs(r: &crate::aide::Reponse) -> Vec<(String, String)> {
    let p: Probleme = r.json();
    p.errors
        .into_iter()
        .map(|e| {
            let code = serde_json::to_value(&e.erreur.code).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned();
            (e.erreur.champ, code)
        })
        .collect()
}

#[tokio::test]
async fn sign_up_checks_each_field_and_names_it() {
    let app = TestApp::demo().await;
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": "12345", "email": "pas-un-email", "mot_de_passe": "court"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.type_contenu(), "application/problem+json");
    assert_eq!(
        champs(&r),
        [
            ("numero_unique".into(), "format_invalide".into()),
            ("email".into(), "format_invalide".into()),
            ("mot_de_passe".into(), "hors_limites".into()),
        ]
    );
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": numero(1), "email": "a@exemple.fr", "mot_de_passe": "azertyuiop123"}),
        )
        .await;
    assert_eq!(champs(&r), [("mot_de_passe".into(), "trop_courant".into())]);
    let comptes: i64 =
        sqlx::query_scalar("SELECT count(*) FROM comptes WHERE email = 'a@exemple.fr'")
            .fetch_one(&app.base)
            .await
            .unwrap();
    assert_eq!(comptes, 0, "nothing is stored on a refused sign-up");
}

#[tokio::test]
async fn sign_up_opens_a_session_with_a_strict_http_only_cookie_and_hashes_the_password() {
    let app = TestApp::demo().await;
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": " 062 2401 000000001 TS", "email": " Personne1@Exemple.fr", "mot_de_passe": MOT_DE_PASSE}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let cookie = r.entetes["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("clef_session="));
    for attribut in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribut), "{cookie}");
    }
    let session: Value = r.json();
    assert_eq!(session["role"], "demandeur");
    assert_eq!(session["email"], "personne1@exemple.fr");
    assert_eq!(session["numero_unique"], numero(1));
    let hache: String =
        sqlx::query_scalar("SELECT mot_de_passe FROM comptes WHERE email = 'personne1@exemple.fr'")
            .fetch_one(&app.base)
            .await
            .unwrap();
    assert!(hache.starts_with("$argon2id$") && !hache.contains(MOT_DE_PASSE));
    let jeton = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("clef_session=");
    let stocke: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions WHERE empreinte = $1")
        .bind(jeton)
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(stocke, 0, "only the token's hash is stored");
}

#[tokio::test]
async fn an_e_mail_or_a_number_already_used_is_a_409_on_that_field() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": numero(1), "email": "PERSONNE1@exemple.fr", "mot_de_passe": MOT_DE_PASSE}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        champs(&r),
        [
            ("email".into(), "deja_utilise".into()),
            ("numero_unique".into(), "deja_utilise".into())
        ]
    );
}

#[tokio::test]
async fn nobody_logged_in_is_an_answer_not_an_error() {
    let app = TestApp::demo().await;
    let r = app.anonyme().get("/api/v1/session").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.corps.is_empty());
    // A cookie the server does not know is nobody too.
    let mut inconnu = app.anonyme();
    inconnu.cookie = Some("clef_session=inconnu".into());
    let r = inconnu.get("/api/v1/session").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn log_in_and_log_out() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    let (r, client) = app.connecter("personne1@exemple.fr", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
    let moi = client.get("/api/v1/session").await;
    assert_eq!(moi.status, StatusCode::OK);
    assert_eq!(moi.json::<Value>()["email"], "personne1@exemple.fr");
    let r = client
        .envoyer(Method::DELETE, "/api/v1/session", None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(
        r.entetes["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    // The old cookie opens nothing any more: "who am I" answers nobody.
    assert_eq!(
        client.get("/api/v1/session").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        client.get("/api/v1/moi/dossier").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_e_mail_get_the_same_answer() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    let (faux, _) = app
        .connecter("personne1@exemple.fr", "pas le bon mot de passe")
        .await;
    let (inconnu, _) = app.connecter("personne@inconnue.fr", MOT_DE_PASSE).await;
    assert_eq!(faux.status, StatusCode::UNAUTHORIZED);
    assert_eq!(faux.corps, inconnu.corps);
    assert!(faux.entetes.get("set-cookie").is_none());
}

#[tokio::test]
async fn state_changing_requests_need_the_session_csrf_token() {
    let app = TestApp::demo().await;
    let mut client = app.inscrire(1).await;
    let dossier = crate::aide::dossier_simple();
    client.csrf = Some("un-autre-jeton".into());
    let r = client
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(dossier.clone()))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json::<Probleme>().type_, "/problemes/jeton-csrf");
    // Reads do not need it; log-in needs the header even without a session.
    assert_eq!(
        client.get("/api/v1/moi/dossier").await.status,
        StatusCode::OK
    );
    let sans_entete = app
        .requete(
            axum::http::Request::post("/api/v1/session")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    json!({"email": "personne1@exemple.fr", "mot_de_passe": MOT_DE_PASSE})
                        .to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(sans_entete.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn repeated_failures_are_rate_limited_per_account_with_retry_after() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    for _ in 0..5 {
        let (r, _) = app
            .connecter("personne1@exemple.fr", "mauvais mot de passe")
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // Even the right password waits now.
    let (r, _) = app.connecter("personne1@exemple.fr", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let attente: u64 = r.entetes["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&attente), "{attente}");
    // Another account from the same address is not blocked by this one.
    app.inscrire(2).await;
    let (r, _) = app.connecter("personne2@exemple.fr", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
    app.horloge.avancer(attente as i64);
    let (r, _) = app.connecter("personne1@exemple.fr", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn failures_are_rate_limited_per_address_across_accounts() {
    let app = TestApp::demo().await;
    for i in 0..30 {
        let (r, _) = app
            .connecter(&format!("inconnu{i}@exemple.fr"), "mauvais mot de passe")
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "essai {i}");
    }
    let (r, _) = app.connecter(demo::COMPTES[0].0, demo::MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.entetes.contains_key("retry-after"));
}

#[tokio::test]
async fn sessions_expire_after_a_week_idle() {
    let app = TestApp::demo().await;
    let client = app.inscrire(1).await;
    app.horloge.avancer_jours(6);
    assert_eq!(client.get("/api/v1/session").await.status, StatusCode::OK);
    app.horloge.avancer_jours(6);
    assert_eq!(client.get("/api/v1/session").await.status, StatusCode::OK);
    app.horloge.avancer_jours(8);
    assert_eq!(
        client.get("/api/v1/session").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        client.get("/api/v1/moi/dossier").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn demo_accounts_exist_for_each_role_in_demo_mode_only() {
    let app = TestApp::demo().await;
    for (email, role) in demo::COMPTES {
        let (r, _) = if role == "conseiller" {
            app.connecter_conseiller(email, demo::SECRET_TOTP_DEMO)
                .await
        } else {
            app.connecter(email, demo::MOT_DE_PASSE).await
        };
        assert_eq!(r.status, StatusCode::OK, "{email}");
        assert_eq!(r.json::<Value>()["role"], role);
    }
    let sans_demo = TestApp::construire(false, None).await;
    let (r, _) = sans_demo
        .connecter(demo::COMPTES[0].0, demo::MOT_DE_PASSE)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn staff_accounts_cannot_use_the_applicant_space() {
    let app = TestApp::demo().await;
    let (_, bailleur) = app.connecter(demo::COMPTES[1].0, demo::MOT_DE_PASSE).await;
    assert_eq!(
        bailleur.get("/api/v1/moi/dossier").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        bailleur.get("/api/v1/moi/candidatures").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn trying_numbers_at_sign_up_is_rate_limited_like_log_ins() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    // Each attempt reuses the number of an existing account.
    for i in 0..30 {
        let r = app
            .anonyme()
            .post(
                "/api/v1/comptes",
                json!({"numero_unique": numero(1), "email": format!("autre{i}@exemple.fr"), "mot_de_passe": MOT_DE_PASSE}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "essai {i}");
    }
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": numero(2), "email": "nouveau@exemple.fr", "mot_de_passe": MOT_DE_PASSE}),
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.entetes.contains_key("retry-after"));
}
