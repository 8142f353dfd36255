//! The landlord staff's space: `/bailleur` (dashboard, listings, drafts), a draft being
//! written, a published listing through closing, commission and lease.

mod apercu;
pub mod brouillon;
mod commission;
mod formulaire;
mod issues;
pub mod modifier;
pub mod offre;
mod photos;
mod resume_erreurs;
mod saisie;
mod tableau;

use crate::api::{self, Methode};
use crate::components::{
    Chargement, EtatErreur, ReserveAuxBailleurs, message_echec, titre_document,
};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::{Brouillon, BrouillonResume, OffreBailleur, TableauDeBord};
use clef_domain::offre::{EtatOffre, ProjetOffre};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_navigate;

/// Where a listing stands, in the staff's words.
pub fn etape(i18n: I18nContext<Locale>, o: &OffreBailleur) -> String {
    if o.attribuee {
        return tu_string!(i18n, bailleur.etape_attribuee).to_string();
    }
    match (o.offre.etat, o.classee_le) {
        (EtatOffre::AVenir, _) => tu_string!(i18n, bailleur.etape_a_venir),
        (EtatOffre::Ouverte, _) => tu_string!(i18n, bailleur.etape_ouverte),
        (EtatOffre::Cloturee, None) => tu_string!(i18n, bailleur.etape_a_classer),
        (EtatOffre::Cloturee, Some(_)) => tu_string!(i18n, bailleur.etape_classee),
    }
    .to_string()
}

#[component]
pub fn PageEspaceBailleur() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, bailleur.titre));
    view! {
        <div class="page">
            <h1>{tu_string!(i18n, bailleur.titre)}</h1>
            <ReserveAuxBailleurs>
                <NouvelleOffre />
                <Brouillons />
                <Offres />
                <TableauDeBordCharge />
            </ReserveAuxBailleurs>
        </div>
    }
}

#[component]
fn NouvelleOffre() -> impl IntoView {
    let i18n = use_i18n();
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let naviguer = use_navigate();
    let creer = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        let naviguer = naviguer.clone();
        spawn_local(async move {
            let r = api::envoyer::<_, Brouillon>(
                Methode::Post,
                "/bailleur/brouillons",
                &ProjetOffre::default(),
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(b) => naviguer(
                    &format!("/bailleur/brouillons/{}", b.id),
                    Default::default(),
                ),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <p class="actions">
            <button type="button" class="bouton bouton--principal" on:click=creer
                aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, bailleur.nouvelle_offre)}
            </button>
        </p>
        {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
    }
}

#[component]
fn Brouillons() -> impl IntoView {
    let i18n = use_i18n();
    let liste = LocalResource::new(|| api::obtenir::<Vec<BrouillonResume>>("/bailleur/brouillons"));
    view! {
        <Transition fallback=Chargement>
            {move || Suspend::new(async move {
                match liste.await {
                    Ok(liste) if liste.is_empty() => ().into_any(),
                    Ok(liste) => view! {
                        <section aria-labelledby="brouillons-titre">
                            <h2 id="brouillons-titre">{tu_string!(i18n, bailleur.brouillons)}</h2>
                            <ul class="liste-simple">
                                {liste.into_iter().map(|b| {
                                    let titre = if b.titre.trim().is_empty() { tu_string!(i18n, bailleur.sans_titre).to_string() } else { b.titre };
                                    view! { <li><a href=format!("/bailleur/brouillons/{}", b.id)>{titre}</a></li> }
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                    Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| liste.refetch()) /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Offres() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let liste = LocalResource::new(|| api::obtenir::<Vec<OffreBailleur>>("/bailleur/offres"));
    view! {
        <section aria-labelledby="offres-titre">
            <h2 id="offres-titre">{tu_string!(i18n, bailleur.offres)}</h2>
            <Transition fallback=Chargement>
                {move || Suspend::new(async move {
                    match liste.await {
                        Ok(liste) if liste.is_empty() => view! {
                            <p class="etat etat--vide">{tu_string!(i18n, bailleur.aucune_offre)}</p>
                        }.into_any(),
                        Ok(liste) => view! {
                            <ul class="candidatures">
                                {liste.into_iter().map(|o| {
                                    let etape = etape(i18n, &o);
                                    let n = o.candidatures;
                                    let cloture = format::date_longue(balise, o.offre.cloture);
                                    view! {
                                        <li class="carte-candidature">
                                            <h3><a href=format!("/bailleur/offres/{}", o.offre.id)>{o.offre.titre.clone()}</a></h3>
                                            <p class="aide">{o.offre.commune.clone()} " · " {libelles::typologie(i18n, o.offre.typologie)}</p>
                                            <p><span class="etiquette">{etape}</span></p>
                                            <p>{tu_string!(i18n, bailleur.n_candidatures, n)} " · " {tu_string!(i18n, bailleur.cloture_le, cloture)}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| liste.refetch()) /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn TableauDeBordCharge() -> impl IntoView {
    let tableau = LocalResource::new(|| api::obtenir::<TableauDeBord>("/bailleur/tableau-de-bord"));
    view! {
        <Transition fallback=Chargement>
            {move || Suspend::new(async move {
                match tableau.await {
                    Ok(tableau) => view! { <tableau::Tableau tableau /> }.into_any(),
                    Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| tableau.refetch()) /> }.into_any(),
                }
            })}
        </Transition>
    }
}
