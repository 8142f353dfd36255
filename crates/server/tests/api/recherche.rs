//! `GET /api/v1/offres`: filters, sorting, pagination.

use crate::aide::{AUJOURDHUI, TestApp};
use axum::http::StatusCode;
use clef_domain::Euros;
use clef_domain::api::{OffreResume, PageOffres};
use clef_domain::offre::{EtatOffre, Financement, Reservataire, Typologie};

async fn page(app: &TestApp, query: &str) -> PageOffres {
    let r = app.get(&format!("/api/v1/offres{query}")).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{query}: {}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json()
}

/// Every listing matching `query`, across pages.
async fn toutes(app: &TestApp, query: &str) -> Vec<OffreResume> {
    let separateur = if query.is_empty() { "?" } else { "&" };
    let premiere = page(app, &format!("{query}{separateur}par_page=50")).await;
    let mut offres = premiere.offres.clone();
    for n in 2..=premiere.pages() {
        offres.extend(
            page(app, &format!("{query}{separateur}par_page=50&page={n}"))
                .await
                .offres,
        );
    }
    assert_eq!(offres.len() as u64, premiere.total);
    offres
}

#[tokio::test]
async fn by_default_only_open_listings_are_listed_closing_soonest_first() {
    let app = TestApp::demo().await;
    let p = page(&app, "").await;
    assert_eq!((p.page, p.par_page), (1, 12));
    assert_eq!(p.offres.len(), 12);
    assert!(p.total > 12);
    for o in &p.offres {
        assert_eq!(o.etat, EtatOffre::Ouverte);
        assert!(o.ouverture <= AUJOURDHUI && AUJOURDHUI <= o.cloture);
        assert_eq!(
            o.jours_restants,
            Some(AUJOURDHUI.jours_jusqua(o.cloture) as u32)
        );
        assert!(o.demo);
    }
    assert!(p.offres.windows(2).all(|w| w[0].cloture <= w[1].cloture));
    assert!(
        p.offres[0].jours_restants.unwrap() <= 2,
        "some demo listings close within 2 days"
    );
}

#[tokio::test]
async fn the_state_filter_shows_closed_and_upcoming_listings_on_request() {
    let app = TestApp::demo().await;
    let cloturees = toutes(&app, "?etat=cloturees").await;
    assert!(!cloturees.is_empty());
    assert!(
        cloturees
            .iter()
            .all(|o| o.etat == EtatOffre::Cloturee && o.jours_restants.is_none())
    );
    let a_venir = toutes(&app, "?etat=a_venir").await;
    assert!(!a_venir.is_empty());
    assert!(a_venir.iter().all(|o| o.etat == EtatOffre::AVenir));
    let ouvertes = toutes(&app, "").await;
    let tout = toutes(&app, "?etat=toutes").await;
    assert_eq!(tout.len(), ouvertes.len() + cloturees.len() + a_venir.len());
}

/// Which listings a filter should keep.
type Garde = Box<dyn Fn(&OffreResume) -> bool>;

#[tokio::test]
async fn each_filter_keeps_only_the_matching_listings() {
    let app = TestApp::demo().await;
    let tout = toutes(&app, "?etat=toutes").await;

    let cas: Vec<(&str, Garde)> = vec![
        (
            "commune=bruay-la-buissiere",
            Box::new(|o| o.commune == "Bruay-la-Buissière"),
        ),
        ("typologie=T3", Box::new(|o| o.typologie == Typologie::T3)),
        (
            "loyer_max=450",
            Box::new(|o| o.loyer + o.charges <= Euros::from_euros(450)),
        ),
        (
            "financement=PLAI",
            Box::new(|o| o.financement == Financement::Plai),
        ),
        ("pmr=oui", Box::new(|o| o.accessible_pmr)),
        ("qpv=dans", Box::new(|o| o.qpv.is_some())),
        ("qpv=hors", Box::new(|o| o.qpv.is_none())),
        (
            "reservataire=action_logement",
            Box::new(|o| o.reservataire == Reservataire::ActionLogement),
        ),
    ];
    for (filtre, garde) in cas {
        let attendues: Vec<i64> = tout.iter().filter(|o| garde(o)).map(|o| o.id).collect();
        let mut obtenues: Vec<i64> = toutes(&app, &format!("?etat=toutes&{filtre}"))
            .await
            .iter()
            .map(|o| o.id)
            .collect();
        obtenues.sort();
        let mut attendues = attendues;
        attendues.sort();
        assert!(
            !attendues.is_empty(),
            "{filtre}: the demo data should contain matches"
        );
        assert!(
            attendues.len() < tout.len(),
            "{filtre}: the filter should exclude some listings"
        );
        assert_eq!(obtenues, attendues, "{filtre}");
    }
}

#[tokio::test]
async fn filters_combine() {
    let app = TestApp::demo().await;
    let obtenues = toutes(&app, "?etat=toutes&commune=bethune&qpv=dans").await;
    assert!(!obtenues.is_empty());
    for o in &obtenues {
        assert_eq!(o.commune, "Béthune");
        assert!(matches!(
            o.qpv.as_deref(),
            Some("Mont-Liébaut") | Some("Rue de Lille")
        ));
    }
}

#[tokio::test]
async fn every_sort_order_is_respected() {
    let app = TestApp::demo().await;
    let total = |o: &OffreResume| o.loyer + o.charges;
    let loyer = toutes(&app, "?tri=loyer").await;
    assert!(loyer.windows(2).all(|w| total(&w[0]) <= total(&w[1])));
    let loyer_desc = toutes(&app, "?tri=loyer_desc").await;
    assert!(loyer_desc.windows(2).all(|w| total(&w[0]) >= total(&w[1])));
    let surface = toutes(&app, "?tri=surface_desc").await;
    assert!(surface.windows(2).all(|w| w[0].surface >= w[1].surface));
    let recentes = toutes(&app, "?tri=recentes").await;
    assert!(
        recentes
            .windows(2)
            .all(|w| w[0].ouverture >= w[1].ouverture)
    );
}

#[tokio::test]
async fn pages_neither_overlap_nor_skip_whatever_the_page_size() {
    let app = TestApp::demo().await;
    let reference: Vec<i64> = toutes(&app, "?etat=toutes&tri=loyer")
        .await
        .iter()
        .map(|o| o.id)
        .collect();
    for par_page in [1, 7, 12, 50] {
        let premiere = page(&app, &format!("?etat=toutes&tri=loyer&par_page={par_page}")).await;
        let mut ids = Vec::new();
        for n in 1..=premiere.pages() {
            let p = page(
                &app,
                &format!("?etat=toutes&tri=loyer&par_page={par_page}&page={n}"),
            )
            .await;
            assert_eq!(p.total, premiere.total);
            ids.extend(p.offres.iter().map(|o| o.id));
        }
        assert_eq!(ids, reference, "par_page={par_page}");
    }
}

#[tokio::test]
async fn a_page_past_the_end_is_empty_but_keeps_the_total() {
    let app = TestApp::demo().await;
    let p = page(&app, "?page=900").await;
    assert!(p.offres.is_empty());
    assert!(p.total > 0);
    assert_eq!(p.page, 900);
}

#[tokio::test]
async fn a_search_without_results_answers_an_empty_page() {
    let app = TestApp::demo().await;
    let p = page(&app, "?loyer_max=1").await;
    assert_eq!(p.total, 0);
    assert!(p.offres.is_empty());
    assert_eq!(p.pages(), 1);
}

#[tokio::test]
async fn the_list_of_communes_has_the_territory_and_its_two_qpv() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/communes").await;
    assert_eq!(r.status, StatusCode::OK);
    let communes: Vec<clef_domain::api::Commune> = r.json();
    assert!(communes.len() >= 8);
    let bethune = communes
        .iter()
        .find(|c| c.slug == "bethune")
        .expect("Béthune");
    assert_eq!(bethune.nom, "Béthune");
    assert_eq!(
        bethune.qpv,
        vec!["Mont-Liébaut".to_owned(), "Rue de Lille".to_owned()]
    );
}

#[tokio::test]
async fn api_answers_are_compressed_for_clients_that_accept_it() {
    let app = TestApp::demo().await;
    let r = app
        .requete(
            axum::http::Request::get("/api/v1/offres?par_page=50&etat=toutes")
                .header("accept-encoding", "br")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.entetes
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("br")
    );
}

/// "Only the homes I can apply to": the app sends criteria on listings, derived from the
/// applicant's request by the rules crate (issue 12, point 6). Each keeps exactly the
/// listings that meet it.
#[tokio::test]
async fn the_criteria_derived_from_a_request_keep_the_listings_that_meet_them() {
    use clef_domain::eligibilite::Accessibles;
    use clef_domain::logement::Logement;
    let app = TestApp::demo().await;
    let ouvertes = toutes(&app, "").await;
    let sauf: Vec<i64> = ouvertes.iter().take(2).map(|o| o.id).collect();
    for (criteres, query) in [
        (
            Accessibles {
                financement_min: Financement::Plus,
                surface_min: None,
                pieces_max: None,
            },
            "?financement_min=PLUS".to_owned(),
        ),
        (
            Accessibles {
                financement_min: Financement::Plai,
                surface_min: Some(52),
                pieces_max: Some(4),
            },
            "?financement_min=PLAI&surface_min=52&pieces_max=4".to_owned(),
        ),
    ] {
        let attendues: Vec<i64> = ouvertes
            .iter()
            .filter(|o| criteres.admet(&Logement::le(o, o.ouverture)))
            .map(|o| o.id)
            .collect();
        let trouvees: Vec<i64> = toutes(&app, &query).await.iter().map(|o| o.id).collect();
        assert_eq!(trouvees, attendues, "{query}");
        assert!(
            !trouvees.is_empty() && trouvees.len() < ouvertes.len(),
            "{query}"
        );
        let sans: Vec<i64> = toutes(
            &app,
            &format!(
                "{query}&sauf={}",
                sauf.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        )
        .await
        .iter()
        .map(|o| o.id)
        .collect();
        let attendues_sans: Vec<i64> = attendues
            .into_iter()
            .filter(|id| !sauf.contains(id))
            .collect();
        assert_eq!(sans, attendues_sans, "{query} without {sauf:?}");
    }
}

/// The server does not know who searches: "pour_moi" is the app's, which sends the
/// criteria instead; bad criteria are refused by name.
#[tokio::test]
async fn pour_moi_and_bad_criteria_are_refused_by_name() {
    let app = TestApp::demo().await;
    for (query, champ) in [
        ("?pour_moi=oui", "pour_moi"),
        ("?financement_min=PLXX", "financement_min"),
        ("?surface_min=0", "surface_min"),
        ("?pieces_max=trois", "pieces_max"),
        ("?sauf=1,deux", "sauf"),
        (
            "?sauf=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21",
            "sauf",
        ),
    ] {
        let r = app.get(&format!("/api/v1/offres{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(crate::aide::champs_refuses(&r), [champ], "{query}");
    }
}
