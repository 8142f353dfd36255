//! Notifications, saved searches, "Mon score" and the published results.

use crate::aide::{AUJOURDHUI, TestApp, dossier_simple};
use axum::http::StatusCode;
use clef_domain::Jour;
use clef_domain::api::{
    CandidatureDeposee, CandidatureDetail, CandidatureResume, EtatCandidature, GenreNotification,
    MonScore, NomEtape, Notifications, Probleme, Resultat,
};
use clef_domain::demande::mois_entre;
use clef_domain::offre::{Code, Typologie};
use clef_server::courriel::alertes::tournee;
use clef_server::demo;
use serde_json::{Value, json};

#[tokio::test]
async fn applying_withdrawing_and_closing_are_notified_once_each() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await;
    let a: CandidatureDeposee = client
        .post("/api/v1/moi/candidatures", json!({"offre_id": plus[0]}))
        .await
        .json();
    let b: CandidatureDeposee = client
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
    // After b's listing closes, the rounds announce the closing once.
    // Day by day, a round each day (a week idle would end the session).
    for _ in 0..=AUJOURDHUI.jours_jusqua(b.retrait_jusquau) {
        app.horloge.avancer_jours(1);
        client.get("/api/v1/session").await;
        tournee(&app.etat).await.unwrap();
    }
    tournee(&app.etat).await.unwrap();
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

/// A new PLUS T3 of the first landlord in `commune`, open from `ouverture` to `cloture`.
async fn nouveau_t3(app: &TestApp, reference: &str, commune: &str, ouverture: Jour, cloture: Jour) {
    sqlx::query(
        "INSERT INTO offres (reference, bailleur_id, commune_id, titre, adresse, description,
            typologie, pieces, surface_dixiemes, etage, ascenseur, accessible_pmr, loyer_centimes,
            charges_centimes, financement, dpe, reservataire, ouverture, cloture)
         SELECT $1, 1, c.id, 'Nouveau T3', '1 rue Neuve', '', 'T3', 3, 650, 1, 0, 0, 40000, 8000,
            'PLUS', 'C', 'bailleur', $2, $3
         FROM communes c WHERE c.slug = $4",
    )
    .bind(reference)
    .bind(ouverture.to_string())
    .bind(cloture.to_string())
    .bind(commune)
    .execute(&app.base)
    .await
    .unwrap();
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
    tournee(&app.etat).await.unwrap();
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert!(n.notifications.is_empty());
    // Two new listings: one matches, one is in another commune.
    for (reference, commune) in [("NOUV-1", "bethune"), ("NOUV-2", "bruay-la-buissiere")] {
        nouveau_t3(
            &app,
            reference,
            commune,
            AUJOURDHUI,
            AUJOURDHUI.plus_jours(14),
        )
        .await;
    }
    tournee(&app.etat).await.unwrap();
    let n: Notifications = client.get("/api/v1/moi/notifications").await.json();
    assert_eq!(n.notifications.len(), 1);
    assert_eq!(n.notifications[0].genre, GenreNotification::NouvelleOffre);
    assert_eq!(
        n.notifications[0].recherche.as_deref(),
        Some("T3 à Béthune")
    );
    tournee(&app.etat).await.unwrap();
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

/// A household of seven: one demandeur and six children (T6 in Clef's sense of similar).
fn dossier_de_sept(situations: serde_json::Value) -> serde_json::Value {
    let mut dossier = dossier_simple();
    let mut membres =
        vec![json!({"age": 40, "lien": "demandeur", "a_charge": false, "carte_invalidite": false})];
    membres.extend((0..6).map(
        |i| json!({"age": 3 + i, "lien": "enfant", "a_charge": true, "carte_invalidite": false}),
    ));
    dossier["membres"] = json!(membres);
    dossier["situations"] = situations;
    dossier
}

/// Décret n° 2019-1378 (L.441-2-8): besides the score, the applicant is told their position
/// among similar requests; with fewer than three others, no figure is given.
#[tokio::test]
async fn my_score_says_my_position_among_similar_requests_once_there_are_three() {
    let app = TestApp::demo().await;
    let moi = app
        .inscrire_avec_dossier(1, dossier_de_sept(json!([])))
        .await;
    let s: MonScore = moi.get("/api/v1/moi/score").await.json();
    assert_eq!(s.semblables.typologie, Typologie::T6);
    let deja: u32 = s.semblables.position.semblables;
    assert!(deja < 3, "the demo has few households of six or more");
    assert_eq!(s.semblables.position.devant, None, "too few to publish");
    // Five households of seven, each recognised DALO: all ahead of me.
    let mut autres = Vec::new();
    for n in 2..7 {
        autres.push(
            app.inscrire_avec_dossier(n, dossier_de_sept(json!(["dalo"])))
                .await,
        );
    }
    let s: MonScore = moi.get("/api/v1/moi/score").await.json();
    assert_eq!(s.semblables.position.semblables, deja + 5);
    assert_eq!(s.semblables.position.devant.map(|d| d >= 5), Some(true));
    // One of them sees me behind, and the four others level (same grid, same filing day).
    let leur: MonScore = autres[0].get("/api/v1/moi/score").await.json();
    assert_eq!(leur.semblables.position.semblables, deja + 5);
    assert!(leur.semblables.position.a_egalite >= Some(4));
    // A single adult is not compared with households of seven.
    let seul = app.inscrire_avec_dossier(9, dossier_simple()).await;
    let s: MonScore = seul.get("/api/v1/moi/score").await.json();
    assert_eq!(s.semblables.typologie, Typologie::T1);
}

/// Décret n° 2019-1378: the average waiting time observed for similar requests, from the
/// lettings Clef recorded for the same typology; none published on fewer than three.
#[tokio::test]
async fn my_score_gives_the_average_wait_of_lettings_of_my_typology() {
    let app = TestApp::demo().await;
    let mut publiees = Vec::new();
    let mut de_trois = dossier_de_sept(json!([]));
    de_trois["membres"].as_array_mut().unwrap().truncate(3);
    for (n, dossier) in [(1, de_trois), (2, dossier_de_sept(json!([])))] {
        let client = app.inscrire_avec_dossier(n, dossier).await;
        let s: MonScore = client.get("/api/v1/moi/score").await.json();
        let typologie = s.semblables.typologie;
        let lettings: Vec<(String, String)> = sqlx::query_as(
            "SELECT d.dossier, r.decide_le
             FROM resultats r JOIN offres o ON o.id = r.offre_id
             JOIN candidatures k ON k.offre_id = r.offre_id AND k.rang = r.attribue_rang
             JOIN demandeurs d ON d.id = k.demandeur_id WHERE o.typologie = $1",
        )
        .bind(typologie.code())
        .fetch_all(&app.base)
        .await
        .unwrap();
        assert_eq!(s.semblables.attente.cas as usize, lettings.len());
        let mois: Vec<u32> = lettings
            .iter()
            .map(|(dossier, le)| {
                let dossier: Value = serde_json::from_str(dossier).unwrap();
                let depot = dossier["date_depot"].as_str().unwrap();
                mois_entre(depot.parse().unwrap(), le.parse().unwrap())
            })
            .collect();
        let attendu = (mois.len() >= 3).then(|| {
            let n = mois.len() as u32;
            (mois.iter().sum::<u32>() + n / 2) / n
        });
        assert_eq!(s.semblables.attente.mois, attendu, "{typologie:?}");
        publiees.push(attendu.is_some());
    }
    assert_eq!(
        publiees,
        [true, false],
        "the demo lets enough T3 homes for a figure, too few T6"
    );
}

/// Every row of every table but the session bookkeeping, as text.
async fn contenu_de_la_base(base: &sqlx::AnyPool) -> Vec<(String, String)> {
    if clef_server::stockage::Moteur::de(base) == clef_server::stockage::Moteur::Postgres {
        return contenu_postgres(base).await;
    }
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT IN ('sessions', 'echecs_connexion', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(base)
    .await
    .unwrap();
    let mut contenu = Vec::new();
    for table in tables {
        let colonnes: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(&table)
                .fetch_all(base)
                .await
                .unwrap();
        let ligne = colonnes
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let lignes: Option<String> = sqlx::query_scalar(&format!(
            "SELECT group_concat(l, char(10)) FROM (SELECT {ligne} AS l FROM \"{table}\" ORDER BY rowid)"
        ))
        .fetch_one(base)
        .await
        .unwrap();
        contenu.push((table, lignes.unwrap_or_default()));
    }
    contenu
}

/// The same on PostgreSQL: each row as its record's text, in order.
async fn contenu_postgres(base: &sqlx::AnyPool) -> Vec<(String, String)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name NOT IN ('sessions', 'echecs_connexion', '_sqlx_migrations')
         ORDER BY table_name",
    )
    .fetch_all(base)
    .await
    .unwrap();
    let mut contenu = Vec::new();
    for table in tables {
        let lignes: Option<String> = sqlx::query_scalar(&format!(
            "SELECT string_agg(CAST(t AS TEXT), chr(10) ORDER BY CAST(t AS TEXT)) FROM \"{table}\" t"
        ))
        .fetch_one(base)
        .await
        .unwrap();
        contenu.push((table, lignes.unwrap_or_default()));
    }
    assert!(contenu.len() > 20, "{} tables", contenu.len());
    contenu
}

/// HTTP says a GET is safe: looking at a page changes nothing (issue 14.8). Here everything
/// that comes with time is pending (a listing closed under a deposited application, a new
/// listing matching a saved search) and the applicant looks at every page of their space.
#[tokio::test]
async fn looking_writes_nothing() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await;
    let a: CandidatureDeposee = client
        .post("/api/v1/moi/candidatures", json!({"offre_id": plus[0]}))
        .await
        .json();
    let r = client
        .post(
            "/api/v1/moi/recherches",
            json!({"nom": "Tout", "requete": "etat=toutes"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    // Day by day past the closing (a week idle would end the session).
    for _ in 0..=AUJOURDHUI.jours_jusqua(a.retrait_jusquau) {
        app.horloge.avancer_jours(1);
        client.get("/api/v1/session").await;
    }
    nouveau_t3(
        &app,
        "NOUV-1",
        "bethune",
        AUJOURDHUI.plus_jours(20),
        AUJOURDHUI.plus_jours(40),
    )
    .await;
    let avant = contenu_de_la_base(&app.base).await;
    for chemin in [
        "/api/v1/moi/notifications",
        "/api/v1/moi/notifications/non-lues",
        "/api/v1/moi/candidatures",
        &format!("/api/v1/moi/candidatures/{}", a.id),
        "/api/v1/moi/recherches",
        "/api/v1/moi/dossier",
        "/api/v1/moi/score",
        "/api/v1/offres",
        "/api/v1/session",
    ] {
        let r = client.get(chemin).await;
        assert_eq!(r.status, StatusCode::OK, "{chemin}");
    }
    assert_eq!(contenu_de_la_base(&app.base).await, avant);
}

/// The header shows the unread count from an endpoint that sends only the count.
#[tokio::test]
async fn the_unread_count_comes_alone() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await;
    client
        .post("/api/v1/moi/candidatures", json!({"offre_id": plus[0]}))
        .await;
    let r = client.get("/api/v1/moi/notifications/non-lues").await;
    assert_eq!(r.status, StatusCode::OK);
    let compte: clef_domain::api::NotificationsNonLues = r.json();
    assert_eq!(compte.non_lues, 1);
    client
        .post("/api/v1/moi/notifications/lues", json!({}))
        .await;
    let compte: clef_domain::api::NotificationsNonLues = client
        .get("/api/v1/moi/notifications/non-lues")
        .await
        .json();
    assert_eq!(compte.non_lues, 0);
    let r = app.get("/api/v1/moi/notifications/non-lues").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}
