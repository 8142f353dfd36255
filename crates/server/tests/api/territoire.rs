//! The territory: its open social-mix dashboard and open data, and its staff publishing
//! the settings and new grid versions (previewed first, never re-ranking what is open).

use crate::aide::{AUJOURDHUI, TestApp, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_domain::api::ApercuGrille;
use clef_domain::cotation::{Grille, Regle};
use clef_domain::mixite::Cible;
use clef_domain::territoire::ParametresTerritoire;
use clef_domain::ventilation::{Axe, TableauMixite};
use clef_server::candidatures::OffreACoter;
use clef_server::routes::donnees::COLONNES;
use clef_server::{Horloge, demo};
use serde_json::{Value, json};

const TERRITOIRE: &str = "territoire@demo.clef.fr";

async fn nombre_de_locations(app: &TestApp) -> u32 {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM resultats")
        .fetch_one(&app.base)
        .await
        .unwrap();
    u32::try_from(n).unwrap()
}

#[tokio::test]
async fn the_social_mix_dashboard_is_open_and_its_breakdowns_add_up() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/territoires/bethune-bruay/mixite").await;
    assert_eq!(r.status, StatusCode::OK);
    let tableau: TableauMixite = r.json();
    let total = nombre_de_locations(&app).await;
    assert!(total > 0, "the demo has decided lettings");
    assert_eq!(tableau.locations, total);
    assert_eq!(tableau.ventilations.len(), Axe::TOUS.len());
    for v in &tableau.ventilations {
        assert_eq!(
            v.groupes.iter().map(|g| g.locations).sum::<u32>(),
            total,
            "{:?}",
            v.axe
        );
    }
    let q1 = tableau
        .ensemble
        .iter()
        .find(|i| i.cible == Cible::Q1HorsQpv)
        .unwrap();
    assert_eq!(q1.objectif, 25);
    assert_eq!(
        app.get("/api/v1/territoires/ailleurs/mixite").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_open_data_file_has_one_documented_line_per_letting_and_nobody_in_it() {
    let app = TestApp::demo().await;
    let r = app.get("/api/v1/donnees/resultats.csv").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.type_contenu().starts_with("text/csv"));
    let texte = String::from_utf8(r.corps.clone()).unwrap();
    let mut lignes = texte.lines();
    assert_eq!(lignes.next().unwrap(), COLONNES.join(","));
    assert_eq!(lignes.count() as u32, nombre_de_locations(&app).await);
    assert!(!texte.contains('@'), "no e-mail");
    assert!(!texte.contains(demo::NUMERO_DEMO), "no numéro unique");
    let documentation = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/donnees-ouvertes.md"
    ))
    .expect("docs/donnees-ouvertes.md");
    for colonne in COLONNES {
        assert!(
            documentation.contains(&format!("`{colonne}`")),
            "{colonne} documented"
        );
    }
}

#[tokio::test]
async fn territory_staff_publish_settings_within_the_law_and_nobody_else_can() {
    let app = TestApp::demo().await;
    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let actuels: ParametresTerritoire = app
        .get("/api/v1/territoires/bethune-bruay/parametres")
        .await
        .json();
    let mut plus_exigeants = serde_json::to_value(&actuels).unwrap();
    plus_exigeants["objectifs"]["q1_hors_qpv"] = json!(30);
    plus_exigeants["candidatures_simultanees_max"] = json!(5);
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/parametres",
            Some(plus_exigeants.clone()),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let publies: ParametresTerritoire = app
        .get("/api/v1/territoires/bethune-bruay/parametres")
        .await
        .json();
    assert_eq!(publies.objectifs.q1_hors_qpv, 30);
    assert_eq!(publies.candidatures_simultanees_max, 5);
    let tableau: TableauMixite = app
        .get("/api/v1/territoires/bethune-bruay/mixite")
        .await
        .json();
    assert_eq!(tableau.objectifs.q1_hors_qpv, 30);

    // Below the legal target: refused, nothing changes.
    let mut illegal = plus_exigeants.clone();
    illegal["objectifs"]["q1_hors_qpv"] = json!(20);
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/parametres",
            Some(illegal.clone()),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<Value>()["errors"][0]["champ"],
        "objectifs.q1_hors_qpv"
    );
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/parametres",
            Some(json!({"seuil_taux_effort": "beaucoup"})),
        )
        .await;
    assert!(r.status.is_client_error());
    let apres: ParametresTerritoire = app
        .get("/api/v1/territoires/bethune-bruay/parametres")
        .await
        .json();
    assert_eq!(apres, publies);

    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let (_, bailleur) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
    for (client, attendu) in [
        (&demandeur, StatusCode::FORBIDDEN),
        (&bailleur, StatusCode::FORBIDDEN),
        (&app.anonyme(), StatusCode::UNAUTHORIZED),
    ] {
        let r = client
            .envoyer(
                Method::PUT,
                "/api/v1/territoire/parametres",
                Some(illegal.clone()),
            )
            .await;
        assert_eq!(r.status, attendu);
        for chemin in [
            "/api/v1/territoire/grilles",
            "/api/v1/territoire/grilles/apercu",
        ] {
            let r = client.post(chemin, json!({})).await;
            assert_eq!(r.status, attendu, "{chemin}");
        }
    }
}

/// The demo grid with DALO worth one point and every other flag worth three times more.
fn grille_modifiee(grille: &Grille) -> Value {
    let mut criteres = grille.criteres.clone();
    for c in &mut criteres {
        if let Regle::Drapeau { points, .. } = &mut c.regle {
            *points = if &*c.id == "dalo" { 1 } else { *points * 3 };
        }
    }
    json!({ "criteres": criteres })
}

/// CCH L.441-2-8: the grid weighs the DALO and the priorities of L.441-1. Leaving one out,
/// or giving it no points, is refused by name, in the preview as in the publication.
#[tokio::test]
async fn a_grid_leaving_out_the_dalo_or_a_l441_1_priority_is_refused_by_name() {
    let app = TestApp::demo().await;
    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let actuelle: Grille = app
        .get("/api/v1/territoires/bethune-bruay/grille")
        .await
        .json();
    let demain = AUJOURDHUI.plus_jours(1);
    let sans_ase: Vec<_> = actuelle
        .criteres
        .iter()
        .filter(|c| &*c.id != "sortie_ase")
        .cloned()
        .collect();
    let mut dalo_a_zero = actuelle.criteres.clone();
    let i = dalo_a_zero.iter().position(|c| &*c.id == "dalo").unwrap();
    if let Regle::Drapeau { points, .. } = &mut dalo_a_zero[i].regle {
        *points = 0;
    }
    for (criteres, champ, regle) in [
        (
            sans_ase,
            "priorites.sortie_ase".to_owned(),
            "priorite_absente",
        ),
        (
            dalo_a_zero,
            format!("criteres.{i}.regle.points"),
            "priorite_sans_points",
        ),
    ] {
        for chemin in [
            "/api/v1/territoire/grilles/apercu",
            "/api/v1/territoire/grilles",
        ] {
            let r = agent
                .post(
                    chemin,
                    json!({"en_vigueur_le": demain, "criteres": criteres}),
                )
                .await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{chemin}");
            let probleme: Value = r.json();
            assert_eq!(probleme["errors"][0]["champ"], champ.as_str(), "{probleme}");
            assert_eq!(probleme["errors"][0]["regle"], regle, "{probleme}");
        }
    }
    let versions: i64 = sqlx::query_scalar("SELECT count(*) FROM grilles")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(versions, 1, "nothing published");
}

/// L.441-1: the 25 % outside QPV and the 50 % inside may be adapted by the local
/// agreement, which is then published with the targets; the réservataires' 25 % may not.
#[tokio::test]
async fn lower_targets_need_the_agreements_name_and_date_which_the_dashboard_shows() {
    let app = TestApp::demo().await;
    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let actuels: ParametresTerritoire = app
        .get("/api/v1/territoires/bethune-bruay/parametres")
        .await
        .json();
    let mut corps = serde_json::to_value(&actuels).unwrap();
    corps["objectifs"]["q1_hors_qpv"] = json!(20);
    corps["objectifs"]["autres_quartiles_en_qpv"] = json!(40);
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/parametres",
            Some(corps.clone()),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let probleme: Value = r.json();
    assert_eq!(probleme["errors"][0]["regle"], "objectif_sans_accord");
    assert_eq!(
        probleme["errors"][1]["champ"],
        "objectifs.autres_quartiles_en_qpv"
    );

    corps["objectifs"]["accord"] = json!({"nom": "Convention intercommunale d'attribution de Béthune-Bruay", "date": "2024-06-12"});
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/parametres",
            Some(corps.clone()),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let tableau: TableauMixite = app
        .get("/api/v1/territoires/bethune-bruay/mixite")
        .await
        .json();
    assert_eq!(tableau.objectifs.q1_hors_qpv, 20);
    let accord = tableau.objectifs.accord.expect("the agreement is public");
    assert_eq!(accord.date.to_string(), "2024-06-12");
    assert!(accord.nom.contains("Convention intercommunale"));

    corps["objectifs"]["prioritaires_par_reservataire"] = json!(20);
    let r = agent
        .envoyer(Method::PUT, "/api/v1/territoire/parametres", Some(corps))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<Value>()["errors"][0]["champ"],
        "objectifs.prioritaires_par_reservataire"
    );
}

#[tokio::test]
async fn a_new_grid_is_previewed_on_open_listings_then_ranks_only_listings_opening_later() {
    let app = TestApp::demo().await;
    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let actuelle: Grille = app
        .get("/api/v1/territoires/bethune-bruay/grille")
        .await
        .json();
    assert_eq!(actuelle.version, 1);
    let demain = AUJOURDHUI.plus_jours(1);
    let mut corps = grille_modifiee(&actuelle);
    corps["en_vigueur_le"] = json!(demain);

    let r = agent
        .post("/api/v1/territoire/grilles/apercu", corps.clone())
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let apercu: ApercuGrille = r.json();
    assert_eq!(apercu.version, 2);
    assert!(
        !apercu.offres.is_empty(),
        "the demo has open listings with applications"
    );
    assert!(apercu.offres.iter().any(|o| o.effet.rangs_changes > 0));
    // A preview stores nothing.
    let versions: i64 = sqlx::query_scalar("SELECT count(*) FROM grilles")
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(versions, 1);

    // From today: refused (an open listing would change grid mid-window).
    let mut aujourdhui = corps.clone();
    aujourdhui["en_vigueur_le"] = json!(AUJOURDHUI);
    let r = agent.post("/api/v1/territoire/grilles", aujourdhui).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<Value>()["errors"][0]["regle"], "grille_des_demain");
    let r = agent
        .post(
            "/api/v1/territoire/grilles",
            json!({"en_vigueur_le": demain, "criteres": []}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    let r = agent.post("/api/v1/territoire/grilles", corps).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    assert_eq!(r.json::<Grille>().version, 2);
    // Today the published grid is still version 1; version 2 is readable already.
    let en_vigueur: Grille = app
        .get("/api/v1/territoires/bethune-bruay/grille")
        .await
        .json();
    assert_eq!(en_vigueur.version, 1);
    let v2: Grille = app
        .get("/api/v1/territoires/bethune-bruay/grille?version=2")
        .await
        .json();
    assert_eq!(v2.en_vigueur_le, demain);

    // Tomorrow, a listing opened before keeps version 1; the grid shown is version 2.
    app.horloge.avancer_jours(1);
    let en_vigueur: Grille = app
        .get("/api/v1/territoires/bethune-bruay/grille")
        .await
        .json();
    assert_eq!(en_vigueur.version, 2);
    for offre in &apercu.offres {
        let chargee = OffreACoter::charger(&app.base, offre.offre_id, app.horloge.aujourdhui())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(chargee.grille.version, 1, "offre {}", offre.offre_id);
    }
}
