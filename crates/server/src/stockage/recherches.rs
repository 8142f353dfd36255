//! Saved searches: a name and a checked query string, with the last listing announced.

use super::Erreur;
use clef_domain::api::RechercheSauvegardee;
use sqlx::AnyPool;

/// The applicant's saved searches, oldest first.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn du_demandeur(
    base: &AnyPool,
    demandeur_id: i64,
) -> Result<Vec<RechercheSauvegardee>, Erreur> {
    let lignes: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, nom, requete FROM recherches WHERE demandeur_id = $1 ORDER BY id",
    )
    .bind(demandeur_id)
    .fetch_all(base)
    .await?;
    Ok(lignes
        .into_iter()
        .map(|(id, nom, requete)| RechercheSauvegardee { id, nom, requete })
        .collect())
}

/// Saves a search that has seen listings up to `derniere_offre`; returns its id, or `None`
/// when the applicant already has `max` (counted and written in one transaction).
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn sauvegarder(
    base: &AnyPool,
    demandeur_id: i64,
    nom: &str,
    requete: &str,
    derniere_offre: i64,
    max: i64,
) -> Result<Option<i64>, Erreur> {
    let mut tx = super::ecriture(base).await?;
    let deja: i64 = sqlx::query_scalar("SELECT count(*) FROM recherches WHERE demandeur_id = $1")
        .bind(demandeur_id)
        .fetch_one(&mut *tx)
        .await?;
    if deja >= max {
        return Ok(None);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO recherches (demandeur_id, nom, requete, derniere_offre)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(demandeur_id)
    .bind(nom)
    .bind(requete)
    .bind(derniere_offre)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// Deletes one of the applicant's saved searches; false when there is no such search.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, id = id))]
pub async fn supprimer(base: &AnyPool, demandeur_id: i64, id: i64) -> Result<bool, Erreur> {
    let fait = sqlx::query("DELETE FROM recherches WHERE id = $1 AND demandeur_id = $2")
        .bind(id)
        .bind(demandeur_id)
        .execute(base)
        .await?;
    Ok(fait.rows_affected() > 0)
}
