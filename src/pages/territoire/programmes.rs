//! The programmes the territory classes by fragility under its collective agreement
//! (ACI): the list, a form to add one, and a confirmed removal.

use crate::api::{self, ProgrammeId};
use crate::components::{ChampTexte, Choix, Confirmation, charger, message_erreur};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::libelles;
use clef_domain::api::{Commune, NouveauProgramme, Programme};
use clef_domain::fragilite::Fragilite;
use leptos::prelude::*;

#[component]
pub fn Programmes() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="titre-programmes">
            <h2 id="titre-programmes" tabindex="-1">{tu_string!(i18n, territoire.programmes)}</h2>
            <p>{tu_string!(i18n, territoire.programmes_intro)}</p>
            {charger(
                |a| async move {
                    let liste = api::programmes().lire_annulable(a.clone()).await?;
                    let communes = api::communes().lire_annulable(a).await?;
                    Ok((liste, communes))
                },
                |(l, c): (Vec<Programme>, Vec<Commune>), recharger| view! {
                    <Liste programmes=l recharger />
                    <Ajouter communes=c recharger />
                },
            )}
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
                let envoi = Envoi::sans_champ(api::retirer_programme, move |()| recharger.run(()));
                let (en_cours, echec) = (envoi.en_cours(), envoi.message);
                let retirer = Callback::new(move |()| envoi.soumettre(ProgrammeId(id)));
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
    let envoi = Envoi::new(
        |nouveau: NouveauProgramme| async move { api::ajouter_programme(&nouveau).await },
        move |_| recharger.run(()),
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
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
        let Some(fragilite) = Fragilite::depuis_code(&classe.get_untracked()) else {
            erreurs.set(vec![clef_domain::ErreurChamp::new(
                "fragilite",
                clef_domain::CodeErreur::Requis,
            )]);
            return;
        };
        envoi.soumettre(NouveauProgramme {
            commune: commune.get_untracked(),
            nom: nom.get_untracked(),
            voie: voie.get_untracked(),
            fragilite,
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
