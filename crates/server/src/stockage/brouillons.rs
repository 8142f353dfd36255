//! Listing drafts of a landlord: the form as typed (the rules crate's `ProjetOffre` as
//! JSON), checked only on publication.

use super::Erreur;
use clef_domain::api::BrouillonResume;
use clef_domain::offre::ProjetOffre;
use sqlx::{AnyConnection, AnyPool};

fn en_json(projet: &ProjetOffre) -> Result<String, Erreur> {
    serde_json::to_string(projet).map_err(|e| Erreur::Ecriture(format!("brouillon : {e}")))
}

/// One of the landlord's drafts as saved, and when.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id, id = id))]
pub async fn lire(
    base: &AnyPool,
    bailleur_id: i64,
    id: i64,
) -> Result<Option<(ProjetOffre, String)>, Erreur> {
    let ligne: Option<(String, String)> = sqlx::query_as(
        "SELECT projet, modifie_le FROM brouillons WHERE id = $1 AND bailleur_id = $2",
    )
    .bind(id)
    .bind(bailleur_id)
    .fetch_optional(base)
    .await?;
    ligne
        .map(|(projet, modifie_le)| {
            let projet = serde_json::from_str(&projet)
                .map_err(|e| Erreur::Illisible(format!("brouillons.projet : {e}")))?;
            Ok((projet, modifie_le))
        })
        .transpose()
}

/// Saves a new draft; `None` when the landlord already has `max` (counted and written
/// in one transaction).
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn creer(
    base: &AnyPool,
    bailleur_id: i64,
    projet: &ProjetOffre,
    modifie_le: &str,
    max: i64,
) -> Result<Option<i64>, Erreur> {
    let mut tx = super::ecriture(base).await?;
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM brouillons WHERE bailleur_id = $1")
        .bind(bailleur_id)
        .fetch_one(&mut *tx)
        .await?;
    if n >= max {
        return Ok(None);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO brouillons (bailleur_id, projet, modifie_le) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(bailleur_id)
    .bind(en_json(projet)?)
    .bind(modifie_le)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// The landlord's drafts, the latest saved first.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn du_bailleur(base: &AnyPool, bailleur_id: i64) -> Result<Vec<BrouillonResume>, Erreur> {
    let titre = super::champ_json(super::Moteur::de(base), "projet", "titre");
    let lignes: Vec<(i64, String, String)> = sqlx::query_as(&format!(
        "SELECT id, coalesce({titre}, ''), modifie_le FROM brouillons
         WHERE bailleur_id = $1 ORDER BY modifie_le DESC, id DESC"
    ))
    .bind(bailleur_id)
    .fetch_all(base)
    .await?;
    Ok(lignes
        .into_iter()
        .map(|(id, titre, modifie_le)| BrouillonResume {
            id,
            titre,
            modifie_le,
        })
        .collect())
}

/// Replaces a draft's content; false when the landlord has no such draft.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id, id = id))]
pub async fn modifier(
    base: &AnyPool,
    bailleur_id: i64,
    id: i64,
    projet: &ProjetOffre,
    modifie_le: &str,
) -> Result<bool, Erreur> {
    let fait = sqlx::query(
        "UPDATE brouillons SET projet = $1, modifie_le = $2 WHERE id = $3 AND bailleur_id = $4",
    )
    .bind(en_json(projet)?)
    .bind(modifie_le)
    .bind(id)
    .bind(bailleur_id)
    .execute(base)
    .await?;
    Ok(fait.rows_affected() > 0)
}

/// Deletes a draft; false when the landlord has no such draft (already published by a
/// parallel request, say).
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id, id = id))]
pub async fn supprimer(
    connexion: &mut AnyConnection,
    bailleur_id: i64,
    id: i64,
) -> Result<bool, Erreur> {
    let fait = sqlx::query("DELETE FROM brouillons WHERE id = $1 AND bailleur_id = $2")
        .bind(id)
        .bind(bailleur_id)
        .execute(connexion)
        .await?;
    Ok(fait.rows_affected() > 0)
}
