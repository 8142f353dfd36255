//! `/accessibilite`: the accessibility statement (non conforme until audited).

use crate::components::titre_document;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PageAccessibilite() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, accessibilite.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, accessibilite.titre)}</h1>
            <p>{tu_string!(i18n, accessibilite.engagement)}</p>
            <h2>{tu_string!(i18n, accessibilite.etat_titre)}</h2>
            <p>{tu_string!(i18n, accessibilite.etat)}</p>
            <h2>{tu_string!(i18n, accessibilite.contact_titre)}</h2>
            <p>{tu_string!(i18n, accessibilite.contact)}</p>
            <h2>{tu_string!(i18n, accessibilite.recours_titre)}</h2>
            <p>{tu_string!(i18n, accessibilite.recours)}</p>
        </div>
    }
}
