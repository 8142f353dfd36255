//! The programmes the territory classes by fragility under its collective agreement
//! (ACI): the list, a form to add one, and a confirmed removal.

use crate::api::{self, Methode};
use crate::components::{
    ChampTexte, Chargement, Choix, Confirmation, EtatErreur, message_echec, message_erreur,
};
use crate::i18n::*;
use crate::libelles;
use clef_domain::api::{Commune, NouveauProgramme, Programme};
use clef_domain::fragilite::Fragilite;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Programmes() -> impl IntoView {
    let i18n = use_i18n();
    let liste = LocalResource::new(|| api::obtenir::<Vec<Programme>>("/territoire/programmes"));
    let communes = LocalResource::new(|| api::obtenir::<Vec<Commune>>("/communes"));
    let recharger = Callback::new(move |_| liste.refetch());
    view! {
        <section aria-labelledby="titre-programmes">
            <h2 id="titre-programmes" tabindex="-1">{tu_string!(i18n, territoire.programmes)}</h2>
            <p>{tu_string!(i18n, territoire.programmes_intro)}</p>
            <Transition fallback=Chargement>
                {move || Suspend::new(async move {
                    match (liste.await, communes.await) {
                        (Ok(l), Ok(c)) => view! {
                            <Liste programmes=l recharger />
                            <Ajouter communes=c recharger />
                        }
                        .into_any(),
                        (Err(erreur), _) | (_, Err(erreur)) => view! { <EtatErreur erreur reessayer=recharger /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Liste(programmes: Vec<Programme>, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    if programmes.is_empty() {
        return view! { <p class="etat">{tu_string!(i18n, territoire.programmes_aucun)}</p> }
            .into_any();
    }
    view! {
        <ul class="liste-cartes" id="liste-programmes">
            {programmes.into_iter().map(|p| {
                let id = p.id;
                let en_cours = RwSignal::new(false);
                let echec = RwSignal::new(None::<String>);
                let retirer = Callback::new(move |_| {
                    en_cours.set(true);
                    spawn_local(async move {
                        let r = api::envoyer_sans_reponse(Methode::Delete, &format!("/territoire/programmes/{id}")).await;
                        en_cours.set(false);
                        match r {
                            Ok(()) => recharger.run(()),
                            Err(e) => echec.set(Some(message_echec(i18n, e))),
                        }
                    });
                });
                view! {
                    <li class="carte">
                        <p><strong>{p.nom.clone()}</strong> " · " {libelles::fragilite(i18n, p.fragilite)}</p>
                        <p>{format!("{}, {}", p.voie, p.commune)}</p>
                        <Confirmation
                            id=format!("retirer-programme-{id}")
                            libelle=tu_string!(i18n, territoire.declasser).to_string()
                            titre=tu_string!(i18n, territoire.declasser_titre).to_string()
                            confirmer=tu_string!(i18n, territoire.declasser).to_string()
                            en_cours=en_cours.into()
                            on_confirmer=retirer
                            danger=true
                        />
                        {move || echec.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Ajouter(communes: Vec<Commune>, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let commune = RwSignal::new(String::new());
    let nom = RwSignal::new(String::new());
    let voie = RwSignal::new(String::new());
    let classe = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let options_communes = Signal::derive(move || {
        communes
            .iter()
            .map(|c| (c.slug.clone(), c.nom.clone()))
            .collect::<Vec<_>>()
    });
    let options_classes = Signal::derive(move || {
        Fragilite::TOUTES
            .into_iter()
            .map(|f| (f.code().to_owned(), libelles::fragilite(i18n, f)))
            .collect::<Vec<_>>()
    });
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        let Some(fragilite) = Fragilite::depuis_code(&classe.get_untracked()) else {
            erreurs.set(vec![clef_domain::ErreurChamp::new(
                "fragilite",
                clef_domain::CodeErreur::Requis,
            )]);
            return;
        };
        let corps = NouveauProgramme {
            commune: commune.get_untracked(),
            nom: nom.get_untracked(),
            voie: voie.get_untracked(),
            fragilite,
        };
        en_cours.set(true);
        erreurs.set(Vec::new());
        message.set(None);
        spawn_local(async move {
            let r =
                api::envoyer::<_, Programme>(Methode::Post, "/territoire/programmes", &corps).await;
            en_cours.set(false);
            match r {
                Ok(_) => recharger.run(()),
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <form class="formulaire" on:submit=soumettre novalidate=true>
            <h3>{tu_string!(i18n, territoire.programme_ajouter)}</h3>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            <Choix champ="commune" libelle=tu_string!(i18n, territoire.commune).to_string() valeur=commune
                options=options_communes vide=tu_string!(i18n, territoire.commune_vide).to_string() erreurs />
            <ChampTexte id="programme-nom".into() libelle=tu_string!(i18n, territoire.programme_nom).to_string()
                valeur=nom erreur=message_erreur(erreurs, "nom".into(), false) requis=true />
            <ChampTexte id="programme-voie".into() libelle=tu_string!(i18n, territoire.programme_voie).to_string()
                valeur=voie erreur=message_erreur(erreurs, "voie".into(), false)
                aide=tu_string!(i18n, territoire.programme_voie_aide).to_string() requis=true />
            <Choix champ="fragilite" libelle=tu_string!(i18n, territoire.fragilite).to_string() valeur=classe
                options=options_classes vide=tu_string!(i18n, territoire.fragilite_vide).to_string() erreurs />
            <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, territoire.programme_ajouter)}
            </button>
        </form>
    }
}
