//! Talking to the API: one helper that fetches JSON and tells apart what can go wrong,
//! so each screen can say it plainly (network down, bad input, not found, server fault).

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
}

impl ErreurChargement {
    pub fn status(&self) -> Option<u16> {
        match self {
            ErreurChargement::Probleme(p) => Some(p.status),
            _ => None,
        }
    }
}

/// GETs `chemin` (under the API prefix) and reads the JSON answer.
pub async fn obtenir<T: DeserializeOwned>(chemin: &str) -> Result<T, ErreurChargement> {
    let reponse = gloo_net::http::Request::get(&format!("{PREFIXE}{chemin}"))
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ErreurChargement::Reseau)?;
    let texte = reponse.text().await.map_err(|_| ErreurChargement::Reseau)?;
    if reponse.ok() {
        return lire_json(&texte).ok_or(ErreurChargement::Illisible);
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
