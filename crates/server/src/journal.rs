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

/// Writes what an advisor did for an applicant under their mandate; nothing when the
/// applicant acted themselves (`mandataire` is `None`).
pub async fn acte_pour(
    connexion: &mut SqliteConnection,
    mandataire: Option<&crate::compte::Mandataire>,
    demandeur_id: i64,
    acte: clef_domain::api::ActeJournal,
    offre_id: Option<i64>,
) -> Result<(), ErreurApi> {
    let Some(mandataire) = mandataire else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO journal (a, compte_id, acte, offre_id, details, demandeur_id, mandat_id)
         VALUES (?, ?, ?, ?, '{}', ?, ?)",
    )
    .bind(crate::horloge::iso(mandataire.instant))
    .bind(mandataire.conseiller_compte_id)
    .bind(acte.code())
    .bind(offre_id)
    .bind(demandeur_id)
    .bind(mandataire.mandat_id)
    .execute(connexion)
    .await?;
    Ok(())
}
