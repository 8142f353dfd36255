use crate::api;
use crate::components::{ChampTexte, message_erreur};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::session::Session;
use clef_domain::api::NouvelleRecherche;
use clef_domain::recherche::Recherche;
use leptos::prelude::*;

/// "Enregistrer cette recherche": for a logged-in applicant, keeps the current search so
/// that new matching listings are announced in the notifications.
#[component]
pub fn SauverRecherche(recherche: Memo<Recherche>) -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let ouvert = RwSignal::new(false);
    let nom = RwSignal::new(String::new());
    let fait = RwSignal::new(false);
    let envoi = Envoi::new(
        |nouvelle: NouvelleRecherche| async move { api::sauvegarder_recherche(&nouvelle).await },
        move |_| {
            fait.set(true);
            ouvert.set(false);
        },
    );
    let (erreurs, erreur) = (envoi.erreurs, envoi.message);
    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A saved search announces new homes by the criteria anyone can read; whether the
        // applicant can apply to them, each notification's listing says.
        let criteres = Recherche {
            pour_moi: false,
            restrictions: Default::default(),
            ..recherche.get_untracked()
        };
        envoi.soumettre(NouvelleRecherche {
            nom: nom.get_untracked(),
            requete: api::query(&criteres.en_paires()),
        });
    };
    move || {
        if !session.demandeur() {
            return ().into_any();
        }
        if fait.get() {
            return view! {
                <p class="succes" role="status">{tu_string!(i18n, sauver.fait)} " " <a href="/notifications">{tu_string!(i18n, nav.notifications)}</a></p>
            }
            .into_any();
        }
        if !ouvert.get() {
            // Worth saving once the search says something.
            if !recherche.read().a_des_filtres() {
                return ().into_any();
            }
            return view! {
                <button type="button" class="bouton bouton--secondaire" on:click=move |_| ouvert.set(true)>
                    {tu_string!(i18n, sauver.bouton)}
                </button>
            }
            .into_any();
        }
        let general = message_erreur(erreurs, "recherches".into(), false);
        view! {
            <form class="formulaire formulaire--en-ligne" on:submit=enregistrer>
                <ChampTexte
                    id="nom-recherche".into()
                    libelle=tu_string!(i18n, sauver.nom).to_string()
                    aide=tu_string!(i18n, sauver.aide).to_string()
                    valeur=nom
                    erreur=message_erreur(erreurs, "nom".into(), false)
                    requis=true
                />
                {move || general.get().map(|_| view! { <p class="champ__erreur">{tu_string!(i18n, sauver.trop)}</p> })}
                {move || erreur.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <p class="actions">
                    <button type="submit" class="bouton bouton--principal">{tu_string!(i18n, sauver.enregistrer)}</button>
                    <button type="button" class="bouton bouton--secondaire" on:click=move |_| ouvert.set(false)>{tu_string!(i18n, avant.annuler)}</button>
                </p>
            </form>
        }
        .into_any()
    }
}
