use crate::i18n::*;
use leptos::prelude::*;

/// Sets the browser tab's title (`Logements sociaux à louer · Clef`), read first by screen
/// readers after each navigation.
pub fn titre_document(page: &str) {
    let i18n = use_i18n();
    document().set_title(&tu_string!(i18n, service.titre_page, page).to_string());
}
