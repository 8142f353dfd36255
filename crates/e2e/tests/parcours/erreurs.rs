//! Bad or fruitless searches get a clear answer, next to the field at fault.

use crate::banc::Banc;

#[tokio::test]
async fn an_invalid_criterion_in_a_link_is_shown_next_to_its_field_and_ignored() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/?typologie=T9&commune=beuvry").await;
    banc.attendre_texte("#e-typologie", "Valeur non reconnue.")
        .await;
    assert_eq!(
        banc.element("#f-typologie")
            .await
            .attr("aria-invalid")
            .await
            .expect("attr")
            .as_deref(),
        Some("true")
    );
    assert!(banc.texte(".alerte").await.contains("ignorés"));
    // The valid criterion still applies.
    banc.element(".cartes .carte").await;
    for titre in banc.tous(".carte__titre a").await {
        assert!(titre.text().await.expect("text").ends_with(" à Beuvry"));
    }
}

#[tokio::test]
async fn a_rent_that_is_not_a_number_is_refused_next_to_the_field() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/?loyer_max=500").await;
    banc.element(".cartes .carte").await;
    let loyer = banc.element("#f-loyer-max").await;
    // Ctrl+A then type over it, as a person would; Enter submits.
    loyer
        .send_keys("\u{e009}a\u{e000}cinq cents\u{e007}")
        .await
        .expect("type");
    banc.attendre_texte("#e-loyer-max", "Saisissez un nombre entier")
        .await;
    let url = banc.navigateur.current_url().await.expect("url");
    assert!(
        url.as_str().contains("loyer_max=500"),
        "the search is unchanged: {url}"
    );
}

#[tokio::test]
async fn a_search_without_results_says_what_to_do() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/?loyer_max=1").await;
    banc.attendre_texte(".etat--vide", "Aucun logement ne correspond")
        .await;
    assert_eq!(banc.texte(".resultats__nombre").await, "Aucun logement");
    banc.element(".etat--vide a[href='/']").await;
}
