use crate::components::Chargement;
use crate::i18n::*;
use crate::session::{EtatSession, Session};
use clef_domain::api::Role;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shows its content to a logged-in applicant only; others are told how to get in.
#[component]
pub fn ReserveAuxDemandeurs(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let chemin = use_location().pathname;
    move || match session.etat.get() {
        EtatSession::Inconnue => view! {
            <Chargement />
        }
        .into_any(),
        EtatSession::Anonyme => {
            let connexion = format!("/connexion?retour={}", chemin.get_untracked());
            view! {
                <div class="etat">
                    <p class="etat__titre">{tu_string!(i18n, acces.connexion_requise)}</p>
                    <p>{tu_string!(i18n, acces.pourquoi)}</p>
                    <p class="actions">
                        <a class="bouton bouton--principal" href=connexion>{tu_string!(i18n, connexion.se_connecter)}</a>
                        <a class="bouton bouton--secondaire" href="/inscription">{tu_string!(i18n, connexion.creer_compte)}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        EtatSession::Connecte(s) if s.role != Role::Demandeur => view! {
            <p class="alerte">{tu_string!(i18n, acces.reserve_demandeurs)}</p>
        }
        .into_any(),
        EtatSession::Connecte(_) => children().into_any(),
    }
}
