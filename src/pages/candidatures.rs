//! `/mes-candidatures`: my applications, each with its rank and what it means.

use crate::api;
use crate::components::{ReserveAuDossier, charger, texte_position, titre_document};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::{CandidatureResume, EtatCandidature};
use clef_domain::classement::Chance;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

pub fn texte_etat(
    i18n: I18nContext<Locale>,
    c: &CandidatureResume,
    aujourdhui_cloture: bool,
) -> String {
    match c.etat {
        EtatCandidature::Deposee if aujourdhui_cloture => tu_string!(i18n, mes.etat_cloturee),
        EtatCandidature::Deposee => tu_string!(i18n, mes.etat_deposee),
        EtatCandidature::Retiree => tu_string!(i18n, mes.etat_retiree),
        EtatCandidature::Classee => tu_string!(i18n, mes.etat_classee),
        EtatCandidature::Presentee => tu_string!(i18n, mes.etat_presentee),
        EtatCandidature::Attribuee => tu_string!(i18n, mes.etat_attribuee),
        EtatCandidature::NonRetenue => tu_string!(i18n, mes.etat_non_retenue),
    }
    .to_string()
}

pub fn texte_chance(i18n: I18nContext<Locale>, chance: Chance) -> String {
    match chance {
        Chance::TresBonne => tu_string!(i18n, mes.chance_tres_bonne),
        Chance::Bonne => tu_string!(i18n, mes.chance_bonne),
        Chance::Possible => tu_string!(i18n, mes.chance_possible),
        Chance::Faible => tu_string!(i18n, mes.chance_faible),
    }
    .to_string()
}

#[component]
pub fn PageCandidatures() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::session::Session::utiliser();
    let titre = move || {
        if session.pour_un_tiers() {
            tu_string!(i18n, tiers.mes_titre)
        } else {
            tu_string!(i18n, mes.titre)
        }
    };
    titre_document(titre());
    view! {
        <div class="page">
            <h1>{titre}</h1>
            <ReserveAuDossier>
                <ListeCandidatures />
                <p><a href="/recapitulatif">{tu_string!(i18n, nav.recapitulatif)}</a></p>
            </ReserveAuDossier>
        </div>
    }
}

#[component]
fn ListeCandidatures() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    view! {
        <p>{tu_string!(i18n, mes.intro)}</p>
        <p><a href="/mon-score">{tu_string!(i18n, mes.mon_score)}</a></p>
        {charger(
            |a| api::candidatures().lire_annulable(a),
            move |liste: Vec<CandidatureResume>, _| {
                if liste.is_empty() {
                    return view! {
                        <div class="etat">
                            <p class="etat__titre">{tu_string!(i18n, mes.aucune)}</p>
                            <p><a class="bouton" href="/">{tu_string!(i18n, dossier.voir_logements)}</a></p>
                        </div>
                    }
                    .into_any();
                }
                view! {
                    <ul class="candidatures">
                        {liste.into_iter().map(|c| {
                            let cloturee = c.offre.etat == clef_domain::offre::EtatOffre::Cloturee;
                            let etat = texte_etat(i18n, &c, cloturee);
                            let rang = c.position.map(|p| texte_position(i18n, p));
                            let chance = c.chance().map(|ch| texte_chance(i18n, ch));
                            let depose = format::date_longue(balise, c.deposee_le);
                            let cloture = format::date_longue(balise, c.offre.cloture);
                            let dates = tu_string!(i18n, mes.dates, depose, cloture).to_string();
                            view! {
                                <li class="carte-candidature">
                                    <h2><a href=format!("/mes-candidatures/{}", c.id)>{c.offre.titre.clone()}</a></h2>
                                    <p class="aide">{c.offre.commune.clone()} " · " {libelles::typologie(i18n, c.offre.typologie)}</p>
                                    <p><span class=format!("etiquette etiquette--{:?}", c.etat).to_lowercase()>{etat}</span></p>
                                    {rang.map(|rang| view! { <p class="position"><strong>{rang}</strong></p> })}
                                    {chance.map(|chance| view! { <p>{chance}</p> })}
                                    <p class="aide">{dates}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            },
        )}
    }
}
