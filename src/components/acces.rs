use crate::components::Chargement;
use crate::i18n::*;
use crate::session::{EtatSession, Session};
use clef_domain::api::Role;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shows its content to a logged-in applicant only; others are told how to get in.
#[component]
pub fn ReserveAuxDemandeurs(children: ChildrenFn) -> impl IntoView {
    view! { <ReserveAuRole role=Role::Demandeur>{children()}</ReserveAuRole> }
}

/// Shows its content to logged-in landlord staff only.
#[component]
pub fn ReserveAuxBailleurs(children: ChildrenFn) -> impl IntoView {
    view! { <ReserveAuRole role=Role::Bailleur>{children()}</ReserveAuRole> }
}

/// Shows its content to a logged-in account of `role`; others are told how to get in, or
/// that their account opens another space.
#[component]
fn ReserveAuRole(role: Role, children: ChildrenFn) -> impl IntoView {
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
            let demandeur = role == Role::Demandeur;
            view! {
                <div class="etat">
                    <p class="etat__titre">{tu_string!(i18n, acces.connexion_requise)}</p>
                    {demandeur.then(|| view! { <p>{tu_string!(i18n, acces.pourquoi)}</p> })}
                    <p class="actions">
                        <a class="bouton bouton--principal" href=connexion>{tu_string!(i18n, connexion.se_connecter)}</a>
                        {demandeur.then(|| view! {
                            <a class="bouton bouton--secondaire" href="/inscription">{tu_string!(i18n, connexion.creer_compte)}</a>
                        })}
                    </p>
                </div>
            }
            .into_any()
        }
        EtatSession::Connecte(s) if s.role != role => view! {
            <p class="alerte">
                {match role {
                    Role::Bailleur => tu_string!(i18n, acces.reserve_bailleurs),
                    _ => tu_string!(i18n, acces.reserve_demandeurs),
                }}
            </p>
        }
        .into_any(),
        EtatSession::Connecte(_) => children().into_any(),
    }
}
