//! Applying and withdrawing. Each is one `BEGIN IMMEDIATE` transaction: SQLite lets one
//! writer in at a time, so the window, the duplicate, the cap and eligibility are checked
//! and the application written without any other application slipping in between. Many
//! parallel requests can therefore never exceed the cap or file twice.

use super::OffreACoter;
use crate::compte::Mandataire;
use crate::probleme::ErreurApi;
use crate::stockage::journal;
use crate::stockage::notifications;
use crate::stockage::{self, candidatures};
use clef_domain::Jour;
use clef_domain::api::{ActeJournal, CandidatureDeposee, Empechement};
use clef_domain::api::{EtatCandidature, GenreNotification};
use clef_domain::eligibilite::verifier;
use clef_domain::suite::{Conditions, empechement};
use sqlx::AnyPool;

/// Files an application; returns its id. An advisor's act is journaled with it.
pub async fn deposer(
    base: &AnyPool,
    demandeur_id: i64,
    mandataire: Option<&Mandataire>,
    offre_id: i64,
    aujourdhui: Jour,
) -> Result<CandidatureDeposee, ErreurApi> {
    let offre = OffreACoter::charger(base, offre_id, aujourdhui)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    let mut tx = crate::stockage::ecriture(base).await?;
    // Read inside the transaction: a withdrawal cannot slip in between.
    if stockage::offres::retiree(&mut *tx, offre_id).await? {
        return Err(ErreurApi::Introuvable);
    }
    let demande = stockage::demandeurs::demande(&mut *tx, demandeur_id).await?;
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
        deja_candidat: candidatures::existante(&mut tx, demandeur_id, offre_id)
            .await?
            .is_some(),
        eligibilite: eligible,
        candidatures_en_cours: candidatures::en_cours(&mut tx, demandeur_id, aujourdhui).await?,
        max: offre.territoire.candidatures_simultanees_max,
    };
    if let Some(e) = empechement(conditions) {
        return Err(ErreurApi::Candidature(e));
    }
    let id = candidatures::deposer(&mut tx, demandeur_id, offre_id, aujourdhui).await?;
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
    Ok(CandidatureDeposee {
        id,
        offre_id,
        deposee_le: aujourdhui,
        retrait_jusquau: offre.detail.resume.cloture,
    })
}

/// Withdraws an application, until the closing day included. Withdrawing twice is
/// harmless. An advisor's act is journaled with it.
pub async fn retirer(
    base: &AnyPool,
    demandeur_id: i64,
    mandataire: Option<&Mandataire>,
    candidature_id: i64,
    aujourdhui: Jour,
) -> Result<(), ErreurApi> {
    let mut tx = crate::stockage::ecriture(base).await?;
    let candidature = candidatures::a_retirer(&mut tx, demandeur_id, candidature_id)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    let offre_id = candidature.offre_id;
    match candidature.etat {
        EtatCandidature::Retiree => return Ok(()),
        EtatCandidature::Deposee if aujourdhui <= candidature.cloture => {}
        _ => return Err(ErreurApi::Candidature(Empechement::Cloturee)),
    }
    candidatures::retirer(&mut tx, candidature_id, aujourdhui).await?;
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
