//! Every error of the API is an RFC 9457 problem (`application/problem+json`) with a stable
//! `type`, a French `title`, and per-field `errors` for invalid input. Internal causes are
//! logged with their chain and never sent to the client.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use clef_domain::api::{ErreurChampExpliquee, Probleme};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::{Code, Financement, Reservataire, Typologie};
use clef_domain::recherche::{FiltreEtat, Qpv, Tri, champ};

pub const TYPE_REQUETE_INVALIDE: &str = "/problemes/requete-invalide";
pub const TYPE_INTROUVABLE: &str = "/problemes/introuvable";
pub const TYPE_METHODE: &str = "/problemes/methode-non-autorisee";
pub const TYPE_INTERNE: &str = "/problemes/erreur-interne";

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ErreurApi {
    #[error("requête invalide : {0:?}")]
    Invalide(Vec<ErreurChamp>),
    #[error("ressource introuvable")]
    Introuvable,
    #[error("méthode non autorisée")]
    Methode,
    #[error("base de données")]
    Base(#[from] sqlx::Error),
    #[error("donnée stockée illisible : {0}")]
    DonneeIllisible(String),
}

impl ErreurApi {
    pub fn champ(champ: &str, code: CodeErreur) -> Self {
        ErreurApi::Invalide(vec![ErreurChamp::new(champ, code)])
    }

    pub fn probleme(&self) -> Probleme {
        match self {
            ErreurApi::Invalide(erreurs) => Probleme {
                type_: TYPE_REQUETE_INVALIDE.into(),
                title: "La requête contient des valeurs invalides.".into(),
                status: 400,
                detail: Some(format!(
                    "Corrigez {} : {}.",
                    if erreurs.len() > 1 {
                        "les champs"
                    } else {
                        "le champ"
                    },
                    erreurs
                        .iter()
                        .map(|e| e.champ.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                errors: erreurs
                    .iter()
                    .map(|e| ErreurChampExpliquee {
                        message: message(e),
                        erreur: e.clone(),
                    })
                    .collect(),
            },
            ErreurApi::Introuvable => Probleme {
                type_: TYPE_INTROUVABLE.into(),
                title: "Ressource introuvable.".into(),
                status: 404,
                detail: Some(
                    "Rien ne correspond à cette adresse : l'offre a pu être retirée.".into(),
                ),
                errors: vec![],
            },
            ErreurApi::Methode => Probleme {
                type_: TYPE_METHODE.into(),
                title: "Méthode non autorisée.".into(),
                status: 405,
                detail: None,
                errors: vec![],
            },
            ErreurApi::Base(_) | ErreurApi::DonneeIllisible(_) => interne(),
        }
    }
}

/// The answer to any failure on our side: it says nothing of the cause.
pub fn interne() -> Probleme {
    Probleme {
        type_: TYPE_INTERNE.into(),
        title: "Une erreur interne est survenue.".into(),
        status: 500,
        detail: Some("Réessayez dans un instant. Si cela persiste, l'équipe est prévenue.".into()),
        errors: vec![],
    }
}

impl IntoResponse for ErreurApi {
    fn into_response(self) -> Response {
        if matches!(self, ErreurApi::Base(_) | ErreurApi::DonneeIllisible(_)) {
            tracing::error!(erreur = ?self, cause = %chaine(&self), "erreur interne");
        }
        reponse(self.probleme())
    }
}

/// Writes a problem with its status and media type.
pub fn reponse(probleme: Probleme) -> Response {
    let status = StatusCode::from_u16(probleme.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut reponse = (status, axum::Json(probleme)).into_response();
    reponse.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    reponse
}

fn chaine(erreur: &dyn std::error::Error) -> String {
    let mut texte = erreur.to_string();
    let mut cause = erreur.source();
    while let Some(c) = cause {
        texte.push_str(" : ");
        texte.push_str(&c.to_string());
        cause = c.source();
    }
    texte
}

/// The French message shown next to a field.
pub fn message(erreur: &ErreurChamp) -> String {
    match &erreur.code {
        CodeErreur::ValeurInconnue => match valeurs_possibles(&erreur.champ) {
            Some(valeurs) => format!(
                "Valeur non reconnue. Valeurs possibles : {}.",
                valeurs.join(", ")
            ),
            None if erreur.champ == champ::COMMUNE => "Commune inconnue sur ce territoire.".into(),
            None => "Valeur non reconnue.".into(),
        },
        CodeErreur::PasUnNombre => "Un nombre entier est attendu.".into(),
        CodeErreur::HorsLimites { min, max } => format!("Doit être compris entre {min} et {max}."),
        CodeErreur::Repete => "Ce paramètre est donné plusieurs fois.".into(),
        CodeErreur::Requis => "Ce champ est obligatoire.".into(),
        CodeErreur::FormatInvalide => "Le format n'est pas celui attendu.".into(),
        CodeErreur::Incoherent { regle } => {
            format!("Valeur incohérente avec le reste du dossier ({regle}).")
        }
    }
}

fn valeurs_possibles(nom: &str) -> Option<Vec<&'static str>> {
    fn codes<T: Code>() -> Vec<&'static str> {
        T::TOUS.iter().map(|v| v.code()).collect()
    }
    Some(match nom {
        champ::TYPOLOGIE => codes::<Typologie>(),
        champ::FINANCEMENT => codes::<Financement>(),
        champ::RESERVATAIRE => codes::<Reservataire>(),
        champ::QPV => codes::<Qpv>(),
        champ::ETAT => codes::<FiltreEtat>(),
        champ::TRI => codes::<Tri>(),
        champ::PMR => vec!["oui", "non"],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_value_lists_the_accepted_ones() {
        let e = ErreurChamp::new("typologie", CodeErreur::ValeurInconnue);
        assert_eq!(
            message(&e),
            "Valeur non reconnue. Valeurs possibles : T1, T2, T3, T4, T5, T6."
        );
    }

    #[test]
    fn internal_errors_never_leak_their_cause() {
        let p = ErreurApi::DonneeIllisible("typologie = 'T9' en base".into()).probleme();
        assert_eq!(p.status, 500);
        assert!(!p.detail.unwrap_or_default().contains("T9"));
    }
}
