//! Each screen shows only what its state allows (issue 12, point 3): a let home offers its
//! landlord no decision to record; a decided application gives no chance to get it.

use crate::banc::Banc;
use clef_server::demo;

/// A listing of the first demo landlord whose lease is signed.
async fn offre_louee(banc: &Banc) -> i64 {
    sqlx::query_scalar(
        "SELECT o.id FROM offres o JOIN resultats r ON r.offre_id = o.id
         JOIN bailleurs b ON b.id = o.bailleur_id WHERE b.slug = ? ORDER BY o.id LIMIT 1",
    )
    .bind(demo::AGENTS[0].1)
    .fetch_one(&banc.base)
    .await
    .expect("a let listing in the demo")
}

#[tokio::test]
async fn a_let_home_offers_its_landlord_nothing_more_to_record() {
    let banc = Banc::demarrer().await;
    let offre = offre_louee(&banc).await;
    banc.connecter(demo::AGENTS[0].0, &format!("/bailleur/offres/{offre}"))
        .await;
    banc.attendre_texte("main", "Le bail est signé").await;
    banc.element(".commission__candidat").await;
    let page = banc.texte("main").await;
    // The winner's history stays (attributed, accepted); no act is offered any more.
    assert!(page.contains("A accepté le logement"), "{page}");
    for interdit in [
        "Décision à enregistrer",
        "Enregistrer la décision",
        "Il accepte",
        "Il refuse",
        "Enregistrer la signature du bail",
    ] {
        assert!(
            !page.contains(interdit),
            "« {interdit} » on a let home: {page}"
        );
    }
    assert!(
        banc.tous("main select, main button.bouton--principal")
            .await
            .is_empty(),
        "no control to record anything on a let home"
    );
}

#[tokio::test]
async fn a_decided_application_gives_no_chance_and_no_points_to_catch_up() {
    let banc = Banc::demarrer().await;
    banc.connecter(demo::COMPTES[0].0, "/mes-candidatures")
        .await;
    banc.attendre_texte(".candidatures", "Non retenue").await;
    let decidee = banc
        .js("return [...document.querySelectorAll('.candidatures > li')]
               .find(li => li.innerText.includes('Non retenue'))?.innerText ?? ''")
        .await;
    let decidee = decidee.as_str().unwrap_or_default().to_owned();
    assert!(!decidee.is_empty());
    assert!(
        !decidee.contains("Chance"),
        "a decided application still speaks of chance: {decidee}"
    );
    // And on its own page.
    let lien = banc
        .js("return [...document.querySelectorAll('.candidatures > li')]
               .find(li => li.innerText.includes('Non retenue'))
               .querySelector('a[href^=\"/mes-candidatures/\"]').getAttribute('href')")
        .await;
    banc.ouvrir(lien.as_str().expect("link")).await;
    banc.attendre_texte(".etiquette", "Non retenue").await;
    let page = banc.texte("main").await;
    for interdit in ["Chance", "Il vous manque"] {
        assert!(
            !page.contains(interdit),
            "« {interdit} » on a decided application: {page}"
        );
    }
}
