//! `/qui-a-agi`: "Qui a agi sur mon dossier", every act an advisor did for the applicant
//! under a mandate, read from the append-only journal.

use crate::api;
use crate::components::{ReserveAuxDemandeurs, charger, titre_document};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::api::{ActeJournal, EntreeJournal};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

#[component]
pub fn PageJournal() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, journal.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, journal.titre)}</h1>
            <p>{tu_string!(i18n, journal.intro)}</p>
            <ReserveAuxDemandeurs>
                <Charger />
            </ReserveAuxDemandeurs>
            <p><a href="/mes-mandats">{tu_string!(i18n, nav.mandats)}</a></p>
        </div>
    }
}

fn acte(i18n: I18nContext<Locale>, e: &EntreeJournal) -> String {
    let offre = e.offre.clone().unwrap_or_default();
    match e.acte {
        ActeJournal::DossierOuvert => tu_string!(i18n, journal.dossier_ouvert).to_string(),
        ActeJournal::FoyerEnregistre => tu_string!(i18n, journal.foyer_enregistre).to_string(),
        ActeJournal::CandidatureDeposee => {
            tu_string!(i18n, journal.candidature_deposee, offre).to_string()
        }
        ActeJournal::CandidatureRetiree => {
            tu_string!(i18n, journal.candidature_retiree, offre).to_string()
        }
        ActeJournal::AccompagnementTermine => {
            tu_string!(i18n, journal.accompagnement_termine).to_string()
        }
    }
}

#[component]
fn Charger() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    charger(
        |a| api::journal().lire_annulable(a),
        move |entrees: Vec<EntreeJournal>, _| {
            if entrees.is_empty() {
                return view! { <p class="etat">{tu_string!(i18n, journal.vide)}</p> }.into_any();
            }
            view! {
                <ol class="journal">
                    {entrees.into_iter().map(|e| {
                        let quand = tu_string!(i18n, journal.quand, jour = format::date_longue(balise, e.jour), heure = e.heure.clone()).to_string();
                        let qui = tu_string!(i18n, journal.qui, conseiller = e.conseiller.clone(), structure = e.structure.clone(), mandat = e.mandat_id).to_string();
                        view! {
                            <li class="journal__entree">
                                <p class="journal__quand">{quand}</p>
                                <p><strong>{acte(i18n, &e)}</strong></p>
                                <p class="aide">{qui}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        },
    )
}
