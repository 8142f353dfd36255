//! Searching on a phone: filters bound to the URL, the back button, opening a listing.

use crate::banc::{Banc, LARGEUR};
use fantoccini::Locator;

/// The type of each visible card (`T3`), read from its heading (`T3 de 65 m² à Béthune`).
async fn typologies_des_cartes(banc: &Banc) -> Vec<String> {
    let mut types = Vec::new();
    for titre in banc.tous(".carte__titre a").await {
        let texte = titre.text().await.expect("text");
        types.push(texte.split(' ').next().unwrap_or_default().to_owned());
    }
    types
}

async fn choisir(banc: &Banc, select: &str, valeur: &str) {
    banc.element(select)
        .await
        .select_by_value(valeur)
        .await
        .unwrap_or_else(|e| panic!("{select} = {valeur} : {e}"));
}

#[tokio::test]
async fn an_applicant_filters_on_a_phone_goes_back_then_opens_a_listing() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/").await;

    // The search page, at a phone's width, with nothing wider than the screen.
    assert_eq!(banc.texte("h1").await, "Logements sociaux à louer");
    banc.element(".cartes .carte").await;
    assert_eq!(
        banc.js("return document.documentElement.clientWidth").await,
        LARGEUR
    );
    assert_eq!(
        banc.js(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        .await,
        true,
        "no horizontal scrolling at 360 px"
    );
    let nombre = banc.texte(".resultats__nombre").await;
    assert!(nombre.ends_with(" logements"), "{nombre}");
    assert!(
        banc.texte(".bandeau-demo")
            .await
            .contains("Données de démonstration")
    );
    assert_eq!(
        banc.navigateur.title().await.expect("title"),
        "Logements sociaux à louer · Clef"
    );

    // Filter by typology: the URL says so and every card is a T3.
    banc.element(".filtres__resume")
        .await
        .click()
        .await
        .expect("open the filters");
    choisir(&banc, "#f-typologie", "T3").await;
    banc.attendre_url("typologie=T3 dans l'URL", |u| u.contains("typologie=T3"))
        .await;
    banc.attendre("only T3 cards", || async {
        let types = typologies_des_cartes(&banc).await;
        !types.is_empty() && types.iter().all(|t| t == "T3")
    })
    .await;

    // Narrow to one commune.
    choisir(&banc, "#f-commune", "bethune").await;
    banc.attendre_url("commune=bethune dans l'URL", |u| {
        u.contains("commune=bethune") && u.contains("typologie=T3")
    })
    .await;
    banc.attendre("only cards in Béthune", || async {
        let titres = banc.tous(".carte__titre a").await;
        let mut tous_a_bethune = !titres.is_empty();
        for titre in titres {
            tous_a_bethune &= titre.text().await.expect("text").ends_with(" à Béthune");
        }
        tous_a_bethune
    })
    .await;

    // The back button undoes the last filter, in the URL and in the form.
    banc.navigateur.back().await.expect("back");
    banc.attendre_url("retour à typologie=T3 seul", |u| {
        u.contains("typologie=T3") && !u.contains("commune")
    })
    .await;
    banc.attendre("the commune list shows every commune again", || async {
        banc.element("#f-commune")
            .await
            .prop("value")
            .await
            .ok()
            .flatten()
            .as_deref()
            == Some("")
    })
    .await;

    // Open the first listing: its page is titled by the name the card shows under it.
    let titre = banc.texte(".carte__nom").await;
    let lien = banc.element(".carte__titre a").await;
    lien.click().await.expect("open");
    banc.attendre_url("page du logement", |u| u.contains("/logements/"))
        .await;
    banc.attendre_texte("h1", &titre).await;
    assert_eq!(
        banc.navigateur.title().await.expect("title"),
        format!("{titre} · Clef")
    );

    // What a person sees to decide: rent, type, ceilings, the way to apply.
    let loyer = banc.texte(".faits--loyer").await;
    assert!(
        loyer.contains("Total charges comprises") && loyer.contains("€ par mois"),
        "{loyer}"
    );
    let faits = banc.texte("#h-caracteristiques + .faits").await;
    for libelle in [
        "Typologie",
        "T3 (3 pièces)",
        "Surface habitable",
        "Étage",
        "Adresse",
        "Bailleur",
        "Réservataire",
        "Période de candidature",
        "Classe ",
    ] {
        assert!(faits.contains(libelle), "« {libelle} » manque : {faits}");
    }
    assert!(
        banc.texte(".plafonds caption")
            .await
            .starts_with("Plafonds ")
    );
    assert_eq!(banc.tous(".plafonds tbody tr").await.len(), 7);
    let alt = banc
        .element(".galerie__photo")
        .await
        .attr("alt")
        .await
        .expect("alt");
    assert!(
        alt.is_some_and(|a| !a.is_empty()),
        "every photo has a text alternative"
    );

    // The gallery answers its buttons.
    let position = banc.texte("figcaption").await;
    if !position.ends_with("sur 1") {
        banc.navigateur
            .find(Locator::XPath("//button[contains(., 'Photo suivante')]"))
            .await
            .expect("next photo")
            .click()
            .await
            .expect("click");
        banc.attendre_texte("figcaption", "Photo 2 sur").await;
    }

    // Applying needs an account: the listing says so and leads to log-in, then back here.
    assert!(
        banc.texte(".encart")
            .await
            .contains("Connectez-vous pour savoir si vous êtes éligible")
    );
    banc.element(".encart a.bouton--principal")
        .await
        .click()
        .await
        .expect("log in to apply");
    banc.attendre_url("page de connexion", |u| {
        u.contains("/connexion?retour=/logements/")
    })
    .await;
    banc.attendre_texte("h1", "Se connecter").await;
    banc.element("a[href='/inscription']").await;

    // "Back to the listings" returns to the same search.
    banc.navigateur.back().await.expect("back");
    banc.attendre_texte("h1", &titre).await;
    banc.element(".retour a")
        .await
        .click()
        .await
        .expect("back to the listings");
    banc.attendre_url("retour à la recherche", |u| u.contains("/?typologie=T3"))
        .await;
    banc.element(".cartes .carte").await;
}

#[tokio::test]
async fn the_keyboard_alone_reaches_the_content_first() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/").await;
    banc.element(".cartes .carte").await;
    banc.js("document.activeElement.blur(); return true").await;
    banc.element("body")
        .await
        .send_keys("\u{e004}")
        .await
        .expect("Tab"); // WebDriver's Tab key
    let premier = banc.navigateur.active_element().await.expect("focus");
    assert_eq!(premier.text().await.expect("text"), "Aller au contenu");
    premier.send_keys("\u{e007}").await.expect("Enter");
    assert_eq!(banc.js("return document.activeElement.id").await, "contenu");
    // One h1 per page, landmarks present, every form control labelled.
    assert_eq!(
        banc.js("return document.querySelectorAll('h1').length")
            .await,
        1
    );
    for repere in ["header", "main", "footer", "nav"] {
        assert_eq!(
            banc.js(&format!("return !!document.querySelector('{repere}')"))
                .await,
            true,
            "{repere}"
        );
    }
    let sans_etiquette = banc
        .js("return [...document.querySelectorAll('select, input')].filter(c => !c.labels || c.labels.length === 0).length")
        .await;
    assert_eq!(sans_etiquette, 0);
}

#[tokio::test]
async fn the_first_load_asks_each_thing_once_and_nothing_fails() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/").await;
    banc.element(".cartes .carte").await;
    banc.element("#f-commune option[value='bethune']").await;
    // Whatever would come twice comes at once with the first: a moment is enough.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let appels = banc
        .js("return performance.getEntriesByType('resource')
               .filter(e => e.name.includes('/api/'))
               .map(e => [new URL(e.name).pathname + new URL(e.name).search, e.responseStatus])")
        .await;
    let appels: Vec<(String, u64)> = serde_json::from_value(appels).expect("entries");
    for chemin in ["/api/v1/session", "/api/v1/communes"] {
        let n = appels.iter().filter(|(c, _)| c == chemin).count();
        assert_eq!(n, 1, "{chemin} asked {n} times: {appels:?}");
    }
    let recherches = appels
        .iter()
        .filter(|(c, _)| c.starts_with("/api/v1/offres"))
        .count();
    assert_eq!(
        recherches, 1,
        "the listings asked {recherches} times: {appels:?}"
    );
    // A visitor who is not logged in is not an error (the browser would log it as one).
    let echecs: Vec<_> = appels.iter().filter(|(_, s)| *s >= 400).collect();
    assert!(
        echecs.is_empty(),
        "failed requests on the first load: {echecs:?}"
    );
}
