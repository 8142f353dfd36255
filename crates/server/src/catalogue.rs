//! The app's catalogue of messages (`locales/fr.json`), read by the server too: one
//! catalogue for the screens, the e-mails and the API's problem details. French, the
//! service's language.

use serde_json::Value;
use std::sync::LazyLock;

static CATALOGUE: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../locales/fr.json")).unwrap_or(Value::Null)
});

/// The text of `cle` (`courriel.alertes_objet`) with its `{{ valeurs }}` filled in; the key
/// itself if the catalogue lacks it (a test checks every key used here exists).
pub fn texte(cle: &str, valeurs: &[(&str, &str)]) -> String {
    let modele = cle
        .split('.')
        .try_fold(&*CATALOGUE, |v, k| v.get(k))
        .and_then(Value::as_str)
        .unwrap_or(cle);
    valeurs.iter().fold(modele.to_owned(), |t, (nom, valeur)| {
        t.replace(&format!("{{{{ {nom} }}}}"), valeur)
    })
}
