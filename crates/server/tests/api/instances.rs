//! Two instances of the server on one database (issue 17.5), as behind a load balancer:
//! each has its own pool, caches and hashing workers; they share only the database and the
//! clock. Run on both engines: on SQLite two pools on one file, on PostgreSQL two pools on
//! one server.

use crate::aide::{MOT_DE_PASSE, TestApp, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_domain::api::ClassementOffre;
use clef_server::compte::limite::MAX_PAR_COMPTE_ET_ADRESSE;
use clef_server::courriel::alertes;
use clef_server::demo;
use serde_json::json;

async fn compter(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.base)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_session_opened_on_one_instance_is_used_and_closed_on_the_other() {
    let a = TestApp::demo().await;
    let b = a.autre_instance().await;
    let (r, sur_a) = a
        .connecter("demandeur@demo.clef.fr", demo::MOT_DE_PASSE)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let sur_b = b.avec_la_session_de(&sur_a);
    assert_eq!(
        sur_b.get("/api/v1/moi/dossier").await.status,
        StatusCode::OK
    );
    // A change made through B, with the CSRF token A gave.
    let r = sur_b
        .post(
            "/api/v1/moi/recherches",
            json!({"nom": "T3", "requete": "typologie=T3"}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let r = sur_b.envoyer(Method::DELETE, "/api/v1/session", None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // Closed on B: closed on A too.
    assert_eq!(
        sur_a.get("/api/v1/moi/dossier").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn wrong_passwords_are_counted_across_both_instances() {
    let a = TestApp::demo().await;
    let b = a.autre_instance().await;
    a.inscrire(1).await;
    for essai in 0..MAX_PAR_COMPTE_ET_ADRESSE {
        let instance = if essai % 2 == 0 { &a } else { &b };
        let (r, _) = instance
            .connecter("personne1@exemple.fr", "mauvais mot de passe")
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "try {essai}");
    }
    // The limit is reached whichever instance is asked next, even with the right password.
    for instance in [&a, &b] {
        let (r, _) = instance
            .connecter("personne1@exemple.fr", MOT_DE_PASSE)
            .await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_listing_ranked_through_both_instances_at_once_is_ranked_once() {
    let a = TestApp::demo().await;
    let b = a.autre_instance().await;
    let offre = a.offres_ouvertes("PLUS").await[0];
    let mut candidatures = Vec::new();
    for n in 1..=3 {
        let client = a.inscrire_avec_dossier(n, dossier_simple()).await;
        candidatures.push(client.deposer(offre).await);
    }
    let cloture: String = sqlx::query_scalar("SELECT cloture FROM offres WHERE id = $1")
        .bind(offre)
        .fetch_one(&a.base)
        .await
        .unwrap();
    let cloture: clef_domain::Jour = cloture.parse().unwrap();
    a.horloge
        .avancer_jours(i64::from(crate::aide::AUJOURDHUI.jours_jusqua(cloture)) + 1);
    let email = sqlx::query_scalar::<_, String>(
        "SELECT c.email FROM comptes c JOIN agents_bailleur g ON g.compte_id = c.id
         JOIN offres o ON o.bailleur_id = g.bailleur_id WHERE o.id = $1 LIMIT 1",
    )
    .bind(offre)
    .fetch_one(&a.base)
    .await
    .unwrap();
    let (r, staff_a) = a.connecter(&email, demo::MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
    let staff_b = b.avec_la_session_de(&staff_a);
    let uri = format!("/api/v1/bailleur/offres/{offre}/classement");
    let (ra, rb) = tokio::join!(staff_a.post(&uri, json!({})), staff_b.post(&uri, json!({})));
    assert_eq!((ra.status, rb.status), (StatusCode::OK, StatusCode::OK));
    let (ca, cb): (ClassementOffre, ClassementOffre) = (ra.json(), rb.json());
    assert_eq!(ca, cb, "both instances answer the one frozen ranking");
    assert_eq!(
        compter(
            &a,
            "SELECT count(*) FROM classements WHERE offre_id = $1",
            offre
        )
        .await,
        1
    );
    for id in candidatures {
        assert_eq!(
            compter(
                &a,
                "SELECT count(*) FROM notifications
                 WHERE candidature_id = $1 AND genre = 'candidature_classee'",
                id
            )
            .await,
            1,
            "application {id} told once"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn alert_rounds_run_by_both_instances_at_once_send_each_e_mail_once() {
    let a = TestApp::demo().await;
    let b = a.autre_instance().await;
    let offres = a.offres_ouvertes("PLUS").await;
    for n in 1..=6 {
        let client = a.inscrire_avec_dossier(n, dossier_simple()).await;
        client.deposer(offres[n as usize % offres.len()]).await;
    }
    let (na, nb) = tokio::join!(alertes::tournee(&a.etat), alertes::tournee(&b.etat));
    assert_eq!(
        na.unwrap() + nb.unwrap(),
        6,
        "one e-mail per applicant in all"
    );
    for n in 1..=6 {
        let adresse = format!("personne{n}@exemple.fr");
        assert_eq!(
            a.courriels_a(&adresse).len() + b.courriels_a(&adresse).len(),
            1,
            "{adresse}"
        );
    }
    // Nothing left for a later round on either.
    assert_eq!(alertes::tournee(&a.etat).await.unwrap(), 0);
    assert_eq!(alertes::tournee(&b.etat).await.unwrap(), 0);
}
