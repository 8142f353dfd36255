//! Counted attempts (failed log-ins, codes tried, sign-ups...), by key, for the rate limits.
//! Keys are digests (`compte::limite::cle`): nothing personal is stored here.

use super::Erreur;
use sqlx::AnyPool;

/// Counts one attempt under each `(key, max, since)` at `a`, unless a key already holds
/// `max` attempts after its `since`: then nothing is counted and the answer is the oldest
/// attempt counted under that key, to say when it frees up. Check and count are one write transaction
/// (`BEGIN IMMEDIATE`), so parallel requests are counted one after the other and cannot
/// all pass. Attempts at or before `oubli` are forgotten on the way.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn compter(
    base: &AnyPool,
    cles: &[(&str, i64, i64)],
    a: i64,
    oubli: i64,
) -> Result<Result<Vec<i64>, i64>, Erreur> {
    let mut tx = super::ecriture(base).await?;
    sqlx::query("DELETE FROM echecs_connexion WHERE a <= $1")
        .bind(oubli)
        .execute(&mut *tx)
        .await?;
    for (cle, max, depuis) in cles {
        let (nombre, premier): (i64, Option<i64>) = sqlx::query_as(
            "SELECT count(*), min(a) FROM (SELECT a FROM echecs_connexion
             WHERE cle = $1 AND a > $2 ORDER BY a DESC LIMIT $3) AS recents",
        )
        .bind(cle)
        .bind(depuis)
        .bind(max)
        .fetch_one(&mut *tx)
        .await?;
        if nombre >= *max {
            tx.rollback().await?;
            return Ok(Err(premier.unwrap_or(a)));
        }
    }
    let mut ids = Vec::with_capacity(cles.len());
    for (cle, _, _) in cles {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO echecs_connexion (cle, a) VALUES ($1, $2) RETURNING id",
        )
        .bind(cle)
        .bind(a)
        .fetch_one(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(Ok(ids))
}

/// Uncounts attempts (they succeeded), and forgets every attempt under `cles`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn decompter(base: &AnyPool, ids: &[i64], cles: &[&str]) -> Result<(), Erreur> {
    let mut tx = super::ecriture(base).await?;
    for id in ids {
        sqlx::query("DELETE FROM echecs_connexion WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    for cle in cles {
        sqlx::query("DELETE FROM echecs_connexion WHERE cle = $1")
            .bind(cle)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
