//! Sessions: stored by the hash of their token (a stolen database holds no usable
//! token), with their CSRF token, last activity and expiry; and what binds a staff
//! account to its organisation or territory.

use super::Erreur;
use clef_domain::api::Role;
use clef_domain::offre::Code;
use sqlx::AnyPool;

/// A new session to store.
pub struct NouvelleSession<'a> {
    pub empreinte: &'a str,
    pub compte_id: i64,
    pub csrf: &'a str,
    pub maintenant: i64,
    pub expire_a: i64,
}

/// Expired sessions dropped by one log-in, at most: a log-in's time stays the same however
/// many expired sessions there are (found by their index), and each log-in drops more than
/// log-ins create.
pub const EXPIREES_PAR_CONNEXION: i64 = 200;

/// Some of everyone's expired sessions, the oldest first.
pub(super) const EXPIREES: &str = "DELETE FROM sessions WHERE empreinte IN
    (SELECT empreinte FROM sessions WHERE expire_a < $1 ORDER BY expire_a LIMIT $2)";

/// Stores a new session, and drops everyone's expired ones now and then (here).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn creer(base: &AnyPool, s: NouvelleSession<'_>) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO sessions (empreinte, compte_id, csrf, cree_a, vu_a, expire_a)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(s.empreinte)
    .bind(s.compte_id)
    .bind(s.csrf)
    .bind(s.maintenant)
    .bind(s.maintenant)
    .bind(s.expire_a)
    .execute(base)
    .await?;
    sqlx::query(EXPIREES)
        .bind(s.maintenant)
        .bind(EXPIREES_PAR_CONNEXION)
        .execute(base)
        .await?;
    Ok(())
}

/// A stored session with its account.
pub struct SessionLue {
    pub compte_id: i64,
    pub role: Role,
    pub email: String,
    pub csrf: String,
    pub vu_a: i64,
    pub expire_a: i64,
    /// For applicants: their id and numéro unique.
    pub demandeur: Option<(i64, String)>,
    /// For advisors: the mandate they act under, if any.
    pub mandat_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Ligne {
    compte_id: i64,
    role: String,
    email: String,
    csrf: String,
    vu_a: i64,
    expire_a: i64,
    demandeur_id: Option<i64>,
    numero_unique: Option<String>,
    mandat_id: Option<i64>,
}

/// The session with this token hash, if any.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn lire(base: &AnyPool, empreinte: &str) -> Result<Option<SessionLue>, Erreur> {
    let ligne: Option<Ligne> = sqlx::query_as(
        "SELECT c.id AS compte_id, c.role, c.email, s.csrf, s.vu_a, s.expire_a,
                d.id AS demandeur_id, d.numero_unique, s.mandat_id
         FROM sessions s JOIN comptes c ON c.id = s.compte_id
         LEFT JOIN demandeurs d ON d.compte_id = c.id
         WHERE s.empreinte = $1",
    )
    .bind(empreinte)
    .fetch_optional(base)
    .await?;
    ligne
        .map(|l| {
            Ok(SessionLue {
                compte_id: l.compte_id,
                role: Role::depuis_code(&l.role)
                    .ok_or_else(|| Erreur::illisible("comptes.role", &l.role))?,
                email: l.email,
                csrf: l.csrf,
                vu_a: l.vu_a,
                expire_a: l.expire_a,
                demandeur: l.demandeur_id.zip(l.numero_unique),
                mandat_id: l.mandat_id,
            })
        })
        .transpose()
}

/// Ends a session.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn supprimer(base: &AnyPool, empreinte: &str) -> Result<(), Erreur> {
    sqlx::query("DELETE FROM sessions WHERE empreinte = $1")
        .bind(empreinte)
        .execute(base)
        .await?;
    Ok(())
}

/// Records activity on a session.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn marquer_vue(base: &AnyPool, empreinte: &str, maintenant: i64) -> Result<(), Erreur> {
    sqlx::query("UPDATE sessions SET vu_a = $1 WHERE empreinte = $2")
        .bind(maintenant)
        .bind(empreinte)
        .execute(base)
        .await?;
    Ok(())
}

/// Sets (or clears) the mandate an advisor's session acts under.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn agir_sous(
    base: &AnyPool,
    empreinte: &str,
    mandat_id: Option<i64>,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE sessions SET mandat_id = $1 WHERE empreinte = $2")
        .bind(mandat_id)
        .bind(empreinte)
        .execute(base)
        .await?;
    Ok(())
}

/// The organisation a landlord staff account belongs to.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn bailleur_de_l_agent(base: &AnyPool, compte_id: i64) -> Result<Option<i64>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT bailleur_id FROM agents_bailleur WHERE compte_id = $1")
            .bind(compte_id)
            .fetch_optional(base)
            .await?,
    )
}

/// The territory (id and slug) a territory staff account belongs to.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn territoire_de_l_agent(
    base: &AnyPool,
    compte_id: i64,
) -> Result<Option<(i64, String)>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.slug FROM agents_territoire a JOIN territoires t ON t.id = a.territoire_id
         WHERE a.compte_id = $1",
    )
    .bind(compte_id)
    .fetch_optional(base)
    .await?)
}

/// The structure (id and name) an advisor account works for, and the advisor's name.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn structure_du_conseiller(
    base: &AnyPool,
    compte_id: i64,
) -> Result<Option<(i64, String, String)>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT c.structure_id, s.nom, c.nom FROM conseillers c
         JOIN structures s ON s.id = c.structure_id WHERE c.compte_id = $1",
    )
    .bind(compte_id)
    .fetch_optional(base)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::{EXPIREES_PAR_CONNEXION, NouvelleSession, creer};
    use crate::stockage::semis;

    async fn restantes(base: &sqlx::AnyPool, maintenant: i64) -> (i64, i64) {
        sqlx::query_as(
            "SELECT count(*) FILTER (WHERE expire_a < $1), count(*) FILTER (WHERE expire_a >= $1)
             FROM sessions",
        )
        .bind(maintenant)
        .fetch_one(base)
        .await
        .expect("count")
    }

    #[tokio::test]
    async fn each_log_in_drops_a_bounded_share_of_the_expired_sessions_oldest_first() {
        let dossier = tempfile::tempdir().expect("folder");
        let url = format!("sqlite:{}", dossier.path().join("s.db").display());
        let base = crate::stockage::ouvrir(&url).await.expect("database");
        let maintenant = 1_800_000_000;
        let mut tx = base.begin().await.expect("tx");
        let compte = semis::compte(
            &mut tx,
            "a@exemple.fr",
            "$argon2id$x",
            clef_domain::api::Role::Demandeur,
        )
        .await
        .expect("account");
        let expirees = 2 * EXPIREES_PAR_CONNEXION + 50;
        for n in 0..expirees {
            semis::seance(&mut tx, compte, &format!("e{n}"), n, maintenant - 1 - n)
                .await
                .expect("expired session");
        }
        semis::seance(&mut tx, compte, "vivante", 0, maintenant + 60)
            .await
            .expect("live session");
        tx.commit().await.expect("commit");
        for (k, attendues) in [
            expirees - EXPIREES_PAR_CONNEXION,
            expirees - 2 * EXPIREES_PAR_CONNEXION,
            0,
            0,
        ]
        .into_iter()
        .enumerate()
        {
            let empreinte = format!("nouvelle{k}");
            creer(
                &base,
                NouvelleSession {
                    empreinte: &empreinte,
                    compte_id: compte,
                    csrf: "c",
                    maintenant,
                    expire_a: maintenant + 3600,
                },
            )
            .await
            .expect("log-in");
            assert_eq!(
                restantes(&base, maintenant).await,
                (attendues, 2 + k as i64)
            );
            if k == 0 {
                // The oldest went first: what remains expired last.
                let plus_ancienne: i64 =
                    sqlx::query_scalar("SELECT min(expire_a) FROM sessions WHERE expire_a < $1")
                        .bind(maintenant)
                        .fetch_one(&base)
                        .await
                        .expect("oldest");
                assert_eq!(
                    plus_ancienne,
                    maintenant - expirees + EXPIREES_PAR_CONNEXION
                );
            }
        }
    }
}
