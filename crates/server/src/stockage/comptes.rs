//! Accounts: e-mail, password hash, role, settings.

use super::Drapeau;
use super::Erreur;
use clef_domain::api::Role;
use clef_domain::offre::Code;
use sqlx::AnyPool;

/// Whether the applicant keeps e-mail alerts on.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn alertes_courriel(base: &AnyPool, demandeur_id: i64) -> Result<bool, Erreur> {
    Ok(sqlx::query_scalar::<_, Drapeau>(
        "SELECT c.alertes_courriel FROM comptes c JOIN demandeurs d ON d.compte_id = c.id
         WHERE d.id = $1",
    )
    .bind(demandeur_id)
    .fetch_one(base)
    .await?
    .0)
}

/// Turns the applicant's e-mail alerts on or off.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn changer_alertes_courriel(
    base: &AnyPool,
    demandeur_id: i64,
    courriel: bool,
) -> Result<(), Erreur> {
    sqlx::query(
        "UPDATE comptes SET alertes_courriel = $1
         WHERE id = (SELECT compte_id FROM demandeurs WHERE id = $2)",
    )
    .bind(Drapeau(courriel))
    .bind(demandeur_id)
    .execute(base)
    .await?;
    Ok(())
}

/// An account found by its e-mail, for logging in.
pub struct CompteLu {
    pub id: i64,
    /// The password hash (argon2, PHC string).
    pub mot_de_passe: String,
    pub role: Role,
    /// For applicants.
    pub numero_unique: Option<String>,
}

/// The account with this e-mail (already trimmed and lower-cased), if any.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn par_email(base: &AnyPool, email: &str) -> Result<Option<CompteLu>, Erreur> {
    let ligne: Option<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.id, c.mot_de_passe, c.role, d.numero_unique
         FROM comptes c LEFT JOIN demandeurs d ON d.compte_id = c.id WHERE c.email = $1",
    )
    .bind(email)
    .fetch_optional(base)
    .await?;
    ligne
        .map(|(id, mot_de_passe, role, numero_unique)| {
            Ok(CompteLu {
                id,
                mot_de_passe,
                role: Role::depuis_code(&role)
                    .ok_or_else(|| Erreur::illisible("comptes.role", role))?,
                numero_unique,
            })
        })
        .transpose()
}

/// Whether an account already uses this e-mail.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn email_pris(base: &AnyPool, email: &str) -> Result<bool, Erreur> {
    Ok(
        sqlx::query_scalar::<_, Drapeau>("SELECT EXISTS (SELECT 1 FROM comptes WHERE email = $1)")
            .bind(email)
            .fetch_one(base)
            .await?
            .0,
    )
}

/// Whether an applicant already holds this numéro unique.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn numero_pris(base: &AnyPool, numero_unique: &str) -> Result<bool, Erreur> {
    Ok(sqlx::query_scalar::<_, Drapeau>(
        "SELECT EXISTS (SELECT 1 FROM demandeurs WHERE numero_unique = $1)",
    )
    .bind(numero_unique)
    .fetch_one(base)
    .await?
    .0)
}

/// What another account already uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DejaPris {
    Email,
    NumeroUnique,
}

impl DejaPris {
    /// The field of the sign-up form.
    pub fn nom(self) -> &'static str {
        match self {
            DejaPris::Email => "email",
            DejaPris::NumeroUnique => "numero_unique",
        }
    }
}

/// Creates an applicant's account; `Ok(Err(_))` when the e-mail or the number was taken
/// meanwhile (the database's unique indexes settle a race between two sign-ups).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn inscrire_demandeur(
    base: &AnyPool,
    email: &str,
    hache: &str,
    numero_unique: &str,
) -> Result<Result<i64, DejaPris>, Erreur> {
    let pris = |e: &sqlx::Error| match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            Some(if d.message().contains("numero_unique") {
                DejaPris::NumeroUnique
            } else {
                DejaPris::Email
            })
        }
        _ => None,
    };
    let mut tx = super::ecriture(base).await?;
    let compte_id = match sqlx::query_scalar(
        "INSERT INTO comptes (email, mot_de_passe, role) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(email)
    .bind(hache)
    .bind(Role::Demandeur.code())
    .fetch_one(&mut *tx)
    .await
    {
        Ok(id) => id,
        Err(e) => return pris(&e).map(Err).ok_or(Erreur::Base(e)),
    };
    if let Err(e) = sqlx::query("INSERT INTO demandeurs (compte_id, numero_unique) VALUES ($1, $2)")
        .bind(compte_id)
        .bind(numero_unique)
        .execute(&mut *tx)
        .await
    {
        return pris(&e).map(Err).ok_or(Erreur::Base(e));
    }
    tx.commit().await?;
    Ok(Ok(compte_id))
}

/// An advisor's TOTP secret.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn secret_totp(base: &AnyPool, compte_id: i64) -> Result<Option<String>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT secret_totp FROM conseillers WHERE compte_id = $1")
            .bind(compte_id)
            .fetch_optional(base)
            .await?,
    )
}

/// Every advisor's stored TOTP secret, to re-encrypt them at start.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn secrets_totp(base: &AnyPool) -> Result<Vec<(i64, String)>, Erreur> {
    Ok(
        sqlx::query_as("SELECT compte_id, secret_totp FROM conseillers ORDER BY compte_id")
            .fetch_all(base)
            .await?,
    )
}

/// Replaces an advisor's stored TOTP secret (the same secret, encrypted again).
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn remplacer_secret_totp(
    base: &AnyPool,
    compte_id: i64,
    stocke: &str,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE conseillers SET secret_totp = $1 WHERE compte_id = $2")
        .bind(stocke)
        .bind(compte_id)
        .execute(base)
        .await?;
    Ok(())
}

/// Records the time step of an accepted TOTP code; false when this step (or a later
/// one) was already used: a code is accepted once.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn accepter_pas_totp(base: &AnyPool, compte_id: i64, pas: i64) -> Result<bool, Erreur> {
    let fait = sqlx::query(
        "UPDATE conseillers SET dernier_pas = $1 WHERE compte_id = $2 AND dernier_pas < $3",
    )
    .bind(pas)
    .bind(compte_id)
    .bind(pas)
    .execute(base)
    .await?;
    Ok(fait.rows_affected() == 1)
}

/// The support structure an advisor works for.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn structure_du_conseiller(
    base: &AnyPool,
    compte_id: i64,
) -> Result<Option<String>, Erreur> {
    Ok(sqlx::query_scalar(
        "SELECT s.nom FROM conseillers c JOIN structures s ON s.id = c.structure_id
         WHERE c.compte_id = $1",
    )
    .bind(compte_id)
    .fetch_optional(base)
    .await?)
}
