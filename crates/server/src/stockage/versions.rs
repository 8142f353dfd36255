//! The number of changes to what cached answers read (`crate::memoire`), moved by the
//! triggers of migration 0016 in the transaction that makes each change.

use super::Erreur;
use sqlx::AnyPool;

/// What a cached answer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Donnees {
    /// Listings and their photos, communes and QPVs, results (a search's pages).
    Offres,
    /// Decided lettings and what they are counted by: listings, programmes, settings.
    Locations,
}

impl Donnees {
    fn nom(self) -> &'static str {
        match self {
            Donnees::Offres => "offres",
            Donnees::Locations => "locations",
        }
    }
}

/// The current number of `donnees`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn lire(base: &AnyPool, donnees: Donnees) -> Result<i64, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT numero FROM versions WHERE nom = $1")
            .bind(donnees.nom())
            .fetch_one(base)
            .await?,
    )
}
