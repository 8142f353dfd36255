//! Listing photos: re-encoded JPEG, stored by the hash of their content.

use super::Erreur;
use sqlx::AnyPool;

/// Stores a cleaned photo for a landlord (the same photo twice is stored once).
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn enregistrer(
    base: &AnyPool,
    bailleur_id: i64,
    image: &crate::images::ImagePropre,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO images (bailleur_id, empreinte, contenu, largeur, hauteur)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (bailleur_id, empreinte) DO NOTHING",
    )
    .bind(bailleur_id)
    .bind(&image.empreinte)
    .bind(&image.jpeg)
    .bind(i64::from(image.largeur))
    .bind(i64::from(image.hauteur))
    .execute(base)
    .await?;
    Ok(())
}

/// The JPEG bytes of the photo with this content hash.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn contenu(base: &AnyPool, empreinte: &str) -> Result<Option<Vec<u8>>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT contenu FROM images WHERE empreinte = $1 LIMIT 1")
            .bind(empreinte)
            .fetch_optional(base)
            .await?,
    )
}

/// The bytes of photos a landlord has stored.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn volume(base: &AnyPool, bailleur_id: i64) -> Result<i64, Erreur> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(coalesce(sum(length(contenu)), 0) AS BIGINT) FROM images WHERE bailleur_id = $1",
    )
    .bind(bailleur_id)
    .fetch_one(base)
    .await?)
}
