//! Bad input gets a problem+json answer naming each field, never a 500.

use crate::aide::TestApp;
use axum::http::StatusCode;
use clef_domain::api::Probleme;
use clef_domain::erreur::CodeErreur;

async fn probleme(app: &TestApp, uri: &str, status: StatusCode) -> Probleme {
    let r = app.get(uri).await;
    assert_eq!(r.status, status, "{uri}");
    assert_eq!(r.type_contenu(), "application/problem+json", "{uri}");
    let brut: serde_json::Value = r.json();
    for cle in ["type", "title", "status"] {
        assert!(brut.get(cle).is_some(), "{uri}: `{cle}` manque dans {brut}");
    }
    r.json()
}

#[tokio::test]
async fn an_invalid_filter_value_is_a_400_naming_the_field() {
    let app = TestApp::demo().await;
    let p = probleme(&app, "/api/v1/offres?typologie=T9", StatusCode::BAD_REQUEST).await;
    assert_eq!(p.type_, "/problemes/requete-invalide");
    assert_eq!(p.status, 400);
    assert_eq!(p.errors.len(), 1);
    assert_eq!(p.errors[0].erreur.champ, "typologie");
    assert_eq!(p.errors[0].erreur.code, CodeErreur::ValeurInconnue);
    assert!(p.errors[0].message.contains("T1, T2, T3, T4, T5, T6"));
}

#[tokio::test]
async fn every_invalid_field_is_reported_at_once() {
    let app = TestApp::demo().await;
    let p = probleme(
        &app,
        "/api/v1/offres?loyer_max=abc&par_page=51&financement=HLM&pmr=peut-etre&tri=prix",
        StatusCode::BAD_REQUEST,
    )
    .await;
    let champs: Vec<&str> = p.errors.iter().map(|e| e.erreur.champ.as_str()).collect();
    assert_eq!(
        champs,
        ["loyer_max", "par_page", "financement", "pmr", "tri"]
    );
    assert_eq!(
        p.errors[1].erreur.code,
        CodeErreur::HorsLimites { min: 1, max: 50 }
    );
    assert!(p.errors.iter().all(|e| !e.message.is_empty()));
}

#[tokio::test]
async fn page_size_and_page_number_are_bounded() {
    let app = TestApp::demo().await;
    for uri in [
        "?par_page=0",
        "?par_page=51",
        "?page=0",
        "?page=1001",
        "?page=-1",
    ] {
        let p = probleme(
            &app,
            &format!("/api/v1/offres{uri}"),
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert!(
            matches!(p.errors[0].erreur.code, CodeErreur::HorsLimites { .. }),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn an_unknown_commune_is_a_400_on_the_commune_field() {
    let app = TestApp::demo().await;
    let p = probleme(
        &app,
        "/api/v1/offres?commune=paris",
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(p.errors[0].erreur.champ, "commune");
    assert_eq!(p.errors[0].message, "Commune inconnue sur ce territoire.");
}

#[tokio::test]
async fn garbage_in_the_query_string_never_causes_a_500() {
    let app = TestApp::demo().await;
    for query in [
        "%FF%FE=%00",
        "typologie=%E2%82%AC",
        "commune=%27%3B%20DROP%20TABLE%20offres%3B--",
        "loyer_max=1e9",
        "page=1&page=2",
        "&&&==&",
    ] {
        let r = app.get(&format!("/api/v1/offres?{query}")).await;
        assert!(
            r.status == StatusCode::OK || r.status == StatusCode::BAD_REQUEST,
            "{query}: {}",
            r.status
        );
    }
    // The database is intact.
    let r = app.get("/api/v1/offres").await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_problems_too() {
    let app = TestApp::demo().await;
    let p = probleme(&app, "/api/v1/nulle-part", StatusCode::NOT_FOUND).await;
    assert_eq!(p.type_, "/problemes/introuvable");
    let r = app
        .requete(
            axum::http::Request::delete("/api/v1/offres")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.type_contenu(), "application/problem+json");
}

#[tokio::test]
async fn the_health_check_answers_ok() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/sante").await;
    assert_eq!(r.status, StatusCode::OK);
    let sante: clef_domain::api::Sante = r.json();
    assert_eq!(sante.statut, "ok");
}

/// Issue 14.6: the API speaks French everywhere; the first English paths answer with a
/// permanent redirect that keeps the method and the query, so that links keep working.
#[tokio::test]
async fn the_old_english_paths_redirect_to_the_french_ones() {
    let app = TestApp::demo().await;
    for (ancien, nouveau) in [
        ("/api/v1/health", "/api/v1/sante"),
        ("/api/v1/listings", "/api/v1/offres"),
        (
            "/api/v1/listings?commune=bethune&page=2",
            "/api/v1/offres?commune=bethune&page=2",
        ),
        ("/api/v1/listings/3", "/api/v1/offres/3"),
        ("/api/v1/listings/%FF", "/api/v1/offres/%FF"),
    ] {
        let r = app.get(ancien).await;
        assert_eq!(r.status, StatusCode::PERMANENT_REDIRECT, "{ancien}");
        assert_eq!(r.entetes["location"], nouveau, "{ancien}");
        assert!(!app.get(nouveau).await.status.is_redirection(), "{nouveau}");
    }
}

#[tokio::test]
async fn what_the_framework_rejects_by_itself_is_a_problem_in_french_too() {
    let app = TestApp::demo().await;
    // Not valid UTF-8 once percent-decoded: refused by the path extractor itself.
    let p = probleme(
        &app,
        "/api/v1/territoires/%FF/grille",
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(p.title, "La requête est invalide.");
    // An id that is not even text is an invalid id, like any other.
    let p = probleme(&app, "/api/v1/offres/%FF", StatusCode::BAD_REQUEST).await;
    assert_eq!(p.errors[0].erreur.champ, "id");
}

/// Every path of the API that names a resource by `{id}` refuses an id that is not a
/// positive whole number with a French 400 naming `id`, for whoever asks, whatever the
/// method: the list of paths comes from the OpenAPI document, so a new route is covered
/// as soon as it exists (issue 14.4: one extractor carries this for every handler).
#[tokio::test]
async fn every_id_in_a_path_is_checked_the_same_way() {
    use axum::http::Method;
    use clef_server::demo;
    let app = TestApp::demo().await;
    let demandeur = app.inscrire(1).await;
    let (_, bailleur) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
    let (_, territoire) = app
        .connecter("territoire@demo.clef.fr", demo::MOT_DE_PASSE)
        .await;
    let (_, conseiller) = app
        .connecter_conseiller(demo::CONSEILLERS[0].0, demo::CONSEILLERS[0].3)
        .await;
    let clients = [&demandeur, &bailleur, &territoire, &conseiller];
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json();
    let chemins = doc["paths"].as_object().expect("paths");
    let mut verifies = 0;
    for (chemin, operations) in chemins.iter().filter(|(c, _)| c.contains("{id}")) {
        for methode in operations.as_object().expect("operations").keys() {
            let methode: Method = methode.to_uppercase().parse().expect("méthode");
            for mauvais in ["abc", "0", "-3", "1.5", "99999999999999999999"] {
                let uri = chemin.replace("{id}", mauvais);
                let mut refuse = false;
                for client in clients {
                    let r = client
                        .envoyer(methode.clone(), &uri, Some(serde_json::json!({})))
                        .await;
                    assert!(r.status.is_client_error(), "{methode} {uri} : {}", r.status);
                    if r.status == StatusCode::BAD_REQUEST {
                        assert_eq!(r.type_contenu(), "application/problem+json", "{uri}");
                        let p: Probleme = r.json();
                        assert_eq!(p.errors.len(), 1, "{methode} {uri}");
                        assert_eq!(p.errors[0].erreur.champ, "id", "{methode} {uri}");
                        assert_eq!(
                            p.errors[0].erreur.code,
                            CodeErreur::PasUnNombre,
                            "{methode} {uri}"
                        );
                        refuse = true;
                    }
                }
                assert!(refuse, "{methode} {uri} : aucun 400 nommant id");
            }
            verifies += 1;
        }
    }
    assert!(verifies >= 25, "{verifies} opérations seulement");
}
