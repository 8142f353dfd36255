//! Password-reset links: stored by the hash of their token, used once, short-lived.

use super::Erreur;
use sqlx::AnyPool;

/// The id of the account with this e-mail (trimmed, lower-cased), if any.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn compte_par_email(base: &AnyPool, email: &str) -> Result<Option<i64>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT id FROM comptes WHERE email = $1")
            .bind(email)
            .fetch_optional(base)
            .await?,
    )
}

/// Stores a new link for the account; the ones before stop working.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn creer(
    base: &AnyPool,
    compte_id: i64,
    empreinte: &str,
    maintenant: i64,
    expire_a: i64,
) -> Result<(), Erreur> {
    let mut tx = super::ecriture(base).await?;
    sqlx::query(
        "UPDATE reinitialisations SET utilise_a = $1 WHERE compte_id = $2 AND utilise_a IS NULL",
    )
    .bind(maintenant)
    .bind(compte_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO reinitialisations (empreinte, compte_id, cree_a, expire_a) VALUES ($1, $2, $3, $4)",
    )
    .bind(empreinte)
    .bind(compte_id)
    .bind(maintenant)
    .bind(expire_a)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The account a live (unused, unexpired) link is for.
pub struct CompteDuLien {
    pub compte_id: i64,
    pub email: String,
    pub numero_unique: Option<String>,
}

/// The account of a live link, if the link is live.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn compte_du_lien(
    base: &AnyPool,
    empreinte: &str,
    maintenant: i64,
) -> Result<Option<CompteDuLien>, Erreur> {
    let ligne: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT c.id, c.email, d.numero_unique FROM reinitialisations r
         JOIN comptes c ON c.id = r.compte_id LEFT JOIN demandeurs d ON d.compte_id = c.id
         WHERE r.empreinte = $1 AND r.utilise_a IS NULL AND r.expire_a > $2",
    )
    .bind(empreinte)
    .bind(maintenant)
    .fetch_optional(base)
    .await?;
    Ok(ligne.map(|(compte_id, email, numero_unique)| CompteDuLien {
        compte_id,
        email,
        numero_unique,
    }))
}

/// Uses the link to set the account's new password hash and end all its sessions, in one
/// transaction; false (changing nothing) when the link was used meanwhile: the first of
/// two requests with the same link wins.
#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn utiliser(
    base: &AnyPool,
    empreinte: &str,
    compte_id: i64,
    hache: &str,
    maintenant: i64,
) -> Result<bool, Erreur> {
    let mut tx = super::ecriture(base).await?;
    let utilise = sqlx::query(
        "UPDATE reinitialisations SET utilise_a = $1 WHERE empreinte = $2 AND utilise_a IS NULL",
    )
    .bind(maintenant)
    .bind(empreinte)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if utilise != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE comptes SET mot_de_passe = $1 WHERE id = $2")
        .bind(hache)
        .bind(compte_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE compte_id = $1")
        .bind(compte_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
