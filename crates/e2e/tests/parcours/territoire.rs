//! The territory's staff on a phone: publish more demanding targets, edit the grid,
//! preview its effect on open listings and publish it; anyone then reads the social-mix
//! dashboard with the new target, as charts and tables.

use crate::banc::Banc;
use clef_server::demo;

#[tokio::test]
async fn the_territory_publishes_targets_and_a_grid_and_the_dashboard_shows_them() {
    let banc = Banc::demarrer().await;
    banc.ouvrir("/connexion").await;
    banc.saisir("#email", demo::COMPTES[3].0).await;
    banc.saisir("#mot-de-passe", demo::MOT_DE_PASSE).await;
    banc.cliquer_bouton("Se connecter").await;
    banc.attendre_url("l'espace territoire", |u| u.ends_with("/territoire"))
        .await;
    banc.attendre_texte("#titre-parametres", "Paramètres du territoire")
        .await;
    banc.sans_defilement_horizontal("l'espace territoire").await;

    // Below the law: refused next to the field. Then more demanding than the law.
    let q1 = "#objectifs-q1-hors-qpv";
    banc.js(&format!(
        "document.querySelector('{q1}').value = ''; return true"
    ))
    .await;
    banc.saisir(q1, "20").await;
    banc.cliquer_bouton("Publier les paramètres").await;
    banc.cliquer_bouton("Publier").await;
    banc.attendre_texte(".champ--erreur", "25").await;
    banc.js(&format!(
        "document.querySelector('{q1}').value = ''; return true"
    ))
    .await;
    banc.saisir(q1, "30").await;
    banc.cliquer_bouton("Publier les paramètres").await;
    banc.cliquer_bouton("Publier").await;
    banc.attendre_texte("#parametres-publies", "Paramètres publiés")
        .await;

    // The grid: DALO worth nothing; preview on open listings, then publish.
    banc.attendre_texte("#titre-grille", "Nouvelle version")
        .await;
    let dalo = "#criteres-0-points";
    banc.js(&format!(
        "document.querySelector('{dalo}').value = ''; return true"
    ))
    .await;
    banc.saisir(dalo, "0").await;
    banc.cliquer_bouton("Prévisualiser l'effet sur les offres ouvertes")
        .await;
    banc.attendre_texte("#apercu-grille", "Rangs qui changeraient")
        .await;
    banc.cliquer_bouton("Publier la version 2").await;
    banc.cliquer_bouton("Publier").await;
    banc.attendre_texte("#grille-publiee", "Version 2 publiée")
        .await;
    let versions: i64 = sqlx::query_scalar("SELECT max(version) FROM grilles")
        .fetch_one(&banc.base)
        .await
        .expect("grilles");
    assert_eq!(versions, 2);

    // A programme classed fragile, and a street added to a QPV.
    banc.choisir("#commune", "beuvry").await;
    banc.saisir("#programme-nom", "Résidence des Peupliers")
        .await;
    banc.saisir("#programme-voie", "rue des Peupliers").await;
    banc.choisir("#fragilite", "fragile").await;
    banc.cliquer_bouton("Classer un programme").await;
    banc.attendre_texte("#liste-programmes", "Résidence des Peupliers")
        .await;
    let qpv: i64 = sqlx::query_scalar("SELECT id FROM qpv WHERE nom = 'Rue de Lille'")
        .fetch_one(&banc.base)
        .await
        .expect("qpv");
    let champ = format!("#voies-qpv-{qpv}");
    banc.saisir(&champ, "\nrue des Tisserands").await;
    banc.cliquer_bouton("Enregistrer les rues de Rue de Lille")
        .await;
    banc.attendre_texte(&format!("#voies-enregistrees-{qpv}"), "Rues enregistrées")
        .await;
    let voies: i64 = sqlx::query_scalar("SELECT count(*) FROM qpv_voies WHERE qpv_id = ?")
        .bind(qpv)
        .fetch_one(&banc.base)
        .await
        .expect("voies");
    assert_eq!(voies, 3);
    banc.sans_defilement_horizontal("les leviers du territoire")
        .await;

    // The public dashboard, with the new target.
    banc.ouvrir("/mixite").await;
    banc.attendre_texte("#titre-ensemble", "Sur tout le territoire")
        .await;
    banc.attendre_texte("table", "30 %").await;
    assert!(banc.texte("figure svg").await.contains("min. 30 %"));
    banc.choisir("#axe", "Trimestre").await;
    banc.attendre_texte("#titre-detail ~ .tableau-defilant caption", "Trimestre")
        .await;
    banc.sans_defilement_horizontal("le tableau de bord de la mixité")
        .await;
}
