//! `/connexion`: log in with e-mail and password. After it, back where the person was
//! going (`?retour=/logements/12`), or to their applications.

use crate::api;
use crate::components::{ChampTexte, message_erreur, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::session::{Session, retour_valide};
use clef_domain::api::{Identifiants, Role, SessionOuverte};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn PageConnexion() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, connexion.titre));
    let session = Session::utiliser();
    let query = use_query_map();
    // Where to go once in: where the person was going, else their role's own space.
    let retour = move |role: Role| {
        query
            .read_untracked()
            .get("retour")
            .as_deref()
            .and_then(retour_valide)
            .unwrap_or_else(|| {
                match role {
                    Role::Bailleur => "/bailleur",
                    Role::Territoire => "/territoire",
                    Role::Conseiller => "/conseiller",
                    Role::Demandeur => "/mes-candidatures",
                }
                .to_owned()
            })
    };
    let email = RwSignal::new(String::new());
    let mot_de_passe = RwSignal::new(String::new());
    let naviguer = use_navigate();
    let envoi = Envoi::avec_message(
        |identifiants: Identifiants| async move { api::connecter(&identifiants).await },
        move |ouverte: SessionOuverte| {
            let role = ouverte.role;
            session.ouvrir(ouverte);
            naviguer(&retour(role), Default::default());
        },
        move |e| {
            (e.status() == Some(401)).then(|| tu_string!(i18n, connexion.incorrect).to_string())
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(Identifiants {
            email: email.get_untracked(),
            mot_de_passe: mot_de_passe.get_untracked(),
            code: None,
        });
    };

    view! {
        <div class="page page--formulaire">
            <h1>{tu_string!(i18n, connexion.titre)}</h1>
            <p>{tu_string!(i18n, connexion.texte)}</p>
            <form class="formulaire" on:submit=soumettre novalidate=true>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <ChampTexte
                    id="email".into()
                    libelle=tu_string!(i18n, compte.email).to_string()
                    valeur=email
                    erreur=message_erreur(erreurs, "email".into(), false)
                    type_="email"
                    autocomplete="username"
                    requis=true
                />
                <ChampTexte
                    id="mot-de-passe".into()
                    libelle=tu_string!(i18n, compte.mot_de_passe).to_string()
                    valeur=mot_de_passe
                    erreur=message_erreur(erreurs, "mot_de_passe".into(), false)
                    type_="password"
                    autocomplete="current-password"
                    requis=true
                />
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                    {move || if en_cours.get() {
                        tu_string!(i18n, connexion.en_cours)
                    } else {
                        tu_string!(i18n, connexion.se_connecter)
                    }}
                </button>
            </form>
            <p>{tu_string!(i18n, connexion.pas_de_compte)} " "
                <a href="/inscription">{tu_string!(i18n, connexion.creer_compte)}</a>
            </p>
            <p><a href="/mot-de-passe-oublie">{tu_string!(i18n, connexion.oubli)}</a></p>
            <p class="aide">{tu_string!(i18n, connexion.sans_numero)}</p>
            <p class="aide"><a href="/conseiller">{tu_string!(i18n, connexion.conseiller)}</a></p>
        </div>
    }
}
