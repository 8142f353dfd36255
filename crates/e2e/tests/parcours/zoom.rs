//! At 200 % zoom (a 390 px phone is then 195 CSS pixels wide), everything reflows in one
//! column without horizontal scrolling (WCAG 1.4.10, issue 12 point 7), and the header
//! folds into a menu instead of filling the screen.

use crate::banc::Banc;
use crate::visite::{self, Qui};

const LARGEUR: u32 = 195;
const HAUTEUR: u32 = 420;

#[tokio::test]
async fn every_page_reflows_in_one_column_at_200_percent_zoom() {
    let banc = Banc::demarrer_a(LARGEUR, HAUTEUR).await;
    for (qui, chemins) in visite::pages(&banc).await {
        visite::connecter(&banc, qui).await;
        for chemin in chemins {
            visite::ouvrir(&banc, &chemin).await;
            banc.sans_defilement_horizontal(&format!("{chemin} ({qui:?})"))
                .await;
            let entete = banc
                .js("return document.querySelector('header').getBoundingClientRect().height")
                .await
                .as_f64()
                .unwrap_or(f64::MAX);
            assert!(
                entete < f64::from(HAUTEUR) / 3.0,
                "the header takes {entete} px of {HAUTEUR} on {chemin} ({qui:?})"
            );
        }
    }
}

async fn visible(banc: &Banc, css: &str) -> bool {
    banc.js(&format!(
        "const e = document.querySelector({css:?}); return !!e && e.offsetParent !== null"
    ))
    .await
        == true
}

#[tokio::test]
async fn the_header_menu_opens_closes_with_escape_and_after_a_choice() {
    let banc = Banc::demarrer_a(LARGEUR, HAUTEUR).await;
    visite::connecter(&banc, Qui::Anonyme).await;
    visite::ouvrir(&banc, "/").await;
    assert!(
        !visible(&banc, "a[href='/resultats']").await,
        "folded at first"
    );
    banc.cliquer_bouton("☰ Menu").await;
    banc.attendre("the menu open", || visible(&banc, "a[href='/resultats']"))
        .await;
    assert_eq!(
        banc.element("#bouton-menu")
            .await
            .attr("aria-expanded")
            .await
            .expect("attr")
            .as_deref(),
        Some("true")
    );
    // Escape folds it and gives the focus back to the button.
    banc.element("a[href='/resultats']")
        .await
        .send_keys("\u{e00c}")
        .await
        .expect("Escape");
    banc.attendre("the menu folded by Escape", || async {
        !visible(&banc, "a[href='/resultats']").await
    })
    .await;
    assert_eq!(
        banc.js("return document.activeElement.id").await,
        "bouton-menu"
    );
    // A choice folds it too.
    banc.cliquer_bouton("☰ Menu").await;
    banc.element("a[href='/resultats']")
        .await
        .click()
        .await
        .expect("follow");
    banc.attendre_url("les résultats", |u| u.ends_with("/resultats"))
        .await;
    banc.attendre("the menu folded after the choice", || async {
        !visible(&banc, "a[href='/resultats']").await
    })
    .await;
    // After each navigation, the focus is on the new content, as after a page load.
    for (lien, chemin) in [
        ("a[href='/comment-ca-marche']", "/comment-ca-marche"),
        ("a[href='/']", "/"),
    ] {
        banc.cliquer_bouton("☰ Menu").await;
        banc.element(&format!("#menu-principal {lien}"))
            .await
            .click()
            .await
            .expect("follow");
        banc.attendre_url(chemin, |u| u.ends_with(chemin)).await;
        banc.attendre(&format!("focus on the content of {chemin}"), || async {
            banc.js("return document.activeElement.id").await == "contenu"
        })
        .await;
    }
}
