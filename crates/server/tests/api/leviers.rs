//! The territory's other levers: programmes' fragility classes (tracked on the dashboard,
//! flagged to commissions), SRU inventories, and the streets of each QPV.

use crate::aide::{AUJOURDHUI, TestApp, champs_refuses as champs, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_domain::api::{Brouillon, Commission, LigneSru, Programme, QpvVoies};
use clef_domain::fragilite::Fragilite;
use clef_domain::ventilation::{Axe, TableauMixite};
use clef_server::demo;
use serde_json::{Value, json};

const TERRITOIRE: &str = "territoire@demo.clef.fr";

#[tokio::test]
async fn sru_rates_are_open_and_only_the_territory_enters_inventories() {
    let app = TestApp::demo().await;
    let lignes: Vec<LigneSru> = app
        .get("/api/v1/territoires/bethune-bruay/sru")
        .await
        .json();
    let beuvry = lignes.iter().find(|l| l.slug == "beuvry").unwrap();
    // 25 % of 4,100 main residences is 1,025 social homes; 890 are there.
    assert_eq!(beuvry.manque, Some(135));
    assert_eq!(beuvry.taux.unwrap().pour_mille(), Some(217));
    let sans = lignes.iter().find(|l| l.slug == "annezin").unwrap();
    assert_eq!(sans.inventaire, None);
    let offres_de_l_annee: u32 = lignes.iter().map(|l| l.offres_annee).sum();
    assert!(offres_de_l_annee > 0);

    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let incoherent = json!({"annee": 2025, "logements_sociaux": 5000, "residences_principales": 4000, "taux_obligation": 30});
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/sru/annezin",
            Some(incoherent.clone()),
        )
        .await;
    assert_eq!(champs(&r), ["logements_sociaux", "taux_obligation"]);
    let valide = json!({"annee": 2025, "logements_sociaux": 700, "residences_principales": 2400, "taux_obligation": 25});
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/sru/annezin",
            Some(valide.clone()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json::<LigneSru>().manque, Some(0));
    let r = agent
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/sru/paris",
            Some(valide.clone()),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let (_, bailleur) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
    let r = bailleur
        .envoyer(
            Method::PUT,
            "/api/v1/territoire/sru/annezin",
            Some(incoherent),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let lignes: Vec<LigneSru> = app
        .get("/api/v1/territoires/bethune-bruay/sru")
        .await
        .json();
    let annezin = lignes.iter().find(|l| l.slug == "annezin").unwrap();
    assert_eq!(annezin.inventaire.unwrap().logements_sociaux, 700);
}

#[tokio::test]
async fn a_fragile_programme_is_tracked_and_flagged_to_the_commission() {
    let app = TestApp::demo().await;
    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let programmes: Vec<Programme> = agent.get("/api/v1/territoire/programmes").await.json();
    assert_eq!(programmes.len(), demo::PROGRAMMES.len());
    let r = agent
        .post(
            "/api/v1/territoire/programmes",
            json!({"commune": "lyon", "nom": "", "voie": "12", "fragilite": "fragile"}),
        )
        .await;
    assert_eq!(champs(&r), ["commune", "nom", "voie"]);
    // The same street, written another way, is already classed.
    let r = agent
        .post(
            "/api/v1/territoire/programmes",
            json!({"commune": "bethune", "nom": "Autre", "voie": "Allée des SORBIERS", "fragilite": "equilibre"}),
        )
        .await;
    assert_eq!(r.json::<Value>()["errors"][0]["regle"], "voie_deja_classee");

    // A ranked listing of the demo landlord: its street becomes a fragile programme.
    let (offre, commune, adresse): (i64, String, String) = sqlx::query_as(
        "SELECT o.id, c.slug, o.adresse FROM classements k JOIN offres o ON o.id = k.offre_id
         JOIN communes c ON c.id = o.commune_id JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE b.slug = $1 AND k.eligibles >= 3 AND o.qpv_id IS NULL ORDER BY o.id LIMIT 1",
    )
    .bind(demo::AGENTS[0].1)
    .fetch_one(&app.base)
    .await
    .unwrap();
    let r = agent
        .post(
            "/api/v1/territoire/programmes",
            json!({"commune": commune, "nom": "Résidence test", "voie": adresse, "fragilite": "fragile"}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let ajoute: Programme = r.json();
    let (_, bailleur) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
    let commission: Commission = bailleur
        .get(&format!("/api/v1/bailleur/offres/{offre}/commission"))
        .await
        .json();
    assert_eq!(commission.programme, Some(Fragilite::Fragile));
    assert!(
        commission.candidats.iter().any(|c| c.contraire_aci),
        "the demo households are mostly first-quartile"
    );

    // Unclassed again: no more warning.
    let chemin = format!("/api/v1/territoire/programmes/{}", ajoute.id);
    assert_eq!(
        agent.envoyer(Method::DELETE, &chemin, None).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        agent.envoyer(Method::DELETE, &chemin, None).await.status,
        StatusCode::NOT_FOUND
    );
    let commission: Commission = bailleur
        .get(&format!("/api/v1/bailleur/offres/{offre}/commission"))
        .await
        .json();
    assert_eq!(commission.programme, None);
    assert!(commission.candidats.iter().all(|c| !c.contraire_aci));

    // The dashboard counts lettings by fragility class.
    let tableau: TableauMixite = app
        .get("/api/v1/territoires/bethune-bruay/mixite")
        .await
        .json();
    let par_classe = tableau
        .ventilations
        .iter()
        .find(|v| v.axe == Axe::Fragilite)
        .unwrap();
    assert!(par_classe.groupes.iter().any(|g| g.cle == "non_classe"));
    let total: u32 = par_classe
        .groupes
        .iter()
        .map(|g| g.premier_quartile.total)
        .sum();
    assert_eq!(total, tableau.locations);
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    assert_eq!(
        demandeur.get("/api/v1/territoire/programmes").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_territory_edits_a_qpv_s_streets_and_new_listings_follow_them() {
    let app = TestApp::demo().await;
    let (_, agent) = app.connecter(TERRITOIRE, demo::MOT_DE_PASSE).await;
    let qpv: Vec<QpvVoies> = agent.get("/api/v1/territoire/qpv").await.json();
    assert_eq!(qpv.len(), 2);
    let rue_de_lille = qpv.iter().find(|q| q.nom == "Rue de Lille").unwrap();
    let chemin = format!("/api/v1/territoire/qpv/{}/voies", rue_de_lille.id);

    let r = agent
        .envoyer(
            Method::PUT,
            &chemin,
            Some(json!({"voies": ["rue de Lille", "  ", "12"]})),
        )
        .await;
    assert_eq!(champs(&r), ["voies.1", "voies.2"]);
    let inchange: Vec<QpvVoies> = agent.get("/api/v1/territoire/qpv").await.json();
    assert_eq!(inchange, qpv, "nothing stored by a refused list");

    let r = agent
        .envoyer(
            Method::PUT,
            &chemin,
            Some(json!({"voies": ["rue de Lille", "Rue des Tisserands", "rue des tisserands"]})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json::<QpvVoies>().voies,
        ["Rue des Tisserands", "rue de Lille"]
    );
    assert_eq!(
        agent
            .envoyer(
                Method::PUT,
                "/api/v1/territoire/qpv/9999/voies",
                Some(json!({"voies": []}))
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // A landlord's draft on the new street is in the QPV.
    let (_, bailleur) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
    let r = bailleur
        .post(
            "/api/v1/bailleur/brouillons",
            json!({
                "titre": "T2 près des Tisserands",
                "adresse": "5 rue des Tisserands",
                "commune": "bethune",
                "typologie": "T2",
                "pieces": 2,
                "surface": 45.0,
                "etage": 1,
                "ascenseur": false,
                "accessible_pmr": false,
                "loyer": 30000,
                "charges": 6000,
                "financement": "PLUS",
                "dpe": "C",
                "reservataire": "bailleur",
                "ouverture": AUJOURDHUI.to_string(),
                "cloture": AUJOURDHUI.plus_jours(13).to_string(),
                "description": "Au calme.",
                "photos": [],
            }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    assert_eq!(r.json::<Brouillon>().projet.qpv, "Rue de Lille");
}
