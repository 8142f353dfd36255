//! An applicant's whole journey on a phone: sign up, fill the household, open a listing,
//! see the verdict, apply, see the rank and its explanation, try a what-if, withdraw.

use crate::banc::{Banc, LARGEUR};
use fantoccini::Locator;

async fn cliquer_bouton(banc: &Banc, texte: &str) {
    let xpath = format!("//button[normalize-space()='{texte}']");
    banc.attendre(&format!("bouton « {texte} »"), || async {
        banc.navigateur.find(Locator::XPath(&xpath)).await.is_ok()
    })
    .await;
    banc.navigateur
        .find(Locator::XPath(&xpath))
        .await
        .expect("bouton")
        .click()
        .await
        .unwrap_or_else(|e| panic!("clic sur « {texte} » : {e}"));
}

async fn saisir(banc: &Banc, css: &str, texte: &str) {
    banc.element(css)
        .await
        .send_keys(texte)
        .await
        .unwrap_or_else(|e| panic!("saisie dans {css} : {e}"));
}

async fn sans_defilement_horizontal(banc: &Banc, page: &str) {
    let trop_larges = banc
        .js(
            "const l = document.documentElement.clientWidth;
             return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > l + 0.5)
               .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
               .slice(0, 8)",
        )
        .await;
    assert_eq!(
        banc.js(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        .await,
        true,
        "no horizontal scrolling at {LARGEUR} px on {page}: {trop_larges}"
    );
}

#[tokio::test]
async fn an_applicant_signs_up_fills_the_household_applies_sees_the_rank_and_withdraws() {
    let banc = Banc::demarrer().await;

    // Sign up.
    banc.ouvrir("/inscription").await;
    saisir(&banc, "#numero-unique", "062 2203 000000777 TS").await;
    saisir(&banc, "#email", "camille@exemple.fr").await;
    saisir(&banc, "#mot-de-passe", "cheval agrafe batterie").await;
    cliquer_bouton(&banc, "Créer mon compte").await;
    banc.attendre_url("Mon dossier après l'inscription", |u| {
        u.ends_with("/mon-dossier")
    })
    .await;
    banc.attendre_texte("h2#titre-etape", "Étape 1 sur 5").await;
    sans_defilement_horizontal(&banc, "Mon dossier").await;

    // Step 1 checks the household before going on: the age is required.
    cliquer_bouton(&banc, "Continuer").await;
    banc.attendre_texte("#resume-erreurs", "obligatoire").await;
    saisir(&banc, "#membres-0-age", "35").await;
    cliquer_bouton(&banc, "Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 2 sur 5").await;

    // Step 2: filing date and income (a date input is set as a person's picker would).
    banc.js(
        "const d = document.querySelector('#date-depot'); d.value = '2022-03-01';
         d.dispatchEvent(new Event('input', { bubbles: true })); return true",
    )
    .await;
    saisir(&banc, "#rfr-n2", "15000").await;
    cliquer_bouton(&banc, "Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 3 sur 5").await;
    cliquer_bouton(&banc, "Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 4 sur 5").await;
    // Sensitive situations are marked and explained.
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
    cliquer_bouton(&banc, "Continuer").await;
    banc.attendre_texte("h2#titre-etape", "Étape 5 sur 5").await;
    assert!(banc.texte(".recapitulatif").await.contains("15000"));
    cliquer_bouton(&banc, "Enregistrer mon dossier").await;
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
    sans_defilement_horizontal(&banc, "le logement").await;

    // Apply, after confirming.
    cliquer_bouton(&banc, "Candidater à ce logement").await;
    cliquer_bouton(&banc, "Confirmer ma candidature").await;
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
    sans_defilement_horizontal(&banc, "la candidature").await;

    // What if the request were two years older? Computed in the page.
    banc.element("#simulation-mois")
        .await
        .select_by_value("24")
        .await
        .expect("choose 24 months");
    banc.attendre_texte(".resultat-simulation", "Vous seriez")
        .await;

    // Withdraw, after confirming.
    cliquer_bouton(&banc, "Retirer ma candidature").await;
    cliquer_bouton(&banc, "Oui, retirer ma candidature").await;
    banc.attendre_texte(".etiquette", "Retirée").await;
    banc.ouvrir("/mes-candidatures").await;
    banc.attendre_texte(".candidatures", "Retirée").await;
}
