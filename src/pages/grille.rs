//! `/grille-de-cotation`: how applications are ranked, with the territory's published grid.

use crate::api;
use crate::components::Chargement;
use crate::components::{EtatErreur, TableGrille, titre_document};
use crate::i18n::*;
use clef_domain::cotation::Grille;
use leptos::prelude::*;

#[component]
pub fn PageGrille() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, grille.titre));
    let grille = LocalResource::new(|| async {
        let chemin = format!("/territoires/{}/grille", api::TERRITOIRE);
        api::obtenir::<Grille>(&chemin).await
    });
    let affichage = move || {
        Suspend::new(async move {
            match grille.await {
                Ok(grille) => view! { <TableGrille grille /> }.into_any(),
                Err(erreur) => {
                    view! { <EtatErreur erreur reessayer=Callback::new(move |_| grille.refetch()) /> }.into_any()
                }
            }
        })
    };
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, grille.titre)}</h1>
            <p>{tu_string!(i18n, grille.intro)}</p>
            <p>{tu_string!(i18n, grille.egalite)}</p>
            <p>{tu_string!(i18n, grille.commission)}</p>
            <Transition fallback=Chargement>
                {affichage}
            </Transition>
        </div>
    }
}
