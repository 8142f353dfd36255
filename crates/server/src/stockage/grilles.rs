//! Scoring grids: stored as the rules crate's JSON, versioned per territory.

use super::Erreur;
use clef_domain::Jour;
use clef_domain::cotation::Grille;
use sqlx::AnyPool;

/// The grid of territory `slug` in force on `jour`, or the given version.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn en_vigueur(
    base: &AnyPool,
    slug: &str,
    jour: Jour,
    version: Option<u32>,
) -> Result<Option<Grille>, Erreur> {
    let contenu: Option<String> = sqlx::query_scalar(
        "SELECT g.contenu FROM grilles g JOIN territoires t ON t.id = g.territoire_id
         WHERE t.slug = $1 AND ($2 IS NULL AND g.en_vigueur_le <= $3 OR g.version = $4)
         ORDER BY g.version DESC LIMIT 1",
    )
    .bind(slug)
    .bind(version.map(i64::from))
    .bind(jour.to_string())
    .bind(version.map(i64::from))
    .fetch_optional(base)
    .await?;
    contenu
        .map(|c| {
            serde_json::from_str(&c)
                .map_err(|e| Erreur::Illisible(format!("grille de {slug} : {e}")))
        })
        .transpose()
}

/// The territory's latest grid version and the day it takes effect.
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn derniere(base: &AnyPool, territoire_id: i64) -> Result<Option<(u32, Jour)>, Erreur> {
    let ligne: Option<(i64, String)> = sqlx::query_as(
        "SELECT version, en_vigueur_le FROM grilles WHERE territoire_id = $1
         ORDER BY version DESC LIMIT 1",
    )
    .bind(territoire_id)
    .fetch_optional(base)
    .await?;
    ligne
        .map(|(v, jour)| {
            Ok((
                u32::try_from(v).map_err(|_| Erreur::illisible("grilles.version", v))?,
                jour.parse()
                    .map_err(|_| Erreur::illisible("grilles.en_vigueur_le", &jour))?,
            ))
        })
        .transpose()
}

/// Stores a grid version, unless that version is already there (versions never change).
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn publier(
    connexion: &mut sqlx::AnyConnection,
    territoire_id: i64,
    grille: &Grille,
) -> Result<bool, sqlx::Error> {
    let contenu = serde_json::to_string(grille).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let fait = sqlx::query(
        "INSERT INTO grilles (territoire_id, version, en_vigueur_le, contenu) VALUES ($1, $2, $3, $4)
         ON CONFLICT (territoire_id, version) DO NOTHING",
    )
    .bind(territoire_id)
    .bind(i64::from(grille.version))
    .bind(grille.en_vigueur_le.to_string())
    .bind(contenu)
    .execute(connexion)
    .await?;
    Ok(fait.rows_affected() > 0)
}
