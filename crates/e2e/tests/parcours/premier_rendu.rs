//! The server's first render of `/` and of a listing (HTML written by `clef-server`) and
//! the app's own page must be one and the same to the reader: the same elements, word for
//! word, in the same places, so that the app takes over without anything moving.

use crate::banc::Banc;

/// In the page, once the app shows it: the server's HTML for the same address (fetched
/// with the browser's own language and cookies), the markup of `arguments[0]` (elements
/// compared whole), the texts of `arguments[1]`, and where each of `arguments[2]` stands
/// when laid out in the same page at the phone's width.
const COMPARER: &str = r#"
const [ENTIERS, TEXTES, POSES, fini] = arguments;
const normaliser = (e) => e.outerHTML.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim();
const mesurer = (r) => ({
  entiers: [...r.querySelectorAll(ENTIERS)].map(normaliser),
  textes: TEXTES.map((s) => r.querySelector(s)?.textContent.trim() ?? null),
  poses: [...r.querySelectorAll(POSES)].map((e) => {
    const b = e.getBoundingClientRect();
    return [e.className || e.tagName, Math.round(b.top), Math.round(b.left), Math.round(b.width), Math.round(b.height)];
  }),
});
window.scrollTo(0, 0);
fetch(location.href).then((r) => r.text()).then((html) => {
  const rendu = new DOMParser().parseFromString(html, 'text/html').getElementById('premier-rendu');
  const app = mesurer(document.body);
  if (!rendu) { fini({ app, serveur: null }); return; }
  // Laid out where the server puts it: first in the body, the app hidden behind it.
  const copie = document.importNode(rendu, true);
  document.body.prepend(copie);
  const serveur = mesurer(copie);
  copie.remove();
  fini({ app, serveur });
}).catch((e) => fini({ erreur: String(e) }));
"#;

const ENTETE: &[&str] = &[".marque", ".entete nav"];

async fn comparer(banc: &Banc, page: &str, entiers: &str, textes: &[&str], poses: &str) {
    let textes: Vec<&str> = ENTETE.iter().chain(textes).copied().collect();
    let poses = format!(".entete, .marque, .entete__menu, {poses}");
    let mesure = banc
        .navigateur
        .execute_async(
            COMPARER,
            vec![entiers.into(), serde_json::json!(textes), poses.into()],
        )
        .await
        .expect("comparison script");
    assert!(mesure.get("erreur").is_none(), "{page}: {mesure}");
    let (app, serveur) = (&mesure["app"], &mesure["serveur"]);
    assert!(!serveur.is_null(), "{page}: the server rendered it first");
    assert!(
        !app["entiers"].as_array().expect("elements").is_empty(),
        "{page}: {entiers} shown"
    );
    assert_eq!(serveur["entiers"], app["entiers"], "{page}: the elements");
    assert_eq!(serveur["textes"], app["textes"], "{page}: the texts");
    assert_eq!(serveur["poses"], app["poses"], "{page}: where each stands");
}

#[tokio::test]
async fn the_first_render_of_the_search_is_the_apps_own() {
    let banc = Banc::demarrer().await;
    for (langue, pages) in [
        ("fr", ["/", "/?tri=loyer", "/?page=2&tri=surface_desc"]),
        ("en", ["/", "/?tri=recentes", "/?page=2"]),
    ] {
        if langue == "en" {
            // The language menu's choice, as the app keeps it.
            banc.js("document.cookie = 'i18n_pref_locale=en; path=/'; return true")
                .await;
        }
        for page in pages {
            banc.ouvrir(page).await;
            banc.element(".cartes .carte").await;
            comparer(
                &banc,
                page,
                ".entete, .carte",
                &[
                    "h1",
                    ".intro",
                    ".filtres__resume",
                    ".resultats__nombre",
                    ".bandeau-demo",
                ],
                "h1, .intro, .filtres__resume, .resultats__nombre, .carte",
            )
            .await;
        }
    }
}

#[tokio::test]
async fn the_first_render_of_a_listing_is_the_apps_own() {
    let banc = Banc::demarrer().await;
    // Every listing of the demo: open, closing, upcoming and closed ones, with one photo
    // or several, in a QPV or not.
    banc.ouvrir("/").await;
    let ids = banc
        .js(
            "return fetch('/api/v1/offres?etat=toutes&par_page=50').then(r => r.json())
                 .then(p => p.offres.map(o => o.id))",
        )
        .await;
    let ids: Vec<i64> = serde_json::from_value(ids).expect("ids");
    assert!(ids.len() > 20, "{ids:?}");
    for (i, id) in ids.iter().enumerate() {
        if i == ids.len() / 2 {
            banc.js("document.cookie = 'i18n_pref_locale=en; path=/'; return true")
                .await;
        }
        let page = format!("/logements/{id}");
        banc.ouvrir(&page).await;
        banc.element(".logement h1").await;
        comparer(
            &banc,
            &page,
            ".entete, .page--logement .retour, .logement h1, .essentiel, .galerie",
            &[".bandeau-demo"],
            ".retour, .logement h1, .essentiel > div, .bandeau-demo, .galerie__photo, \
             .galerie__position, .galerie__commandes, .galerie__vignettes",
        )
        .await;
    }
}
