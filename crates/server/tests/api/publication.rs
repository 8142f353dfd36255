//! Publishing: drafts, their checks, photos, publication, corrections and withdrawal.

use crate::aide::{AUJOURDHUI, Client, TestApp};
use axum::http::{Method, StatusCode};
use clef_domain::api::{Brouillon, ImageTeleversee, OffreDetail, OffrePubliee, Probleme};
use clef_domain::offre::ProjetOffre;
use clef_server::demo;
use serde_json::{Value, json};

async fn agent(app: &TestApp, i: usize) -> Client<'_> {
    let (r, client) = app.connecter(demo::AGENTS[i].0, demo::MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
    client
}

fn png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let mut octets = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut octets),
            image::ImageFormat::Png,
        )
        .unwrap();
    octets
}

/// A commune of the demo territory, one of its QPV and a street of that QPV.
async fn commune_avec_qpv(app: &TestApp) -> (String, String, String) {
    sqlx::query_as(
        "SELECT c.slug, q.nom, v.voie FROM qpv_voies v JOIN qpv q ON q.id = v.qpv_id
         JOIN communes c ON c.id = q.commune_id ORDER BY q.id, v.voie LIMIT 1",
    )
    .fetch_one(&app.base)
    .await
    .unwrap()
}

async fn projet_complet(app: &TestApp, photo: &str) -> Value {
    let (commune, _, voie) = commune_avec_qpv(app).await;
    json!({
        "titre": "T3 lumineux près de la gare",
        "adresse": format!("Bâtiment B, 12 {voie}"),
        "commune": commune,
        "typologie": "T3",
        "pieces": 3,
        "surface": 65.0,
        "etage": 2,
        "ascenseur": true,
        "accessible_pmr": false,
        "loyer": 39000,
        "charges": 8000,
        "financement": "PLUS",
        "dpe": "C",
        "reservataire": "bailleur",
        "ouverture": AUJOURDHUI.to_string(),
        "cloture": AUJOURDHUI.plus_jours(13).to_string(),
        "description": "Séjour traversant, cuisine séparée, cave.",
        "photos": [{ "url": photo, "texte_alternatif": "Le séjour, deux fenêtres sur rue" }],
    })
}

async fn photo(client: &Client<'_>) -> String {
    let r = client
        .televerser("/api/v1/bailleur/images", "sejour.png", "image/png", &png())
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json::<ImageTeleversee>().url
}

fn champs(p: &Probleme) -> Vec<String> {
    p.errors.iter().map(|e| e.erreur.champ.clone()).collect()
}

/// Publishes a complete project by the first demo landlord; returns the listing's id.
async fn publier(app: &TestApp, client: &Client<'_>) -> i64 {
    let url = photo(client).await;
    let r = client
        .post(
            "/api/v1/bailleur/brouillons",
            projet_complet(app, &url).await,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let brouillon: Brouillon = r.json();
    assert_eq!(brouillon.a_completer, vec![]);
    let r = client
        .post(
            &format!("/api/v1/bailleur/brouillons/{}/publication", brouillon.id),
            json!(null),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json::<OffrePubliee>().offre_id
}

#[tokio::test]
async fn a_draft_is_saved_incomplete_and_published_once_every_field_is_right() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;

    // An incomplete draft is kept, with what is missing.
    let r = client
        .post(
            "/api/v1/bailleur/brouillons",
            json!({ "titre": "T3 près de la gare" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let brouillon: Brouillon = r.json();
    assert_eq!(brouillon.projet.titre, "T3 près de la gare");
    let manquants: Vec<&str> = brouillon
        .a_completer
        .iter()
        .map(|e| e.erreur.champ.as_str())
        .collect();
    for champ in [
        "loyer",
        "typologie",
        "commune",
        "ouverture",
        "cloture",
        "surface",
    ] {
        assert!(manquants.contains(&champ), "{champ} manque : {manquants:?}");
    }
    assert!(brouillon.a_completer.iter().all(|e| !e.message.is_empty()));

    // Publishing it is refused field by field, and the draft is still there.
    let uri = format!("/api/v1/bailleur/brouillons/{}", brouillon.id);
    let r = client
        .post(&format!("{uri}/publication"), json!(null))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.type_contenu(), "application/problem+json");
    let probleme: Probleme = r.json();
    assert!(champs(&probleme).contains(&"loyer".to_string()));
    assert_eq!(client.get(&uri).await.status, StatusCode::OK);

    // Completed with a photo, it publishes; the draft becomes the listing.
    let url = photo(&client).await;
    let r = client
        .envoyer(Method::PUT, &uri, Some(projet_complet(&app, &url).await))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json::<Brouillon>().a_completer, vec![]);
    let r = client
        .post(&format!("{uri}/publication"), json!(null))
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let offre = r.json::<OffrePubliee>().offre_id;
    assert_eq!(client.get(&uri).await.status, StatusCode::NOT_FOUND);

    // Applicants see it at once, QPV and photo included; the photo is a clean JPEG.
    let detail: OffreDetail = app.get(&format!("/api/v1/offres/{offre}")).await.json();
    let (_, qpv, _) = commune_avec_qpv(&app).await;
    assert_eq!(detail.resume.titre, "T3 lumineux près de la gare");
    assert_eq!(detail.resume.qpv, Some(qpv));
    assert_eq!(detail.resume.loyer.centimes(), 39_000);
    assert_eq!(detail.photos[0].url, url);
    assert_eq!(
        detail.photos[0].texte_alternatif,
        "Le séjour, deux fenêtres sur rue"
    );
    let image = app.get(&url).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.type_contenu(), "image/jpeg");
    assert_eq!(
        image::guess_format(&image.corps).unwrap(),
        image::ImageFormat::Jpeg
    );
    let journal: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM journal WHERE acte = 'publication' AND offre_id = $1",
    )
    .bind(offre)
    .fetch_one(&app.base)
    .await
    .unwrap();
    assert_eq!(journal, 1);
}

#[tokio::test]
async fn each_field_rule_is_explained_next_to_its_field() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    let url = photo(&client).await;
    let mut projet = projet_complet(&app, &url).await;
    projet["loyer"] = json!(390_000);
    projet["cloture"] = json!(AUJOURDHUI.plus_jours(1).to_string());
    projet["photos"][0]["texte_alternatif"] = json!("");
    let brouillon: Brouillon = client
        .post("/api/v1/bailleur/brouillons", projet)
        .await
        .json();
    let r = client
        .post(
            &format!("/api/v1/bailleur/brouillons/{}/publication", brouillon.id),
            json!(null),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let probleme: Probleme = r.json();
    let message = |champ: &str| {
        probleme
            .errors
            .iter()
            .find(|e| e.erreur.champ == champ)
            .map(|e| e.message.clone())
            .unwrap_or_else(|| panic!("pas d'erreur sur {champ} : {probleme:?}"))
    };
    assert_eq!(
        message("loyer"),
        "Loyer peu plausible pour ce financement et cette surface : entre 260 € et 650 € attendus."
    );
    assert!(message("cloture").contains("3 à 30 jours"));
    assert_eq!(
        message("photos.0.texte_alternatif"),
        "Ce champ est obligatoire."
    );
    // Nothing was published.
    let offres: i64 = sqlx::query_scalar("SELECT count(*) FROM offres WHERE titre = $1")
        .bind("T3 lumineux près de la gare")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(offres, 0);
}

#[tokio::test]
async fn the_qpv_is_computed_from_the_address_not_taken_from_the_request() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    let url = photo(&client).await;
    let (_, qpv, voie) = commune_avec_qpv(&app).await;
    // On a street of the QPV, written another way: in it.
    let mut projet = projet_complet(&app, &url).await;
    projet["adresse"] = json!(format!("3 bis, {}", voie.to_uppercase()));
    let brouillon: Brouillon = client
        .post("/api/v1/bailleur/brouillons", projet.clone())
        .await
        .json();
    assert_eq!(brouillon.projet.qpv, qpv);
    // Elsewhere: outside, whatever the request says.
    projet["adresse"] = json!("12 rue des Tilleuls");
    projet["qpv"] = json!(qpv);
    let r = client
        .envoyer(
            Method::PUT,
            &format!("/api/v1/bailleur/brouillons/{}", brouillon.id),
            Some(projet),
        )
        .await;
    assert_eq!(r.json::<Brouillon>().projet.qpv, "");
    let r = client
        .post(
            &format!("/api/v1/bailleur/brouillons/{}/publication", brouillon.id),
            json!(null),
        )
        .await;
    let offre = r.json::<OffrePubliee>().offre_id;
    let detail: OffreDetail = app.get(&format!("/api/v1/offres/{offre}")).await.json();
    assert_eq!(detail.resume.qpv, None);
}

#[tokio::test]
async fn a_disguised_file_is_refused_by_its_content_and_nothing_is_stored() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    for (nom, octets) in [
        (
            "photo.jpg",
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec(),
        ),
        ("photo.png", b"MZ\x90\x00 un programme".to_vec()),
        (
            "photo.webp",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
        ),
    ] {
        let r = client
            .televerser("/api/v1/bailleur/images", nom, "image/jpeg", &octets)
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{nom}");
        let probleme: Probleme = r.json();
        assert_eq!(champs(&probleme), vec!["fichier"]);
        assert_eq!(
            probleme.errors[0].message,
            "Seules les photos JPEG, PNG ou WebP sont acceptées."
        );
    }
    // A real photo cut short is unreadable.
    let mut coupee = png();
    coupee.truncate(80);
    let r = client
        .televerser(
            "/api/v1/bailleur/images",
            "coupee.png",
            "image/png",
            &coupee,
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Too heavy: refused before it is read.
    let lourde = vec![0u8; clef_server::images::TAILLE_MAX + 100 * 1024];
    let r = client
        .televerser(
            "/api/v1/bailleur/images",
            "lourde.jpg",
            "image/jpeg",
            &lourde,
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<Probleme>().errors[0].message,
        "Cette photo dépasse 8 Mo : réduisez-la avant de l'envoyer."
    );
    let images: i64 = sqlx::query_scalar("SELECT count(*) FROM images")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(images, 0);
}

#[tokio::test]
async fn what_applicants_relied_on_changes_only_by_withdrawing_and_publishing_again() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    let offre = publier(&app, &client).await;
    let uri = format!("/api/v1/bailleur/offres/{offre}/projet");
    let publiee: ProjetOffre = client.get(&uri).await.json();

    // An applicant applies.
    let demandeur = app
        .inscrire_avec_dossier(1, crate::aide::dossier_simple())
        .await;
    let r = demandeur
        .post("/api/v1/moi/candidatures", json!({ "offre_id": offre }))
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );

    // Rent, financing and typology are frozen; the opening day too, now that it is open.
    let mut edition = serde_json::to_value(&publiee).unwrap();
    edition["loyer"] = json!(40_000);
    edition["financement"] = json!("PLAI");
    edition["typologie"] = json!("T2");
    edition["pieces"] = json!(2);
    edition["ouverture"] = json!(AUJOURDHUI.plus_jours(1).to_string());
    let r = client.envoyer(Method::PUT, &uri, Some(edition)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let probleme: Probleme = r.json();
    for champ in ["loyer", "financement", "typologie", "ouverture"] {
        assert!(
            champs(&probleme).contains(&champ.to_string()),
            "{champ} : {probleme:?}"
        );
    }
    let loyer: i64 = sqlx::query_scalar("SELECT loyer_centimes FROM offres WHERE id = $1")
        .bind(offre)
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(loyer, 39_000);

    // Other fields can be corrected, and the deadline pushed back (not brought forward).
    let mut edition = serde_json::to_value(&publiee).unwrap();
    edition["titre"] = json!("T3 avec balcon près de la gare");
    edition["cloture"] = json!(AUJOURDHUI.plus_jours(10).to_string());
    let r = client
        .envoyer(Method::PUT, &uri, Some(edition.clone()))
        .await;
    assert_eq!(champs(&r.json()), vec!["cloture"]);
    edition["cloture"] = json!(AUJOURDHUI.plus_jours(20).to_string());
    let r = client.envoyer(Method::PUT, &uri, Some(edition)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let detail: OffreDetail = app.get(&format!("/api/v1/offres/{offre}")).await.json();
    assert_eq!(detail.resume.titre, "T3 avec balcon près de la gare");

    // Withdrawal hides it, withdraws the application and gives a draft to publish again.
    let r = client
        .post(
            &format!("/api/v1/bailleur/offres/{offre}/retrait"),
            json!(null),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let copie: Brouillon = r.json();
    assert_eq!(copie.projet.loyer, publiee.loyer);
    assert_eq!(copie.projet.titre, "T3 avec balcon près de la gare");
    assert_eq!(
        app.get(&format!("/api/v1/offres/{offre}")).await.status,
        StatusCode::NOT_FOUND
    );
    let etat: String = sqlx::query_scalar("SELECT etat FROM candidatures WHERE offre_id = $1")
        .bind(offre)
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(etat, "retiree");
    // The applicant still reads the application, withdrawn; applying again is impossible.
    let r = demandeur.get("/api/v1/moi/candidatures").await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let mes: Value = r.json();
    assert_eq!(mes[0]["etat"], "retiree");
    let id = mes[0]["id"].as_i64().unwrap();
    let r = demandeur
        .get(&format!("/api/v1/moi/candidatures/{id}"))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let r = demandeur
        .post("/api/v1/moi/candidatures", json!({ "offre_id": offre }))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = demandeur
        .get(&format!("/api/v1/moi/offres/{offre}/avant-candidature"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Nor can staff go on with it.
    let r = client
        .get(&format!("/api/v1/bailleur/offres/{offre}/classement"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let notifications: Value = demandeur.get("/api/v1/moi/notifications").await.json();
    assert!(
        notifications.to_string().contains("candidature_retiree"),
        "{notifications}"
    );
    // Withdrawn is final.
    let r = client
        .post(
            &format!("/api/v1/bailleur/offres/{offre}/retrait"),
            json!(null),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_listing_at_any_stage_is_duplicated_into_a_draft_without_its_dates() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    let ouverte = publier(&app, &client).await;
    let offres: Vec<clef_domain::api::OffreBailleur> =
        client.get("/api/v1/bailleur/offres").await.json();
    let attribuee = offres
        .iter()
        .find(|o| o.attribuee)
        .expect("une offre attribuée dans la démonstration")
        .offre
        .id;
    for offre in [ouverte, attribuee] {
        let avant: ProjetOffre = client
            .get(&format!("/api/v1/bailleur/offres/{offre}/projet"))
            .await
            .json();
        let r = client
            .post(
                &format!("/api/v1/bailleur/offres/{offre}/copie"),
                json!(null),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
        let copie: Brouillon = r.json();
        assert_eq!(
            copie.projet,
            ProjetOffre {
                ouverture: None,
                cloture: None,
                ..avant.clone()
            },
            "l'offre {offre} reprise sans ses dates"
        );
        assert!(!copie.projet.photos.is_empty() || avant.photos.is_empty());
        // The draft is the organisation's, listed with the others; the listing is unchanged.
        let brouillons: Value = client.get("/api/v1/bailleur/brouillons").await.json();
        assert!(
            brouillons
                .as_array()
                .is_some_and(|b| b.iter().any(|b| b["id"] == copie.id)),
            "{brouillons}"
        );
        let apres: ProjetOffre = client
            .get(&format!("/api/v1/bailleur/offres/{offre}/projet"))
            .await
            .json();
        assert_eq!(apres, avant);
        let journal: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM journal WHERE offre_id = $1 AND acte = 'copie_offre'",
        )
        .bind(offre)
        .fetch_one(&app.base)
        .await
        .unwrap();
        assert_eq!(journal, 1, "la copie de l'offre {offre} est journalisée");
    }
    let r = client
        .post("/api/v1/bailleur/offres/999999/copie", json!(null))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_closed_listing_no_longer_changes() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    let offre = publier(&app, &client).await;
    let uri = format!("/api/v1/bailleur/offres/{offre}/projet");
    let publiee: Value = client.get(&uri).await.json();
    app.horloge.avancer_jours(14);
    let client = agent(&app, 0).await;
    let r = client.envoyer(Method::PUT, &uri, Some(publiee)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json::<Probleme>().type_, "/problemes/offre-close");
    let r = client
        .post(
            &format!("/api/v1/bailleur/offres/{offre}/retrait"),
            json!(null),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn drafts_listings_and_photos_stay_within_the_organisation() {
    let app = TestApp::demo().await;
    let nous = agent(&app, 0).await;
    let eux = agent(&app, 1).await;
    let offre = publier(&app, &nous).await;
    let brouillon: Brouillon = nous
        .post("/api/v1/bailleur/brouillons", json!({ "titre": "À nous" }))
        .await
        .json();
    let b = format!("/api/v1/bailleur/brouillons/{}", brouillon.id);
    let o = format!("/api/v1/bailleur/offres/{offre}");
    let projet: Value = nous.get(&format!("{o}/projet")).await.json();
    let demandeur = app.inscrire(2).await;
    let anonyme = app.anonyme();
    let essais: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, b.clone(), None),
        (Method::PUT, b.clone(), Some(json!({ "titre": "À eux" }))),
        (Method::DELETE, b.clone(), None),
        (Method::POST, format!("{b}/publication"), Some(json!(null))),
        (Method::GET, format!("{o}/projet"), None),
        (Method::PUT, format!("{o}/projet"), Some(projet.clone())),
        (Method::POST, format!("{o}/retrait"), Some(json!(null))),
        (Method::POST, format!("{o}/copie"), Some(json!(null))),
    ];
    for (methode, uri, corps) in &essais {
        let r = eux.envoyer(methode.clone(), uri, corps.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "{methode} {uri} par un autre bailleur"
        );
        let r = demandeur.envoyer(methode.clone(), uri, corps.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{methode} {uri} par un demandeur"
        );
        let r = anonyme.envoyer(methode.clone(), uri, corps.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNAUTHORIZED,
            "{methode} {uri} sans session"
        );
    }
    // Nothing changed.
    let toujours: Brouillon = nous.get(&b).await.json();
    assert_eq!(toujours.projet.titre, "À nous");
    let eux_brouillons: Vec<Value> = eux.get("/api/v1/bailleur/brouillons").await.json();
    assert!(
        eux_brouillons
            .iter()
            .all(|v| v["id"] != json!(brouillon.id))
    );
    // Our photo cannot go into their listing.
    let notre_photo = projet["photos"][0]["url"].as_str().unwrap().to_owned();
    let leur: Brouillon = eux
        .post(
            "/api/v1/bailleur/brouillons",
            projet_complet(&app, &notre_photo).await,
        )
        .await
        .json();
    let champs_leur: Vec<&str> = leur
        .a_completer
        .iter()
        .map(|e| e.erreur.champ.as_str())
        .collect();
    assert_eq!(champs_leur, vec!["photos.0.url"]);
    // Uploading is for staff only.
    let r = demandeur
        .televerser("/api/v1/bailleur/images", "p.png", "image/png", &png())
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

/// A PNG that announces `largeur` × `hauteur` pixels in a few dozen bytes.
fn bombe(largeur: u32, hauteur: u32) -> Vec<u8> {
    let mut octets = png();
    octets[16..20].copy_from_slice(&largeur.to_be_bytes());
    octets[20..24].copy_from_slice(&hauteur.to_be_bytes());
    let crc = crc32fast::hash(&octets[12..29]);
    octets[29..33].copy_from_slice(&crc.to_be_bytes());
    octets
}

/// The attacks of the hardening review on photos: a 12,000 × 12,000 PNG of a few bytes took
/// the server from 262 MB to 1.1 GB; uploads were unlimited.
#[tokio::test]
async fn decompression_bombs_are_refused_and_an_organisation_sends_a_bounded_number() {
    let app = TestApp::demo().await;
    let client = agent(&app, 0).await;
    for (largeur, hauteur) in [(12_000, 12_000), (7_000, 7_000), (30_000, 16)] {
        let r = client
            .televerser(
                "/api/v1/bailleur/images",
                "bombe.png",
                "image/png",
                &bombe(largeur, hauteur),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{largeur} × {hauteur}");
        assert_eq!(
            r.json::<Probleme>().errors[0].message,
            "Cette photo dépasse 40 millions de pixels : réduisez-la avant de l'envoyer."
        );
    }
    // 60 photos a quarter of an hour per organisation (the three tries above count).
    for i in 3..60 {
        let r = client
            .televerser("/api/v1/bailleur/images", "p.png", "image/png", &png())
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "photo {i}");
    }
    let r = client
        .televerser("/api/v1/bailleur/images", "p.png", "image/png", &png())
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.json::<Probleme>().errors[0]
            .message
            .starts_with("Votre organisme a envoyé trop de photos"),
    );
    // Another organisation is not held back by this one.
    let autre = agent(&app, 1).await;
    let r = autre
        .televerser("/api/v1/bailleur/images", "p.png", "image/png", &png())
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
}
