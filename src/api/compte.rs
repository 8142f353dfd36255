//! Accounts and sessions: sign up, log in and out, the password.

use super::{ErreurChargement, Methode, envoyer, envoyer_sans_reponse, envoyer_sans_reponse_avec};
use clef_domain::api::{
    Identifiants, Inscription, NouveauMotDePasse, OubliMotDePasse, SessionOuverte,
};

/// `GET /session`: the session this browser holds, if any.
pub async fn session_ouverte() -> Result<Option<SessionOuverte>, ErreurChargement> {
    super::obtenir_si_present("/session", None).await
}

/// `POST /session`: log in.
pub async fn connecter(identifiants: &Identifiants) -> Result<SessionOuverte, ErreurChargement> {
    envoyer(Methode::Post, "/session", identifiants).await
}

/// `DELETE /session`: log out.
pub async fn deconnecter() -> Result<(), ErreurChargement> {
    envoyer_sans_reponse(Methode::Delete, "/session").await
}

/// `POST /comptes`: sign up (the session opens at once).
pub async fn inscrire(inscription: &Inscription) -> Result<SessionOuverte, ErreurChargement> {
    envoyer(Methode::Post, "/comptes", inscription).await
}

/// `POST /mot-de-passe/oubli`: ask for a link to choose a new password.
pub async fn oubli_mot_de_passe(oubli: &OubliMotDePasse) -> Result<(), ErreurChargement> {
    envoyer_sans_reponse_avec(Methode::Post, "/mot-de-passe/oubli", oubli).await
}

/// `POST /mot-de-passe/nouveau`: choose the new password.
pub async fn nouveau_mot_de_passe(nouveau: &NouveauMotDePasse) -> Result<(), ErreurChargement> {
    envoyer_sans_reponse_avec(Methode::Post, "/mot-de-passe/nouveau", nouveau).await
}
