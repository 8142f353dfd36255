//! `/connexion`: where "Candidater" leads until accounts exist. It says so honestly.

use crate::components::titre_document;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Only a listing of this site is a valid way back (no open redirect).
fn retour_valide(retour: &str) -> Option<String> {
    let id = retour.strip_prefix("/logements/")?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| retour.to_owned())
}

#[component]
pub fn PageConnexion() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, connexion.titre));
    let query = use_query_map();
    let retour = move || {
        query
            .read()
            .get("retour")
            .as_deref()
            .and_then(retour_valide)
    };
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, connexion.titre)}</h1>
            <p>{tu_string!(i18n, connexion.texte)}</p>
            <p class="alerte">{tu_string!(i18n, connexion.pas_encore)}</p>
            <p>{tu_string!(i18n, connexion.sans_numero)}</p>
            <p class="actions">
                {move || {
                    retour()
                        .map(|href| {
                            view! {
                                <a class="bouton" href=href>
                                    {tu_string!(i18n, connexion.retour_offre)}
                                </a>
                            }
                        })
                }}
                <a class="bouton bouton--secondaire" href="/">
                    {tu_string!(i18n, connexion.retour)}
                </a>
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::retour_valide;

    #[test]
    fn only_a_listing_of_this_site_is_a_way_back() {
        assert_eq!(
            retour_valide("/logements/12").as_deref(),
            Some("/logements/12")
        );
        assert_eq!(retour_valide("https://ailleurs.example/logements/12"), None);
        assert_eq!(retour_valide("//ailleurs.example"), None);
        assert_eq!(retour_valide("/logements/"), None);
        assert_eq!(retour_valide("/logements/12/../../x"), None);
    }
}
