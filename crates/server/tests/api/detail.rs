//! `GET /api/v1/offres/{id}`: everything an applicant needs to decide.

use crate::aide::TestApp;
use axum::http::StatusCode;
use clef_domain::api::{OffreDetail, PageOffres};
use clef_domain::offre::{Financement, Zone};

async fn une_offre(app: &TestApp, query: &str) -> OffreDetail {
    let query = if query.contains("etat=") {
        query.to_owned()
    } else {
        format!("etat=toutes&{query}")
    };
    let page: PageOffres = app.get(&format!("/api/v1/offres?{query}")).await.json();
    let id = page.offres.first().expect("au moins une offre").id;
    let r = app.get(&format!("/api/v1/offres/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()
}

#[tokio::test]
async fn a_listing_shows_every_field_an_applicant_needs() {
    let app = TestApp::demo().await;
    let o = une_offre(&app, "commune=bethune&qpv=dans&etat=ouvertes").await;
    assert!(o.adresse.is_some_and(|a| !a.is_empty()));
    assert_eq!(o.resume.commune, "Béthune");
    assert!(o.resume.qpv.is_some());
    assert_eq!(o.resume.pieces, o.resume.typologie.pieces());
    assert!(o.etage >= 0);
    assert!(!o.bailleur.nom.is_empty());
    assert!(!o.description.is_empty());
    assert!(!o.photos.is_empty());
    assert!(
        o.photos
            .iter()
            .all(|p| p.url.starts_with("/demo/photos/") && !p.texte_alternatif.is_empty())
    );
    assert_eq!(o.resume.photo.as_ref(), o.photos.first());
    assert_eq!(o.resume.zone, Zone::AutresRegions);
}

#[tokio::test]
async fn a_listing_carries_the_income_ceilings_of_its_financing_and_year() {
    let app = TestApp::demo().await;
    let o = une_offre(&app, "financement=PLUS").await;
    let plafonds = o.plafonds.expect("plafonds 2026 publiés");
    assert_eq!(plafonds.financement, Financement::Plus);
    assert_eq!(plafonds.annee, o.resume.ouverture.annee());
    assert_eq!(plafonds.zone, Zone::AutresRegions);
    if plafonds.annee == 2026 {
        // PLUS 2026, hors Île-de-France, catégorie 3 (data-ceilings.csv).
        assert_eq!(plafonds.categories[2].euros_entiers(), 37_584);
    }
    let pls = une_offre(&app, "financement=PLS")
        .await
        .plafonds
        .expect("PLS");
    assert_eq!(pls.financement, Financement::Pls);
}

#[tokio::test]
async fn an_unknown_listing_is_a_404_problem() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/offres/999999").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.type_contenu(), "application/problem+json");
    let p: clef_domain::api::Probleme = r.json();
    assert_eq!(p.type_, "/problemes/introuvable");
    assert_eq!(p.status, 404);
}

#[tokio::test]
async fn a_listing_id_that_is_not_a_number_is_a_400_naming_the_field() {
    let app = TestApp::demo().await;
    for id in ["abc", "-3", "0", "1.5", "99999999999999999999999"] {
        let r = app.get(&format!("/api/v1/offres/{id}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{id}");
        let p: clef_domain::api::Probleme = r.json();
        assert_eq!(p.errors[0].erreur.champ, "id", "{id}");
    }
}
