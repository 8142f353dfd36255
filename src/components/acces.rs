use crate::components::Chargement;
use crate::i18n::*;
use crate::session::{EtatSession, Session};
use clef_domain::api::{Role, SessionOuverte};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Who may see a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Acces {
    /// The applicant only: notifications, mandates, the journal of acts on their file.
    Demandeur,
    /// The applicant's file: the applicant, or an advisor acting for them under a mandate.
    Dossier,
    Bailleur,
    Territoire,
}

impl Acces {
    fn permet(self, session: &SessionOuverte) -> bool {
        match self {
            Acces::Demandeur => session.role == Role::Demandeur,
            Acces::Dossier => {
                session.role == Role::Demandeur
                    || (session.role == Role::Conseiller && session.accompagnement.is_some())
            }
            Acces::Bailleur => session.role == Role::Bailleur,
            Acces::Territoire => session.role == Role::Territoire,
        }
    }
}

/// Shows its content to a logged-in applicant only; others are told how to get in.
#[component]
pub fn ReserveAuxDemandeurs(children: ChildrenFn) -> impl IntoView {
    view! { <Reserve acces=Acces::Demandeur>{children()}</Reserve> }
}

/// Shows an applicant's file to the applicant, or to an advisor acting for them.
#[component]
pub fn ReserveAuDossier(children: ChildrenFn) -> impl IntoView {
    view! { <Reserve acces=Acces::Dossier>{children()}</Reserve> }
}

/// Shows its content to logged-in landlord staff only.
#[component]
pub fn ReserveAuxBailleurs(children: ChildrenFn) -> impl IntoView {
    view! { <Reserve acces=Acces::Bailleur>{children()}</Reserve> }
}

/// Shows its content to logged-in territory staff only.
#[component]
pub fn ReserveAuTerritoire(children: ChildrenFn) -> impl IntoView {
    view! { <Reserve acces=Acces::Territoire>{children()}</Reserve> }
}

/// Shows its content to whom `acces` lets in; others are told how to get in, or that
/// their account opens another space.
#[component]
fn Reserve(acces: Acces, children: ChildrenFn) -> impl IntoView {
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
            let demandeur = matches!(acces, Acces::Demandeur | Acces::Dossier);
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
        EtatSession::Connecte(s) if acces.permet(&s) => children().into_any(),
        EtatSession::Connecte(s) if s.role == Role::Conseiller => view! {
            <div class="alerte">
                <p>{match acces {
                    Acces::Dossier => tu_string!(i18n, acces.ouvrir_un_dossier),
                    _ => tu_string!(i18n, acces.reserve_au_demandeur),
                }}</p>
                <p><a href="/conseiller">{tu_string!(i18n, nav.espace_conseiller)}</a></p>
            </div>
        }
        .into_any(),
        EtatSession::Connecte(_) => view! {
            <p class="alerte">
                {match acces {
                    Acces::Bailleur => tu_string!(i18n, acces.reserve_bailleurs),
                    Acces::Territoire => tu_string!(i18n, acces.reserve_territoire),
                    _ => tu_string!(i18n, acces.reserve_demandeurs),
                }}
            </p>
        }
        .into_any(),
    }
}
