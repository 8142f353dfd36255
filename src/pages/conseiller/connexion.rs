//! The advisor's log-in: e-mail, password, and the six-digit code of their authenticator
//! app. A wrong answer never says which of the three was wrong.

use crate::api;
use crate::components::{ChampTexte, message_erreur};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::session::Session;
use clef_domain::api::{Identifiants, SessionOuverte};
use leptos::prelude::*;

#[component]
pub fn ConnexionConseiller() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let email = RwSignal::new(String::new());
    let mot_de_passe = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let envoi = Envoi::avec_message(
        move |identifiants: Identifiants| async move {
            let r = api::connecter(&identifiants).await;
            // The code is used up whatever happened: the next try needs the next one.
            code.set(String::new());
            r
        },
        move |ouverte: SessionOuverte| session.ouvrir(ouverte),
        move |e| {
            (e.status() == Some(401)).then(|| tu_string!(i18n, conseiller.incorrect).to_string())
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(Identifiants {
            email: email.get_untracked(),
            mot_de_passe: mot_de_passe.get_untracked(),
            code: Some(code.get_untracked()),
        });
    };
    view! {
        <p>{tu_string!(i18n, conseiller.texte_connexion)}</p>
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
            <ChampTexte
                id="code".into()
                libelle=tu_string!(i18n, conseiller.code).to_string()
                valeur=code
                erreur=message_erreur(erreurs, "code".into(), false)
                aide=tu_string!(i18n, conseiller.code_aide).to_string()
                autocomplete="one-time-code"
                inputmode="numeric"
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
    }
}
