//! Landlord staff: their organisation's listings, closing and ranking. Every query is
//! bound to the staff member's organisation: another organisation's listing is "not found".

use crate::application::Etat;
use crate::candidatures::{OffreACoter, classement, depuis_json};
use crate::compte::Agent;
use crate::probleme::ErreurApi;
use crate::stockage;
use axum::Json;
use axum::extract::{Path, State};
use clef_domain::Jour;
use clef_domain::api::{CandidatClasse, ClassementOffre, OffreBailleur, Probleme};
use clef_domain::erreur::CodeErreur;
use clef_domain::offre::EtatOffre;
use sqlx::SqlitePool;

fn identifiant(texte: &str) -> Result<i64, ErreurApi> {
    texte
        .parse()
        .ok()
        .filter(|&id: &i64| id > 0)
        .ok_or_else(|| ErreurApi::champ("id", CodeErreur::PasUnNombre))
}

/// The listing, if it is the organisation's.
async fn offre_de(
    base: &SqlitePool,
    agent: &Agent,
    offre_id: i64,
    aujourdhui: Jour,
) -> Result<OffreACoter, ErreurApi> {
    let a_nous: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM offres WHERE id = ? AND bailleur_id = ?)")
            .bind(offre_id)
            .bind(agent.bailleur_id)
            .fetch_one(base)
            .await?;
    if !a_nous {
        return Err(ErreurApi::Introuvable);
    }
    OffreACoter::charger(base, offre_id, aujourdhui)
        .await?
        .ok_or(ErreurApi::Introuvable)
}

/// The organisation's listings, the latest closing first, with their applications.
#[utoipa::path(
    get,
    path = "/bailleur/offres",
    tag = "bailleur",
    responses(
        (status = 200, description = "Les offres de mon organisme", body = Vec<OffreBailleur>),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un compte de bailleur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn offres(
    State(etat): State<Etat>,
    agent: Agent,
) -> Result<Json<Vec<OffreBailleur>>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let lignes: Vec<(i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT o.id,
            (SELECT count(*) FROM candidatures c WHERE c.offre_id = o.id AND c.etat != 'retiree'),
            k.classe_le
         FROM offres o LEFT JOIN classements k ON k.offre_id = o.id
         WHERE o.bailleur_id = ? ORDER BY o.cloture DESC, o.id",
    )
    .bind(agent.bailleur_id)
    .fetch_all(&etat.base)
    .await?;
    let ids: Vec<i64> = lignes.iter().map(|l| l.0).collect();
    let mut resumes = stockage::offres::resumes(&etat.base, &ids, aujourdhui).await?;
    lignes
        .into_iter()
        .filter_map(|(id, n, classe_le)| resumes.remove(&id).map(|o| (o, n, classe_le)))
        .map(|(offre, n, classe_le)| {
            Ok(OffreBailleur {
                offre,
                candidatures: u32::try_from(n).unwrap_or(0),
                classee_le: classe_le
                    .map(|j| {
                        j.parse()
                            .map_err(|_| ErreurApi::DonneeIllisible(format!("classe_le = {j}")))
                    })
                    .transpose()?,
            })
        })
        .collect::<Result<Vec<_>, ErreurApi>>()
        .map(Json)
}

async fn lire_classement(
    base: &SqlitePool,
    offre: &OffreACoter,
) -> Result<ClassementOffre, ErreurApi> {
    let offre_id = offre.detail.resume.id;
    let (version, classe_le, total, eligibles): (i64, String, i64, i64) = sqlx::query_as(
        "SELECT grille_version, classe_le, candidatures, eligibles FROM classements WHERE offre_id = ?",
    )
    .bind(offre_id)
    .fetch_optional(base)
    .await?
    .ok_or(ErreurApi::NonClassee)?;
    let lignes: Vec<(i64, Option<i64>, String, String)> = sqlx::query_as(
        "SELECT id, rang, verdict, cotation FROM candidatures
         WHERE offre_id = ? AND verdict IS NOT NULL ORDER BY rang IS NULL, rang, id",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?;
    let candidats = lignes
        .into_iter()
        .map(|(id, rang, verdict, cotation)| {
            Ok(CandidatClasse {
                candidature_id: id,
                rang: rang.and_then(|r| u32::try_from(r).ok()),
                verdict: depuis_json("verdict", &verdict)?,
                score: depuis_json("cotation", &cotation)?,
            })
        })
        .collect::<Result<_, ErreurApi>>()?;
    let nombre = |n: i64| u32::try_from(n).unwrap_or(0);
    Ok(ClassementOffre {
        offre_id,
        grille_version: nombre(version),
        classe_le: classe_le
            .parse()
            .map_err(|_| ErreurApi::DonneeIllisible(format!("classe_le = {classe_le}")))?,
        candidatures: nombre(total),
        eligibles: nombre(eligibles),
        candidats,
    })
}

/// The frozen ranking of one of the organisation's listings, anonymised.
#[utoipa::path(
    get,
    path = "/bailleur/offres/{id}/classement",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Le classement figé", body = ClassementOffre),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Pas encore classée", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(
    State(etat): State<Etat>,
    agent: Agent,
    Path(id): Path<String>,
) -> Result<Json<ClassementOffre>, ErreurApi> {
    let offre = offre_de(
        &etat.base,
        &agent,
        identifiant(&id)?,
        etat.horloge.aujourdhui(),
    )
    .await?;
    Ok(Json(lire_classement(&etat.base, &offre).await?))
}

/// Rank the candidates of a listing whose window has ended, with the grid in force at its
/// publication, and freeze the ranking. Doing it again returns the frozen ranking.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/classement",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Le classement figé", body = ClassementOffre),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "La fenêtre de candidature n'est pas terminée", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn classer(
    State(etat): State<Etat>,
    agent: Agent,
    Path(id): Path<String>,
) -> Result<Json<ClassementOffre>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = offre_de(&etat.base, &agent, identifiant(&id)?, aujourdhui).await?;
    if offre.detail.resume.etat != EtatOffre::Cloturee {
        return Err(ErreurApi::FenetreOuverte);
    }
    classement::figer(&etat.base, &offre, aujourdhui).await?;
    let offre = offre_de(&etat.base, &agent, offre.detail.resume.id, aujourdhui).await?;
    Ok(Json(lire_classement(&etat.base, &offre).await?))
}
