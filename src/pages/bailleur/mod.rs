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

use crate::api;
use crate::components::{ReserveAuxBailleurs, Sommaire, charger, titre_document};
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::{Brouillon, BrouillonResume, OffreBailleur, TableauDeBord};
use clef_domain::offre::ProjetOffre;
use clef_domain::suite::EtapeOffre;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Where a listing stands, in the staff's words.
pub fn etape(i18n: I18nContext<Locale>, o: &OffreBailleur) -> String {
    libelle_etape(i18n, o.etape())
}

fn libelle_etape(i18n: I18nContext<Locale>, etape: EtapeOffre) -> String {
    match etape {
        EtapeOffre::AVenir => tu_string!(i18n, bailleur.etape_a_venir),
        EtapeOffre::Ouverte => tu_string!(i18n, bailleur.etape_ouverte),
        EtapeOffre::AClasser => tu_string!(i18n, bailleur.etape_a_classer),
        EtapeOffre::Classee => tu_string!(i18n, bailleur.etape_classee),
        EtapeOffre::Attribuee => tu_string!(i18n, bailleur.etape_attribuee),
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
                <Sommaire
                    libelle=tu_string!(i18n, bailleur.sommaire)
                    sections=vec![
                        ("offres-titre", tu_string!(i18n, bailleur.offres).to_string()),
                        ("brouillons-titre", tu_string!(i18n, bailleur.brouillons).to_string()),
                        ("tableau-titre", tu_string!(i18n, bailleur.tableau).to_string()),
                    ]
                />
                <NouvelleOffre />
                <Offres />
                <Brouillons />
                <TableauDeBordCharge />
            </ReserveAuxBailleurs>
        </div>
    }
}

#[component]
fn NouvelleOffre() -> impl IntoView {
    let i18n = use_i18n();
    let naviguer = use_navigate();
    let envoi = Envoi::sans_champ(
        |()| async move { api::creer_brouillon(&ProjetOffre::default()).await },
        move |b: Brouillon| {
            naviguer(
                &format!("/bailleur/brouillons/{}", b.id),
                Default::default(),
            )
        },
    );
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    view! {
        <p class="actions">
            <button type="button" class="bouton bouton--principal" on:click=move |_| envoi.soumettre(())
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
    view! {
        <section aria-labelledby="brouillons-titre">
            <h2 id="brouillons-titre" tabindex="-1">{tu_string!(i18n, bailleur.brouillons)}</h2>
            {charger(
                |a| api::brouillons().lire_annulable(a),
                move |liste: Vec<BrouillonResume>, _| if liste.is_empty() {
                    view! {
                        <p class="etat etat--vide">{tu_string!(i18n, bailleur.aucun_brouillon)}</p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="liste-simple">
                            {liste.into_iter().map(|b| {
                                let titre = if b.titre.trim().is_empty() { tu_string!(i18n, bailleur.sans_titre).to_string() } else { b.titre };
                                view! { <li><a href=format!("/bailleur/brouillons/{}", b.id)>{titre}</a></li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                },
            )}
        </section>
    }
}

#[component]
fn Offres() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="offres-titre">
            <h2 id="offres-titre" tabindex="-1">{tu_string!(i18n, bailleur.offres)}</h2>
            {charger(
                |a| api::offres_du_bailleur().lire_annulable(a),
                move |liste: Vec<OffreBailleur>, _| if liste.is_empty() {
                    view! {
                        <p class="etat etat--vide">{tu_string!(i18n, bailleur.aucune_offre)}</p>
                    }.into_any()
                } else {
                    view! { <OffresFiltrees offres=liste /> }.into_any()
                },
            )}
        </section>
    }
}

/// The listings at one stage and matching a search, both kept in the address so that
/// coming back from a listing finds the list as it was.
#[component]
fn OffresFiltrees(offres: Vec<OffreBailleur>) -> impl IntoView {
    let i18n = use_i18n();
    let requete = use_query_map();
    let naviguer = use_navigate();
    let etape = Memo::new(move |_| {
        requete
            .read()
            .get("etape")
            .and_then(|c| EtapeOffre::du_code(&c))
    });
    let recherche = Memo::new(move |_| requete.read().get("q").unwrap_or_default());
    let changer = move |etape: Option<EtapeOffre>, recherche: String| {
        let mut paires = Vec::new();
        if let Some(e) = etape {
            paires.push(("etape", e.code().to_owned()));
        }
        if !recherche.is_empty() {
            paires.push(("q", recherche));
        }
        let query = api::query(&paires);
        let adresse = if query.is_empty() {
            "/bailleur".to_owned()
        } else {
            format!("/bailleur?{query}")
        };
        naviguer(
            &adresse,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let total = offres.len();
    let par_etape: Vec<(EtapeOffre, usize)> = EtapeOffre::TOUTES
        .into_iter()
        .map(|e| (e, offres.iter().filter(|o| o.etape() == e).count()))
        .collect();
    let offres = StoredValue::new(offres);
    let affichees = Memo::new(move |_| {
        let (etape, recherche) = (etape.get(), recherche.get());
        offres.with_value(|o| {
            o.iter()
                .filter(|o| o.correspond(etape, &recherche))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let changer_etape = changer.clone();
    let changer_recherche = changer.clone();
    view! {
        <form class="filtres-offres" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="champ">
                <label for="filtre-etape">{tu_string!(i18n, bailleur.filtre_etape)}</label>
                <select id="filtre-etape"
                    on:change=move |ev| changer_etape(EtapeOffre::du_code(&event_target_value(&ev)), recherche.get_untracked())>
                    <option value="" selected=move || etape.get().is_none()>
                        {format!("{} ({total})", tu_string!(i18n, bailleur.toutes_etapes))}
                    </option>
                    {par_etape.into_iter().map(|(e, n)| view! {
                        <option value=e.code() selected=move || etape.get() == Some(e)>
                            {format!("{} ({n})", libelle_etape(i18n, e))}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="champ">
                <label for="filtre-recherche">{tu_string!(i18n, bailleur.rechercher)}</label>
                <p class="aide" id="filtre-recherche-aide">{tu_string!(i18n, bailleur.rechercher_aide)}</p>
                <input id="filtre-recherche" type="search" maxlength="100" autocomplete="off"
                    aria-describedby="filtre-recherche-aide"
                    prop:value=move || recherche.get()
                    on:input=move |ev| changer_recherche(etape.get_untracked(), event_target_value(&ev)) />
            </div>
        </form>
        <p id="offres-compte" aria-live="polite">
            {move || tu_string!(i18n, bailleur.n_affichees, n = affichees.with(Vec::len), total).to_string()}
        </p>
        {move || {
            let liste = affichees.get();
            if liste.is_empty() {
                let changer = changer.clone();
                view! {
                    <div class="etat etat--vide">
                        <p>{tu_string!(i18n, bailleur.aucune_correspondance)}</p>
                        <button type="button" class="bouton bouton--secondaire"
                            on:click=move |_| changer(None, String::new())>
                            {tu_string!(i18n, bailleur.toutes_les_offres)}
                        </button>
                    </div>
                }.into_any()
            } else {
                view! { <ListeOffres offres=liste /> }.into_any()
            }
        }}
    }
}

#[component]
fn ListeOffres(offres: Vec<OffreBailleur>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    view! {
        <ul class="candidatures" id="offres-liste">
            {offres.into_iter().map(|o| {
                let etape = etape(i18n, &o);
                let n = o.candidatures;
                let cloture = format::date_longue(balise, o.offre.cloture);
                view! {
                    <li class="carte-candidature">
                        <h3><a href=format!("/bailleur/offres/{}", o.offre.id)>{o.offre.titre.clone()}</a></h3>
                        <p class="aide">{o.offre.commune.clone()} " · " {libelles::typologie(i18n, o.offre.typologie)} " · n° " {o.offre.id}</p>
                        <p><span class="etiquette">{etape}</span></p>
                        <p>{tu_string!(i18n, bailleur.n_candidatures, n)} " · " {tu_string!(i18n, bailleur.cloture_le, cloture)}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn TableauDeBordCharge() -> impl IntoView {
    charger(
        |a| api::tableau_de_bord().lire_annulable(a),
        |tableau: TableauDeBord, _| view! { <tableau::Tableau tableau /> },
    )
}
