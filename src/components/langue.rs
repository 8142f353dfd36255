use crate::i18n::*;
use leptos::prelude::*;

/// The other language, offered in its own words (`English`, `Français`) and marked with
/// its `lang` for screen readers. Choosing it renders the same page again in that
/// language; the choice is kept in a cookie for the next visits.
#[component]
pub fn ChoixLangue() -> impl IntoView {
    let i18n = use_i18n();
    let (autre, nom, balise) = match i18n.get_locale_untracked() {
        Locale::fr => (Locale::en, "English", "en"),
        Locale::en => (Locale::fr, "Français", "fr"),
    };
    view! {
        <button
            type="button"
            class="lien-bouton choix-langue"
            lang=balise
            on:click=move |_| i18n.set_locale(autre)
        >
            {nom}
        </button>
    }
}
