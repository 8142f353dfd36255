//! Communes of the territory and their priority neighbourhoods.

use super::Erreur;
use clef_domain::api::Commune;
use clef_domain::offre::{Code, Zone};
use sqlx::AnyPool;

#[tracing::instrument(level = "debug", skip_all)]
pub async fn lister(base: &AnyPool) -> Result<Vec<Commune>, Erreur> {
    let lignes: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.slug, c.nom, c.zone, q.nom FROM communes c LEFT JOIN qpv q ON q.commune_id = c.id
         ORDER BY c.nom, q.nom",
    )
    .fetch_all(base)
    .await?;
    let mut communes: Vec<Commune> = Vec::new();
    for (slug, nom, zone, qpv) in lignes {
        match communes.last_mut() {
            Some(derniere) if derniere.slug == slug => derniere.qpv.extend(qpv),
            _ => communes.push(Commune {
                slug,
                nom,
                zone: Zone::depuis_code(&zone)
                    .ok_or_else(|| Erreur::Illisible(format!("zone = {zone}")))?,
                qpv: qpv.into_iter().collect(),
            }),
        }
    }
    Ok(communes)
}

#[tracing::instrument(level = "debug", skip_all)]
pub async fn existe(base: &AnyPool, slug: &str) -> Result<bool, sqlx::Error> {
    let trouvee: Option<i64> = sqlx::query_scalar("SELECT 1 FROM communes WHERE slug = $1")
        .bind(slug)
        .fetch_optional(base)
        .await?;
    Ok(trouvee.is_some())
}

/// The territory's commune with this slug: its id and name.
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn du_territoire(
    base: &AnyPool,
    territoire_id: i64,
    slug: &str,
) -> Result<Option<(i64, String)>, Erreur> {
    Ok(
        sqlx::query_as("SELECT id, nom FROM communes WHERE slug = $1 AND territoire_id = $2")
            .bind(slug)
            .bind(territoire_id)
            .fetch_optional(base)
            .await?,
    )
}
