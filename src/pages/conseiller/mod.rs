//! `/conseiller`: the France Services counter. An advisor logs in with a second factor,
//! opens the file of an applicant who gave the structure a mandate (or starts one with
//! them at the counter), acts for them, then ends the session of help.

mod connexion;
mod guichet;

use crate::components::{Chargement, titre_document};
use crate::i18n::*;
use crate::session::{EtatSession, Session};
use clef_domain::api::Role;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PageConseiller() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, conseiller.titre));
    let session = Session::utiliser();
    let fin = use_query_map()
        .read_untracked()
        .get("fin")
        .unwrap_or_default();
    let annonce = match fin.as_str() {
        "inactivite" => Some(tu_string!(i18n, conseiller.fin_inactivite)),
        "accompagnement" => Some(tu_string!(i18n, conseiller.fin_accompagnement)),
        _ => None,
    };
    let annonce = RwSignal::new(annonce);
    Effect::new(move |_| {
        if session.accompagnement().is_some() {
            annonce.set(None);
        }
    });
    view! {
        <div class="page page--formulaire">
            <h1>{tu_string!(i18n, conseiller.titre)}</h1>
            // Said once, after the help ended: gone as soon as a file is open again, never
            // beside what comes next.
            {move || annonce.get().map(|a| view! { <p class="succes" role="status">{a}</p> })}
            {move || match session.etat.get() {
                EtatSession::Inconnue => view! { <Chargement /> }.into_any(),
                EtatSession::Anonyme => view! { <connexion::ConnexionConseiller /> }.into_any(),
                EtatSession::Connecte(s) if s.role == Role::Conseiller => match s.accompagnement {
                    Some(_) => view! { <guichet::DossierOuvert /> }.into_any(),
                    None => view! { <guichet::Guichet structure=s.structure.unwrap_or_default() /> }.into_any(),
                },
                EtatSession::Connecte(_) => view! {
                    <p class="alerte">{tu_string!(i18n, conseiller.reserve)}</p>
                }
                .into_any(),
            }}
        </div>
    }
}
