//! The language of the first render: the one the app will pick, in the app's own order
//! (leptos_i18n): the cookie the language menu sets, then the browser's languages
//! (`Accept-Language`, which is `navigator.languages`), then French. The texts come from the
//! app's catalogue (`locales/*.json`), read once: one catalogue for both.

use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use serde_json::Value;
use std::sync::LazyLock;

/// The cookie leptos_i18n keeps the chosen language in.
const COOKIE_LANGUE: &str = "i18n_pref_locale";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Langue {
    Fr,
    En,
}

static FR: LazyLock<Value> =
    LazyLock::new(|| catalogue(include_str!("../../../../locales/fr.json")));
static EN: LazyLock<Value> =
    LazyLock::new(|| catalogue(include_str!("../../../../locales/en.json")));

fn catalogue(json: &str) -> Value {
    // The catalogues are checked by the app's tests; a broken one shows keys, not a panic.
    serde_json::from_str(json).unwrap_or(Value::Null)
}

impl Langue {
    pub fn de_la_requete(entetes: &HeaderMap) -> Langue {
        let cookie = entetes
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|paire| paire.trim().split_once('='))
            .find(|(nom, _)| *nom == COOKIE_LANGUE)
            .and_then(|(_, valeur)| Langue::de_balise(valeur));
        if let Some(langue) = cookie {
            return langue;
        }
        let mut acceptees: Vec<(f32, &str)> = entetes
            .get_all(ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|morceau| {
                let mut parties = morceau.split(';');
                let balise = parties.next()?.trim();
                let poids = parties
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((poids, balise))
            })
            .collect();
        // Stable: equal weights keep the browser's order.
        acceptees.sort_by(|a, b| b.0.total_cmp(&a.0));
        acceptees
            .into_iter()
            .find_map(|(_, balise)| Langue::de_balise(balise))
            .unwrap_or(Langue::Fr)
    }

    fn de_balise(balise: &str) -> Option<Langue> {
        let langue = balise.split(['-', '_']).next()?.to_ascii_lowercase();
        match langue.as_str() {
            "fr" => Some(Langue::Fr),
            "en" => Some(Langue::En),
            _ => None,
        }
    }

    /// `lang` of the page.
    pub fn code(self) -> &'static str {
        match self {
            Langue::Fr => "fr",
            Langue::En => "en",
        }
    }

    /// The catalogue's text for `cle` (`carte.par_mois`), its `{{ name }}` replaced.
    pub fn texte(self, cle: &str, valeurs: &[(&str, &str)]) -> String {
        let catalogue = match self {
            Langue::Fr => &*FR,
            Langue::En => &*EN,
        };
        let Some(texte) = cle
            .split('.')
            .try_fold(catalogue, |v, partie| v.get(partie))
            .and_then(Value::as_str)
        else {
            return cle.to_owned();
        };
        let mut sortie = texte.to_owned();
        for (nom, valeur) in valeurs {
            for motif in [format!("{{{{ {nom} }}}}"), format!("{{{{{nom}}}}}")] {
                sortie = sortie.replace(&motif, valeur);
            }
        }
        sortie
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn entetes(paires: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (nom, valeur) in paires {
            h.append(*nom, HeaderValue::from_static(valeur));
        }
        h
    }

    #[test]
    fn the_cookie_wins_then_the_browsers_order_then_french() {
        let cas = [
            (vec![], Langue::Fr),
            (vec![("accept-language", "en-US,en;q=0.9")], Langue::En),
            (
                vec![("accept-language", "de-DE,en;q=0.8,fr;q=0.5")],
                Langue::En,
            ),
            (vec![("accept-language", "fr;q=0.4,en;q=0.9")], Langue::En),
            (vec![("accept-language", "de,it")], Langue::Fr),
            (
                vec![
                    ("accept-language", "en-GB"),
                    ("cookie", "a=b; i18n_pref_locale=fr"),
                ],
                Langue::Fr,
            ),
        ];
        for (paires, attendue) in cas {
            assert_eq!(
                Langue::de_la_requete(&entetes(&paires)),
                attendue,
                "{paires:?}"
            );
        }
    }

    #[test]
    fn texts_come_from_the_apps_catalogue_with_their_values() {
        assert_eq!(
            Langue::Fr.texte("recherche.resultats_plusieurs", &[("n", "44")]),
            "44 logements"
        );
        assert_eq!(
            Langue::En.texte("carte.par_mois", &[("montant", "€3")]),
            "€3 / month"
        );
        assert_eq!(Langue::Fr.texte("pas.de.cle", &[]), "pas.de.cle");
    }
}
