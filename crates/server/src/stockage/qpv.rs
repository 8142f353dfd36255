//! The territory's priority neighbourhoods (QPV) and the streets each covers: how a
//! listing's address is found in a QPV.

use super::Drapeau;
use super::Erreur;
use clef_domain::api::QpvVoies;
use sqlx::{AnyConnection, AnyPool};

/// The territory's QPVs with their streets, by commune and name (two queries).
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn du_territoire(base: &AnyPool, territoire_id: i64) -> Result<Vec<QpvVoies>, Erreur> {
    let qpv: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT q.id, q.nom, c.nom FROM qpv q JOIN communes c ON c.id = q.commune_id
         WHERE c.territoire_id = $1 ORDER BY c.nom, q.nom",
    )
    .bind(territoire_id)
    .fetch_all(base)
    .await?;
    let voies: Vec<(i64, String)> = sqlx::query_as(
        "SELECT v.qpv_id, v.voie FROM qpv_voies v JOIN qpv q ON q.id = v.qpv_id
         JOIN communes c ON c.id = q.commune_id
         WHERE c.territoire_id = $1 ORDER BY v.voie",
    )
    .bind(territoire_id)
    .fetch_all(base)
    .await?;
    Ok(qpv
        .into_iter()
        .map(|(id, nom, commune)| QpvVoies {
            id,
            nom,
            commune,
            voies: voies
                .iter()
                .filter(|(q, _)| *q == id)
                .map(|(_, v)| v.clone())
                .collect(),
        })
        .collect())
}

/// Whether the QPV is the territory's.
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id, id = id))]
pub async fn est_du_territoire(
    base: &AnyPool,
    territoire_id: i64,
    id: i64,
) -> Result<bool, Erreur> {
    Ok(sqlx::query_scalar::<_, Drapeau>(
        "SELECT EXISTS (SELECT 1 FROM qpv q JOIN communes c ON c.id = q.commune_id
         WHERE q.id = $1 AND c.territoire_id = $2)",
    )
    .bind(id)
    .bind(territoire_id)
    .fetch_one(base)
    .await?
    .0)
}

/// Replaces the streets a QPV covers.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn remplacer_voies(
    connexion: &mut AnyConnection,
    id: i64,
    voies: &[String],
) -> Result<(), Erreur> {
    sqlx::query("DELETE FROM qpv_voies WHERE qpv_id = $1")
        .bind(id)
        .execute(&mut *connexion)
        .await?;
    for v in voies {
        sqlx::query("INSERT INTO qpv_voies (qpv_id, voie) VALUES ($1, $2)")
            .bind(id)
            .bind(v)
            .execute(&mut *connexion)
            .await?;
    }
    Ok(())
}
