//! A second language (issue 12, point 10): English, chosen from any page, which it keeps;
//! the page says its language to screen readers, and the choice lasts.

use crate::banc::Banc;

async fn langue_de_la_page(banc: &Banc) -> String {
    banc.js("return document.documentElement.lang")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn english_is_one_choice_away_keeps_the_page_and_lasts() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/logements/1").await;
    banc.attendre_texte(".essentiel", "Total charges comprises")
        .await;
    assert_eq!(langue_de_la_page(&banc).await, "fr");
    let url = banc.navigateur.current_url().await.expect("url");

    banc.element("footer button[lang='en']")
        .await
        .click()
        .await
        .expect("English");
    banc.attendre_texte(".essentiel", "Total including service charges")
        .await;
    assert_eq!(banc.navigateur.current_url().await.expect("url"), url);
    banc.attendre("the page says it is in English", || async {
        langue_de_la_page(&banc).await == "en"
    })
    .await;
    assert_eq!(banc.texte("footer button[lang='fr']").await, "Français");

    // Kept for the next visit.
    banc.ouvrir("/").await;
    banc.attendre_texte("h1", "Social homes to rent").await;

    // And back.
    banc.element("footer button[lang='fr']")
        .await
        .click()
        .await
        .expect("Français");
    banc.attendre_texte("h1", "Logements sociaux à louer").await;
}
