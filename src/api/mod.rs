//! Talking to the API. The transport here fetches JSON and tells apart what can go wrong,
//! so each screen can say it plainly (network down, bad input, not found, server fault);
//! the typed client, one function per endpoint with typed ids, is in the submodules (one
//! per resource, as the server's `routes/`). Paths are written there and nowhere else:
//! the transport's functions are private to this module.

mod bailleur;
mod compte;
mod conseiller;
mod ids;
mod lecture;
mod moi;
mod public;
mod territoire;

pub use bailleur::*;
pub use compte::*;
pub use conseiller::*;
pub use ids::*;
pub use lecture::{Annulation, Lecture};
pub use moi::*;
pub use public::*;
pub use territoire::*;

use clef_domain::api::Probleme;
use serde::de::DeserializeOwned;

pub const PREFIXE: &str = "/api/v1";

/// The territory this instance serves (one for now; choosing among several comes with
/// more territories).
pub const TERRITOIRE: &str = "bethune-bruay";

/// Why a load failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErreurChargement {
    /// No answer: offline, timeout, server down.
    Reseau,
    /// The API answered with a problem (RFC 9457).
    Probleme(Probleme),
    /// An answer that is neither the expected JSON nor a problem.
    Illisible,
    /// The address names nothing (`/logements/abc`): no request was made.
    Introuvable,
}

impl ErreurChargement {
    pub fn status(&self) -> Option<u16> {
        match self {
            ErreurChargement::Probleme(p) => Some(p.status),
            ErreurChargement::Introuvable => Some(404),
            _ => None,
        }
    }
}

/// GETs `chemin` (under the API prefix) and reads the JSON answer; stopped when
/// `annulation` is aborted (a newer search replaced it, or the page was left): the browser
/// drops the request instead of finishing it for nothing.
async fn obtenir_annulable<T: DeserializeOwned>(
    chemin: &str,
    annulation: Option<&web_sys::AbortSignal>,
) -> Result<T, ErreurChargement> {
    obtenir_si_present(chemin, annulation)
        .await?
        .ok_or(ErreurChargement::Illisible)
}

/// GETs something that may be absent, which the API says with `204 No Content` (nobody
/// logged in, say): `None` then.
async fn obtenir_si_present<T: DeserializeOwned>(
    chemin: &str,
    annulation: Option<&web_sys::AbortSignal>,
) -> Result<Option<T>, ErreurChargement> {
    let reponse = gloo_net::http::Request::get(&format!("{PREFIXE}{chemin}"))
        .header("Accept", "application/json")
        .abort_signal(annulation)
        .send()
        .await
        .map_err(|_| ErreurChargement::Reseau)?;
    if reponse.status() == 204 {
        return Ok(None);
    }
    let texte = reponse.text().await.map_err(|_| ErreurChargement::Reseau)?;
    if reponse.ok() {
        return lire_json(&texte)
            .map(Some)
            .ok_or(ErreurChargement::Illisible);
    }
    Err(lire_json::<Probleme>(&texte)
        .map_or(ErreurChargement::Illisible, ErreurChargement::Probleme))
}

/// The browser parses the JSON (`JSON.parse`) and serde reads the JS value: this keeps a
/// JSON parser out of the wasm the phone downloads (about 9 KB brotli, measured).
fn lire_json<T: DeserializeOwned>(texte: &str) -> Option<T> {
    let valeur = js_sys::JSON::parse(texte).ok()?;
    serde_wasm_bindgen::from_value(valeur).ok()
}

/// Encodes query-string pairs (`commune=bethune&page=2`).
pub fn query(paires: &[(&str, String)]) -> String {
    paires
        .iter()
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// The app URL of a search (`/?commune=beuvry&page=2`, or `/` without criteria).
pub fn url_recherche(recherche: &clef_domain::recherche::Recherche) -> String {
    let query = query(&recherche.en_paires());
    if query.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{query}")
    }
}

thread_local! {
    /// The session's CSRF token, in memory only (never in storage): sent with every
    /// state-changing request.
    static CSRF: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

pub fn retenir_csrf(jeton: Option<String>) {
    CSRF.with(|c| *c.borrow_mut() = jeton);
}

/// How a request changes the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Methode {
    Post,
    Put,
    Delete,
}

/// What a request carries.
enum Corps {
    Rien,
    Json(String),
    /// `multipart/form-data`: the browser writes the boundary itself.
    Formulaire(web_sys::FormData),
}

async fn executer(
    methode: Methode,
    chemin: &str,
    corps: Corps,
) -> Result<String, ErreurChargement> {
    use gloo_net::http::Request;
    let url = format!("{PREFIXE}{chemin}");
    let requete = match methode {
        Methode::Post => Request::post(&url),
        Methode::Put => Request::put(&url),
        Methode::Delete => Request::delete(&url),
    };
    // Before log-in there is no token yet; the header must be there all the same.
    let jeton = CSRF
        .with(|c| c.borrow().clone())
        .unwrap_or_else(|| "-".into());
    let requete = requete
        .header("Accept", "application/json")
        .header(clef_domain::api::ENTETE_CSRF, &jeton);
    let requete = match corps {
        Corps::Json(corps) => requete
            .header("Content-Type", "application/json")
            .body(corps),
        Corps::Formulaire(formulaire) => requete.body(formulaire),
        Corps::Rien => requete.build(),
    }
    .map_err(|_| ErreurChargement::Illisible)?;
    let reponse = requete.send().await.map_err(|_| ErreurChargement::Reseau)?;
    let texte = reponse.text().await.map_err(|_| ErreurChargement::Reseau)?;
    if reponse.ok() {
        return Ok(texte);
    }
    Err(lire_json::<Probleme>(&texte)
        .map_or(ErreurChargement::Illisible, ErreurChargement::Probleme))
}

fn en_json<C: serde::Serialize>(corps: &C) -> Result<String, ErreurChargement> {
    let valeur = serde_wasm_bindgen::to_value(corps).map_err(|_| ErreurChargement::Illisible)?;
    js_sys::JSON::stringify(&valeur)
        .ok()
        .and_then(|texte| texte.as_string())
        .ok_or(ErreurChargement::Illisible)
}

/// Sends `corps` as JSON and reads the JSON answer.
async fn envoyer<C: serde::Serialize, T: DeserializeOwned>(
    methode: Methode,
    chemin: &str,
    corps: &C,
) -> Result<T, ErreurChargement> {
    let texte = executer(methode, chemin, Corps::Json(en_json(corps)?)).await?;
    lire_json(&texte).ok_or(ErreurChargement::Illisible)
}

/// Sends a request without a body and reads the JSON answer.
async fn envoyer_sans_corps<T: DeserializeOwned>(
    methode: Methode,
    chemin: &str,
) -> Result<T, ErreurChargement> {
    let texte = executer(methode, chemin, Corps::Rien).await?;
    lire_json(&texte).ok_or(ErreurChargement::Illisible)
}

/// Sends a request whose answer has no body (204).
async fn envoyer_sans_reponse(methode: Methode, chemin: &str) -> Result<(), ErreurChargement> {
    executer(methode, chemin, Corps::Rien).await.map(|_| ())
}

/// Sends `corps` as JSON; the answer has no body (202, 204).
async fn envoyer_sans_reponse_avec<C: serde::Serialize>(
    methode: Methode,
    chemin: &str,
    corps: &C,
) -> Result<(), ErreurChargement> {
    executer(methode, chemin, Corps::Json(en_json(corps)?))
        .await
        .map(|_| ())
}

/// Sends a form with files (`multipart/form-data`) and reads the JSON answer.
async fn televerser<T: DeserializeOwned>(
    chemin: &str,
    formulaire: web_sys::FormData,
) -> Result<T, ErreurChargement> {
    let texte = executer(Methode::Post, chemin, Corps::Formulaire(formulaire)).await?;
    lire_json(&texte).ok_or(ErreurChargement::Illisible)
}

impl ErreurChargement {
    /// The problem's per-field errors (empty for other failures).
    pub fn champs(&self) -> Vec<clef_domain::ErreurChamp> {
        match self {
            ErreurChargement::Probleme(p) => p.errors.iter().map(|e| e.erreur.clone()).collect(),
            _ => Vec::new(),
        }
    }

    /// The problem's type (`/problemes/candidature/plafond_atteint`).
    pub fn type_probleme(&self) -> Option<&str> {
        match self {
            ErreurChargement::Probleme(p) => Some(p.type_.as_str()),
            _ => None,
        }
    }
}
