//! E-mails (issue 12, point 9): a forgotten password's link, single-use and short-lived;
//! alerts for saved searches and each step of an application, for those who keep them on.

use crate::aide::{MOT_DE_PASSE, TestApp, URL_PUBLIQUE, champs_refuses, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_server::courriel::alertes;
use serde_json::json;

const NOUVEAU: &str = "lanterne poivre escalier";

/// The link's token, read from the e-mail as a person would click it.
fn jeton(texte: &str) -> String {
    let debut = format!("{URL_PUBLIQUE}/mot-de-passe/nouveau#");
    let reste = texte
        .split_once(&debut)
        .unwrap_or_else(|| panic!("no link in: {texte}"))
        .1;
    reste
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

#[tokio::test]
async fn a_forgotten_password_is_changed_once_by_the_e_mailed_link_and_ends_every_session() {
    let app = TestApp::demo().await;
    let ancienne = app.inscrire(1).await;
    let email = "personne1@exemple.fr";
    // A stranger's address gets the same answer, and nothing is sent.
    for adresse in [email, "personne@inconnue.fr"] {
        let r = app
            .anonyme()
            .post("/api/v1/mot-de-passe/oubli", json!({ "email": adresse }))
            .await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{adresse}");
    }
    assert!(app.courriels_a("inconnue").is_empty());
    let recus = app.courriels_a(email);
    assert_eq!(recus.len(), 1);
    assert_eq!(recus[0].objet, "Clef : choisir un nouveau mot de passe");
    assert!(recus[0].texte.contains("30 minutes"), "{}", recus[0].texte);
    let lien = jeton(&recus[0].texte);
    assert_eq!(lien.len(), 64);

    // A weak password is refused by name; the link still works after.
    let r = app
        .anonyme()
        .post(
            "/api/v1/mot-de-passe/nouveau",
            json!({ "jeton": lien, "mot_de_passe": "court" }),
        )
        .await;
    assert_eq!(champs_refuses(&r), ["mot_de_passe"]);
    let r = app
        .anonyme()
        .post(
            "/api/v1/mot-de-passe/nouveau",
            json!({ "jeton": lien, "mot_de_passe": NOUVEAU }),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // Once only.
    let r = app
        .anonyme()
        .post(
            "/api/v1/mot-de-passe/nouveau",
            json!({ "jeton": lien, "mot_de_passe": "une autre phrase secrete" }),
        )
        .await;
    assert_eq!(champs_refuses(&r), ["jeton"]);
    // Every session ended; the old password no longer opens one, the new one does.
    assert_eq!(
        ancienne.get("/api/v1/moi/dossier").await.status,
        StatusCode::UNAUTHORIZED
    );
    let (r, _) = app.connecter(email, MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let (r, _) = app.connecter(email, NOUVEAU).await;
    assert_eq!(r.status, StatusCode::OK);
    // And the owner is told.
    assert!(
        app.courriels_a(email)
            .iter()
            .any(|c| c.objet == "Clef : votre mot de passe a été changé")
    );
}

#[tokio::test]
async fn a_link_expires_after_thirty_minutes_and_a_new_one_replaces_the_old() {
    let app = TestApp::demo().await;
    app.inscrire(2).await;
    let email = "personne2@exemple.fr";
    let demander = || async {
        app.anonyme()
            .post("/api/v1/mot-de-passe/oubli", json!({ "email": email }))
            .await
    };
    demander().await;
    app.horloge.avancer(30 * 60 + 1);
    let perime = jeton(&app.courriels_a(email)[0].texte);
    let r = app
        .anonyme()
        .post(
            "/api/v1/mot-de-passe/nouveau",
            json!({ "jeton": perime, "mot_de_passe": NOUVEAU }),
        )
        .await;
    assert_eq!(champs_refuses(&r), ["jeton"]);
    // Two more links: only the last one works.
    demander().await;
    demander().await;
    let mut liens: Vec<String> = app
        .courriels_a(email)
        .iter()
        .map(|c| jeton(&c.texte))
        .filter(|j| *j != perime)
        .collect();
    assert_eq!(liens.len(), 2);
    liens.sort();
    let mut reussis = 0;
    for lien in liens {
        let r = app
            .anonyme()
            .post(
                "/api/v1/mot-de-passe/nouveau",
                json!({ "jeton": lien, "mot_de_passe": NOUVEAU }),
            )
            .await;
        if r.status == StatusCode::NO_CONTENT {
            reussis += 1;
        }
    }
    assert_eq!(reussis, 1, "the newer link replaced the older");
}

#[tokio::test]
async fn links_are_not_sent_without_limit() {
    let app = TestApp::demo().await;
    app.inscrire(3).await;
    let email = "personne3@exemple.fr";
    for _ in 0..6 {
        let r = app
            .anonyme()
            .post("/api/v1/mot-de-passe/oubli", json!({ "email": email }))
            .await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "the answer does not change");
    }
    assert_eq!(app.courriels_a(email).len(), 3, "three links in the window");
    let r = app
        .anonyme()
        .post(
            "/api/v1/mot-de-passe/oubli",
            json!({ "email": "pas-une-adresse" }),
        )
        .await;
    assert_eq!(champs_refuses(&r), ["email"]);
}

#[tokio::test]
async fn each_step_of_an_application_and_new_homes_for_a_saved_search_come_by_e_mail() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(4, dossier_simple()).await;
    let email = "personne4@exemple.fr";
    // A saved search, then a listing applied to.
    let r = client
        .post(
            "/api/v1/moi/recherches",
            json!({ "nom": "Tout le territoire", "requete": "etat=toutes" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let offre = app.offres_ouvertes("PLUS").await[0];
    let r = client
        .post("/api/v1/moi/candidatures", json!({ "offre_id": offre }))
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    assert_eq!(alertes::tournee(&app.etat).await.unwrap(), 1);
    let recus = app.courriels_a(email);
    assert_eq!(recus.len(), 1);
    assert_eq!(
        recus[0].objet,
        "Clef : du nouveau pour vos candidatures et vos recherches"
    );
    assert!(
        recus[0].texte.contains("Candidature déposée"),
        "{}",
        recus[0].texte
    );
    assert!(
        recus[0]
            .texte
            .contains(&format!("{URL_PUBLIQUE}/notifications"))
    );
    // Nothing new, nothing sent.
    assert_eq!(alertes::tournee(&app.etat).await.unwrap(), 0);
    // A new listing for the saved search: found by the round, as time passes.
    copier_offre(&app, offre, "NOUVELLE-1", "Maison neuve avec jardin").await;
    assert_eq!(alertes::tournee(&app.etat).await.unwrap(), 1);
    assert!(
        app.courriels_a(email)
            .iter()
            .any(|c| c.texte.contains("Maison neuve avec jardin")
                && c.texte.contains("Tout le territoire"))
    );
    // Alerts off: nothing more by e-mail (the notifications page still says it).
    let r = client
        .envoyer(
            Method::PUT,
            "/api/v1/moi/alertes",
            Some(json!({ "courriel": false })),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        client
            .get("/api/v1/moi/alertes")
            .await
            .json::<serde_json::Value>(),
        json!({ "courriel": false })
    );
    let avant = app.courriels_a(email).len();
    client
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", {
                let liste: Vec<serde_json::Value> =
                    client.get("/api/v1/moi/candidatures").await.json();
                liste[0]["id"].as_i64().unwrap()
            }),
            json!({}),
        )
        .await;
    assert_eq!(alertes::tournee(&app.etat).await.unwrap(), 0);
    assert_eq!(app.courriels_a(email).len(), avant);
    // With alerts off the round still finds what came with time, for the page.
    copier_offre(&app, offre, "NOUVELLE-2", "Studio près de la gare").await;
    assert_eq!(alertes::tournee(&app.etat).await.unwrap(), 0);
    assert_eq!(app.courriels_a(email).len(), avant);
    let n: clef_domain::api::Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert!(
        n.notifications
            .iter()
            .any(|n| n.titre_offre.as_deref() == Some("Studio près de la gare"))
    );
}

/// A new listing like `offre` (same home, same window), as a landlord would publish it.
async fn copier_offre(app: &TestApp, offre: i64, reference: &str, titre: &str) {
    sqlx::query(
        "INSERT INTO offres (reference, bailleur_id, commune_id, titre, adresse, description, typologie,
            pieces, surface_dixiemes, etage, ascenseur, accessible_pmr, loyer_centimes, charges_centimes,
            financement, dpe, reservataire, ouverture, cloture)
         SELECT $1, bailleur_id, commune_id, $2, adresse, description,
            typologie, pieces, surface_dixiemes, etage, ascenseur, accessible_pmr, loyer_centimes,
            charges_centimes, financement, dpe, reservataire, ouverture, cloture
         FROM offres WHERE id = $3",
    )
    .bind(reference)
    .bind(titre)
    .bind(offre)
    .execute(&app.base)
    .await
    .unwrap();
}
