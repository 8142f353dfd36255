use crate::api::{self, Methode};
use crate::components::{
    ChampTexte, focaliser_apres_rendu, message_echec, message_erreur, titre_document,
};
use crate::i18n::*;
use clef_domain::api::OubliMotDePasse;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `/mot-de-passe-oublie`: the e-mail address of the account; the same answer whether an
/// account has it or not.
#[component]
pub fn PageMotDePasseOublie() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, oubli.titre));
    let email = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<String>);
    let envoye = RwSignal::new(false);
    let en_cours = RwSignal::new(false);
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let corps = OubliMotDePasse {
            email: email.get_untracked(),
        };
        spawn_local(async move {
            let r =
                api::envoyer_sans_reponse_avec(Methode::Post, "/mot-de-passe/oubli", &corps).await;
            en_cours.set(false);
            match r {
                Ok(()) => {
                    envoye.set(true);
                    focaliser_apres_rendu("oubli-envoye");
                }
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <div class="page page--formulaire">
            <h1>{tu_string!(i18n, oubli.titre)}</h1>
            {move || if envoye.get() {
                view! {
                    <div class="succes" id="oubli-envoye" tabindex="-1" role="status">
                        <p>{tu_string!(i18n, oubli.envoye)}</p>
                        <p>{tu_string!(i18n, oubli.envoye_aide)}</p>
                    </div>
                    <p><a href="/connexion">{tu_string!(i18n, oubli.retour)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{tu_string!(i18n, oubli.texte)}</p>
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
                        <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                            {tu_string!(i18n, oubli.envoyer)}
                        </button>
                    </form>
                    <p class="aide">{tu_string!(i18n, oubli.guichet)}</p>
                }.into_any()
            }}
        </div>
    }
}
