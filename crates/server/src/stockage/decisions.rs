//! The commission's decisions on a listing's presented candidates: read as the rules
//! crate's [`Issues`], written one step at a time. Each decision is stored in its R.441-3
//! category (`genre`) with the fields that category has.

use super::Drapeau;
use super::Erreur;
use clef_domain::Jour;
use clef_domain::api::{
    Decision, DecisionPubliee, Examen, Issue, Issues, LeveeCondition, MotifIrrecevabilite,
    MotifNonAttribution, PieceJustificative,
};
use clef_domain::offre::Code;
use sqlx::{AnyConnection, AnyPool};

/// A presented candidate: application, applicant, rank and score in the frozen ranking,
/// and the decision so far.
#[derive(sqlx::FromRow)]
struct Ligne {
    id: i64,
    demandeur_id: i64,
    rang: i64,
    score: i64,
    genre: Option<String>,
    rang_attribution: Option<i64>,
    motif: Option<String>,
    piece: Option<String>,
    echeance: Option<String>,
    condition: Option<String>,
    condition_le: Option<String>,
    decide_le: Option<String>,
    reponse: Option<String>,
    repondu_le: Option<String>,
}

/// Who a presented candidate is, beside their outcome.
#[derive(Debug, Clone, Copy)]
pub struct Presente {
    pub candidature_id: i64,
    pub demandeur_id: i64,
    pub rang: i64,
    pub score: i64,
}

/// How the household's answer to an attribution is stored.
pub const ACCEPTE: &str = "accepte";
pub const REFUSE: &str = "refuse";

fn illisible(colonne: &str, valeur: impl std::fmt::Display) -> Erreur {
    Erreur::Illisible(format!("decisions.{colonne} = {valeur}"))
}

fn code<T: Code>(colonne: &str, valeur: Option<&str>) -> Result<T, Erreur> {
    let valeur = valeur.ok_or_else(|| illisible(colonne, "NULL"))?;
    T::depuis_code(valeur).ok_or_else(|| illisible(colonne, valeur))
}

fn jour(colonne: &str, valeur: Option<&str>) -> Result<Option<Jour>, Erreur> {
    valeur
        .map(|t| t.parse().map_err(|_| illisible(colonne, t)))
        .transpose()
}

const ATTRIBUTION: &str = "attribution";
const SOUS_CONDITION: &str = "attribution_sous_condition";
const NON_ATTRIBUTION: &str = "non_attribution";
const IRRECEVABILITE: &str = "irrecevabilite";

impl Ligne {
    fn decision(&self) -> Result<Option<Decision>, Erreur> {
        let Some(genre) = self.genre.as_deref() else {
            return Ok(None);
        };
        let rang = || {
            self.rang_attribution
                .and_then(|r| u8::try_from(r).ok())
                .ok_or_else(|| {
                    illisible("rang_attribution", format!("{:?}", self.rang_attribution))
                })
        };
        let motif = self.motif.as_deref();
        Ok(Some(match genre {
            ATTRIBUTION => Decision::Attribue { rang: rang()? },
            SOUS_CONDITION => Decision::AttribueSousCondition {
                rang: rang()?,
                piece: code::<PieceJustificative>("piece", self.piece.as_deref())?,
                echeance: jour("echeance", self.echeance.as_deref())?
                    .ok_or_else(|| illisible("echeance", "NULL"))?,
            },
            NON_ATTRIBUTION => Decision::NonAttribue {
                motif: code::<MotifNonAttribution>("motif", motif)?,
            },
            IRRECEVABILITE => Decision::Irrecevable {
                motif: code::<MotifIrrecevabilite>("motif", motif)?,
            },
            autre => return Err(illisible("genre", autre)),
        }))
    }

    fn condition(&self) -> Result<Option<LeveeCondition>, Erreur> {
        let le = jour("condition_le", self.condition_le.as_deref())?;
        Ok(match (self.condition.as_deref(), le) {
            (None, None) => None,
            (Some("remplie"), Some(le)) => Some(LeveeCondition { remplie: true, le }),
            (Some("caduque"), Some(le)) => Some(LeveeCondition { remplie: false, le }),
            (autre, _) => return Err(illisible("condition", format!("{autre:?}"))),
        })
    }

    fn issue(&self) -> Result<Issue, Erreur> {
        Ok(Issue {
            candidature_id: self.id,
            rang: u32::try_from(self.rang).map_err(|_| illisible("rang", self.rang))?,
            decision: self.decision()?,
            condition: self.condition()?,
            reponse: self.reponse.as_deref().map(|r| r == ACCEPTE),
            propose: false,
            decide_le: jour("decide_le", self.decide_le.as_deref())?,
            repondu_le: jour("repondu_le", self.repondu_le.as_deref())?,
        })
    }
}

async fn lignes(connexion: &mut AnyConnection, offre_id: i64) -> Result<Vec<Ligne>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.demandeur_id, c.rang, c.score, d.genre, d.rang_attribution, d.motif,
                d.piece, d.echeance, d.condition, d.condition_le, d.decide_le, d.reponse,
                d.repondu_le
         FROM candidatures c LEFT JOIN decisions d ON d.candidature_id = c.id
         WHERE c.offre_id = $1 AND c.etat IN ('presentee', 'attribuee', 'non_retenue') AND c.rang IS NOT NULL
           AND (c.etat != 'non_retenue' OR d.candidature_id IS NOT NULL)
         ORDER BY c.rang",
    )
    .bind(offre_id)
    .fetch_all(connexion)
    .await?)
}

/// Where the commission's outcome stands for a listing, and who each presented candidate
/// is; read inside the caller's transaction.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn issues(
    connexion: &mut AnyConnection,
    offre_id: i64,
) -> Result<(Issues, Vec<Presente>), Erreur> {
    let lignes = lignes(connexion, offre_id).await?;
    let attribuee: bool = sqlx::query_scalar::<_, Drapeau>(
        "SELECT EXISTS (SELECT 1 FROM resultats WHERE offre_id = $1)",
    )
    .bind(offre_id)
    .fetch_one(&mut *connexion)
    .await?
    .0;
    let candidats = lignes.iter().map(Ligne::issue).collect::<Result<_, _>>()?;
    let presentes = lignes
        .iter()
        .map(|l| Presente {
            candidature_id: l.id,
            demandeur_id: l.demandeur_id,
            rang: l.rang,
            score: l.score,
        })
        .collect();
    let issues = Issues {
        offre_id,
        candidats,
        attribuee,
    };
    Ok((issues.avec_propose(), presentes))
}

/// The published categories of the decisions taken on a listing, in rank order.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn examens(base: &AnyPool, offre_id: i64) -> Result<Vec<Examen>, Erreur> {
    let mut connexion = base.acquire().await?;
    let lignes = lignes(&mut connexion, offre_id).await?;
    let mut examens = Vec::with_capacity(lignes.len());
    for l in &lignes {
        let issue = l.issue()?;
        let Some(decision) = issue.decision else {
            continue;
        };
        examens.push(Examen {
            rang: issue.rang,
            score: u32::try_from(l.score).map_err(|_| illisible("score", l.score))?,
            decision: DecisionPubliee::de(decision, issue.condition),
            reponse: issue.reponse,
        });
    }
    Ok(examens)
}

/// Records the commission's decision on a presented candidate.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id, candidature_id = candidature_id))]
pub async fn decider(
    tx: &mut AnyConnection,
    offre_id: i64,
    candidature_id: i64,
    decision: Decision,
    le: Jour,
) -> Result<(), Erreur> {
    let (genre, motif, piece, echeance) = match decision {
        Decision::Attribue { .. } => (ATTRIBUTION, None, None, None),
        Decision::AttribueSousCondition {
            piece, echeance, ..
        } => (
            SOUS_CONDITION,
            None,
            Some(piece.code()),
            Some(echeance.to_string()),
        ),
        Decision::NonAttribue { motif } => (NON_ATTRIBUTION, Some(motif.code()), None, None),
        Decision::Irrecevable { motif } => (IRRECEVABILITE, Some(motif.code()), None, None),
    };
    sqlx::query(
        "INSERT INTO decisions (candidature_id, offre_id, genre, rang_attribution, motif, piece, echeance, decide_le)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(candidature_id)
    .bind(offre_id)
    .bind(genre)
    .bind(decision.rang().map(i64::from))
    .bind(motif)
    .bind(piece)
    .bind(echeance)
    .bind(le.to_string())
    .execute(tx)
    .await?;
    Ok(())
}

/// Records how a suspensive condition ended.
#[tracing::instrument(level = "debug", skip_all, fields(candidature_id = candidature_id))]
pub async fn lever_condition(
    tx: &mut AnyConnection,
    candidature_id: i64,
    levee: LeveeCondition,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE decisions SET condition = $1, condition_le = $2 WHERE candidature_id = $3")
        .bind(if levee.remplie { "remplie" } else { "caduque" })
        .bind(levee.le.to_string())
        .bind(candidature_id)
        .execute(tx)
        .await?;
    Ok(())
}

/// Records the answer of the candidate the home was offered to.
#[tracing::instrument(level = "debug", skip_all, fields(candidature_id = candidature_id))]
pub async fn repondre(
    tx: &mut AnyConnection,
    candidature_id: i64,
    accepte: bool,
    motif: Option<&str>,
    le: Jour,
) -> Result<(), Erreur> {
    sqlx::query(
        "UPDATE decisions SET reponse = $1, motif_reponse = $2, repondu_le = $3 WHERE candidature_id = $4",
    )
    .bind(if accepte { ACCEPTE } else { REFUSE })
    .bind(motif)
    .bind(le.to_string())
    .bind(candidature_id)
    .execute(tx)
    .await?;
    Ok(())
}
