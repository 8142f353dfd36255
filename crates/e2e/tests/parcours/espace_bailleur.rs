//! The landlord's list on a phone (issue 12.12): its contents at the top lead to the
//! dashboard; the listings filter by stage and by a search, each filter showing exactly what
//! the API lists at that stage; a listing at any stage is duplicated into a draft; several
//! photos go in at once.

use crate::banc::Banc;
use clef_domain::api::OffreBailleur;
use clef_server::demo;
use fantoccini::Locator;

async fn offres_de_l_api(banc: &Banc) -> Vec<OffreBailleur> {
    let valeur = banc
        .js("return fetch('/api/v1/bailleur/offres').then(r => r.json())")
        .await;
    serde_json::from_value(valeur).expect("GET /bailleur/offres")
}

fn image(teinte: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([x as u8 * 3, y as u8 * 4, teinte])
    });
    let mut octets = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut octets),
            image::ImageFormat::Png,
        )
        .expect("png");
    octets
}

#[tokio::test]
async fn landlord_staff_filter_their_listings_reach_the_dashboard_duplicate_and_add_photos_at_once()
{
    let banc = Banc::demarrer_a(360, 740).await;
    banc.connecter(demo::AGENTS[0].0, "/bailleur").await;
    banc.capturer_erreurs().await;
    banc.element("#offres-compte").await;

    // The contents at the top: the dashboard one tap away, and the focus goes with it.
    let lien = banc
        .navigateur
        .find(Locator::XPath(
            "//nav[@class='sommaire']//a[normalize-space()='Tableau de bord']",
        ))
        .await
        .expect("le lien vers le tableau de bord, en haut");
    let haut = banc
        .js("return document.querySelector('nav.sommaire').getBoundingClientRect().top")
        .await
        .as_f64()
        .expect("position");
    assert!(
        haut < 400.0,
        "le sommaire est en haut de la page ({haut} px)"
    );
    lien.click().await.expect("clic");
    banc.attendre("le focus sur le tableau de bord", || async {
        banc.js("return document.activeElement?.id").await == "tableau-titre"
    })
    .await;
    banc.sans_defilement_horizontal("l'espace bailleur").await;

    // Each stage shows exactly the API's listings at that stage, and its count says so.
    let offres = offres_de_l_api(&banc).await;
    assert!(offres.len() > 3, "des offres de démonstration");
    let codes: Vec<String> = serde_json::from_value(
        banc.js("return [...document.querySelectorAll('#filtre-etape option')].map(o => o.value)")
            .await,
    )
    .expect("options");
    assert_eq!(codes.len(), 6, "toutes les étapes, et chacune : {codes:?}");
    let mut vues = 0;
    for code in &codes {
        banc.choisir("#filtre-etape", code).await;
        let attendues: Vec<i64> = offres
            .iter()
            .filter(|o| code.is_empty() || o.etape().code() == code)
            .map(|o| o.offre.id)
            .collect();
        let n = attendues.len();
        banc.attendre_url(&format!("l'étape {code} dans l'adresse"), |u| {
            code.is_empty() || u.contains(&format!("etape={code}"))
        })
        .await;
        banc.attendre_texte(
            "#offres-compte",
            &format!("Offres affichées : {n} sur {}", offres.len()),
        )
        .await;
        let affichees: Vec<i64> = serde_json::from_value(
            banc.js("return [...document.querySelectorAll('#offres-liste h3 a')].map(a => +a.getAttribute('href').split('/').pop())")
                .await,
        )
        .expect("liens");
        assert_eq!(affichees, attendues, "l'étape « {code} »");
        vues += n;
    }
    assert_eq!(
        vues,
        2 * offres.len(),
        "chaque offre a une étape et une seule"
    );

    // A search narrows within the stage; nothing found says so and offers to show all.
    banc.choisir("#filtre-etape", "").await;
    let cible = &offres[offres.len() / 2].offre;
    let commune = cible.commune.to_lowercase();
    banc.saisir("#filtre-recherche", &commune).await;
    let attendues = offres
        .iter()
        .filter(|o| {
            o.offre.commune.to_lowercase().contains(&commune)
                || o.offre.titre.to_lowercase().contains(&commune)
        })
        .count();
    banc.attendre_texte(
        "#offres-compte",
        &format!("Offres affichées : {attendues} sur"),
    )
    .await;
    banc.saisir("#filtre-recherche", " zzzz").await;
    banc.attendre_texte("main", "Aucune offre ne correspond")
        .await;
    banc.cliquer_bouton("Afficher toutes les offres").await;
    banc.attendre_texte(
        "#offres-compte",
        &format!("Offres affichées : {0} sur {0}", offres.len()),
    )
    .await;

    // Back from a listing, the list is as it was left.
    banc.choisir("#filtre-etape", "attribuee").await;
    let attribuee = offres
        .iter()
        .find(|o| o.attribuee)
        .expect("une offre attribuée");
    banc.navigateur
        .find(Locator::Css(&format!(
            "#offres-liste a[href='/bailleur/offres/{}']",
            attribuee.offre.id
        )))
        .await
        .expect("l'offre attribuée dans la liste")
        .click()
        .await
        .expect("clic");
    banc.attendre_texte("main h1", &attribuee.offre.titre).await;
    banc.navigateur.back().await.expect("retour");
    banc.attendre_url("la liste filtrée", |u| u.contains("etape=attribuee"))
        .await;
    banc.attendre_texte("#offres-compte", "Offres affichées")
        .await;
    assert_eq!(
        banc.js("return document.querySelector('#filtre-etape').value")
            .await,
        "attribuee"
    );

    // A let listing duplicated: a new draft with its content, to date again.
    banc.ouvrir(&format!("/bailleur/offres/{}", attribuee.offre.id))
        .await;
    banc.cliquer_bouton("Dupliquer en brouillon").await;
    banc.attendre_url("le nouveau brouillon", |u| {
        u.contains("/bailleur/brouillons/")
    })
    .await;
    banc.attendre("le titre repris", || async {
        banc.js("return document.querySelector('#titre')?.value")
            .await
            == attribuee.offre.titre.as_str()
    })
    .await;
    assert_eq!(
        banc.js("return document.querySelector('#cloture').value")
            .await,
        ""
    );

    // Several photos chosen at once are all sent, in order, each with its description field.
    let deja = banc.tous(".photo-saisie").await.len();
    let dossier = tempfile::tempdir().expect("dossier");
    let chemins: Vec<String> = (0..3)
        .map(|i| {
            let chemin = dossier.path().join(format!("piece-{i}.png"));
            std::fs::write(&chemin, image(40 * i as u8)).expect("photo");
            chemin.display().to_string()
        })
        .collect();
    banc.saisir("#photo-fichier", &chemins.join("\n")).await;
    banc.attendre_texte("#photo-progression", "Photos ajoutées : 3.")
        .await;
    assert_eq!(banc.tous(".photo-saisie").await.len(), deja + 3);
    banc.element(&format!("#photos-{}-texte-alternatif", deja + 2))
        .await;
    banc.sans_defilement_horizontal("le brouillon dupliqué")
        .await;
}
