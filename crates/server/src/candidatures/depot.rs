//! Applying and withdrawing. Each is one `BEGIN IMMEDIATE` transaction: SQLite lets one
//! writer in at a time, so the window, the duplicate, the cap and eligibility are checked
//! and the application written without any other application slipping in between. Many
//! parallel requests can therefore never exceed the cap or file twice.

use super::OffreACoter;
use crate::compte::Mandataire;
use crate::journal;
use crate::probleme::ErreurApi;
use crate::stockage::demandeurs;
use crate::stockage::notifications;
use clef_domain::Jour;
use clef_domain::api::GenreNotification;
use clef_domain::api::{ActeJournal, Empechement};
use clef_domain::eligibilite::verifier;
use clef_domain::suite::{Conditions, empechement};
use sqlx::SqliteConnection;
use sqlx::SqlitePool;

/// Applications filed and not withdrawn on listings still open: what the cap counts.
pub async fn en_cours(
    connexion: &mut SqliteConnection,
    demandeur_id: i64,
    aujourdhui: Jour,
) -> Result<u32, ErreurApi> {
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM candidatures c JOIN offres o ON o.id = c.offre_id
         WHERE c.demandeur_id = ? AND c.etat = 'deposee' AND o.cloture >= ?",
    )
    .bind(demandeur_id)
    .bind(aujourdhui.to_string())
    .fetch_one(connexion)
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The applicant's application to the listing that is not withdrawn, if any.
pub async fn existante(
    connexion: &mut SqliteConnection,
    demandeur_id: i64,
    offre_id: i64,
) -> Result<Option<i64>, ErreurApi> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM candidatures WHERE demandeur_id = ? AND offre_id = ? AND etat != 'retiree'",
    )
    .bind(demandeur_id)
    .bind(offre_id)
    .fetch_optional(connexion)
    .await?)
}

/// Files an application; returns its id. An advisor's act is journaled with it.
pub async fn deposer(
    base: &SqlitePool,
    demandeur_id: i64,
    mandataire: Option<&Mandataire>,
    offre_id: i64,
    aujourdhui: Jour,
) -> Result<i64, ErreurApi> {
    let offre = OffreACoter::charger(base, offre_id, aujourdhui)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    let mut tx = base.begin_with("BEGIN IMMEDIATE").await?;
    // Read inside the transaction: a withdrawal cannot slip in between.
    let retiree: bool =
        sqlx::query_scalar("SELECT retiree_le IS NOT NULL FROM offres WHERE id = ?")
            .bind(offre_id)
            .fetch_one(&mut *tx)
            .await?;
    if retiree {
        return Err(ErreurApi::Introuvable);
    }
    let dossier: Option<String> = sqlx::query_scalar("SELECT dossier FROM demandeurs WHERE id = ?")
        .bind(demandeur_id)
        .fetch_one(&mut *tx)
        .await?;
    let demande = dossier
        .map(|d| {
            super::depuis_json(&format!("dossier {demandeur_id}"), &d)
                .and_then(|s| Ok(demandeurs::valider_stockee(demandeur_id, s)?))
        })
        .transpose()?;
    let eligible = demande.as_ref().map(|d| {
        verifier(
            d,
            &offre.logement,
            &offre.territoire,
            clef_domain::Euros::ZERO,
        )
        .eligibilite()
    });
    let conditions = Conditions {
        dossier_rempli: demande.is_some(),
        etat: offre.detail.resume.etat,
        deja_candidat: existante(&mut tx, demandeur_id, offre_id).await?.is_some(),
        eligibilite: eligible,
        candidatures_en_cours: en_cours(&mut tx, demandeur_id, aujourdhui).await?,
        max: offre.territoire.candidatures_simultanees_max,
    };
    if let Some(e) = empechement(conditions) {
        return Err(ErreurApi::Candidature(e));
    }
    // A withdrawn application is filed again (one row per applicant and listing).
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO candidatures (offre_id, demandeur_id, etat, deposee_le) VALUES (?, ?, 'deposee', ?)
         ON CONFLICT (offre_id, demandeur_id)
         DO UPDATE SET etat = 'deposee', deposee_le = excluded.deposee_le, retiree_le = NULL
         RETURNING id",
    )
    .bind(offre_id)
    .bind(demandeur_id)
    .bind(aujourdhui.to_string())
    .fetch_one(&mut *tx)
    .await?;
    notifications::annoncer(&mut tx, id, GenreNotification::CandidatureDeposee).await?;
    journal::acte_pour(
        &mut tx,
        mandataire,
        demandeur_id,
        ActeJournal::CandidatureDeposee,
        Some(offre_id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws an application, until the closing day included. Withdrawing twice is
/// harmless. An advisor's act is journaled with it.
pub async fn retirer(
    base: &SqlitePool,
    demandeur_id: i64,
    mandataire: Option<&Mandataire>,
    candidature_id: i64,
    aujourdhui: Jour,
) -> Result<(), ErreurApi> {
    let mut tx = base.begin_with("BEGIN IMMEDIATE").await?;
    let ligne: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT c.etat, c.offre_id, o.cloture FROM candidatures c JOIN offres o ON o.id = c.offre_id
         WHERE c.id = ? AND c.demandeur_id = ?",
    )
    .bind(candidature_id)
    .bind(demandeur_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (etat, offre_id, cloture) = ligne.ok_or(ErreurApi::Introuvable)?;
    if etat == "retiree" {
        return Ok(());
    }
    if etat != "deposee" || cloture < aujourdhui.to_string() {
        return Err(ErreurApi::Candidature(Empechement::Cloturee));
    }
    sqlx::query("UPDATE candidatures SET etat = 'retiree', retiree_le = ? WHERE id = ?")
        .bind(aujourdhui.to_string())
        .bind(candidature_id)
        .execute(&mut *tx)
        .await?;
    notifications::annoncer(
        &mut tx,
        candidature_id,
        GenreNotification::CandidatureRetiree,
    )
    .await?;
    journal::acte_pour(
        &mut tx,
        mandataire,
        demandeur_id,
        ActeJournal::CandidatureRetiree,
        Some(offre_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
