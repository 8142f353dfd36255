//! The advisor's log-in: e-mail, password, and the six-digit code of their authenticator
//! app. A wrong answer never says which of the three was wrong.

use crate::api::{self, ErreurChargement, Methode};
use crate::components::{ChampTexte, message_echec, message_erreur};
use crate::i18n::*;
use crate::session::Session;
use clef_domain::api::{Identifiants, SessionOuverte};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ConnexionConseiller() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let email = RwSignal::new(String::new());
    let mot_de_passe = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let identifiants = Identifiants {
            email: email.get_untracked(),
            mot_de_passe: mot_de_passe.get_untracked(),
            code: Some(code.get_untracked()),
        };
        spawn_local(async move {
            let r =
                api::envoyer::<_, SessionOuverte>(Methode::Post, "/session", &identifiants).await;
            en_cours.set(false);
            // The code is used up whatever happened: the next try needs the next one.
            code.set(String::new());
            match r {
                Ok(ouverte) => session.ouvrir(ouverte),
                Err(ErreurChargement::Probleme(p)) if p.status == 401 => {
                    message.set(Some(tu_string!(i18n, conseiller.incorrect).to_string()));
                }
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
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
