//! The append-only journal: who did what, when (the database refuses to change or delete
//! an entry).

use super::Erreur;
use sqlx::AnyConnection;

#[tracing::instrument(level = "debug", skip_all, fields(compte_id = compte_id))]
pub async fn ecrire(
    connexion: &mut AnyConnection,
    compte_id: i64,
    acte: &str,
    offre_id: Option<i64>,
    details: &serde_json::Value,
) -> Result<(), Erreur> {
    sqlx::query("INSERT INTO journal (compte_id, acte, offre_id, details) VALUES ($1, $2, $3, $4)")
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
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn acte_pour(
    connexion: &mut AnyConnection,
    mandataire: Option<&crate::compte::Mandataire>,
    demandeur_id: i64,
    acte: clef_domain::api::ActeJournal,
    offre_id: Option<i64>,
) -> Result<(), Erreur> {
    let Some(mandataire) = mandataire else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO journal (a, compte_id, acte, offre_id, details, demandeur_id, mandat_id)
         VALUES ($1, $2, $3, $4, '{}', $5, $6)",
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

/// An act an advisor did for an applicant, with who and under which structure.
#[derive(sqlx::FromRow)]
pub struct ActeLu {
    /// When, ISO 8601 UTC.
    pub a: String,
    pub conseiller: String,
    pub structure: String,
    /// An `ActeJournal` code.
    pub acte: String,
    pub mandat_id: i64,
    pub offre_id: Option<i64>,
    pub offre: Option<String>,
}

/// The acts advisors did for an applicant under their mandates, the most recent first,
/// at most `max`.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn actes_pour_demandeur(
    base: &sqlx::AnyPool,
    demandeur_id: i64,
    max: i64,
) -> Result<Vec<ActeLu>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT j.a, c.nom AS conseiller, s.nom AS structure, j.acte, j.mandat_id, j.offre_id,
                o.titre AS offre
         FROM journal j
         JOIN conseillers c ON c.compte_id = j.compte_id
         JOIN mandats m ON m.id = j.mandat_id
         JOIN structures s ON s.id = m.structure_id
         LEFT JOIN offres o ON o.id = j.offre_id
         WHERE j.demandeur_id = $1 AND m.demandeur_id = j.demandeur_id
         ORDER BY j.id DESC LIMIT $2",
    )
    .bind(demandeur_id)
    .bind(max)
    .fetch_all(base)
    .await?)
}
