//! The SRU inventory of each commune (law of 13 December 2000, art. 55) as the territory
//! records it, with the year's lettings and listings.

use super::Erreur;
use clef_domain::sru::InventaireSru;
use sqlx::{AnyConnection, AnyPool};

/// A commune with its recorded inventory and the year's activity.
#[derive(sqlx::FromRow)]
pub struct LigneSru {
    pub nom: String,
    pub slug: String,
    pub annee: Option<i64>,
    pub logements_sociaux: Option<i64>,
    pub residences_principales: Option<i64>,
    pub taux_obligation: Option<i64>,
    /// Lettings decided in the year.
    pub attributions: i64,
    /// Listings opened in the year.
    pub offres: i64,
}

/// Each commune of the territory, by name, with lettings and listings of `annee`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn par_commune(
    base: &AnyPool,
    slug_territoire: &str,
    annee: i16,
) -> Result<Vec<LigneSru>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT c.nom, c.slug, s.annee, s.logements_sociaux, s.residences_principales,
                s.taux_obligation,
                (SELECT count(*) FROM resultats r JOIN offres o ON o.id = r.offre_id
                 WHERE o.commune_id = c.id AND substr(r.decide_le, 1, 4) = $1) AS attributions,
                (SELECT count(*) FROM offres o
                 WHERE o.commune_id = c.id AND substr(o.ouverture, 1, 4) = $1) AS offres
         FROM communes c JOIN territoires t ON t.id = c.territoire_id
         LEFT JOIN sru s ON s.commune_id = c.id
         WHERE t.slug = $2 ORDER BY c.nom",
    )
    .bind(annee.to_string())
    .bind(slug_territoire)
    .fetch_all(base)
    .await?)
}

/// Records (or replaces) a commune's inventory.
#[tracing::instrument(level = "debug", skip_all, fields(commune_id = commune_id))]
pub async fn enregistrer(
    connexion: &mut AnyConnection,
    commune_id: i64,
    inventaire: &InventaireSru,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO sru (commune_id, annee, logements_sociaux, residences_principales, taux_obligation)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (commune_id) DO UPDATE SET annee = excluded.annee,
             logements_sociaux = excluded.logements_sociaux,
             residences_principales = excluded.residences_principales,
             taux_obligation = excluded.taux_obligation",
    )
    .bind(commune_id)
    .bind(i64::from(inventaire.annee))
    .bind(i64::from(inventaire.logements_sociaux))
    .bind(i64::from(inventaire.residences_principales))
    .bind(i64::from(inventaire.taux_obligation))
    .execute(connexion)
    .await?;
    Ok(())
}
