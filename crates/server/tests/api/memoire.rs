//! Answers kept between requests (issue 17): a search's page, the open-data file and the
//! social-mix dashboard are served again only while nothing they read has changed,
//! whoever changed it: this server, another instance on the same database (a direct
//! write here), or the calendar.

use crate::aide::{Reponse, TestApp};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clef_domain::recherche::Recherche;
use clef_server::Horloge as _;
use clef_server::demo;
use clef_server::stockage;
use serde_json::{Value, json};

const FORMES: [&str; 7] = [
    "",
    "?etat=cloturees",
    "?commune=bethune",
    "?etat=toutes&tri=loyer",
    "?typologie=T3&etat=toutes",
    "?page=2&par_page=5",
    "?etat=a_venir",
];

/// The page as the database says now, computed without the server's store.
async fn attendue(app: &TestApp, forme: &str) -> Value {
    let paires: Vec<(String, String)> =
        form_urlencoded::parse(forme.trim_start_matches('?').as_bytes())
            .into_owned()
            .collect();
    let recherche =
        Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
    let page = stockage::offres::rechercher(&app.base, &recherche, app.horloge.aujourdhui())
        .await
        .unwrap();
    serde_json::to_value(page).unwrap()
}

async fn verifier_les_recherches(app: &TestApp, etape: &str) {
    for forme in FORMES {
        let r = app.get(&format!("/api/v1/offres{forme}")).await;
        assert_eq!(r.status, StatusCode::OK, "{etape} {forme}");
        assert_eq!(
            r.json::<Value>(),
            attendue(app, forme).await,
            "{etape}: /api/v1/offres{forme} is stale"
        );
    }
}

async fn sql(app: &TestApp, requete: &str) {
    sqlx::query(requete)
        .bind(app.horloge.aujourdhui().to_string())
        .execute(&app.base)
        .await
        .unwrap();
}

/// Random sequences of changes, each followed by every search shape compared with the
/// database: never a stale page.
#[tokio::test]
async fn a_kept_search_page_is_never_stale_whoever_changed_the_listings() {
    for graine in 0..3 {
        let app = TestApp::demo().await;
        let mut alea = fastrand::Rng::with_seed(graine);
        verifier_les_recherches(&app, "start").await;
        for pas in 0..12 {
            let etape = match alea.u8(0..5) {
                0 => {
                    // This server: the landlord withdraws one of their open listings.
                    let ouverte: Option<i64> = sqlx::query_scalar(
                        "SELECT o.id FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
                         WHERE b.slug = $1 AND o.retiree_le IS NULL AND o.cloture >= $2
                         ORDER BY o.id LIMIT 1",
                    )
                    .bind(demo::AGENTS[0].1)
                    .bind(app.horloge.aujourdhui().to_string())
                    .fetch_optional(&app.base)
                    .await
                    .unwrap();
                    if let Some(id) = ouverte {
                        // Logged in again: days pass between steps.
                        let (_, agent) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
                        let r = agent
                            .post(
                                &format!("/api/v1/bailleur/offres/{id}/retrait"),
                                json!(null),
                            )
                            .await;
                        assert_eq!(r.status, StatusCode::CREATED);
                    }
                    "withdrawal"
                }
                1 => {
                    // Another instance: a rent changes.
                    sql(
                        &app,
                        "UPDATE offres SET loyer_centimes = loyer_centimes + 1000
                         WHERE id = (SELECT min(id) FROM offres WHERE cloture >= $1)",
                    )
                    .await;
                    "rent"
                }
                2 => {
                    // Another instance: a photo's description.
                    sql(
                        &app,
                        "UPDATE photos SET texte_alternatif = texte_alternatif || ' (modifiée)'
                         WHERE rang = 0 AND offre_id = (SELECT min(id) FROM offres WHERE cloture >= $1)",
                    )
                    .await;
                    "photo"
                }
                3 => {
                    // Another instance closes a listing early.
                    sql(
                        &app,
                        "UPDATE offres SET cloture = $1, ouverture = CASE WHEN ouverture < $1 THEN ouverture ELSE $1 END
                         WHERE id = (SELECT max(id) FROM offres WHERE cloture > $1)",
                    )
                    .await;
                    "early closing"
                }
                _ => {
                    app.horloge.avancer_jours(1);
                    "a day passes"
                }
            };
            verifier_les_recherches(&app, &format!("seed {graine}, step {pas} ({etape})")).await;
        }
    }
}

async fn csv(app: &TestApp, etiquette: Option<&str>) -> crate::aide::Reponse {
    let mut requete = Request::get("/api/v1/donnees/resultats.csv");
    if let Some(e) = etiquette {
        requete = requete.header(header::IF_NONE_MATCH, e);
    }
    app.requete(requete.body(Body::empty()).unwrap()).await
}

/// A letting counted differently (as another instance would record it).
async fn changer_une_location(app: &TestApp) {
    sqlx::query(
        "UPDATE resultats SET premier_quartile = 1 - premier_quartile
         WHERE offre_id = (SELECT min(offre_id) FROM resultats)",
    )
    .execute(&app.base)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_open_data_file_is_kept_until_a_letting_changes_and_says_which_file_it_is() {
    let app = TestApp::demo().await;
    let premier = csv(&app, None).await;
    assert_eq!(premier.status, StatusCode::OK);
    let etiquette = premier.entetes[header::ETAG].to_str().unwrap().to_owned();
    assert_eq!(csv(&app, None).await.corps, premier.corps);
    let inchange = csv(&app, Some(&etiquette)).await;
    assert_eq!(inchange.status, StatusCode::NOT_MODIFIED);
    assert!(inchange.corps.is_empty());

    changer_une_location(&app).await;
    let apres = csv(&app, Some(&etiquette)).await;
    assert_eq!(
        apres.status,
        StatusCode::OK,
        "the old tag no longer matches"
    );
    assert_ne!(apres.corps, premier.corps);
    assert_ne!(apres.entetes[header::ETAG], etiquette.as_str());
    let quartiles = |corps: &[u8]| {
        String::from_utf8_lossy(corps)
            .lines()
            .skip(1)
            .filter(|l| l.split(',').nth(7) == Some("1"))
            .count() as i64
    };
    assert_eq!(
        (quartiles(&apres.corps) - quartiles(&premier.corps)).abs(),
        1,
        "exactly the changed letting"
    );
}

#[tokio::test]
async fn the_social_mix_dashboard_is_kept_until_a_letting_changes() {
    let app = TestApp::demo().await;
    let chemin = "/api/v1/territoires/bethune-bruay/mixite";
    let avant: Value = app.get(chemin).await.json();
    assert_eq!(app.get(chemin).await.json::<Value>(), avant);
    changer_une_location(&app).await;
    let apres: Value = app.get(chemin).await.json();
    assert_ne!(apres, avant);
    let parametres = stockage::territoires::parametres(&app.base, "bethune-bruay")
        .await
        .unwrap()
        .unwrap();
    let locations = stockage::locations::lister(&app.base, None).await.unwrap();
    assert_eq!(
        apres,
        serde_json::to_value(clef_domain::ventilation::tableau(
            &locations,
            parametres.objectifs
        ))
        .unwrap()
    );
}

/// The tag names the content, not a counter: a database restored or started afresh can
/// reach the same counter with other lettings, and must not answer `304` to a tag that
/// named another file.
#[tokio::test]
async fn the_open_data_tag_names_the_content_on_any_instance() {
    let (a, b) = (TestApp::demo().await, TestApp::demo().await);
    let etiquette = |r: &Reponse| r.entetes[header::ETAG].to_str().unwrap().to_owned();
    let depart = csv(&a, None).await;
    assert_eq!(
        etiquette(&csv(&b, None).await),
        etiquette(&depart),
        "same file, same tag"
    );
    // One letting counted differently on A; on B a change that moves the same counter
    // without touching the file (a listing's rent).
    changer_une_location(&a).await;
    sqlx::query("UPDATE offres SET loyer_centimes = loyer_centimes + 100 WHERE id = (SELECT min(id) FROM offres)")
        .execute(&b.base)
        .await
        .unwrap();
    let version = |app: &TestApp| {
        let base = app.base.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT numero FROM versions WHERE nom = 'locations'")
                .fetch_one(&base)
                .await
                .unwrap()
        }
    };
    assert_eq!(version(&a).await, version(&b).await, "the same counter");
    let de_a = csv(&a, None).await;
    let r = csv(&b, Some(&etiquette(&de_a))).await;
    assert_eq!(r.status, StatusCode::OK, "B's file is not A's");
    assert_eq!(r.corps, depart.corps);
    assert_eq!(
        csv(&a, Some(&etiquette(&de_a))).await.status,
        StatusCode::NOT_MODIFIED
    );
}
