//! Rate limits on what can be tried (passwords, second-factor codes, sign-ups, reset links):
//! attempts are counted over a sliding window; past a limit, the answer is 429 with
//! `Retry-After`, whether the password is right or not.
//!
//! An attempt is counted *before* the work it limits (the password hash, the code check),
//! in one transaction with the check: a burst of parallel requests is counted one by one
//! and only the first `max` go through. An attempt that succeeds is given back.
//!
//! Log-in failures are counted per account *and* client address (5), so that someone
//! trying passwords from elsewhere never locks the owner out of their own account, and per
//! address across accounts (30: a France Services office shares one address).

use crate::probleme::ErreurApi;
use crate::stockage::echecs_connexion;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

/// The window most attempts are counted over.
pub const FENETRE: i64 = 15 * 60;
/// The longest window: older attempts are forgotten.
pub const JOUR: i64 = 24 * 60 * 60;
/// Failed log-ins allowed for one account from one address in the window.
pub const MAX_PAR_COMPTE_ET_ADRESSE: i64 = 5;
/// Failures allowed per client address in the window, across accounts.
pub const MAX_PAR_ADRESSE: i64 = 30;
/// Accounts created from one address in the window.
pub const MAX_INSCRIPTIONS_PAR_ADRESSE: i64 = 20;

/// A key: what is limited (`genre`) and a digest of who (e-mail, address...), so that
/// the table holds nothing personal and every key has the same small size.
pub fn cle(genre: &str, parties: &[&str]) -> String {
    let mut empreinte = Sha256::new();
    for partie in parties {
        empreinte.update(partie.as_bytes());
        empreinte.update([0]);
    }
    let hex: String = empreinte
        .finalize()
        .iter()
        .take(16)
        .map(|o| format!("{o:02x}"))
        .collect();
    format!("{genre}:{hex}")
}

/// Failed log-ins to an account (its e-mail as typed, normalised) from an address.
pub fn cle_compte(email: &str, adresse: &str) -> String {
    cle("compte", &[&email.trim().to_lowercase(), adresse])
}

/// Failures from an address, whatever the account.
pub fn cle_adresse(adresse: &str) -> String {
    cle("adresse", &[adresse])
}

/// Attempts counted before their outcome is known.
#[must_use = "an attempt is either kept (it counts) or given back when it succeeds"]
pub struct Tentative {
    ids: Vec<i64>,
}

/// At most `max` attempts under `cle` in `fenetre` seconds.
#[derive(Debug, Clone, Copy)]
pub struct Limite<'a> {
    pub cle: &'a str,
    pub max: i64,
    pub fenetre: i64,
}

impl<'a> Limite<'a> {
    /// `max` per quarter of an hour.
    pub fn quart_d_heure(cle: &'a str, max: i64) -> Self {
        Limite {
            cle,
            max,
            fenetre: FENETRE,
        }
    }

    /// `max` per day.
    pub fn jour(cle: &'a str, max: i64) -> Self {
        Limite {
            cle,
            max,
            fenetre: JOUR,
        }
    }
}

/// Counts an attempt under each limit, or refuses with 429 (counting nothing) when one is
/// full, saying how long to wait.
pub async fn tenter(
    base: &AnyPool,
    limites: &[Limite<'_>],
    maintenant: i64,
) -> Result<Tentative, ErreurApi> {
    let cles: Vec<(&str, i64, i64)> = limites
        .iter()
        .map(|l| (l.cle, l.max, maintenant - l.fenetre))
        .collect();
    match echecs_connexion::compter(base, &cles, maintenant, maintenant - JOUR).await? {
        Ok(ids) => Ok(Tentative { ids }),
        Err(premier) => {
            // The attempt that frees a place first, under the limit that refused.
            let fenetre = limites
                .iter()
                .map(|l| l.fenetre)
                .filter(|f| premier + f > maintenant)
                .min()
                .unwrap_or(FENETRE);
            let attente = premier + fenetre - maintenant;
            Err(ErreurApi::TropDeTentatives(attente.max(1) as u64))
        }
    }
}

impl Tentative {
    /// It failed: it stays counted.
    pub fn garder(self) {}

    /// It succeeded: it is no longer counted, and the failures under `oublier` are
    /// forgotten (a right password clears the account's failures from that address).
    pub async fn rendre(self, base: &AnyPool, oublier: &[&str]) -> Result<(), ErreurApi> {
        Ok(echecs_connexion::decompter(base, &self.ids, oublier).await?)
    }
}

/// Forgets every attempt under `cles`.
pub async fn oublier(base: &AnyPool, cles: &[&str]) -> Result<(), ErreurApi> {
    Ok(echecs_connexion::decompter(base, &[], cles).await?)
}
