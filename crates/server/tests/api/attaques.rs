//! The attacks of the hardening review, performed: each test fails if the attack works
//! again.

use crate::aide::{MOT_DE_PASSE, Reponse, TestApp};
use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use axum::http::{Request, StatusCode};
use clef_server::reseau::Reseau;
use futures::StreamExt;
use futures::future::join_all;
use serde_json::json;
use std::net::SocketAddr;

/// A log-in as it arrives on a socket from `depuis`, with an `X-Forwarded-For` if given.
async fn connexion(
    app: &TestApp,
    depuis: &str,
    transmis: Option<&str>,
    email: &str,
    mot_de_passe: &str,
) -> Reponse {
    let mut requete = Request::post("/api/v1/session")
        .header("content-type", "application/json")
        .header("x-csrf-token", "avant-connexion");
    if let Some(transmis) = transmis {
        requete = requete.header("x-forwarded-for", transmis);
    }
    let mut requete = requete
        .body(Body::from(
            json!({"email": email, "mot_de_passe": mot_de_passe}).to_string(),
        ))
        .unwrap();
    let socket: SocketAddr = format!("{depuis}:40000").parse().unwrap();
    requete.extensions_mut().insert(ConnectInfo(socket));
    app.requete(requete).await
}

fn statuts(reponses: &[Reponse], statut: StatusCode) -> usize {
    reponses.iter().filter(|r| r.status == statut).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_parallel_burst_of_wrong_passwords_is_checked_no_more_than_the_limit() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    // 25 at once for one account: 5 are checked, the others wait.
    let rafale = join_all((0..25).map(|_| {
        connexion(
            &app,
            "203.0.113.9",
            None,
            "personne1@exemple.fr",
            "mauvais mot de passe",
        )
    }))
    .await;
    assert_eq!(statuts(&rafale, StatusCode::UNAUTHORIZED), 5);
    assert_eq!(statuts(&rafale, StatusCode::TOO_MANY_REQUESTS), 20);
    // 45 at once on as many accounts from one address: 30 are checked.
    let app = &app;
    let rafale = join_all((0..45).map(|i| {
        let email = format!("inconnu{i}@exemple.fr");
        async move { connexion(app, "198.51.100.4", None, &email, "mauvais mot de passe").await }
    }))
    .await;
    assert_eq!(statuts(&rafale, StatusCode::UNAUTHORIZED), 30);
    assert_eq!(statuts(&rafale, StatusCode::TOO_MANY_REQUESTS), 15);
}

#[tokio::test]
async fn someone_trying_passwords_elsewhere_does_not_lock_the_owner_out() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    for _ in 0..5 {
        let r = connexion(&app, "203.0.113.9", None, "personne1@exemple.fr", "mauvais").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // The attacker's address waits, even with the right password.
    let r = connexion(
        &app,
        "203.0.113.9",
        None,
        "personne1@exemple.fr",
        MOT_DE_PASSE,
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // The owner, from their own address, gets in.
    let r = connexion(
        &app,
        "198.51.100.4",
        None,
        "PERSONNE1@exemple.fr",
        MOT_DE_PASSE,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn a_forged_x_forwarded_for_does_not_escape_the_address_limit() {
    let app = TestApp::demo().await;
    for i in 0..30 {
        let r = connexion(
            &app,
            "203.0.113.9",
            Some(&format!("192.0.2.{i}")),
            &format!("inconnu{i}@exemple.fr"),
            "mauvais",
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "essai {i}");
    }
    let r = connexion(
        &app,
        "203.0.113.9",
        Some("192.0.2.200"),
        clef_server::demo::COMPTES[0].0,
        clef_server::demo::MOT_DE_PASSE,
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn behind_a_trusted_tls_proxy_clients_keep_their_own_limits_and_cookies_are_secure() {
    let mut app = TestApp::demo().await;
    app.etat.reseau = Reseau {
        https: true,
        proxys_de_confiance: vec!["127.0.0.1".parse().unwrap()].into(),
    };
    app.app = clef_server::application(app.etat.clone(), None);
    // One client behind the proxy fails 30 times...
    for i in 0..30 {
        let r = connexion(
            &app,
            "127.0.0.1",
            Some("203.0.113.9"),
            &format!("inconnu{i}@exemple.fr"),
            "mauvais",
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "essai {i}");
    }
    let (email, _) = clef_server::demo::COMPTES[0];
    let r = connexion(
        &app,
        "127.0.0.1",
        Some("203.0.113.9"),
        email,
        clef_server::demo::MOT_DE_PASSE,
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // ...and everyone else behind the same proxy still logs in, with a Secure cookie.
    let r = connexion(
        &app,
        "127.0.0.1",
        Some("198.51.100.4"),
        email,
        clef_server::demo::MOT_DE_PASSE,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let cookie = r.entetes["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_log_ins_is_hashed_a_few_at_a_time_and_every_one_is_answered() {
    let app = TestApp::demo().await;
    app.inscrire(1).await;
    let banc = &app;
    let rafale = join_all((0..32).map(|i| {
        let depuis = format!("192.0.2.{i}");
        async move {
            connexion(
                banc,
                &depuis,
                None,
                "personne1@exemple.fr",
                "mauvais mot de passe",
            )
            .await
        }
    }))
    .await;
    for r in &rafale {
        match r.status {
            StatusCode::UNAUTHORIZED => {}
            StatusCode::SERVICE_UNAVAILABLE => assert!(r.entetes.contains_key("retry-after")),
            autre => panic!("{autre}: {}", String::from_utf8_lossy(&r.corps)),
        }
    }
    let postes = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    assert!(
        (1..=postes).contains(&app.etat.hachages.pic()),
        "{} hachages à la fois",
        app.etat.hachages.pic()
    );
}

#[tokio::test]
async fn a_body_that_never_finishes_arriving_is_cut_off() {
    let app = TestApp::demo().await;
    // Time runs on its own from here: the server's timers fire as soon as nothing moves.
    tokio::time::pause();
    let premier = futures::stream::once(async {
        Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"{\"email\":"))
    });
    let goutte = premier.chain(futures::stream::pending());
    let requete = Request::post("/api/v1/session")
        .header("content-type", "application/json")
        .header("x-csrf-token", "avant-connexion")
        .body(Body::from_stream(goutte))
        .unwrap();
    let r = app.requete(requete).await;
    assert_eq!(r.status, StatusCode::REQUEST_TIMEOUT);
    assert_eq!(r.type_contenu(), "application/problem+json");
}

#[tokio::test]
async fn hidden_characters_and_huge_texts_are_refused_at_the_door_and_nothing_is_stored() {
    let app = TestApp::demo().await;
    // An e-mail with a NUL byte: a field error, never a 500.
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": crate::aide::numero(1), "email": "marie\u{0}@exemple.fr", "mot_de_passe": MOT_DE_PASSE}),
        )
        .await;
    assert_eq!(crate::aide::champs_refuses(&r), ["email"]);
    let r = app
        .anonyme()
        .post(
            "/api/v1/mot-de-passe/oubli",
            json!({"email": "marie\u{0}@exemple.fr"}),
        )
        .await;
    assert_eq!(crate::aide::champs_refuses(&r), ["email"]);
    let (r, _) = app.connecter("marie\u{0}@exemple.fr", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // A failed log-in with a 1.9 MB e-mail stores a key of fixed size.
    let (r, _) = app.connecter(&"a".repeat(1_900_000), "mauvais").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let plus_longue: i64 = sqlx::query_scalar("SELECT max(length(cle)) FROM echecs_connexion")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert!(plus_longue < 64, "{plus_longue}");
    // A draft: 1.9 MB of description, a title that reads backwards.
    let (_, bailleur) = app
        .connecter(
            clef_server::demo::COMPTES[1].0,
            clef_server::demo::MOT_DE_PASSE,
        )
        .await;
    let avant: i64 = sqlx::query_scalar("SELECT count(*) FROM brouillons")
        .fetch_one(&app.base)
        .await
        .unwrap();
    let r = bailleur
        .post(
            "/api/v1/bailleur/brouillons",
            json!({"titre": "T3 loyer \u{202E}005\u{202C} €", "description": "x".repeat(1_900_000)}),
        )
        .await;
    assert_eq!(crate::aide::champs_refuses(&r), ["titre", "description"]);
    let codes: Vec<String> = r.json::<serde_json::Value>()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["caracteres_interdits", "trop_long"]);
    let apres: i64 = sqlx::query_scalar("SELECT count(*) FROM brouillons")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(avant, apres);
}

#[tokio::test]
async fn accounts_cannot_be_created_without_limit_from_one_address() {
    let app = TestApp::demo().await;
    for n in 0..20 {
        let r = app
            .anonyme()
            .post(
                "/api/v1/comptes",
                json!({"numero_unique": crate::aide::numero(n), "email": format!("n{n}@exemple.fr"), "mot_de_passe": MOT_DE_PASSE}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "compte {n}");
    }
    let r = app
        .anonyme()
        .post(
            "/api/v1/comptes",
            json!({"numero_unique": crate::aide::numero(99), "email": "n99@exemple.fr", "mot_de_passe": MOT_DE_PASSE}),
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.entetes.contains_key("retry-after"));
}

/// The attack of the hardening review on open data: a CSV line gave the listing's id beside
/// the first-quartile and priority flags, and the listing still showed its full address
/// after the letting. Here every public answer is searched for the address of each let
/// home, and the CSV for anything that would tie a line to one listing.
#[tokio::test]
async fn no_public_answer_leads_from_the_open_data_to_a_let_homes_door() {
    let dossier = tempfile::tempdir().unwrap();
    std::fs::write(
        dossier.path().join("index.html"),
        "<!doctype html><html lang=\"fr\"><head><title>Clef</title></head><body>\
         <div id=\"chargement-initial\"><p>Chargement…</p></div></body></html>",
    )
    .unwrap();
    let app = TestApp::construire(true, Some(dossier.path().to_owned())).await;
    let louees: Vec<(i64, String)> = sqlx::query_as(
        "SELECT o.id, o.adresse FROM resultats r JOIN offres o ON o.id = r.offre_id",
    )
    .fetch_all(&app.base)
    .await
    .unwrap();
    assert!(louees.len() >= 3, "the demo has let homes");
    let csv = String::from_utf8(app.get("/api/v1/donnees/resultats.csv").await.corps).unwrap();
    let entete: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    for lien in [
        "offre_id",
        "decide_le",
        "cloture",
        "attribue_rang",
        "attribue_score",
        "candidatures",
    ] {
        assert!(!entete.contains(&lien), "{lien} in {entete:?}");
    }
    assert_eq!(csv.lines().count(), louees.len() + 1);
    // Every public answer that can be reached from a line of the file.
    let mut adresses_publiques = vec!["/api/v1/donnees/resultats.csv".to_owned()];
    adresses_publiques.extend([
        "/api/v1/resultats".to_owned(),
        "/api/v1/territoires/bethune-bruay/mixite".to_owned(),
        "/api/v1/territoires/bethune-bruay/sru".to_owned(),
    ]);
    for page in 1..=10 {
        adresses_publiques.push(format!("/api/v1/offres?etat=toutes&page={page}"));
        adresses_publiques.push(format!("/?etat=toutes&page={page}"));
    }
    for (id, _) in &louees {
        adresses_publiques.push(format!("/api/v1/offres/{id}"));
        adresses_publiques.push(format!("/api/v1/resultats/{id}"));
        adresses_publiques.push(format!("/logements/{id}"));
    }
    for adresse_publique in &adresses_publiques {
        let r = app.get(adresse_publique).await;
        let corps = String::from_utf8_lossy(&r.corps);
        for (id, adresse) in &louees {
            assert!(
                !corps.contains(adresse.as_str()),
                "{adresse_publique} gives the address of let home {id}"
            );
        }
    }
}

/// The attack of the hardening review: the advisors' second-factor secrets were stored in
/// plain text, so a copy of the database gave them away. Now the database holds them
/// encrypted (the key stays outside it), and log-in with a code still works.
#[tokio::test]
async fn a_copy_of_the_database_does_not_give_the_second_factors_away() {
    let app = TestApp::demo().await;
    let stockes: Vec<String> = sqlx::query_scalar("SELECT secret_totp FROM conseillers")
        .fetch_all(&app.base)
        .await
        .unwrap();
    assert!(!stockes.is_empty());
    for (_, _, _, secret) in clef_server::demo::CONSEILLERS {
        for stocke in &stockes {
            assert!(stocke.starts_with("v1:"), "{stocke}");
            assert!(!stocke.contains(secret));
        }
    }
    let (email, _, _, secret) = clef_server::demo::CONSEILLERS[0];
    let (r, _) = app.connecter_conseiller(email, secret).await;
    assert_eq!(r.status, StatusCode::OK);
}
