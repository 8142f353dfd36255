//! The bridge between the i18n locale and the browser's own formatting (Intl).

use crate::i18n::Locale;

/// The BCP 47 tag the browser formats numbers and dates with.
pub fn balise(locale: Locale) -> &'static str {
    match locale {
        Locale::fr => "fr-FR",
        Locale::en => "en-GB",
    }
}

/// The current locale's tag. Views are built for one locale: the app renders again as a
/// whole when the locale changes (see `App`), so nothing here needs to be reactive.
pub fn use_balise() -> &'static str {
    let i18n = crate::i18n::use_i18n();
    balise(i18n.get_locale_untracked())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;
    use std::collections::BTreeSet;

    const FR: &str = include_str!("../locales/fr.json");
    const EN: &str = include_str!("../locales/en.json");

    /// Every key of a catalogue (`offre.total`), with the `{{ variables }}` of its text.
    fn cles(valeur: &Value, prefixe: &str, sortie: &mut Vec<(String, BTreeSet<String>)>) {
        match valeur {
            Value::Object(o) => {
                for (k, v) in o {
                    let chemin = if prefixe.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefixe}.{k}")
                    };
                    cles(v, &chemin, sortie);
                }
            }
            Value::String(texte) => {
                let variables = texte
                    .split("{{")
                    .skip(1)
                    .filter_map(|morceau| morceau.split_once("}}"))
                    .map(|(nom, _)| nom.trim().to_owned())
                    .collect();
                sortie.push((prefixe.to_owned(), variables));
            }
            autre => panic!("{prefixe}: a text is expected, not {autre}"),
        }
    }

    fn catalogue(json: &str) -> Vec<(String, BTreeSet<String>)> {
        let mut sortie = Vec::new();
        cles(&serde_json::from_str(json).expect("JSON"), "", &mut sortie);
        sortie
    }

    /// A key missing in either language, or a text that does not use the same values,
    /// fails here (the build only warns).
    #[test]
    fn both_languages_have_every_key_with_the_same_values() {
        let (fr, en) = (catalogue(FR), catalogue(EN));
        let noms = |c: &[(String, BTreeSet<String>)]| -> BTreeSet<String> {
            c.iter().map(|(k, _)| k.clone()).collect()
        };
        let manquent_en: Vec<_> = noms(&fr).difference(&noms(&en)).cloned().collect();
        let manquent_fr: Vec<_> = noms(&en).difference(&noms(&fr)).cloned().collect();
        assert!(
            manquent_en.is_empty(),
            "missing in English: {manquent_en:?}"
        );
        assert!(manquent_fr.is_empty(), "missing in French: {manquent_fr:?}");
        let en_par_cle: std::collections::BTreeMap<_, _> = en.iter().cloned().collect();
        for (cle, variables_fr) in &fr {
            assert_eq!(Some(variables_fr), en_par_cle.get(cle), "{cle}");
        }
        for (cle, _) in fr.iter().chain(en.iter()) {
            let texte = |json: &str| {
                let v: Value = serde_json::from_str(json).unwrap();
                cle.split('.')
                    .fold(&v, |v, k| &v[k])
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            };
            assert!(!texte(FR).trim().is_empty(), "empty French text: {cle}");
            assert!(!texte(EN).trim().is_empty(), "empty English text: {cle}");
        }
    }

    /// The test fails when a key is missing: proven on a copy with one removed.
    #[test]
    fn a_missing_key_is_caught() {
        let mut en: Value = serde_json::from_str(EN).unwrap();
        en["offre"].as_object_mut().expect("offre").remove("total");
        let mut sortie = Vec::new();
        cles(&en, "", &mut sortie);
        let fr = catalogue(FR);
        assert!(
            fr.iter().any(|(k, _)| k == "offre.total")
                && !sortie.iter().any(|(k, _)| k == "offre.total")
        );
    }
}
