//! Opening a listing directly by its URL, as from a shared link.

use crate::banc::Banc;

#[tokio::test]
async fn a_listing_opened_from_a_shared_link_shows_its_ceilings_and_photos() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/logements/1").await;
    banc.element("article.logement h1").await;
    assert!(banc.texte(".essentiel").await.contains("Commune"));
    assert!(banc.texte(".plafonds").await.contains("1 personne"));
    assert!(banc.texte("figcaption").await.starts_with("Photo 1 sur "));
    // Without a previous search, "back" leads to the search page.
    assert_eq!(
        banc.element(".retour a")
            .await
            .attr("href")
            .await
            .expect("href")
            .as_deref(),
        Some("/")
    );
}

#[tokio::test]
async fn an_unknown_listing_says_so() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/logements/999999").await;
    banc.attendre_texte("h1", "Ce logement est introuvable.")
        .await;
    banc.ouvrir("/logements/pas-un-nombre").await;
    banc.attendre_texte("h1", "Ce logement est introuvable.")
        .await;
}

#[tokio::test]
async fn the_published_grid_is_one_link_away_from_how_it_works() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/comment-ca-marche").await;
    banc.element("a[href='/grille-de-cotation']")
        .await
        .click()
        .await
        .expect("grid link");
    banc.attendre_texte("h1", "Comment sont classées les candidatures")
        .await;
    banc.attendre_texte("#critere-dalo", "30 points").await;
    assert!(
        banc.texte("main")
            .await
            .contains("la demande de logement la plus ancienne passe devant")
    );
}
