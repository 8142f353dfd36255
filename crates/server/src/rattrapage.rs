//! What comes with time: a listing closing under a deposited application, a new listing
//! matching a saved search. Nobody's request causes these, so the periodic round finds
//! them (never a `GET`: looking at a page changes nothing), once each.

use crate::stockage::{self, Erreur};
use clef_domain::jour::Jour;
use clef_domain::recherche::Recherche;
use sqlx::AnyPool;

/// Announces every closing and every new matching listing not yet announced.
pub async fn rattraper(base: &AnyPool, aujourdhui: Jour) -> Result<(), Erreur> {
    stockage::notifications::annoncer_clotures(base, aujourdhui).await?;
    let derniere = stockage::offres::dernier_id(base).await?;
    for suivie in stockage::notifications::recherches_en_retard(base, derniere).await? {
        let paires: Vec<(String, String)> = form_urlencoded::parse(suivie.requete.as_bytes())
            .into_owned()
            .collect();
        // Stored searches were checked when saved; one that no longer parses announces
        // nothing, and is not looked at again until a new listing comes.
        let nouvelles =
            match Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
                Ok(recherche) => stockage::offres::nouvelles_correspondances(
                    base,
                    &recherche,
                    suivie.derniere_offre,
                    aujourdhui,
                )
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect(),
                Err(_) => Vec::new(),
            };
        stockage::notifications::annoncer_nouvelles(base, &suivie, &nouvelles, derniere).await?;
    }
    Ok(())
}
