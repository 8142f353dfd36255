//! Failed log-ins, by key (an account or a client address), for the rate limit.

use super::Erreur;
use sqlx::SqlitePool;

/// The number of failures under `cle` after `depuis` (counting at most `max`) and the
/// oldest of those counted.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn recents(
    base: &SqlitePool,
    cle: &str,
    depuis: i64,
    max: i64,
) -> Result<(i64, Option<i64>), Erreur> {
    Ok(sqlx::query_as(
        "SELECT count(*), min(a) FROM (SELECT a FROM echecs_connexion
         WHERE cle = ? AND a > ? ORDER BY a DESC LIMIT ?)",
    )
    .bind(cle)
    .bind(depuis)
    .bind(max)
    .fetch_one(base)
    .await?)
}

/// Records a failure at `a` under each key, and forgets those at or before `oubli`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn noter(base: &SqlitePool, cles: &[&str], a: i64, oubli: i64) -> Result<(), Erreur> {
    let mut tx = base.begin().await?;
    for cle in cles {
        sqlx::query("INSERT INTO echecs_connexion (cle, a) VALUES (?, ?)")
            .bind(cle)
            .bind(a)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM echecs_connexion WHERE a <= ?")
        .bind(oubli)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets the failures under a key.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn effacer(base: &SqlitePool, cle: &str) -> Result<(), Erreur> {
    sqlx::query("DELETE FROM echecs_connexion WHERE cle = ?")
        .bind(cle)
        .execute(base)
        .await?;
    Ok(())
}
