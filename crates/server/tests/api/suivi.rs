//! Notifications, saved searches, "Mon score" and the published results.

use crate::aide::{AUJOURDHUI, TestApp, dossier_simple};
use axum::http::StatusCode;
use clef_domain::api::{
    CandidatureDetail, CandidatureResume, EtatCandidature, GenreNotification, MonScore, NomEtape,
    Notifications, Probleme, Resultat,
};
use clef_server::demo;
use serde_json::json;

#[tokio::test]
async fn applying_withdrawing_and_closing_are_notified_once_each() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await;
    let a: CandidatureResume = client
        .post("/api/v1/moi/candidatures", json!({"offre_id": plus[0]}))
        .await
        .json();
    let b: CandidatureResume = client
        .post("/api/v1/moi/candidatures", json!({"offre_id": plus[1]}))
        .await
        .json();
    client
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", a.id),
            json!({}),
        )
        .await;
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    let genres: Vec<GenreNotification> = n.notifications.iter().map(|n| n.genre).collect();
    assert_eq!(
        genres,
        [
            GenreNotification::CandidatureRetiree,
            GenreNotification::CandidatureDeposee,
            GenreNotification::CandidatureDeposee
        ]
    );
    assert_eq!(n.non_lues, 3);
    assert!(n.notifications[0].titre_offre.is_some());
    // After b's listing closes, looking twice announces the closing once.
    // Day by day, looking each day (a week idle would end the session).
    for _ in 0..=AUJOURDHUI.jours_jusqua(b.offre.cloture) {
        app.horloge.avancer_jours(1);
        client.get("/api/v1/moi/notifications").await;
    }
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    let clotures = n
        .notifications
        .iter()
        .filter(|n| n.genre == GenreNotification::OffreCloturee)
        .count();
    assert_eq!(clotures, 1);
    let r = client
        .post("/api/v1/moi/notifications/lues", json!({}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert_eq!(n.non_lues, 0);
}

#[tokio::test]
async fn a_saved_search_announces_new_matching_listings_only() {
    let app = TestApp::demo().await;
    let client = app.inscrire(1).await;
    let r = client
        .post(
            "/api/v1/moi/recherches",
            json!({"nom": "T3 à Béthune", "requete": "commune=bethune&typologie=T3&page=2"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let recherche: clef_domain::api::RechercheSauvegardee = r.json();
    assert_eq!(
        recherche.requete, "commune=bethune&typologie=T3",
        "the page is not kept"
    );
    // Listings that existed before are not news.
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert!(n.notifications.is_empty());
    // Two new listings: one matches, one is in another commune.
    for (reference, commune) in [("NOUV-1", "bethune"), ("NOUV-2", "bruay-la-buissiere")] {
        sqlx::query(
            "INSERT INTO offres (reference, bailleur_id, commune_id, titre, adresse, description,
                typologie, pieces, surface_dixiemes, etage, ascenseur, accessible_pmr, loyer_centimes,
                charges_centimes, financement, dpe, reservataire, ouverture, cloture)
             SELECT ?, 1, c.id, 'Nouveau T3', '1 rue Neuve', '', 'T3', 3, 650, 1, 0, 0, 40000, 8000,
                'PLUS', 'C', 'bailleur', ?, ?
             FROM communes c WHERE c.slug = ?",
        )
        .bind(reference)
        .bind(AUJOURDHUI.to_string())
        .bind(AUJOURDHUI.plus_jours(14).to_string())
        .bind(commune)
        .execute(&app.base)
        .await
        .unwrap();
    }
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert_eq!(n.notifications.len(), 1);
    assert_eq!(n.notifications[0].genre, GenreNotification::NouvelleOffre);
    assert_eq!(
        n.notifications[0].recherche.as_deref(),
        Some("T3 à Béthune")
    );
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert_eq!(n.notifications.len(), 1, "announced once");
}

#[tokio::test]
async fn saved_searches_are_checked_and_bounded() {
    let app = TestApp::demo().await;
    let client = app.inscrire(1).await;
    let r = client
        .post(
            "/api/v1/moi/recherches",
            json!({"nom": "  ", "requete": "typologie=T9"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let p: Probleme = r.json();
    let champs: Vec<&str> = p.errors.iter().map(|e| e.erreur.champ.as_str()).collect();
    assert_eq!(champs, ["nom", "requete.typologie"]);
    for i in 0..10 {
        let r = client
            .post(
                "/api/v1/moi/recherches",
                json!({"nom": format!("r{i}"), "requete": ""}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let r = client
        .post(
            "/api/v1/moi/recherches",
            json!({"nom": "une de trop", "requete": ""}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn my_score_lists_my_points_on_the_grid() {
    let app = TestApp::demo().await;
    let mut dossier = dossier_simple();
    dossier["situations"] = json!(["dalo"]);
    let client = app.inscrire_avec_dossier(1, dossier).await;
    let s: MonScore = client.get("/api/v1/moi/score").await.json();
    assert_eq!(s.jour, AUJOURDHUI);
    assert_eq!(s.grille_version, 1);
    let criteres: Vec<&str> = s.score.lignes().iter().map(|l| &*l.critere).collect();
    assert!(criteres.contains(&"dalo"), "{criteres:?}");
    assert!(criteres.contains(&"anciennete"), "{criteres:?}");
    let sans_dossier = app.inscrire(2).await;
    assert_eq!(
        sans_dossier.get("/api/v1/moi/score").await.status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn decided_lettings_are_published_anonymised() {
    let app = TestApp::demo().await;
    let resultats: Vec<Resultat> = app.get("/api/v1/resultats").await.json();
    assert!(!resultats.is_empty(), "the demo has decided lettings");
    for r in &resultats {
        assert!(r.eligibles <= r.candidatures);
        assert!(r.attribue_rang >= 1 && r.attribue_rang <= r.eligibles);
        assert!(r.decide_le > r.cloture);
        // A higher-ranked candidate passed over always comes with a motive.
        assert_eq!(r.passages.len() as u32, r.attribue_rang - 1);
        assert!(
            r.passages
                .iter()
                .all(|p| p.rang < r.attribue_rang && !p.precision.is_empty())
        );
    }
    let un = &resultats[0];
    let detail: Resultat = app
        .get(&format!("/api/v1/resultats/{}", un.offre_id))
        .await
        .json();
    assert_eq!(&detail, un);
    let texte = String::from_utf8(app.get("/api/v1/resultats").await.corps).unwrap();
    for personnel in ["numero_unique", "email", "@demo.clef.fr", "membres", "rfr"] {
        assert!(!texte.contains(personnel), "{personnel}");
    }
    assert_eq!(
        app.get("/api/v1/resultats/999999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_demo_applicant_sees_a_decided_application_with_its_whole_timeline() {
    let app = TestApp::demo().await;
    let (_, client) = app.connecter(demo::COMPTES[0].0, demo::MOT_DE_PASSE).await;
    let liste: Vec<CandidatureResume> = client.get("/api/v1/moi/candidatures").await.json();
    assert_eq!(liste.len(), 3);
    let decidee = liste
        .iter()
        .find(|c| {
            matches!(
                c.etat,
                EtatCandidature::Attribuee | EtatCandidature::NonRetenue
            )
        })
        .expect("one decided application");
    let d: CandidatureDetail = client
        .get(&format!("/api/v1/moi/candidatures/{}", decidee.id))
        .await
        .json();
    assert!(d.etapes.iter().all(|e| e.nom != NomEtape::Decision));
    assert!(
        d.etapes
            .iter()
            .filter(|e| e.nom != NomEtape::PresenteeEnCommission)
            .all(|e| e.faite)
    );
    let position = d.resume.position.expect("ranked");
    assert_eq!(
        position.sur,
        d.histogramme.iter().map(|b| b.autres).sum::<u32>() + 1
    );
}
