//! Rate limiting of log-in attempts, per account and per client address: failures are
//! counted over a sliding window; past the limit, the answer is 429 with `Retry-After`,
//! whether the password is right or not.

use crate::probleme::ErreurApi;
use crate::stockage::echecs_connexion;
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
        let (echecs, premier) =
            echecs_connexion::recents(base, cle, maintenant - FENETRE, *max).await?;
        if echecs >= *max {
            let attente = premier.unwrap_or(maintenant) + FENETRE - maintenant;
            return Err(ErreurApi::TropDeTentatives(attente.max(1) as u64));
        }
    }
    Ok(())
}

/// Records a failure under each key (and forgets failures older than the window).
pub async fn echec(base: &SqlitePool, cles: &[&str], maintenant: i64) -> Result<(), ErreurApi> {
    Ok(echecs_connexion::noter(base, cles, maintenant, maintenant - FENETRE).await?)
}

/// A successful log-in clears the account's failures.
pub async fn effacer(base: &SqlitePool, cle: &str) -> Result<(), ErreurApi> {
    Ok(echecs_connexion::effacer(base, cle).await?)
}
