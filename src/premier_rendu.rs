//! The server's first render (`crates/server/src/premier_rendu`): `/` arrives with its first
//! listings already in the HTML, a listing's page with what people choose on. The app is
//! built behind it, hidden by the style sheet (`#premier-rendu ~ *`), and this removes it
//! once the app's own page is ready, in the same frame: the reader sees one page, never a
//! blank or a skeleton in between.

use leptos::prelude::*;

const ID: &str = "premier-rendu";

/// Shows the app in place of the first render (nothing happens when there is none left).
pub fn remplacer() {
    if let Some(rendu) = document().get_element_by_id(ID) {
        rendu.remove();
    }
}

/// For the pages the server renders first: `pret` says when the app's page shows what the
/// first render showed (its results, or an error). Until then the first render stays; when
/// the page is left earlier, it goes. Nothing is set up once the first render is gone (every
/// page after the first).
pub fn remplacer_quand(pret: impl Fn() -> bool + 'static) {
    if document().get_element_by_id(ID).is_none() {
        return;
    }
    Effect::new(move || {
        if pret() {
            remplacer();
        }
    });
    on_cleanup(remplacer);
}

/// Only the search and a listing are rendered first by the server: on any other page the
/// app shows at once.
pub fn rendu_par_le_serveur(chemin: &str) -> bool {
    chemin == "/" || chemin.starts_with("/logements/")
}
