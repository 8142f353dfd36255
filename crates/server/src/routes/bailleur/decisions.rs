//! Recording the outcome: the commission's decision on each presented candidate (R.441-3),
//! the end of a suspensive condition, the answer of the candidate the home is offered to
//! (if the first refuses, the next one is offered), and the signed lease, which publishes
//! the anonymised result. The rules crate's state machine (`commission::examen`) decides
//! each step; here it is loaded, recorded, journaled, and the applicants concerned told.

use crate::application::Etat;
use crate::candidatures::OffreACoter;
use crate::compte::Agent;
use crate::cycle;
use crate::probleme::ErreurApi;
use crate::routes::OffreDuBailleur;
use crate::routes::bailleur::offres::attribution;
use crate::stockage;
use crate::stockage::decisions::Presente;
use crate::stockage::journal;
use crate::stockage::notifications;
use crate::stockage::resultats::ResultatAPublier;
use axum::Json;
use axum::extract::State;
use clef_domain::Jour;
use clef_domain::Regle;
use clef_domain::api::GenreNotification;
use clef_domain::api::{
    BailSigne, ConditionSaisie, Decision, DecisionSaisie, Issues, LeveeCondition, Probleme,
    ReponseSaisie,
};
use clef_domain::commission::examen::{Commande, Refus, RefusIssue};
use clef_domain::commission::{self, examen};
use clef_domain::cycle::{Commande as CommandeLocation, Effet};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use sqlx::{AnyConnection, AnyPool};

async fn vue(base: &AnyPool, offre_id: i64) -> Result<Issues, ErreurApi> {
    let mut connexion = base.acquire().await?;
    Ok(stockage::decisions::issues(&mut connexion, offre_id)
        .await?
        .0)
}

/// The day a step happened: today unless said, never in the future nor before the
/// listing closed.
fn jour_de(le: Option<Jour>, aujourdhui: Jour, cloture: Jour) -> Result<Jour, ErreurApi> {
    match le {
        None => Ok(aujourdhui),
        Some(j) if j > aujourdhui => Err(ErreurApi::Invalide(vec![ErreurChamp::incoherent(
            "le",
            Regle::DateFuture,
        )])),
        Some(j) if j <= cloture => Err(ErreurApi::Invalide(vec![ErreurChamp::incoherent(
            "le",
            Regle::AvantLaCloture,
        )])),
        Some(j) => Ok(j),
    }
}

fn pas_la(champ: &str) -> ErreurApi {
    ErreurApi::Invalide(vec![ErreurChamp::new(champ, CodeErreur::ValeurInconnue)])
}

/// A command the state refuses: a step already taken is a conflict, a candidate the step
/// is not for is a bad request on `candidature_id`, what does not hold names its field.
fn refus(r: Refus) -> ErreurApi {
    match r {
        Refus::Etat(RefusIssue::DejaAttribuee | RefusIssue::DejaDecide) => ErreurApi::EtapeFaite,
        Refus::Etat(
            RefusIssue::NonPresente
            | RefusIssue::PasProposee
            | RefusIssue::PasAcceptee
            | RefusIssue::SansCondition,
        ) => pas_la("candidature_id"),
        Refus::Invalide(erreurs) => ErreurApi::Invalide(erreurs),
    }
}

/// Runs one step of the outcome: load the state, let the rules crate decide, then record
/// the step and what follows it, journaled, in one transaction. `motif_reponse` is the
/// candidate's reason for an answer, kept with it.
async fn pas(
    etat: &Etat,
    agent: &Agent,
    offre: &OffreACoter,
    commande: Commande,
    motif_reponse: Option<&str>,
) -> Result<Json<Issues>, ErreurApi> {
    let offre_id = offre.detail.resume.id;
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    let (issues, presentes) = stockage::decisions::issues(&mut tx, offre_id).await?;
    let (_, suites) = issues.appliquer(commande).map_err(refus)?;
    if let Commande::Decider {
        candidature_id,
        decision,
        le,
    } = commande
    {
        plafond_du_jour(etat, offre, &presentes, candidature_id, decision, le).await?;
    }
    let acte = match commande {
        Commande::Decider {
            candidature_id,
            decision,
            le,
        } => {
            stockage::decisions::decider(&mut tx, offre_id, candidature_id, decision, le).await?;
            "decision_commission"
        }
        Commande::LeverCondition {
            candidature_id,
            remplie,
            le,
        } => {
            let levee = LeveeCondition { remplie, le };
            stockage::decisions::lever_condition(&mut tx, candidature_id, levee).await?;
            "condition_suspensive"
        }
        Commande::Repondre {
            candidature_id,
            accepte,
            le,
        } => {
            stockage::decisions::repondre(&mut tx, candidature_id, accepte, motif_reponse, le)
                .await?;
            "reponse_candidat"
        }
        Commande::SignerBail { .. } => "bail_signe",
    };
    let aujourdhui = etat.horloge.aujourdhui();
    if let Some(id) = suites.non_retenue {
        let commande = CommandeLocation::Ecarter { candidature_id: id };
        cycle::avancer(&mut tx, offre_id, &commande, aujourdhui)
            .await?
            .map_err(cycle::refus)?;
    }
    if let Some(id) = suites.sous_condition {
        notifications::annoncer(&mut tx, id, GenreNotification::AttribueeSousCondition).await?;
    }
    if let Some(id) = suites.proposee {
        notifications::annoncer(&mut tx, id, GenreNotification::Proposee).await?;
    }
    if let Some(id) = suites.attribuee {
        attribuer(&mut tx, etat, offre, &presentes, id).await?;
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        acte,
        Some(offre_id),
        &journal_de(commande),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(vue(&etat.base, offre_id).await?))
}

/// An attribution needs resources within the ceiling in force on the day of the decision.
async fn plafond_du_jour(
    etat: &Etat,
    offre: &OffreACoter,
    presentes: &[Presente],
    candidature_id: i64,
    decision: Decision,
    le: Jour,
) -> Result<(), ErreurApi> {
    let Some(p) = presentes
        .iter()
        .find(|p| p.candidature_id == candidature_id)
    else {
        return Ok(());
    };
    let demande = stockage::demandeurs::demande(&etat.base, p.demandeur_id)
        .await?
        .ok_or_else(|| ErreurApi::DonneeIllisible(format!("dossier {}", p.demandeur_id)))?;
    examen::verifier_plafond_du_jour(decision, &demande, &offre.logement, le)
        .map_err(|e| ErreurApi::Invalide(vec![e]))
}

fn journal_de(commande: Commande) -> serde_json::Value {
    match commande {
        Commande::Decider {
            candidature_id,
            decision,
            le,
        } => {
            serde_json::json!({ "candidature_id": candidature_id, "decision": decision, "le": le })
        }
        Commande::LeverCondition {
            candidature_id,
            remplie,
            le,
        } => serde_json::json!({ "candidature_id": candidature_id, "remplie": remplie, "le": le }),
        Commande::Repondre {
            candidature_id,
            accepte,
            le,
        } => serde_json::json!({ "candidature_id": candidature_id, "accepte": accepte, "le": le }),
        Commande::SignerBail { candidature_id } => {
            serde_json::json!({ "candidature_id": candidature_id })
        }
    }
}

/// Where the commission's outcome stands.
#[utoipa::path(
    get,
    path = "/bailleur/offres/{id}/issues",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Décisions et réponses", body = Issues),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(
    State(etat): State<Etat>,
    OffreDuBailleur { id, .. }: OffreDuBailleur,
) -> Result<Json<Issues>, ErreurApi> {
    let offre = OffreACoter::existante(&etat.base, id, etat.horloge.aujourdhui()).await?;
    Ok(Json(vue(&etat.base, offre.detail.resume.id).await?))
}

/// Record the commission's decision on a presented candidate, in one of the categories
/// of R.441-3: attribution in a rank (1 to the number examined), attribution under a
/// suspensive condition, non-attribution or inadmissibility with its motive. Once per
/// candidate; an attribution needs resources within the ceiling of the decision's day.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/decisions",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = DecisionSaisie,
    responses(
        (status = 200, description = "Décision enregistrée", body = Issues),
        (status = 400, description = "Candidat non présenté, rang déjà donné, échéance hors délai, ressources au-dessus du plafond du jour",
         body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Décision déjà prise, ou logement déjà attribué", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn decider(
    State(etat): State<Etat>,
    OffreDuBailleur { agent, id }: OffreDuBailleur,
    Json(saisie): Json<DecisionSaisie>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    let le = jour_de(saisie.le, aujourdhui, offre.detail.resume.cloture)?;
    let commande = Commande::Decider {
        candidature_id: saisie.candidature_id,
        decision: saisie.decision,
        le,
    };
    pas(&etat, &agent, &offre, commande, None).await
}

/// Record how a suspensive condition ended: the document arrived by the deadline (the
/// attribution holds and the home can be offered), or the deadline passed (it lapses and
/// the home goes to the next rank).
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/conditions",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = ConditionSaisie,
    responses(
        (status = 200, description = "Condition levée ou caduque", body = Issues),
        (status = 400, description = "Pas d'attribution sous condition pour ce candidat, ou date contraire à l'échéance",
         body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Condition déjà levée, ou logement déjà attribué", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lever(
    State(etat): State<Etat>,
    OffreDuBailleur { agent, id }: OffreDuBailleur,
    Json(saisie): Json<ConditionSaisie>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    let le = jour_de(saisie.le, aujourdhui, offre.detail.resume.cloture)?;
    let commande = Commande::LeverCondition {
        candidature_id: saisie.candidature_id,
        remplie: saisie.remplie,
        le,
    };
    pas(&etat, &agent, &offre, commande, None).await
}

/// Record the answer of the candidate the home is offered to. A refusal offers it to the
/// next one in the attribution order.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/reponses",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = ReponseSaisie,
    responses(
        (status = 200, description = "Réponse enregistrée", body = Issues),
        (status = 400, description = "Ce candidat n'est pas celui à qui le logement est proposé", body = Probleme,
         content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn repondre(
    State(etat): State<Etat>,
    OffreDuBailleur { agent, id }: OffreDuBailleur,
    Json(saisie): Json<ReponseSaisie>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    let motif = saisie.motif.trim();
    if motif.chars().count() > commission::PRECISION_MAX {
        return Err(ErreurApi::champ(
            "motif",
            CodeErreur::HorsLimites {
                min: 0,
                max: commission::PRECISION_MAX as i64,
            },
        ));
    }
    let le = jour_de(saisie.le, aujourdhui, offre.detail.resume.cloture)?;
    let commande = Commande::Repondre {
        candidature_id: saisie.candidature_id,
        accepte: saisie.accepte,
        le,
    };
    pas(
        &etat,
        &agent,
        &offre,
        commande,
        (!motif.is_empty()).then_some(motif),
    )
    .await
}

/// The lease is signed: the listing is attributed, every other candidate is told, and the
/// anonymised result is published.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/bail",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = BailSigne,
    responses(
        (status = 200, description = "Logement attribué, résultat publié", body = Issues),
        (status = 400, description = "Ce candidat n'a pas accepté le logement", body = Probleme,
         content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Déjà attribué", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn signer(
    State(etat): State<Etat>,
    OffreDuBailleur { agent, id }: OffreDuBailleur,
    Json(bail): Json<BailSigne>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    let commande = Commande::SignerBail {
        candidature_id: bail.candidature_id,
    };
    pas(&etat, &agent, &offre, commande, None).await
}

/// What the signed lease publishes: the result with what the letting counts for in the
/// social-mix targets, the household's application attributed, every other one told.
async fn attribuer(
    tx: &mut AnyConnection,
    etat: &Etat,
    offre: &OffreACoter,
    presentes: &[Presente],
    candidature_id: i64,
) -> Result<(), ErreurApi> {
    let offre_id = offre.detail.resume.id;
    let aujourdhui = etat.horloge.aujourdhui();
    // The household's application attributed, every other one still in the running not
    // retained, each told; then the result published.
    let commande = CommandeLocation::SignerBail { candidature_id };
    let effets = cycle::avancer(tx, offre_id, &commande, aujourdhui)
        .await?
        .map_err(cycle::refus)?;
    for effet in effets {
        let Effet::PublierResultat { candidature_id } = effet else {
            continue;
        };
        let retenu = presentes
            .iter()
            .find(|p| p.candidature_id == candidature_id)
            .ok_or_else(|| pas_la("candidature_id"))?;
        let demande = stockage::demandeurs::demande(&mut *tx, retenu.demandeur_id)
            .await?
            .ok_or_else(|| {
                ErreurApi::DonneeIllisible(format!("dossier {}", retenu.demandeur_id))
            })?;
        let compte = attribution(offre, &demande);
        stockage::resultats::publier(
            tx,
            &ResultatAPublier {
                offre_id,
                decide_le: aujourdhui,
                rang: retenu.rang,
                score: retenu.score,
                premier_quartile: compte.premier_quartile,
                prioritaire: compte.prioritaire,
                relogement: compte.relogement,
            },
        )
        .await?;
    }
    Ok(())
}
