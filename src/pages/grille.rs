//! `/grille-de-cotation`: how applications are ranked, with the territory's published grid.

use crate::api;
use crate::components::{TableGrille, charger, titre_document};
use crate::i18n::*;
use clef_domain::cotation::Grille;
use leptos::prelude::*;

#[component]
pub fn PageGrille() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, grille.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, grille.titre)}</h1>
            <p>{tu_string!(i18n, grille.intro)}</p>
            <p>{tu_string!(i18n, grille.egalite)}</p>
            <p>{tu_string!(i18n, grille.commission)}</p>
            {charger(|a| api::grille(None).lire_annulable(a), |grille: Grille, _| view! { <TableGrille grille /> })}
        </div>
    }
}
