//! An applicant's whole journey on a phone: sign up, fill the household, open a listing,
//! see the verdict, apply, see the rank and its explanation, try a what-if, withdraw.

use crate::banc::Banc;

#[tokio::test]
async fn an_applicant_signs_up_fills_the_household_applies_sees_the_rank_and_withdraws() {
    let banc = Banc::demarrer().await;

    // Sign up.
    banc.ouvrir("/inscription").await;
    banc.saisir("#numero-unique", "062 2203 000000777 TS").await;
    banc.saisir("#email", "camille@exemple.fr").await;
    banc.saisir("#mot-de-passe", "cheval agrafe batterie").await;
    banc.cliquer_bouton("Créer mon compte").await;
    banc.attendre_url("Mon dossier après l'inscription", |u| {
        u.ends_with("/mon-dossier")
    })
    .await;
    banc.attendre_texte("h2#titre-etape", "Étape 1 sur 5").await;
    banc.sans_defilement_horizontal("Mon dossier").await;

    // Step 1 checks the household before going on: the age is required.
    banc.cliquer_bouton("Continuer").await;
    banc.attendre_texte("#resume-erreurs", "obligatoire").await;
    banc.saisir("#membres-0-age", "35").await;
    banc.cliquer_bouton("Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 2 sur 5").await;

    // Step 2: filing date and income (a date input is set as a person's picker would).
    banc.js(
        "const d = document.querySelector('#date-depot'); d.value = '2022-03-01';
         d.dispatchEvent(new Event('input', { bubbles: true })); return true",
    )
    .await;
    banc.saisir("#rfr-n2", "15000").await;
    // Each person's monthly resources (arrêté du 10 mars 2011): words are refused on the
    // field, an amount is taken.
    banc.saisir("#membres-0-ressources-mensuelles", "beaucoup")
        .await;
    banc.cliquer_bouton("Continuer").await;
    banc.attendre_texte("#resume-erreurs", "montant").await;
    assert!(
        banc.texte("#membres-0-ressources-mensuelles-erreur")
            .await
            .contains("montant")
    );
    banc.attendre_texte("h2#titre-etape", "Étape 2 sur 5").await;
    banc.js("document.querySelector('#membres-0-ressources-mensuelles').value = ''; return true")
        .await;
    banc.saisir("#membres-0-ressources-mensuelles", "1 250")
        .await;
    banc.cliquer_bouton("Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 3 sur 5").await;
    banc.cliquer_bouton("Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 4 sur 5").await;
    // The priorities of the law (DALO and L.441-1 a to m) come first, apart from the
    // other situations; sensitive ones are marked and explained.
    let priorites = banc.tous("#situations input[type=checkbox]").await.len();
    assert_eq!(
        priorites,
        <clef_domain::demande::Situation as clef_domain::offre::Code>::TOUS
            .iter()
            .filter(|s| s.prioritaire())
            .count()
    );
    assert!(
        banc.texte("#situations")
            .await
            .contains("reprends un travail après une longue période de chômage")
    );
    assert!(
        banc.texte("label[for='situation-violences-conjugales']")
            .await
            .contains("Information protégée")
    );
    assert!(
        banc.texte("details.pourquoi summary")
            .await
            .contains("Pourquoi on vous le demande")
    );
    banc.cliquer_bouton("Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 5 sur 5").await;
    assert!(banc.texte(".recapitulatif").await.contains("15000"));
    banc.cliquer_bouton("Enregistrer mon dossier").await;
    banc.attendre_texte("#confirmation", "Votre dossier est enregistré")
        .await;

    // A PLUS listing: eligible, with each rule and the would-be rank.
    banc.ouvrir("/?financement=PLUS").await;
    banc.element(".cartes .carte__titre a")
        .await
        .click()
        .await
        .expect("open a listing");
    banc.attendre_texte(
        ".ma-situation .verdict",
        "Vous êtes éligible à ce logement.",
    )
    .await;
    let regles = banc.texte(".ma-situation .regles").await;
    assert!(
        regles.contains("Reste pour vivre") && !regles.contains("estimées"),
        "the declared resources are used: {regles}"
    );
    for regle in [
        "Plafond de ressources",
        "Taille du logement",
        "Taux d'effort",
    ] {
        assert!(regles.contains(regle), "{regle} dans {regles}");
    }
    assert!(
        banc.texte(".ma-situation .position")
            .await
            .contains(" sur ")
    );
    banc.sans_defilement_horizontal("le logement").await;

    // Apply, after confirming.
    banc.cliquer_bouton("Candidater à ce logement").await;
    banc.cliquer_bouton("Confirmer ma candidature").await;
    banc.attendre_url("la candidature après le dépôt", |u| {
        u.contains("/mes-candidatures/")
    })
    .await;

    // The rank and why.
    banc.attendre_texte(".position--grande", "candidats éligibles")
        .await;
    banc.attendre_texte(".score tfoot", "Total").await;
    assert!(banc.texte(".score tbody").await.contains("Ancienneté"));
    assert!(
        banc.texte(".chronologie")
            .await
            .contains("Candidature déposée")
    );
    banc.element(".histogramme svg .barre--moi").await;
    banc.sans_defilement_horizontal("la candidature").await;

    // What if the request were two years older? Computed in the page.
    banc.element("#simulation-mois")
        .await
        .select_by_value("24")
        .await
        .expect("choose 24 months");
    banc.attendre_texte(".resultat-simulation", "Vous seriez")
        .await;

    // Withdraw, after confirming.
    banc.cliquer_bouton("Retirer ma candidature").await;
    banc.cliquer_bouton("Oui, retirer ma candidature").await;
    banc.attendre_texte(".etiquette", "Retirée").await;
    banc.ouvrir("/mes-candidatures").await;
    banc.attendre_texte(".candidatures", "Retirée").await;
}
