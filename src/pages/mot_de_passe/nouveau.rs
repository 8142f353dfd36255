use crate::api;
use crate::components::{ChampTexte, focaliser_apres_rendu, message_erreur, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use clef_domain::api::NouveauMotDePasse;
use leptos::prelude::*;

/// `/mot-de-passe/nouveau#<jeton>`: the new password, with the link's token.
#[component]
pub fn PageNouveauMotDePasse() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, oubli.nouveau_titre));
    // In the fragment: the browser never sends it, not even to Clef's own server.
    let jeton = window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned();
    let mot_de_passe = RwSignal::new(String::new());
    let change = RwSignal::new(false);
    let sans_jeton = jeton.is_empty();
    let envoi = Envoi::avec_message(
        |corps: NouveauMotDePasse| async move { api::nouveau_mot_de_passe(&corps).await },
        move |()| {
            change.set(true);
            focaliser_apres_rendu("mot-de-passe-change");
        },
        move |e| {
            e.champs()
                .iter()
                .any(|c| c.champ == "jeton")
                .then(|| tu_string!(i18n, oubli.lien_perime).to_string())
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(NouveauMotDePasse {
            jeton: jeton.clone(),
            mot_de_passe: mot_de_passe.get_untracked(),
        });
    };
    view! {
        <div class="page page--formulaire">
            <h1>{tu_string!(i18n, oubli.nouveau_titre)}</h1>
            {move || if change.get() {
                view! {
                    <div class="succes" id="mot-de-passe-change" tabindex="-1" role="status">
                        <p>{tu_string!(i18n, oubli.change)}</p>
                    </div>
                    <p><a class="bouton" href="/connexion">{tu_string!(i18n, connexion.se_connecter)}</a></p>
                }.into_any()
            } else if sans_jeton {
                view! {
                    <p class="alerte" role="alert">{tu_string!(i18n, oubli.lien_perime)}</p>
                }.into_any()
            } else {
                let soumettre = soumettre.clone();
                view! {
                    <form class="formulaire" on:submit=soumettre novalidate=true>
                        {move || message.get().map(|m| view! {
                            <p class="alerte" role="alert">{m} " " <a href="/mot-de-passe-oublie">{tu_string!(i18n, oubli.redemander)}</a></p>
                        })}
                        <ChampTexte
                            id="mot-de-passe".into()
                            libelle=tu_string!(i18n, oubli.nouveau).to_string()
                            aide=tu_string!(i18n, compte.mot_de_passe_aide).to_string()
                            valeur=mot_de_passe
                            erreur=message_erreur(erreurs, "mot_de_passe".into(), false)
                            type_="password"
                            autocomplete="new-password"
                            requis=true
                        />
                        <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                            {tu_string!(i18n, oubli.changer)}
                        </button>
                    </form>
                }.into_any()
            }}
        </div>
    }
}
