//! The append-only journal: who did what, when (the database refuses to change or delete
//! an entry).

use crate::probleme::ErreurApi;
use sqlx::SqliteConnection;

pub async fn ecrire(
    connexion: &mut SqliteConnection,
    compte_id: i64,
    acte: &str,
    offre_id: Option<i64>,
    details: &serde_json::Value,
) -> Result<(), ErreurApi> {
    sqlx::query("INSERT INTO journal (compte_id, acte, offre_id, details) VALUES (?, ?, ?, ?)")
        .bind(compte_id)
        .bind(acte)
        .bind(offre_id)
        .bind(details.to_string())
        .execute(connexion)
        .await?;
    Ok(())
}
