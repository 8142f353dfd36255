//! `/resultats` and `/resultats/{id}`: how homes were let, anonymised. The same facts for
//! everyone: applications, eligible ones, the rank and score of the household chosen, the
//! grid version, and why higher-ranked candidates were passed over.

use crate::api::{self, OffreId};
use crate::components::{charger, charger_ou, titre_document};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::{MotifPassage, Resultat};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_params_map;

fn motif(i18n: I18nContext<Locale>, m: MotifPassage) -> String {
    match m {
        MotifPassage::Desistement => tu_string!(i18n, resultats.motif_desistement),
        MotifPassage::RefusDuLogement => tu_string!(i18n, resultats.motif_refus_du_logement),
        MotifPassage::PlafondDepasse => tu_string!(i18n, resultats.motif_plafond_depasse),
        MotifPassage::LogementInadapte => tu_string!(i18n, resultats.motif_logement_inadapte),
        MotifPassage::TauxEffortExcessif => tu_string!(i18n, resultats.motif_taux_effort),
        MotifPassage::DossierIncomplet => tu_string!(i18n, resultats.motif_dossier_incomplet),
        MotifPassage::ObjectifMixite => tu_string!(i18n, resultats.motif_mixite),
    }
    .to_string()
}

#[component]
pub fn PageResultats() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    titre_document(tu_string!(i18n, resultats.titre));
    view! {
        <div class="page">
            <h1>{tu_string!(i18n, resultats.titre)}</h1>
            <p>{tu_string!(i18n, resultats.intro)}</p>
            <p><a href="/mixite">{tu_string!(i18n, resultats.voir_mixite)}</a></p>
            {charger(
                |a| api::resultats().lire_annulable(a),
                move |l: Vec<Resultat>, _| {
                    if l.is_empty() {
                        return view! { <p class="etat">{tu_string!(i18n, resultats.aucun)}</p> }.into_any();
                    }
                    view! {
                            <ul class="resultats">
                                {l.into_iter().map(|r| {
                                    let date = format::date_longue(balise, r.decide_le);
                                    let (rang, candidatures) = (r.attribue_rang, r.candidatures);
                                    let resume = tu_string!(i18n, resultats.resume, rang, candidatures, date).to_string();
                                    view! {
                                        <li>
                                            <a href=format!("/resultats/{}", r.offre_id)>{r.titre}</a>
                                            <span class="aide">" " {r.commune} " · " {libelles::typologie(i18n, r.typologie)}</span>
                                            <p>{resume}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                    }.into_any()
                },
            )}
        </div>
    }
}

#[component]
pub fn PageResultat() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <div class="page page--texte">
            <p class="retour"><a href="/resultats"><span aria-hidden="true">"← "</span>{tu_string!(i18n, resultats.retour)}</a></p>
            {charger_ou(
                move |a| {
                    let id = OffreId::depuis_url(&id.get());
                    async move { api::resultat(id?).lire_annulable(a).await }
                },
                |r: Resultat, _| view! { <DetailResultat r /> },
                move |e| matches!(e.status(), Some(400 | 404)).then(|| view! {
                    <h1>{tu_string!(i18n, resultats.introuvable)}</h1>
                }.into_any()),
            )}
        </div>
    }
}

#[component]
fn DetailResultat(r: Resultat) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    titre_document(&r.titre);
    let cloture = format::date_longue(balise, r.cloture);
    let decide = format::date_longue(balise, r.decide_le);
    let (candidatures, eligibles, version, rang, score) = (
        r.candidatures,
        r.eligibles,
        r.grille_version,
        r.attribue_rang,
        r.attribue_score,
    );
    view! {
        <h1>{r.titre.clone()}</h1>
        <p class="aide">{r.commune.clone()} " · " {libelles::typologie(i18n, r.typologie)}
            {r.dans_qpv.then(|| view! { " · " {tu_string!(i18n, resultats.en_qpv)} })}
        </p>
        <dl class="faits">
            <div><dt>{tu_string!(i18n, resultats.cloture)}</dt><dd>{cloture}</dd></div>
            <div><dt>{tu_string!(i18n, resultats.decision)}</dt><dd>{decide}</dd></div>
            <div><dt>{tu_string!(i18n, resultats.candidatures)}</dt><dd>{candidatures}</dd></div>
            <div><dt>{tu_string!(i18n, resultats.eligibles)}</dt><dd>{eligibles}</dd></div>
            <div><dt>{tu_string!(i18n, resultats.attribue)}</dt><dd>{tu_string!(i18n, resultats.attribue_detail, rang, score)}</dd></div>
            <div><dt>{tu_string!(i18n, resultats.grille)}</dt><dd>{tu_string!(i18n, resultats.grille_version, version)}</dd></div>
        </dl>
        {r.exception.map(|e| {
            let exception = libelles::exception_trois(i18n, e);
            view! { <p id="exception-trois">{tu_string!(i18n, resultats.exception, exception)}</p> }
        })}
        {if r.passages.is_empty() {
            (rang == 1).then(|| view! { <p>{tu_string!(i18n, resultats.premier_retenu)}</p> }).into_any()
        } else {
            view! {
                <h2>{tu_string!(i18n, resultats.passages)}</h2>
                <ul>
                    {r.passages.into_iter().map(|p| {
                        let (rang, score) = (p.rang, p.score);
                        let m = motif(i18n, p.motif);
                        view! {
                            <li>
                                <strong>{tu_string!(i18n, resultats.passage, rang, score)}</strong> " " {m}
                                <p class="aide">{p.precision}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!r.examens.is_empty()).then(|| view! {
            <h2>{tu_string!(i18n, resultats.examens_titre)}</h2>
            <ul id="examens">
                {r.examens.into_iter().map(|e| {
                    let (rang, score) = (e.rang, e.score);
                    let reponse = e.reponse.map(|oui| if oui {
                        tu_string!(i18n, resultats.reponse_acceptee).to_string()
                    } else {
                        tu_string!(i18n, resultats.reponse_refusee).to_string()
                    });
                    view! {
                        <li>
                            <strong>{tu_string!(i18n, resultats.passage, rang, score)}</strong> " "
                            {libelles::decision_publiee(i18n, e.decision)}
                            {reponse.map(|r| view! { " · " {r} })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <p class="aide">{tu_string!(i18n, resultats.anonyme)}</p>
    }
}
