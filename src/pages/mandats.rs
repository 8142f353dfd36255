//! `/mes-mandats`: the applicant gives a France Services office a mandate to act for them,
//! sees each one (with the code to give an advisor who started one at the counter), and
//! revokes it at any time.

use crate::api::{self, MandatId};
use crate::components::{
    Choix, ChoixMandat, Confirmation, ReserveAuxDemandeurs, SaisieMandat, charger, titre_document,
};
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::{MandatVue, MesMandats, NouveauMandat, Structure};
use clef_domain::mandat::StatutMandat;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

#[component]
pub fn PageMandats() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, mandats.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, mandats.titre)}</h1>
            <p>{tu_string!(i18n, mandats.intro)}</p>
            <ReserveAuxDemandeurs>
                <Charger />
            </ReserveAuxDemandeurs>
            <p><a href="/qui-a-agi">{tu_string!(i18n, nav.journal)}</a></p>
        </div>
    }
}

#[component]
fn Charger() -> impl IntoView {
    charger(
        |a| api::mandats().lire_annulable(a),
        |m: MesMandats, recharger| {
            view! {
                <Liste mandats=m.mandats recharger />
                <Donner structures=m.structures recharger />
            }
        },
    )
}

fn statut(i18n: I18nContext<Locale>, s: StatutMandat) -> String {
    match s {
        StatutMandat::EnAttente => tu_string!(i18n, mandats.statut_en_attente),
        StatutMandat::Actif => tu_string!(i18n, mandats.statut_actif),
        StatutMandat::NonConfirme => tu_string!(i18n, mandats.statut_non_confirme),
        StatutMandat::Echu => tu_string!(i18n, mandats.statut_echu),
        StatutMandat::Revoque => tu_string!(i18n, mandats.statut_revoque),
    }
    .to_string()
}

#[component]
fn Liste(mandats: Vec<MandatVue>, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    if mandats.is_empty() {
        return view! { <p class="etat">{tu_string!(i18n, mandats.aucun)}</p> }.into_any();
    }
    view! {
        <section aria-labelledby="titre-mes-mandats">
            <h2 id="titre-mes-mandats">{tu_string!(i18n, mandats.vos_mandats)}</h2>
            <ul class="liste-cartes">
                {mandats.into_iter().map(|m| view! { <li><CarteMandat m recharger /></li> }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn CarteMandat(m: MandatVue, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let id = m.id;
    let envoi = Envoi::sans_champ(api::revoquer_mandat, move |_| recharger.run(()));
    let (en_cours, echec) = (envoi.en_cours(), envoi.message);
    let revoquer = Callback::new(move |()| envoi.soumettre(MandatId(id)));
    let periode = tu_string!(
        i18n,
        mandats.periode,
        debut = format::date_longue(balise, m.debut),
        fin = format::date_longue(balise, m.fin)
    )
    .to_string();
    let actes = m
        .actes
        .iter()
        .map(|&a| view! { <li>{libelles::acte(i18n, a)}</li> })
        .collect_view();
    let vivant = matches!(m.statut, StatutMandat::Actif | StatutMandat::EnAttente);
    let (libelle, titre) = if m.statut == StatutMandat::EnAttente {
        (
            tu_string!(i18n, mandats.refuser),
            tu_string!(i18n, mandats.refuser_titre),
        )
    } else {
        (
            tu_string!(i18n, mandats.revoquer),
            tu_string!(i18n, mandats.revoquer_titre),
        )
    };
    view! {
        <article class="carte carte--mandat" aria-labelledby=format!("mandat-{id}")>
            <h3 id=format!("mandat-{id}")>{m.structure.clone()}</h3>
            <p><strong>{statut(i18n, m.statut)}</strong> " · " {periode}</p>
            {m.code.clone().map(|code| view! {
                <div class="code-mandat">
                    <p>{tu_string!(i18n, mandats.code_a_donner)}</p>
                    <p class="code-mandat__code">{code}</p>
                    <p class="aide">{tu_string!(i18n, mandats.code_aide)}</p>
                </div>
            })}
            <p>{tu_string!(i18n, mandats.couvre)}</p>
            <ul>{actes}</ul>
            {vivant.then(|| view! {
                <Confirmation
                    id=format!("revoquer-{id}")
                    libelle=libelle.to_string()
                    titre=titre.to_string()
                    texte=tu_string!(i18n, mandats.revoquer_texte).to_string()
                    confirmer=libelle.to_string()
                    en_cours=en_cours.into()
                    on_confirmer=revoquer
                    danger=true
                />
            })}
            {move || echec.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </article>
    }
}

#[component]
fn Donner(structures: Vec<Structure>, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let structure = RwSignal::new(String::new());
    let saisie = SaisieMandat::new();
    let envoi = Envoi::new(
        |nouveau: NouveauMandat| async move { api::donner_mandat(&nouveau).await },
        move |_| recharger.run(()),
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let options = Signal::derive(move || {
        structures
            .iter()
            .map(|s| (s.id.to_string(), format!("{} ({})", s.nom, s.commune)))
            .collect::<Vec<_>>()
    });
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(NouveauMandat {
            structure_id: structure.get_untracked().parse().unwrap_or(0),
            actes: saisie.actes(),
            duree_mois: saisie.duree_mois(),
        });
    };
    view! {
        <section aria-labelledby="titre-donner">
            <h2 id="titre-donner">{tu_string!(i18n, mandats.donner_titre)}</h2>
            <p>{tu_string!(i18n, mandats.donner_texte)}</p>
            <form class="formulaire" on:submit=soumettre novalidate=true>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <Choix
                    champ="structure_id"
                    libelle=tu_string!(i18n, mandats.structure).to_string()
                    valeur=structure
                    options
                    vide=tu_string!(i18n, mandats.structure_vide).to_string()
                    erreurs
                />
                <ChoixMandat saisie erreurs />
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                    {tu_string!(i18n, mandats.donner)}
                </button>
            </form>
        </section>
    }
}
