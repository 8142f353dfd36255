//! Rate limiting of log-in attempts, per account and per client address: failures are
//! counted over a sliding window; past the limit, the answer is 429 with `Retry-After`,
//! whether the password is right or not.

use crate::probleme::ErreurApi;
use sqlx::SqlitePool;

/// The window failures are counted over.
pub const FENETRE: i64 = 15 * 60;
/// Failures allowed per account in the window.
pub const MAX_PAR_COMPTE: i64 = 5;
/// Failures allowed per client address in the window (a counter is shared by many
/// people, a France Services office say).
pub const MAX_PAR_ADRESSE: i64 = 30;

pub fn cle_compte(email: &str) -> String {
    format!("compte:{}", email.trim().to_lowercase())
}

pub fn cle_adresse(adresse: &str) -> String {
    format!("adresse:{adresse}")
}

/// Refuses when one of the keys is over its limit, saying how long to wait.
pub async fn verifier(
    base: &SqlitePool,
    cles: &[(&str, i64)],
    maintenant: i64,
) -> Result<(), ErreurApi> {
    for (cle, max) in cles {
        let (echecs, premier): (i64, Option<i64>) = sqlx::query_as(
            "SELECT count(*), min(a) FROM (SELECT a FROM echecs_connexion
             WHERE cle = ? AND a > ? ORDER BY a DESC LIMIT ?)",
        )
        .bind(cle)
        .bind(maintenant - FENETRE)
        .bind(max)
        .fetch_one(base)
        .await?;
        if echecs >= *max {
            let attente = premier.unwrap_or(maintenant) + FENETRE - maintenant;
            return Err(ErreurApi::TropDeTentatives(attente.max(1) as u64));
        }
    }
    Ok(())
}

/// Records a failure under each key (and forgets failures older than the window).
pub async fn echec(base: &SqlitePool, cles: &[&str], maintenant: i64) -> Result<(), ErreurApi> {
    let mut tx = base.begin().await?;
    for cle in cles {
        sqlx::query("INSERT INTO echecs_connexion (cle, a) VALUES (?, ?)")
            .bind(cle)
            .bind(maintenant)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM echecs_connexion WHERE a <= ?")
        .bind(maintenant - FENETRE)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A successful log-in clears the account's failures.
pub async fn effacer(base: &SqlitePool, cle: &str) -> Result<(), ErreurApi> {
    sqlx::query("DELETE FROM echecs_connexion WHERE cle = ?")
        .bind(cle)
        .execute(base)
        .await?;
    Ok(())
}
