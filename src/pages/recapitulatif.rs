//! `/recapitulatif`: a summary of the applicant's file to print or keep, in plain French on
//! one or two A4 pages (the print stylesheet drops the site's frame): the score line by
//! line, and each current application with its eligibility, rank and score.

use super::candidatures::texte_etat;
use crate::api::{self, Annulation, CandidatureId};
use crate::components::{
    DetailScore, ReserveAuDossier, charger, resume_verdict, texte_position, titre_document,
};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::session::{EtatSession, Session};
use clef_domain::api::{CandidatureDetail, Dossier, EtatCandidature, MonScore};
use clef_domain::cotation::Grille;
use leptos::prelude::*;

/// Applications detailed, at most (the cap on simultaneous ones is far lower).
const DETAILS_MAX: usize = 10;

#[derive(Clone)]
struct Recapitulatif {
    dossier: Dossier,
    score: Option<MonScore>,
    /// The grid the score was computed with, for the criteria's names.
    grille: Option<Grille>,
    candidatures: Vec<CandidatureDetail>,
}

async fn recapituler(a: Annulation) -> Result<Recapitulatif, api::ErreurChargement> {
    let dossier = api::dossier().lire_annulable(a.clone()).await?;
    // No score before the household is described: the summary says so.
    let score = api::score().lire_annulable(a.clone()).await.ok();
    let grille = match &score {
        Some(s) => api::grille(Some(s.grille_version))
            .lire_annulable(a.clone())
            .await
            .ok(),
        None => None,
    };
    let resumes = api::candidatures().lire_annulable(a.clone()).await?;
    let mut candidatures = Vec::new();
    for c in resumes
        .iter()
        .filter(|c| c.etat != EtatCandidature::Retiree)
        .take(DETAILS_MAX)
    {
        candidatures.push(
            api::candidature(CandidatureId(c.id))
                .lire_annulable(a.clone())
                .await?,
        );
    }
    Ok(Recapitulatif {
        dossier,
        score,
        grille,
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
    charger(recapituler, |r: Recapitulatif, _| view! { <Contenu r /> })
}

#[component]
fn Contenu(r: Recapitulatif) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let session = Session::utiliser();
    let numero = r.dossier.saisie.numero_unique.clone();
    let personnes = crate::libelles::personnes(i18n, r.dossier.saisie.membres.len() as u64);
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
                        <DetailScore score=s.score grille=r.grille />
                    }
                    .into_any()
                }
                None => view! { <p>{tu_string!(i18n, recapitulatif.sans_dossier)}</p> }.into_any(),
            }}
        </section>
        <section class="recapitulatif__bloc" aria-labelledby="recap-candidatures">
            <h2 id="recap-candidatures">{tu_string!(i18n, recapitulatif.candidatures)}</h2>
            {if r.candidatures.is_empty() {
                view! { <p>{tu_string!(i18n, recapitulatif.aucune)}</p> }.into_any()
            } else {
                view! { <TableCandidatures candidatures=r.candidatures /> }.into_any()
            }}
        </section>
    }
}

/// One line per application: what, where it stands, rank, score, eligibility. The score
/// line by line is the one above; a listing only adds its context lines (say, a home in
/// a priority neighbourhood), counted in the score shown here.
#[component]
fn TableCandidatures(candidatures: Vec<CandidatureDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    view! {
        <div class="tableau-defilant" tabindex="0" role="region" aria-labelledby="recap-candidatures">
            <table class="recapitulatif__candidatures">
                <thead>
                    <tr>
                        <th scope="col">{tu_string!(i18n, recapitulatif.col_logement)}</th>
                        <th scope="col">{tu_string!(i18n, recapitulatif.col_etat)}</th>
                        <th scope="col">{tu_string!(i18n, recapitulatif.col_rang)}</th>
                        <th scope="col" class="nombre">{tu_string!(i18n, recapitulatif.col_score)}</th>
                        <th scope="col">{tu_string!(i18n, recapitulatif.col_eligibilite)}</th>
                    </tr>
                </thead>
                <tbody>
                    {candidatures.into_iter().map(|c| {
                        let resume = c.resume;
                        let titre = format!("{} ({})", resume.offre.titre, resume.offre.commune);
                        let etat = texte_etat(i18n, &resume, false);
                        let rang = resume.position.map(|p| texte_position(i18n, p)).unwrap_or_else(|| "–".to_owned());
                        let eligibilite = resume_verdict(i18n, balise, &c.verdict);
                        view! {
                            <tr>
                                <th scope="row">{titre}</th>
                                <td>{etat}</td>
                                <td>{rang}</td>
                                <td class="nombre">{c.score.total()}</td>
                                <td>{eligibilite}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
