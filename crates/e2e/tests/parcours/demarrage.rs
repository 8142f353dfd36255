//! How the app's code arrives: a second visit downloads it no more, and when it cannot be
//! loaded the page says so and offers to try again (never a blank page).

use crate::banc::Banc;
use serde_json::json;

#[tokio::test]
async fn when_the_apps_code_cannot_load_the_page_says_so_and_tries_again() {
    let banc = Banc::demarrer().await;
    banc.cdp("Network.enable", json!({})).await;
    banc.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }))
        .await;
    // A page only the app draws: the loading notice gives way to the message.
    banc.navigateur
        .goto(&banc.url("/mentions-legales"))
        .await
        .expect("page");
    banc.attendre_texte("#echec-demarrage-message", "Réessayer")
        .await;
    assert!(
        banc.tous("#chargement-initial p.marque__nom")
            .await
            .is_empty()
    );
    // The search, written first by the server: still there to read, the message on top.
    banc.navigateur.goto(&banc.url("/")).await.expect("page");
    banc.attendre_texte("#premier-rendu #echec-demarrage-message", "Réessayer")
        .await;
    assert!(!banc.tous("#premier-rendu .carte").await.is_empty());
    let focalise = banc
        .js("return document.activeElement.closest('#echec-demarrage-message') !== null")
        .await;
    assert_eq!(focalise, true, "the way to try again has the focus");
    // The connection is back: trying again brings the app.
    banc.cdp("Network.setBlockedURLs", json!({ "urls": [] }))
        .await;
    banc.cliquer_bouton("Réessayer / Try again").await;
    banc.attendre_absence("#premier-rendu").await;
    banc.element("#contenu .cartes .carte").await;
    assert!(banc.tous("#echec-demarrage-message").await.is_empty());
}

#[tokio::test]
async fn a_second_visit_downloads_only_the_page_and_its_data() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/").await;
    banc.element(".cartes .carte").await;
    banc.ouvrir("/logements/1").await;
    banc.element(".logement h1").await;
    let fichiers = banc
        .js("return performance.getEntriesByType('resource')
                 .filter((e) => /\\.(wasm|js|css)$/.test(new URL(e.name).pathname))
                 .map((e) => [new URL(e.name).pathname, e.transferSize])")
        .await;
    let fichiers: Vec<(String, u64)> = serde_json::from_value(fichiers).expect("entries");
    for genre in [".wasm", ".js", ".css"] {
        assert!(
            fichiers.iter().any(|(nom, _)| nom.ends_with(genre)),
            "{genre} loaded: {fichiers:?}"
        );
    }
    assert!(
        fichiers.iter().all(|(_, octets)| *octets == 0),
        "the app's files come from the cache, without asking the server again: {fichiers:?}"
    );
}
