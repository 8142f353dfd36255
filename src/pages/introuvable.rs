//! Any URL that is no page of the app.

use crate::Espace;
use crate::components::{Chargement, titre_document};
use crate::i18n::*;
use leptos::prelude::*;

/// A page of the other app (a link from the public app to `/bailleur`, say) loads that app;
/// anything else is not found.
#[component]
pub fn PageIntrouvable() -> impl IntoView {
    let lieu = leptos_router::hooks::use_location();
    let chemin = lieu.pathname.get_untracked();
    let ici = use_context::<Espace>().unwrap_or(Espace::Public);
    if Espace::de_chemin(&chemin) != ici {
        // The address the router is going to (its own history entry may not be written yet).
        let recherche = lieu.search.get_untracked();
        let recherche = match recherche.as_str() {
            "" => String::new(),
            r if r.starts_with('?') => r.to_owned(),
            r => format!("?{r}"),
        };
        let _ = window().location().replace(&format!("{chemin}{recherche}"));
        return view! { <Chargement /> }.into_any();
    }
    view! { <Introuvable /> }.into_any()
}

#[component]
fn Introuvable() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, introuvable.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, introuvable.titre)}</h1>
            <p>{tu_string!(i18n, introuvable.texte)}</p>
            <p>
                <a class="bouton" href="/">
                    {tu_string!(i18n, introuvable.retour)}
                </a>
            </p>
        </div>
    }
}
