//! A forgotten password: a link by e-mail, signed by a random token the database keeps
//! only the SHA-256 of, valid 30 minutes and once; choosing the new password closes every
//! session of the account and says so by e-mail.

use crate::application::Etat;
use crate::compte::limite::Limite;
use crate::compte::{self, AvecEnteteCsrf, limite, mot_de_passe, session};
use crate::courriel::Courriel;
use crate::probleme::ErreurApi;
use crate::reseau::AdresseClient;
use crate::stockage::reinitialisations::{self, CompteDuLien};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::Regle;
use clef_domain::api::{NouveauMotDePasse, OubliMotDePasse, Probleme};
use clef_domain::erreur::ErreurChamp;

/// How long a link works, in seconds.
pub const DUREE_LIEN: i64 = 30 * 60;
/// Links sent per account in the rate-limit window (more would only fill an inbox).
pub const LIENS_PAR_COMPTE: i64 = 3;
/// Requests per client address in the window.
pub const DEMANDES_PAR_ADRESSE: i64 = 20;

/// Ask for a link to choose a new password. The answer is the same whether an account
/// has this address or not, so that nobody learns who has one.
#[utoipa::path(
    post,
    path = "/mot-de-passe/oubli",
    tag = "comptes",
    request_body = OubliMotDePasse,
    responses(
        (status = 202, description = "Si un compte a cette adresse, un lien lui est envoyé"),
        (status = 400, description = "Adresse invalide", body = Probleme, content_type = "application/problem+json"),
        (status = 429, description = "Trop de demandes depuis cette adresse réseau", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn oubli(
    State(etat): State<Etat>,
    _: AvecEnteteCsrf,
    client: AdresseClient,
    Json(demande): Json<OubliMotDePasse>,
) -> Result<StatusCode, ErreurApi> {
    let maintenant = etat.horloge.instant();
    let email = compte::email_valide(&demande.email).map_err(|e| ErreurApi::Invalide(vec![e]))?;
    let cle_adresse = limite::cle("oubli-adresse", &[&client.0]);
    limite::tenter(
        &etat.base,
        &[Limite::quart_d_heure(&cle_adresse, DEMANDES_PAR_ADRESSE)],
        maintenant,
    )
    .await?
    .garder();
    let compte = reinitialisations::compte_par_email(&etat.base, &email).await?;
    // Past a few links per account, the next ones are not sent (the answer stays the
    // same, whether the account exists or not).
    let cle_compte = limite::cle("oubli-compte", &[&email]);
    let lien_permis = limite::tenter(
        &etat.base,
        &[Limite::quart_d_heure(&cle_compte, LIENS_PAR_COMPTE)],
        maintenant,
    )
    .await
    .map(limite::Tentative::garder)
    .is_ok();
    let (Some(compte_id), true) = (compte, lien_permis) else {
        return Ok(StatusCode::ACCEPTED);
    };
    let jeton = session::aleatoire()?;
    // A new link replaces the ones before.
    reinitialisations::creer(
        &etat.base,
        compte_id,
        &session::empreinte(&jeton),
        maintenant,
        maintenant + DUREE_LIEN,
    )
    .await?;
    // The token rides in the fragment: it never reaches a server's logs.
    let lien = etat.poste.lien(&format!("/mot-de-passe/nouveau#{jeton}"));
    let minutes = (DUREE_LIEN / 60).to_string();
    let valeurs = [("lien", lien.as_str()), ("minutes", minutes.as_str())];
    etat.poste
        .envoyer(Courriel::du_catalogue(email, "reinitialisation", &valeurs))
        .await
        .map_err(|e| ErreurApi::Interne(format!("courriel : {e}")))?;
    Ok(StatusCode::ACCEPTED)
}

/// Choose the new password with the link's token: once, within 30 minutes. Every session
/// of the account ends.
#[utoipa::path(
    post,
    path = "/mot-de-passe/nouveau",
    tag = "comptes",
    request_body = NouveauMotDePasse,
    responses(
        (status = 204, description = "Mot de passe changé, sessions fermées"),
        (status = 400, description = "Lien périmé ou déjà utilisé (`jeton`), ou mot de passe trop faible", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn nouveau(
    State(etat): State<Etat>,
    _: AvecEnteteCsrf,
    client: AdresseClient,
    Json(saisie): Json<NouveauMotDePasse>,
) -> Result<StatusCode, ErreurApi> {
    let maintenant = etat.horloge.instant();
    let lien_perime =
        || ErreurApi::Invalide(vec![ErreurChamp::incoherent("jeton", Regle::LienPerime)]);
    let empreinte = session::empreinte(saisie.jeton.trim());
    let CompteDuLien {
        compte_id,
        email,
        numero_unique: numero,
    } = reinitialisations::compte_du_lien(&etat.base, &empreinte, maintenant)
        .await?
        .ok_or_else(lien_perime)?;
    let identifiants = [email.as_str(), numero.as_deref().unwrap_or_default()];
    if let Some(e) = mot_de_passe::verifier_robustesse(&saisie.mot_de_passe, &identifiants) {
        return Err(ErreurApi::Invalide(vec![e]));
    }
    let hache = mot_de_passe::hacher(&etat.hachages, saisie.mot_de_passe).await?;
    // Used once: the first of two requests with the same link wins.
    if !reinitialisations::utiliser(&etat.base, &empreinte, compte_id, &hache, maintenant).await? {
        return Err(lien_perime());
    }
    // The owner proved who they are: their failures from here are forgotten.
    limite::oublier(&etat.base, &[&limite::cle_compte(&email, &client.0)]).await?;
    let lien = etat.poste.lien("/mot-de-passe-oublie");
    let avis = Courriel::du_catalogue(email, "mot_de_passe_change", &[("lien", &lien)]);
    if let Err(e) = etat.poste.envoyer(avis).await {
        // The password is changed: the notice failing must not say otherwise.
        tracing::warn!(erreur = %e, "avis de changement de mot de passe non envoyé");
    }
    Ok(StatusCode::NO_CONTENT)
}
