//! The first render: `/` arrives with the first page of results already in the HTML, the
//! same listings as the API gives for the same criteria, in the reader's language.

use crate::aide::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use clef_domain::api::{Commune, PageOffres};

const INDEX: &str = "<!doctype html>\n<html lang=\"fr\">\n<head><title>Clef</title></head>\n<body>\
    <div id=\"chargement-initial\" class=\"chargement-initial\"><p>Chargement…</p></div>\
    <noscript>JavaScript</noscript></body></html>";

async fn app() -> (TestApp, tempfile::TempDir) {
    let dossier = tempfile::tempdir().unwrap();
    std::fs::write(dossier.path().join("index.html"), INDEX).unwrap();
    (
        TestApp::construire(true, Some(dossier.path().to_owned())).await,
        dossier,
    )
}

async fn page(
    app: &TestApp,
    uri: &str,
    entetes: &[(&str, &str)],
) -> (String, axum::http::HeaderMap) {
    let mut requete = Request::get(uri);
    for (nom, valeur) in entetes {
        requete = requete.header(*nom, *valeur);
    }
    let r = app.requete(requete.body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::OK, "{uri}");
    (String::from_utf8(r.corps.to_vec()).unwrap(), r.entetes)
}

/// The listings a page links to, in order.
fn liens(html: &str) -> Vec<i64> {
    html.split("href=\"/logements/")
        .skip(1)
        .filter_map(|morceau| morceau.split('"').next()?.parse().ok())
        .collect()
}

#[tokio::test]
async fn the_search_page_arrives_with_its_first_listings_in_the_html() {
    let (app, _d) = app().await;
    let (html, entetes) = page(&app, "/", &[("accept-language", "fr-FR,fr")]).await;
    let api: PageOffres = app.get("/api/v1/offres").await.json();
    assert!(!api.offres.is_empty());
    assert_eq!(
        liens(&html),
        api.offres.iter().map(|o| o.id).collect::<Vec<_>>()
    );
    assert!(html.contains("<div id=\"premier-rendu\">"));
    assert!(
        !html.contains("chargement-initial"),
        "the loading notice is replaced"
    );
    assert!(html.contains(&format!("{} logements", api.total)));
    for offre in &api.offres {
        assert!(html.contains(&offre.titre), "{}", offre.titre);
    }
    assert!(
        html.contains("<noscript>"),
        "the rest of index.html is kept"
    );
    // What the app reads first is already on its way.
    assert!(html.contains(
        "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/api/v1/offres\">"
    ));
    assert_eq!(entetes["cache-control"], "no-cache");
    assert_eq!(entetes["vary"], "Accept-Language, Cookie");
}

/// A list that ignores a criterion breaks the promise: sorted or paged, the first render
/// lists exactly what the API lists; with any filter there is no first render (the app
/// shows its open form above the results), never a list that ignores the filter.
#[tokio::test]
async fn the_first_render_lists_what_the_api_lists_or_nothing() {
    let (app, _d) = app().await;
    let mut tries: Vec<String> = ["", "page=2", "page=3", "page=99"]
        .map(String::from)
        .to_vec();
    for tri in ["cloture", "recentes", "loyer", "loyer_desc", "surface_desc"] {
        tries.push(format!("tri={tri}"));
        tries.push(format!("tri={tri}&page=2"));
    }
    for query in &tries {
        let api: PageOffres = app.get(&format!("/api/v1/offres?{query}")).await.json();
        let (html, _) = page(&app, &format!("/?{query}"), &[]).await;
        assert!(html.contains("premier-rendu"), "{query}");
        assert_eq!(
            liens(&html),
            api.offres.iter().map(|o| o.id).collect::<Vec<_>>(),
            "{query}"
        );
    }
    let communes: Vec<Commune> = app.get("/api/v1/communes").await.json();
    let mut filtres: Vec<String> = communes
        .iter()
        .map(|c| format!("commune={}", c.slug))
        .collect();
    filtres.extend(
        [
            "typologie=T3",
            "loyer_max=350",
            "loyer_max=700&typologie=T3&tri=loyer",
            "etat=cloturees",
            "pour_moi=oui",
        ]
        .map(String::from),
    );
    for query in &filtres {
        let (html, _) = page(&app, &format!("/?{query}"), &[]).await;
        assert!(html.contains("chargement-initial"), "{query}");
        assert!(liens(&html).is_empty(), "{query}");
    }
}

#[tokio::test]
async fn the_first_render_speaks_the_language_the_app_will_speak() {
    let (app, _d) = app().await;
    let (html, _) = page(&app, "/", &[("accept-language", "en-GB,en;q=0.9")]).await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Social homes to rent"));
    assert!(html.contains("€"));
    // The language chosen in the app's menu wins over the browser's.
    let (html, _) = page(
        &app,
        "/",
        &[
            ("accept-language", "en-GB"),
            ("cookie", "i18n_pref_locale=fr"),
        ],
    )
    .await;
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Logements sociaux à louer"));
    let (html, _) = page(&app, "/", &[("accept-language", "de-DE")]).await;
    assert!(html.contains("<html lang=\"fr\">"), "French otherwise");
}

#[tokio::test]
async fn wrong_criteria_get_the_plain_app_page() {
    let (app, _d) = app().await;
    for query in [
        "loyer_max=beaucoup",
        "commune=atlantide",
        "page=0",
        "tri=hasard",
    ] {
        let (html, _) = page(&app, &format!("/?{query}"), &[]).await;
        assert!(html.contains("chargement-initial"), "{query}");
        assert!(!html.contains("premier-rendu"), "{query}");
    }
    // Other pages are the app's page as before.
    let (html, _) = page(&app, "/mentions-legales", &[]).await;
    assert_eq!(html, INDEX);
}

/// The attack: a listing's title written as markup. The first render writes it as text.
#[tokio::test]
async fn a_title_written_as_markup_is_shown_as_text() {
    let (app, _d) = app().await;
    let api: PageOffres = app.get("/api/v1/offres").await.json();
    let piege = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    sqlx::query("UPDATE offres SET titre = $1 WHERE id = $2")
        .bind(piege)
        .bind(api.offres[0].id)
        .execute(&app.base)
        .await
        .unwrap();
    let (html, _) = page(&app, "/", &[]).await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// A new build of the app deployed under a running server: its page names the new files at
/// once (the old ones are gone).
#[tokio::test]
async fn a_new_build_of_the_app_is_served_without_restarting() {
    let (app, dossier) = app().await;
    let (avant, _) = page(&app, "/", &[]).await;
    assert!(avant.contains("<title>Clef</title>"));
    std::fs::write(
        dossier.path().join("index.html"),
        INDEX.replace("<title>Clef</title>", "<title>Clef 2</title>"),
    )
    .unwrap();
    let (apres, _) = page(&app, "/", &[]).await;
    assert!(apres.contains("<title>Clef 2</title>"));
    assert!(apres.contains("premier-rendu"));
}

#[tokio::test]
async fn a_listing_arrives_with_what_people_choose_on() {
    let (app, _d) = app().await;
    let api: PageOffres = app
        .get("/api/v1/offres?etat=toutes&par_page=50")
        .await
        .json();
    assert!(api.offres.len() > 20);
    for resume in &api.offres {
        let detail: clef_domain::api::OffreDetail = app
            .get(&format!("/api/v1/offres/{}", resume.id))
            .await
            .json();
        let (html, _) = page(&app, &format!("/logements/{}", resume.id), &[]).await;
        assert!(html.contains("<div id=\"premier-rendu\">"), "{}", resume.id);
        assert!(html.contains(&format!("<h1>{}</h1>", detail.resume.titre)));
        assert!(html.contains("par mois"), "the rent with charges");
        assert!(html.contains(&detail.resume.commune));
        assert_eq!(
            html.matches("class=\"galerie__vignette\"").count(),
            if detail.photos.len() > 1 {
                detail.photos.len()
            } else {
                0
            },
            "{}",
            resume.id
        );
        assert!(html.contains(&format!(
            "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/api/v1/offres/{}\">",
            resume.id
        )));
    }
}

#[tokio::test]
async fn an_unknown_listing_gets_the_apps_page_as_it_is() {
    let (app, _d) = app().await;
    for chemin in ["/logements/999999", "/logements/abc", "/logements/-1"] {
        let (html, _) = page(&app, chemin, &[]).await;
        assert!(html.contains("chargement-initial"), "{chemin}");
        assert!(!html.contains("premier-rendu"), "{chemin}");
    }
}
