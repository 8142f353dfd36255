//! `/recapitulatif`: a summary of the applicant's file to print or keep, in plain French on
//! one or two A4 pages (the print stylesheet drops the site's frame): the score line by
//! line, and each current application with its eligibility, rank and score.

use super::candidatures::texte_etat;
use crate::api;
use crate::components::{
    Chargement, DetailScore, DetailVerdict, EtatErreur, ReserveAuDossier, texte_position,
    titre_document,
};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::session::{EtatSession, Session};
use clef_domain::api::{CandidatureDetail, CandidatureResume, Dossier, EtatCandidature, MonScore};
use leptos::prelude::*;

/// Applications detailed, at most (the cap on simultaneous ones is far lower).
const DETAILS_MAX: usize = 10;

#[derive(Clone)]
struct Recapitulatif {
    dossier: Dossier,
    score: Option<MonScore>,
    candidatures: Vec<CandidatureDetail>,
}

async fn charger() -> Result<Recapitulatif, api::ErreurChargement> {
    let dossier = api::obtenir::<Dossier>("/moi/dossier").await?;
    // No score before the household is described: the summary says so.
    let score = api::obtenir::<MonScore>("/moi/score").await.ok();
    let resumes = api::obtenir::<Vec<CandidatureResume>>("/moi/candidatures").await?;
    let mut candidatures = Vec::new();
    for c in resumes
        .iter()
        .filter(|c| c.etat != EtatCandidature::Retiree)
        .take(DETAILS_MAX)
    {
        candidatures
            .push(api::obtenir::<CandidatureDetail>(&format!("/moi/candidatures/{}", c.id)).await?);
    }
    Ok(Recapitulatif {
        dossier,
        score,
        candidatures,
    })
}

#[component]
pub fn PageRecapitulatif() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, recapitulatif.titre));
    view! {
        <div class="page page--texte recapitulatif">
            <h1>{tu_string!(i18n, recapitulatif.titre)}</h1>
            <ReserveAuDossier>
                <Charger />
            </ReserveAuDossier>
        </div>
    }
}

#[component]
fn Charger() -> impl IntoView {
    let recap = LocalResource::new(charger);
    view! {
        <Transition fallback=Chargement>
            {move || Suspend::new(async move {
                match recap.await {
                    Ok(r) => view! { <Contenu r /> }.into_any(),
                    Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| recap.refetch()) /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Contenu(r: Recapitulatif) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let session = Session::utiliser();
    let numero = r.dossier.saisie.numero_unique.clone();
    let personnes = r.dossier.saisie.membres.len();
    let par_conseiller = matches!(session.etat.get_untracked(), EtatSession::Connecte(s) if s.accompagnement.is_some());
    let imprimer = move |_| {
        let _ = window().print();
    };
    view! {
        <p>{tu_string!(i18n, recapitulatif.demande, numero, personnes)}</p>
        {r.score.as_ref().map(|s| {
            let jour = format::date_longue(balise, s.jour);
            view! { <p>{tu_string!(i18n, recapitulatif.etabli_le, jour)}</p> }
        })}
        {par_conseiller.then(|| view! { <p class="aide">{tu_string!(i18n, recapitulatif.par_conseiller)}</p> })}
        <p class="actions non-imprime">
            <button type="button" class="bouton bouton--principal" on:click=imprimer>
                {tu_string!(i18n, recapitulatif.imprimer)}
            </button>
        </p>
        <section class="recapitulatif__bloc" aria-labelledby="recap-score">
            <h2 id="recap-score">{tu_string!(i18n, recapitulatif.score)}</h2>
            {match r.score {
                Some(s) => {
                    let total = s.score.total();
                    view! {
                        <p>{tu_string!(i18n, recapitulatif.score_total, total)}</p>
                        <DetailScore score=s.score />
                    }
                    .into_any()
                }
                None => view! { <p>{tu_string!(i18n, recapitulatif.sans_dossier)}</p> }.into_any(),
            }}
        </section>
        <section class="recapitulatif__bloc" aria-labelledby="recap-candidatures">
            <h2 id="recap-candidatures">{tu_string!(i18n, recapitulatif.candidatures)}</h2>
            {r.candidatures.is_empty().then(|| view! { <p>{tu_string!(i18n, recapitulatif.aucune)}</p> })}
            {r.candidatures.into_iter().map(|c| {
                let resume = c.resume.clone();
                let titre = format!("{} ({})", resume.offre.titre, resume.offre.commune);
                let etat = texte_etat(i18n, &resume, false);
                let position = resume.position.map(|p| texte_position(i18n, p));
                view! {
                    <article class="recapitulatif__candidature">
                        <h3>{titre}</h3>
                        <p>{etat} {position.map(|p| view! { " · " {p} })}</p>
                        <DetailVerdict verdict=c.verdict />
                        <DetailScore score=c.score />
                    </article>
                }
            }).collect_view()}
        </section>
    }
}
