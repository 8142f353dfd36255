//! Help at a France Services counter, on a shared phone-sized screen: the applicant gives
//! a mandate in their account; the advisor logs in with the second factor, opens the file,
//! applies for them under the banner, and ends the session of help; the applicant reads
//! the act in "Qui a agi sur mon dossier" and revokes the mandate.

use crate::banc::Banc;
use clef_server::{Horloge, demo};

async fn connecter_demandeur(banc: &Banc, retour: &str) {
    banc.ouvrir(&format!("/connexion?retour={retour}")).await;
    banc.saisir("#email", demo::COMPTES[0].0).await;
    banc.saisir("#mot-de-passe", demo::MOT_DE_PASSE).await;
    banc.cliquer_bouton("Se connecter").await;
    banc.attendre_url(retour, |u| u.ends_with(retour)).await;
}

#[tokio::test]
async fn an_advisor_applies_under_a_mandate_and_the_applicant_reads_it_and_revokes() {
    let banc = Banc::demarrer().await;

    // The applicant gives France Services de Béthune a mandate to apply for them.
    connecter_demandeur(&banc, "/mes-mandats").await;
    banc.attendre_texte("#titre-donner", "Donner un mandat")
        .await;
    let structure: i64 =
        sqlx::query_scalar("SELECT id FROM structures WHERE slug = 'france-services-bethune'")
            .fetch_one(&banc.base)
            .await
            .expect("structure");
    banc.choisir("#structure-id", &structure.to_string()).await;
    banc.choisir("#duree-mois", "6").await;
    // Applying for them is their choice: offered, never pre-ticked.
    assert_eq!(
        banc.js("return document.querySelector('#acte-candidater').checked")
            .await,
        false
    );
    banc.element("#acte-candidater")
        .await
        .click()
        .await
        .expect("case");
    banc.cliquer_bouton("Donner le mandat").await;
    banc.attendre_texte(".carte--mandat", "En cours").await;
    assert!(
        banc.texte(".carte--mandat")
            .await
            .contains("Candidater à des logements")
    );
    banc.sans_defilement_horizontal("Mes mandats").await;
    banc.se_deconnecter().await;
    banc.attendre_url("l'accueil après la déconnexion", |u| u.ends_with('/'))
        .await;

    // A listing the applicant can apply to, found as the advisor will.
    let (offre, titre): (i64, String) = sqlx::query_as(
        "SELECT o.id, o.titre FROM offres o
         WHERE o.financement = 'PLUS' AND o.typologie IN ('T3', 'T4') AND o.retiree_le IS NULL
           AND o.ouverture <= ?1 AND o.cloture > ?1
           AND o.id NOT IN (SELECT c.offre_id FROM candidatures c JOIN demandeurs d
                            ON d.id = c.demandeur_id WHERE d.numero_unique = ?2)
         ORDER BY o.id LIMIT 1",
    )
    .bind(banc.horloge.aujourdhui().to_string())
    .bind(demo::NUMERO_DEMO)
    .fetch_one(&banc.base)
    .await
    .expect("une offre ouverte");

    // The advisor logs in with the code of their authenticator app.
    banc.ouvrir("/conseiller").await;
    let code = clef_server::compte::totp::code(demo::SECRET_TOTP_DEMO, banc.horloge.instant())
        .expect("code");
    banc.saisir("#email", demo::CONSEILLERS[0].0).await;
    banc.saisir("#mot-de-passe", demo::MOT_DE_PASSE).await;
    banc.saisir("#code", &code).await;
    banc.cliquer_bouton("Se connecter").await;
    banc.attendre_texte("#titre-ouvrir", "Ouvrir le dossier")
        .await;
    banc.sans_defilement_horizontal("l'espace conseiller").await;

    // A counter request with a wrong code, then started again: the old error goes with it.
    banc.saisir("#numero-mandat", demo::NUMERO_DEMO).await;
    banc.cliquer_bouton("Demander le mandat").await;
    banc.saisir("#code-mandat", "000000").await;
    banc.cliquer_bouton("Confirmer le mandat").await;
    banc.element("#titre-guichet ~ form .champ--erreur").await;
    banc.cliquer_bouton("Recommencer").await;
    banc.attendre_absence("#titre-guichet ~ form .champ--erreur")
        .await;
    banc.attendre_absence("#titre-guichet ~ .alerte").await;

    // The file is in the list of the structure's mandates: one tap, no 18 characters.
    banc.attendre_texte("#titre-dossiers ~ ul", demo::NUMERO_DEMO)
        .await;
    banc.cliquer_bouton(&format!("Ouvrir le dossier n° {}", demo::NUMERO_DEMO))
        .await;
    banc.attendre_texte(
        ".accompagnement",
        &format!("Vous agissez pour le demandeur n° {}", demo::NUMERO_DEMO),
    )
    .await;

    // Apply for them: the banner stays on every page.
    banc.ouvrir(&format!("/logements/{offre}")).await;
    banc.attendre_texte(".accompagnement", "mandat jusqu'au")
        .await;
    banc.attendre_texte(".ma-situation .verdict", "éligible")
        .await;
    // The screens speak of the applicant, not of "you".
    banc.attendre_texte("#h-situation", "La situation du demandeur pour ce logement")
        .await;
    banc.cliquer_bouton("Candidater à ce logement").await;
    banc.attendre_texte(
        "#confirmer-candidature",
        "Confirmer la candidature du demandeur",
    )
    .await;
    banc.cliquer_bouton("Confirmer la candidature").await;
    banc.attendre_url("la candidature après le dépôt", |u| {
        u.contains("/mes-candidatures/")
    })
    .await;
    banc.attendre_texte(".accompagnement", "Vous agissez pour")
        .await;
    banc.attendre_texte("#h-rang", "Son rang").await;
    banc.sans_defilement_horizontal("la candidature, sous mandat")
        .await;
    banc.ouvrir("/mon-dossier").await;
    banc.attendre_texte("main h1", "Dossier du demandeur").await;
    banc.attendre_texte("#titre-etape", "Son ménage").await;
    let entete = banc
        .js("return document.querySelector('header').textContent")
        .await;
    assert!(
        entete
            .as_str()
            .is_some_and(|t| t.contains("Dossier du demandeur")),
        "{entete}"
    );

    // The printable summary: the score line by line, and the new application with its
    // eligibility and rank.
    banc.ouvrir("/recapitulatif").await;
    banc.attendre_texte(".recapitulatif", &titre).await;
    let recapitulatif = banc.texte(".recapitulatif").await;
    for attendu in [
        demo::NUMERO_DEMO,
        "Mon score, ligne par ligne",
        "Éligible",
        " sur ",
        "Imprimé par un conseiller France Services",
    ] {
        assert!(
            recapitulatif.contains(attendu),
            "{attendu} dans {recapitulatif}"
        );
    }
    banc.sans_defilement_horizontal("le récapitulatif").await;

    // The end of the help clears the screen.
    banc.cliquer_bouton("Terminer l'accompagnement").await;
    banc.attendre_url("le guichet après l'accompagnement", |u| {
        u.contains("/conseiller?fin=accompagnement")
    })
    .await;
    banc.attendre_texte(".succes", "Accompagnement terminé")
        .await;
    banc.attendre_absence(".accompagnement").await;
    // A new help: the old notice does not stay beside it.
    banc.cliquer_bouton(&format!("Ouvrir le dossier n° {}", demo::NUMERO_DEMO))
        .await;
    banc.attendre_texte(".accompagnement", "Vous agissez pour")
        .await;
    assert!(!banc.texte("main").await.contains("Accompagnement terminé"));
    banc.cliquer_bouton("Terminer l'accompagnement").await;
    banc.attendre_texte(".succes", "Accompagnement terminé")
        .await;
    banc.se_deconnecter().await;
    banc.element("#code").await;

    // The applicant reads what was done for them, then revokes the mandate.
    connecter_demandeur(&banc, "/qui-a-agi").await;
    banc.attendre_texte(".journal", &format!("A candidaté pour vous à « {titre} »"))
        .await;
    let journal = banc.texte(".journal").await;
    assert!(journal.contains("France Services de Béthune"), "{journal}");
    assert!(journal.contains("A ouvert votre dossier"), "{journal}");
    assert!(journal.contains("A terminé l'accompagnement"), "{journal}");
    banc.sans_defilement_horizontal("Qui a agi sur mon dossier")
        .await;

    banc.ouvrir("/mes-mandats").await;
    banc.cliquer_bouton("Révoquer le mandat").await;
    banc.cliquer_bouton("Révoquer le mandat").await;
    banc.attendre_texte("main", "Révoqué").await;
    let revoques: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM mandats WHERE structure_id = ? AND revoque_a IS NOT NULL",
    )
    .bind(structure)
    .fetch_one(&banc.base)
    .await
    .expect("mandats");
    assert_eq!(revoques, 1);
}
