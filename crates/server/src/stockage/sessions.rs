//! Sessions: stored by the hash of their token (a stolen database holds no usable
//! token), with their CSRF token, last activity and expiry; and what binds a staff
//! account to its organisation or territory.

use super::Erreur;
use clef_domain::api::Role;
use clef_domain::offre::Code;
use sqlx::SqlitePool;

/// A new session to store.
pub struct NouvelleSession<'a> {
    pub empreinte: &'a str,
    pub compte_id: i64,
    pub csrf: &'a str,
    pub maintenant: i64,
    pub expire_a: i64,
}

/// Everyone's expired sessions (by their index: a log-in's time does not grow with them).
pub(super) const EXPIREES: &str = "DELETE FROM sessions WHERE expire_a < ?";

/// Stores a new session, and drops everyone's expired ones now and then (here).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn creer(base: &SqlitePool, s: NouvelleSession<'_>) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO sessions (empreinte, compte_id, csrf, cree_a, vu_a, expire_a)
         VALUES (?, ?, ?, ?, ?, ?)",
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
pub async fn lire(base: &SqlitePool, empreinte: &str) -> Result<Option<SessionLue>, Erreur> {
    let ligne: Option<Ligne> = sqlx::query_as(
        "SELECT c.id AS compte_id, c.role, c.email, s.csrf, s.vu_a, s.expire_a,
                d.id AS demandeur_id, d.numero_unique, s.mandat_id
         FROM sessions s JOIN comptes c ON c.id = s.compte_id
         LEFT JOIN demandeurs d ON d.compte_id = c.id
         WHERE s.empreinte = ?",
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
pub async fn supprimer(base: &SqlitePool, empreinte: &str) -> Result<(), Erreur> {
    sqlx::query("DELETE FROM sessions WHERE empreinte = ?")
        .bind(empreinte)
        .execute(base)
        .await?;
    Ok(())
}

/// Records activity on a session.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn marquer_vue(
    base: &SqlitePool,
    empreinte: &str,
    maintenant: i64,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE sessions SET vu_a = ? WHERE empreinte = ?")
        .bind(maintenant)
        .bind(empreinte)
        .execute(base)
        .await?;
    Ok(())
}

/// Sets (or clears) the mandate an advisor's session acts under.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn agir_sous(
    base: &SqlitePool,
    empreinte: &str,
    mandat_id: Option<i64>,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE sessions SET mandat_id = ? WHERE empreinte = ?")
        .bind(mandat_id)
        .bind(empreinte)
        .execute(base)
        .await?;
    Ok(())
}

/// The organisation a landlord staff account belongs to.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn bailleur_de_l_agent(base: &SqlitePool, compte_id: i64) -> Result<Option<i64>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT bailleur_id FROM agents_bailleur WHERE compte_id = ?")
            .bind(compte_id)
            .fetch_optional(base)
            .await?,
    )
}

/// The territory (id and slug) a territory staff account belongs to.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn territoire_de_l_agent(
    base: &SqlitePool,
    compte_id: i64,
) -> Result<Option<(i64, String)>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.slug FROM agents_territoire a JOIN territoires t ON t.id = a.territoire_id
         WHERE a.compte_id = ?",
    )
    .bind(compte_id)
    .fetch_optional(base)
    .await?)
}

/// The structure (id and name) an advisor account works for, and the advisor's name.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn structure_du_conseiller(
    base: &SqlitePool,
    compte_id: i64,
) -> Result<Option<(i64, String, String)>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT c.structure_id, s.nom, c.nom FROM conseillers c
         JOIN structures s ON s.id = c.structure_id WHERE c.compte_id = ?",
    )
    .bind(compte_id)
    .fetch_optional(base)
    .await?)
}
