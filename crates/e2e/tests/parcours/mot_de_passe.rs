//! A forgotten password on a phone (issue 12, point 9): ask for the link, open it from the
//! e-mail, choose a new password, log in with it; and choose whether notifications also
//! come by e-mail.

use crate::banc::Banc;
use clef_server::demo;

/// The text of the e-mails written so far to `adresse`.
fn courriels_a(banc: &Banc, adresse: &str) -> Vec<String> {
    std::fs::read_dir(&banc.courriels)
        .map(|e| {
            e.flatten()
                .filter_map(|f| std::fs::read_to_string(f.path()).ok())
                .filter(|t| t.contains(&format!("To: {adresse}")))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_forgotten_password_is_changed_through_the_e_mailed_link() {
    let banc = Banc::demarrer().await;
    let email = demo::COMPTES[0].0;
    banc.ouvrir("/connexion").await;
    banc.element("a[href='/mot-de-passe-oublie']")
        .await
        .click()
        .await
        .expect("forgotten password");
    banc.attendre_texte("h1", "Mot de passe oublié").await;
    banc.saisir("#email", email).await;
    banc.cliquer_bouton("Recevoir le lien").await;
    banc.attendre_texte("#oubli-envoye", "Si un compte Clef utilise cette adresse")
        .await;

    let lien_recu = || {
        courriels_a(&banc, email).iter().find_map(|t| {
            t.lines()
                .find(|l| l.contains("/mot-de-passe/nouveau#"))
                .map(|l| l.trim().to_owned())
        })
    };
    banc.attendre("the e-mail with its link", || async {
        lien_recu().is_some()
    })
    .await;
    let lien = lien_recu().unwrap_or_default();
    assert!(
        lien.starts_with(&banc.url("/mot-de-passe/nouveau#")),
        "{lien}"
    );

    banc.navigateur.goto(&lien).await.expect("open the link");
    banc.attendre_texte("h1", "Choisir un nouveau mot de passe")
        .await;
    banc.saisir("#mot-de-passe", "court").await;
    banc.cliquer_bouton("Enregistrer le nouveau mot de passe")
        .await;
    banc.attendre_texte("#mot-de-passe-erreur", "12").await;
    banc.element("#mot-de-passe")
        .await
        .send_keys("\u{e009}a\u{e000}\u{e017}lanterne poivre escalier")
        .await
        .expect("type");
    banc.cliquer_bouton("Enregistrer le nouveau mot de passe")
        .await;
    banc.attendre_texte("#mot-de-passe-change", "Votre mot de passe est changé")
        .await;

    // The new password opens the account.
    banc.ouvrir("/connexion?retour=/notifications").await;
    banc.saisir("#email", email).await;
    banc.saisir("#mot-de-passe", "lanterne poivre escalier")
        .await;
    banc.cliquer_bouton("Se connecter").await;
    banc.attendre_url("the notifications", |u| u.ends_with("/notifications"))
        .await;

    // Alerts by e-mail: on by default, off in one tick, and remembered.
    let case = banc.element("#alertes-courriel").await;
    banc.attendre("the alerts box loaded and ticked", || async {
        banc.js("const c = document.querySelector('#alertes-courriel'); return !c.disabled && c.checked")
            .await
            == true
    })
    .await;
    case.click().await.expect("untick");
    banc.attendre("the choice saved", || async {
        banc.js("return fetch('/api/v1/moi/alertes').then(r => r.json()).then(a => a.courriel)")
            .await
            == false
    })
    .await;
    banc.navigateur.refresh().await.expect("reload");
    banc.attendre("the box still unticked", || async {
        banc.js("const c = document.querySelector('#alertes-courriel'); return !!c && !c.disabled && !c.checked")
            .await
            == true
    })
    .await;
}
