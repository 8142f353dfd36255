//! Any URL that is no page of the app.

use crate::components::titre_document;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PageIntrouvable() -> impl IntoView {
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
