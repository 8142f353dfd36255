//! `/mentions-legales`: legal notice.

use crate::components::titre_document;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PageMentionsLegales() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, mentions.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, mentions.titre)}</h1>
            <h2>{tu_string!(i18n, mentions.editeur_titre)}</h2>
            <p>{tu_string!(i18n, mentions.editeur)}</p>
            <h2>{tu_string!(i18n, mentions.donnees_titre)}</h2>
            <p>{tu_string!(i18n, mentions.donnees)}</p>
            <h2>{tu_string!(i18n, mentions.sources_titre)}</h2>
            <p>{tu_string!(i18n, mentions.sources)}</p>
        </div>
    }
}
