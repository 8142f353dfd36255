//! Recording the outcome (issue 5): the commission's decision on each presented candidate,
//! the answer of the candidate the home is offered to (if the first refuses, the next one
//! is offered), and the signed lease, which publishes the anonymised result. Every step is
//! journaled and notifies the applicant concerned.

use crate::application::Etat;
use crate::candidatures::{OffreACoter, en_json};
use crate::compte::Agent;
use crate::journal;
use crate::probleme::ErreurApi;
use crate::routes::bailleur::{attribution, offre_de};
use crate::routes::identifiant;
use crate::stockage;
use axum::Json;
use axum::extract::{Path, State};
use clef_domain::Jour;
use clef_domain::api::{
    BailSigne, Decision, DecisionSaisie, Issue, Issues, MotifPassage, MotifRefus, Probleme,
    ReponseSaisie,
};
use clef_domain::commission;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::Code;
use clef_domain::suite::{ActionIssue, RefusIssue};
use sqlx::{SqliteConnection, SqlitePool};

/// A presented candidate's row: application, applicant, rank, score, state, decision.
#[derive(sqlx::FromRow)]
struct Ligne {
    id: i64,
    demandeur_id: i64,
    rang: i64,
    score: i64,
    rang_attribution: Option<i64>,
    motif_refus: Option<String>,
    reponse: Option<String>,
    decide_le: Option<String>,
    repondu_le: Option<String>,
}

async fn presentes(
    connexion: &mut SqliteConnection,
    offre_id: i64,
) -> Result<Vec<Ligne>, ErreurApi> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.demandeur_id, c.rang, c.score, d.rang_attribution, d.motif_refus, d.reponse,
                d.decide_le, d.repondu_le
         FROM candidatures c LEFT JOIN decisions d ON d.candidature_id = c.id
         WHERE c.offre_id = ? AND c.etat IN ('presentee', 'attribuee', 'non_retenue') AND c.rang IS NOT NULL
           AND (c.etat != 'non_retenue' OR d.candidature_id IS NOT NULL)
         ORDER BY c.rang",
    )
    .bind(offre_id)
    .fetch_all(connexion)
    .await?)
}

fn motif_refus(code: &str) -> Result<MotifRefus, ErreurApi> {
    serde_json::from_value(serde_json::Value::String(code.to_owned()))
        .map_err(|_| ErreurApi::DonneeIllisible(format!("motif_refus = {code}")))
}

fn reponse(code: Option<&str>) -> Option<bool> {
    code.map(|r| r == "accepte")
}

fn propose(lignes: &[Ligne]) -> Option<i64> {
    let attribues: Vec<(i64, u8, Option<bool>)> = lignes
        .iter()
        .filter_map(|l| {
            l.rang_attribution
                .map(|r| (l.id, r as u8, reponse(l.reponse.as_deref())))
        })
        .collect();
    commission::propose(&attribues)
}

async fn vue(base: &SqlitePool, offre_id: i64) -> Result<Issues, ErreurApi> {
    let mut connexion = base.acquire().await?;
    vue_dans(&mut connexion, offre_id).await
}

/// Where the outcome stands, read inside the caller's transaction.
async fn vue_dans(connexion: &mut SqliteConnection, offre_id: i64) -> Result<Issues, ErreurApi> {
    let lignes = presentes(connexion, offre_id).await?;
    let attribuee: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM resultats WHERE offre_id = ?)")
            .bind(offre_id)
            .fetch_one(&mut *connexion)
            .await?;
    let en_cours = if attribuee { None } else { propose(&lignes) };
    let candidats = lignes
        .iter()
        .map(|l| {
            let decision = match (l.rang_attribution, l.motif_refus.as_deref()) {
                (Some(rang), _) => Some(Decision::Attribue { rang: rang as u8 }),
                (None, Some(code)) => Some(Decision::Refuse {
                    motif: motif_refus(code)?,
                }),
                (None, None) => None,
            };
            let jour = |j: &Option<String>, colonne: &str| {
                j.as_deref()
                    .map(|t| {
                        t.parse()
                            .map_err(|_| ErreurApi::DonneeIllisible(format!("{colonne} = {t}")))
                    })
                    .transpose()
            };
            Ok(Issue {
                candidature_id: l.id,
                rang: l.rang as u32,
                decision,
                reponse: reponse(l.reponse.as_deref()),
                propose: en_cours == Some(l.id),
                decide_le: jour(&l.decide_le, "decide_le")?,
                repondu_le: jour(&l.repondu_le, "repondu_le")?,
            })
        })
        .collect::<Result<_, ErreurApi>>()?;
    Ok(Issues {
        offre_id,
        candidats,
        attribuee,
    })
}

async fn notifier(
    tx: &mut SqliteConnection,
    candidature_id: i64,
    genre: &str,
) -> Result<(), ErreurApi> {
    sqlx::query(
        "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id)
         SELECT demandeur_id, ?, offre_id, id FROM candidatures WHERE id = ?",
    )
    .bind(genre)
    .bind(candidature_id)
    .execute(tx)
    .await?;
    Ok(())
}

/// The day a step happened: today unless said, never in the future nor before the
/// listing closed.
fn jour_de(le: Option<Jour>, aujourdhui: Jour, cloture: Jour) -> Result<Jour, ErreurApi> {
    match le {
        None => Ok(aujourdhui),
        Some(j) if j > aujourdhui => Err(ErreurApi::Invalide(vec![ErreurChamp::incoherent(
            "le",
            "date_future",
        )])),
        Some(j) if j <= cloture => Err(ErreurApi::Invalide(vec![ErreurChamp::incoherent(
            "le",
            "avant_la_cloture",
        )])),
        Some(j) => Ok(j),
    }
}

fn pas_la(champ: &str) -> ErreurApi {
    ErreurApi::Invalide(vec![ErreurChamp::new(champ, CodeErreur::ValeurInconnue)])
}

/// Refuses what the outcome's state does not allow, by the rule the screens follow too
/// (`Issues::permet` in the rules crate): a step already taken is a conflict, a candidate
/// the step is not for is a bad request on `candidature_id`.
async fn autoriser(
    tx: &mut SqliteConnection,
    offre_id: i64,
    candidature_id: i64,
    action: ActionIssue,
) -> Result<Issues, ErreurApi> {
    let issues = vue_dans(tx, offre_id).await?;
    match issues.permet(candidature_id, action) {
        Ok(()) => Ok(issues),
        Err(RefusIssue::DejaAttribuee | RefusIssue::DejaDecide) => Err(ErreurApi::EtapeFaite),
        Err(RefusIssue::NonPresente | RefusIssue::PasProposee | RefusIssue::PasAcceptee) => {
            Err(pas_la("candidature_id"))
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
    agent: Agent,
    Path(id): Path<String>,
) -> Result<Json<Issues>, ErreurApi> {
    let offre = offre_de(
        &etat.base,
        &agent,
        identifiant(&id)?,
        etat.horloge.aujourdhui(),
    )
    .await?;
    Ok(Json(vue(&etat.base, offre.detail.resume.id).await?))
}

/// Record the commission's decision on a presented candidate: attributed in rank 1, 2 or
/// 3, or refused with its motive. Once per candidate.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/decisions",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = DecisionSaisie,
    responses(
        (status = 200, description = "Décision enregistrée", body = Issues),
        (status = 400, description = "Candidat non présenté, ou rang déjà donné", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Décision déjà prise, ou logement déjà attribué", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn decider(
    State(etat): State<Etat>,
    agent: Agent,
    Path(id): Path<String>,
    Json(saisie): Json<DecisionSaisie>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = offre_de(&etat.base, &agent, identifiant(&id)?, aujourdhui).await?;
    let offre_id = offre.detail.resume.id;
    let le = jour_de(saisie.le, aujourdhui, offre.detail.resume.cloture)?;
    let mut tx = etat.base.begin_with("BEGIN IMMEDIATE").await?;
    autoriser(
        &mut tx,
        offre_id,
        saisie.candidature_id,
        ActionIssue::Decider,
    )
    .await?;
    let lignes = presentes(&mut tx, offre_id).await?;
    let ligne = lignes
        .iter()
        .find(|l| l.id == saisie.candidature_id)
        .ok_or_else(|| pas_la("candidature_id"))?;
    let (rang, motif) = match saisie.decision {
        Decision::Attribue { rang } if (1..=3).contains(&rang) => {
            if lignes
                .iter()
                .any(|l| l.rang_attribution == Some(i64::from(rang)))
            {
                return Err(ErreurApi::champ("decision.rang", CodeErreur::Repete));
            }
            (Some(i64::from(rang)), None)
        }
        Decision::Attribue { .. } => {
            return Err(ErreurApi::champ(
                "decision.rang",
                CodeErreur::HorsLimites { min: 1, max: 3 },
            ));
        }
        Decision::Refuse { motif } => (None, Some(en_json(&motif)?.trim_matches('"').to_owned())),
    };
    sqlx::query(
        "INSERT INTO decisions (candidature_id, offre_id, rang_attribution, motif_refus, decide_le)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(ligne.id)
    .bind(offre_id)
    .bind(rang)
    .bind(&motif)
    .bind(le.to_string())
    .execute(&mut *tx)
    .await?;
    if rang.is_none() {
        sqlx::query("UPDATE candidatures SET etat = 'non_retenue' WHERE id = ?")
            .bind(ligne.id)
            .execute(&mut *tx)
            .await?;
        notifier(&mut tx, ligne.id, "non_retenue").await?;
    }
    // The home is offered to whoever is first in the attribution order now.
    let apres = presentes(&mut tx, offre_id).await?;
    let avant = propose(&lignes);
    if let Some(nouveau) = propose(&apres).filter(|n| Some(*n) != avant) {
        notifier(&mut tx, nouveau, "proposee").await?;
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "decision_commission",
        Some(offre_id),
        &serde_json::json!({ "candidature_id": ligne.id, "decision": saisie.decision }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(vue(&etat.base, offre_id).await?))
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
    agent: Agent,
    Path(id): Path<String>,
    Json(saisie): Json<ReponseSaisie>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = offre_de(&etat.base, &agent, identifiant(&id)?, aujourdhui).await?;
    let offre_id = offre.detail.resume.id;
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
    let mut tx = etat.base.begin_with("BEGIN IMMEDIATE").await?;
    let issues = autoriser(
        &mut tx,
        offre_id,
        saisie.candidature_id,
        ActionIssue::EnregistrerReponse,
    )
    .await?;
    // An answer comes after the decision it answers.
    if issues
        .candidats
        .iter()
        .find(|c| c.candidature_id == saisie.candidature_id)
        .and_then(|c| c.decide_le)
        .is_some_and(|decide| le < decide)
    {
        return Err(ErreurApi::Invalide(vec![ErreurChamp::incoherent(
            "le",
            "avant_la_decision",
        )]));
    }
    sqlx::query(
        "UPDATE decisions SET reponse = ?, motif_reponse = ?, repondu_le = ? WHERE candidature_id = ?",
    )
    .bind(if saisie.accepte { "accepte" } else { "refuse" })
    .bind((!motif.is_empty()).then_some(motif))
    .bind(le.to_string())
    .bind(saisie.candidature_id)
    .execute(&mut *tx)
    .await?;
    if !saisie.accepte {
        sqlx::query("UPDATE candidatures SET etat = 'non_retenue' WHERE id = ?")
            .bind(saisie.candidature_id)
            .execute(&mut *tx)
            .await?;
        notifier(&mut tx, saisie.candidature_id, "non_retenue").await?;
        let apres = presentes(&mut tx, offre_id).await?;
        if let Some(suivant) = propose(&apres) {
            notifier(&mut tx, suivant, "proposee").await?;
        }
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "reponse_candidat",
        Some(offre_id),
        &serde_json::json!({ "candidature_id": saisie.candidature_id, "accepte": saisie.accepte }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(vue(&etat.base, offre_id).await?))
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
    agent: Agent,
    Path(id): Path<String>,
    Json(bail): Json<BailSigne>,
) -> Result<Json<Issues>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre: OffreACoter = offre_de(&etat.base, &agent, identifiant(&id)?, aujourdhui).await?;
    let offre_id = offre.detail.resume.id;
    let mut tx = etat.base.begin_with("BEGIN IMMEDIATE").await?;
    autoriser(
        &mut tx,
        offre_id,
        bail.candidature_id,
        ActionIssue::SignerBail,
    )
    .await?;
    let lignes = presentes(&mut tx, offre_id).await?;
    let ligne = lignes
        .iter()
        .find(|l| l.id == bail.candidature_id)
        .ok_or_else(|| pas_la("candidature_id"))?;
    let demande = stockage::demandeurs::demande(&etat.base, ligne.demandeur_id)
        .await?
        .ok_or_else(|| ErreurApi::DonneeIllisible(format!("dossier {}", ligne.demandeur_id)))?;
    let compte = attribution(&offre, &demande);
    sqlx::query(
        "INSERT INTO resultats (offre_id, decide_le, attribue_rang, attribue_score, premier_quartile, prioritaire, relogement)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(offre_id)
    .bind(aujourdhui.to_string())
    .bind(ligne.rang)
    .bind(ligne.score)
    .bind(compte.premier_quartile)
    .bind(compte.prioritaire)
    .bind(compte.relogement.map(Code::code))
    .execute(&mut *tx)
    .await?;
    // Every higher-ranked candidate who did not get the home is explained in the result.
    for devant in lignes.iter().filter(|l| l.rang < ligne.rang) {
        let (motif, precision) = match (devant.motif_refus.as_deref(), devant.reponse.as_deref()) {
            (Some("plafond_depasse"), _) => (
                MotifPassage::PlafondDepasse,
                "Refusé par la commission : ressources au-dessus du plafond.",
            ),
            (Some("dossier_incomplet"), _) => (
                MotifPassage::DossierIncomplet,
                "Refusé par la commission : dossier incomplet.",
            ),
            (Some("logement_inadapte"), _) => (
                MotifPassage::LogementInadapte,
                "Refusé par la commission : logement inadapté au ménage.",
            ),
            (Some(_), _) => (
                MotifPassage::TauxEffortExcessif,
                "Refusé par la commission : loyer trop lourd pour les ressources.",
            ),
            (None, Some("refuse")) => (
                MotifPassage::RefusDuLogement,
                "Le logement lui a été proposé ; il l'a refusé.",
            ),
            _ => continue,
        };
        sqlx::query(
            "INSERT OR IGNORE INTO passages (offre_id, rang, score, motif, precision) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(offre_id)
        .bind(devant.rang)
        .bind(devant.score)
        .bind(en_json(&motif)?.trim_matches('"'))
        .bind(precision)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE candidatures SET etat = 'attribuee' WHERE id = ?")
        .bind(ligne.id)
        .execute(&mut *tx)
        .await?;
    notifier(&mut tx, ligne.id, "attribuee").await?;
    let autres: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM candidatures WHERE offre_id = ? AND id != ? AND etat IN ('classee', 'presentee')",
    )
    .bind(offre_id)
    .bind(ligne.id)
    .fetch_all(&mut *tx)
    .await?;
    for autre in autres {
        sqlx::query("UPDATE candidatures SET etat = 'non_retenue' WHERE id = ?")
            .bind(autre)
            .execute(&mut *tx)
            .await?;
        notifier(&mut tx, autre, "non_retenue").await?;
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "bail_signe",
        Some(offre_id),
        &serde_json::json!({ "candidature_id": ligne.id }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(vue(&etat.base, offre_id).await?))
}
