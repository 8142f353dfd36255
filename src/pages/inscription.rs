//! `/inscription`: create an applicant's account with the numéro unique of the request.

use crate::api;
use crate::components::{ChampTexte, message_erreur, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::session::Session;
use clef_domain::api::{Inscription, SessionOuverte};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PageInscription() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, inscription.titre));
    let session = Session::utiliser();
    let numero = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let mot_de_passe = RwSignal::new(String::new());
    let naviguer = use_navigate();
    let envoi = Envoi::avec_message(
        |inscription: Inscription| async move { api::inscrire(&inscription).await },
        move |ouverte: SessionOuverte| {
            session.ouvrir(ouverte);
            naviguer("/mon-dossier", Default::default());
        },
        move |e| {
            (!e.champs().is_empty()).then(|| tu_string!(i18n, inscription.corriger).to_string())
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(Inscription {
            numero_unique: numero.get_untracked(),
            email: email.get_untracked(),
            mot_de_passe: mot_de_passe.get_untracked(),
        });
    };

    view! {
        <div class="page page--formulaire">
            <h1>{tu_string!(i18n, inscription.titre)}</h1>
            <p>{tu_string!(i18n, inscription.intro)}</p>
            <form class="formulaire" on:submit=soumettre novalidate=true>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <ChampTexte
                    id="numero-unique".into()
                    libelle=tu_string!(i18n, compte.numero_unique).to_string()
                    aide=tu_string!(i18n, compte.numero_unique_aide).to_string()
                    valeur=numero
                    erreur=message_erreur(erreurs, "numero_unique".into(), false)
                    autocomplete="off"
                    requis=true
                />
                <ChampTexte
                    id="email".into()
                    libelle=tu_string!(i18n, compte.email).to_string()
                    valeur=email
                    erreur=message_erreur(erreurs, "email".into(), false)
                    type_="email"
                    autocomplete="email"
                    requis=true
                />
                <ChampTexte
                    id="mot-de-passe".into()
                    libelle=tu_string!(i18n, compte.mot_de_passe).to_string()
                    aide=tu_string!(i18n, compte.mot_de_passe_aide).to_string()
                    valeur=mot_de_passe
                    erreur=message_erreur(erreurs, "mot_de_passe".into(), false)
                    type_="password"
                    autocomplete="new-password"
                    requis=true
                />
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                    {move || if en_cours.get() {
                        tu_string!(i18n, inscription.en_cours)
                    } else {
                        tu_string!(i18n, inscription.creer)
                    }}
                </button>
            </form>
            <p>{tu_string!(i18n, inscription.deja)} " " <a href="/connexion">{tu_string!(i18n, connexion.se_connecter)}</a></p>
            <p class="aide">{tu_string!(i18n, connexion.sans_numero)}</p>
            <p class="aide">{tu_string!(i18n, inscription.donnees)}</p>
        </div>
    }
}
