use crate::api;
use crate::components::{ChampTexte, focaliser_apres_rendu, message_erreur, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use clef_domain::api::OubliMotDePasse;
use leptos::prelude::*;

/// `/mot-de-passe-oublie`: the e-mail address of the account; the same answer whether an
/// account has it or not.
#[component]
pub fn PageMotDePasseOublie() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, oubli.titre));
    let email = RwSignal::new(String::new());
    let envoye = RwSignal::new(false);
    let envoi = Envoi::new(
        |corps: OubliMotDePasse| async move { api::oubli_mot_de_passe(&corps).await },
        move |()| {
            envoye.set(true);
            focaliser_apres_rendu("oubli-envoye");
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(OubliMotDePasse {
            email: email.get_untracked(),
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
