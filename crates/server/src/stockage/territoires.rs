//! A territory's settings, stored as the rules crate's JSON.

use super::Erreur;
use clef_domain::territoire::ParametresTerritoire;
use sqlx::SqlitePool;

/// The settings of the territory a listing belongs to, with the territory's slug.
pub async fn de_l_offre(
    base: &SqlitePool,
    offre_id: i64,
) -> Result<Option<(String, ParametresTerritoire)>, Erreur> {
    let ligne: Option<(String, String)> = sqlx::query_as(
        "SELECT t.slug, p.contenu FROM offres o
         JOIN communes c ON c.id = o.commune_id
         JOIN territoires t ON t.id = c.territoire_id
         JOIN parametres_territoire p ON p.territoire_id = t.id
         WHERE o.id = ?",
    )
    .bind(offre_id)
    .fetch_optional(base)
    .await?;
    ligne
        .map(|(slug, contenu)| {
            serde_json::from_str(&contenu)
                .map(|p| (slug.clone(), p))
                .map_err(|e| Erreur::Illisible(format!("paramètres de {slug} : {e}")))
        })
        .transpose()
}

/// The settings of territory `slug`.
pub async fn parametres(
    base: &SqlitePool,
    slug: &str,
) -> Result<Option<ParametresTerritoire>, Erreur> {
    let contenu: Option<String> = sqlx::query_scalar(
        "SELECT p.contenu FROM parametres_territoire p JOIN territoires t ON t.id = p.territoire_id
         WHERE t.slug = ?",
    )
    .bind(slug)
    .fetch_optional(base)
    .await?;
    contenu
        .map(|c| {
            serde_json::from_str(&c)
                .map_err(|e| Erreur::Illisible(format!("paramètres de {slug} : {e}")))
        })
        .transpose()
}
