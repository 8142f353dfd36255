//! A territory's settings, stored as the rules crate's JSON.

use super::Erreur;
use clef_domain::territoire::ParametresTerritoire;
use sqlx::AnyPool;

/// The settings of the territory a listing belongs to, with the territory's slug.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn de_l_offre(
    base: &AnyPool,
    offre_id: i64,
) -> Result<Option<(String, ParametresTerritoire)>, Erreur> {
    let ligne: Option<(String, String)> = sqlx::query_as(
        "SELECT t.slug, p.contenu FROM offres o
         JOIN communes c ON c.id = o.commune_id
         JOIN territoires t ON t.id = c.territoire_id
         JOIN parametres_territoire p ON p.territoire_id = t.id
         WHERE o.id = $1",
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
#[tracing::instrument(level = "debug", skip_all)]
pub async fn parametres(
    base: &AnyPool,
    slug: &str,
) -> Result<Option<ParametresTerritoire>, Erreur> {
    let contenu: Option<String> = sqlx::query_scalar(
        "SELECT p.contenu FROM parametres_territoire p JOIN territoires t ON t.id = p.territoire_id
         WHERE t.slug = $1",
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

/// Publishes a territory's settings (replacing the ones before).
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn publier_parametres(
    connexion: &mut sqlx::AnyConnection,
    territoire_id: i64,
    parametres: &ParametresTerritoire,
) -> Result<(), Erreur> {
    let contenu = serde_json::to_string(parametres)
        .map_err(|e| Erreur::Ecriture(format!("paramètres : {e}")))?;
    sqlx::query(
        "INSERT INTO parametres_territoire (territoire_id, contenu) VALUES ($1, $2)
         ON CONFLICT (territoire_id) DO UPDATE SET contenu = excluded.contenu",
    )
    .bind(territoire_id)
    .bind(contenu)
    .execute(connexion)
    .await?;
    Ok(())
}
