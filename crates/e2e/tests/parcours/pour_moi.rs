//! What applicants choose on, first (issue 12, point 6): on a phone, a listing's rent with
//! charges, type, surface, commune and closing day come before anything else; once logged
//! in, each card says whether the applicant can apply, and "only the homes I can apply to"
//! lists exactly those, computed in the browser from their own request.

use crate::banc::Banc;
use clef_domain::Euros;
use clef_domain::api::PageOffres;
use clef_domain::demande::{Demande, DemandeSaisie};
use clef_domain::eligibilite::verifier;
use clef_domain::logement::Logement;
use clef_domain::territoire::ParametresTerritoire;
use clef_server::demo;
use std::collections::BTreeSet;

#[tokio::test]
async fn a_listing_says_its_rent_type_surface_commune_and_closing_day_first() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/").await;
    let lien = banc.element(".cartes .carte__titre a").await;
    // The card's heading says what and where.
    let titre = lien.text().await.expect("text");
    assert!(titre.contains(" m² à "), "{titre}");
    // The first listing, its rent included, on the first screen of a phone.
    let bas = banc
        .js("return document.querySelector('.cartes .carte__prix').getBoundingClientRect().bottom")
        .await
        .as_f64()
        .expect("bottom");
    assert!(
        bas < 740.0,
        "the first rent ends {bas} px down a 740 px screen"
    );
    lien.click().await.expect("open");
    banc.attendre_url("la page du logement", |u| u.contains("/logements/"))
        .await;
    let essentiel = banc.element(".essentiel").await;
    let texte = essentiel.text().await.expect("text");
    for attendu in ["charges comprises", "€", "m²", "Commune", "Date limite"] {
        assert!(texte.contains(attendu), "« {attendu} » in {texte}");
    }
    // On the first screen of a phone, right under the title (they were 1,000 px down).
    let (haut, bas) = {
        let r = banc
            .js("const r = document.querySelector('.essentiel').getBoundingClientRect(); return [r.top, r.bottom]")
            .await;
        (r[0].as_f64().expect("top"), r[1].as_f64().expect("bottom"))
    };
    assert!(
        haut < 250.0 && bas < 740.0,
        "the essentials stand from {haut} to {bas} px down a 740 px screen"
    );
}

/// The demo applicant's request, as the server keeps it.
async fn demande_du_demandeur(banc: &Banc) -> (i64, Demande) {
    let (id, dossier): (i64, String) = sqlx::query_as(
        "SELECT d.id, d.dossier FROM demandeurs d JOIN comptes c ON c.id = d.compte_id WHERE c.email = ?",
    )
    .bind(demo::COMPTES[0].0)
    .fetch_one(&banc.base)
    .await
    .expect("the demo applicant");
    let saisie: DemandeSaisie = serde_json::from_str(&dossier).expect("request");
    (id, Demande::depuis_saisie(saisie).expect("a valid request"))
}

#[tokio::test]
async fn only_the_homes_i_can_apply_to_are_those_the_rules_accept() {
    let banc = Banc::demarrer().await;
    let (demandeur, demande) = demande_du_demandeur(&banc).await;
    let deja: BTreeSet<i64> = sqlx::query_scalar(
        "SELECT offre_id FROM candidatures WHERE demandeur_id = ? AND etat != 'retiree'",
    )
    .bind(demandeur)
    .fetch_all(&banc.base)
    .await
    .expect("applications")
    .into_iter()
    .collect();
    assert!(!deja.is_empty(), "the demo applicant has applications");

    banc.connecter(demo::COMPTES[0].0, "/mes-candidatures")
        .await;
    // The oracle: every open listing the rules crate finds eligible, not applied to.
    banc.ouvrir("/").await;
    let parametres: ParametresTerritoire = serde_json::from_value(
        banc.js("return fetch('/api/v1/territoires/bethune-bruay/parametres').then(r => r.json())")
            .await,
    )
    .expect("settings");
    let ouvertes: PageOffres = serde_json::from_value(
        banc.js("return fetch('/api/v1/offres?par_page=50').then(r => r.json())")
            .await,
    )
    .expect("open listings");
    assert!(ouvertes.total <= 50, "one page holds them all");
    let attendues: BTreeSet<String> = ouvertes
        .offres
        .iter()
        .filter(|o| !deja.contains(&o.id))
        .filter(|o| {
            let aujourdhui = clef_server::Horloge::aujourdhui(banc.horloge.as_ref());
            verifier(
                &demande,
                &Logement::le(o, aujourdhui),
                &parametres,
                Euros::ZERO,
            )
            .eligible()
        })
        .map(|o| format!("/logements/{}", o.id))
        .collect();
    assert!(
        !attendues.is_empty() && attendues.len() < ouvertes.offres.len(),
        "the demo shows both kinds"
    );

    // Every card says where the applicant stands.
    banc.ouvrir("/?par_page=50").await;
    banc.attendre("a badge on every card", || async {
        banc.js("const cartes = document.querySelectorAll('.cartes .carte');
             return cartes.length > 0 && [...cartes].every(c => c.querySelector('.carte__badge'))")
            .await
            == true
    })
    .await;
    let deja_vus = banc
        .js("return [...document.querySelectorAll('.cartes .carte')]
               .filter(c => c.querySelector('.carte__badge').innerText === 'Déjà candidaté')
               .map(c => c.querySelector('.carte__titre a').getAttribute('href'))")
        .await;
    let deja_vus: BTreeSet<String> = serde_json::from_value(deja_vus).expect("links");
    let deja_ouvertes: BTreeSet<String> = ouvertes
        .offres
        .iter()
        .filter(|o| deja.contains(&o.id))
        .map(|o| format!("/logements/{}", o.id))
        .collect();
    assert_eq!(deja_vus, deja_ouvertes);

    // Only the homes I can apply to: exactly the oracle's, each one "Éligible".
    banc.element(".filtres__resume")
        .await
        .click()
        .await
        .expect("open the filters");
    banc.element("#f-pour-moi")
        .await
        .click()
        .await
        .expect("tick");
    banc.attendre_url("pour_moi dans l'URL", |u| u.contains("pour_moi=oui"))
        .await;
    let lire = || async {
        let etat = banc
            .js(
                "const busy = document.querySelector('.resultats').getAttribute('aria-busy');
                 const cartes = [...document.querySelectorAll('.cartes .carte')];
                 return { busy, liens: cartes.map(c => c.querySelector('.carte__titre a').getAttribute('href')),
                          badges: cartes.map(c => c.querySelector('.carte__badge')?.innerText ?? '') }",
            )
            .await;
        let liens: BTreeSet<String> =
            serde_json::from_value(etat["liens"].clone()).unwrap_or_default();
        let eligibles = etat["badges"]
            .as_array()
            .is_some_and(|b| b.iter().all(|x| x == "Éligible"));
        (etat["busy"] == "false", liens, eligibles)
    };
    banc.attendre("the list of homes I can apply to", || async {
        let (pret, liens, eligibles) = lire().await;
        pret && liens == attendues && eligibles
    })
    .await;
    let (_, vues, _) = lire().await;
    assert_eq!(vues, attendues);
}
