//! The ranking of a listing's candidates: computed by the rules crate from the current
//! requests while the window is open, then frozen (stored) once, at closing.

use super::{OffreACoter, en_json};
use crate::probleme::ErreurApi;
use crate::stockage::demandeurs;
use crate::stockage::notifications;
use clef_domain::Jour;
use clef_domain::api::EtatCandidature;
use clef_domain::api::GenreNotification;
use clef_domain::classement::{Candidature, Classement, classer};
use sqlx::{SqliteConnection, SqlitePool};

/// The listing's applications that are not withdrawn, as the rules crate sees them
/// (the candidate's id is the application's id).
pub async fn candidatures(base: &SqlitePool, offre_id: i64) -> Result<Vec<Candidature>, ErreurApi> {
    let lignes: Vec<(i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT c.id, d.id, d.dossier FROM candidatures c JOIN demandeurs d ON d.id = c.demandeur_id
         WHERE c.offre_id = ? AND c.etat != 'retiree' ORDER BY c.id",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?;
    let mut candidatures = Vec::with_capacity(lignes.len());
    for (id, demandeur_id, dossier) in lignes {
        // An application is only ever filed with a saved request.
        let Some(dossier) = dossier else { continue };
        let saisie = serde_json::from_str(&dossier)
            .map_err(|e| ErreurApi::DonneeIllisible(format!("dossier {demandeur_id} : {e}")))?;
        candidatures.push(Candidature {
            id: id as u64,
            demande: demandeurs::valider_stockee(demandeur_id, saisie)?,
            aide_estimee: clef_domain::Euros::ZERO,
        });
    }
    Ok(candidatures)
}

/// The ranking as it stands now, by the rules crate.
pub async fn en_direct(
    base: &SqlitePool,
    offre: &OffreACoter,
    aujourdhui: Jour,
) -> Result<(Classement, Vec<Candidature>), ErreurApi> {
    let candidatures = candidatures(base, offre.detail.resume.id).await?;
    let classement = classer(
        &candidatures,
        &offre.grille,
        &offre.contexte(offre.jour_de_cotation(aujourdhui)),
    );
    Ok((classement, candidatures))
}

/// Freezes the ranking of a closed listing: each application gets its verdict, score
/// and rank (none when ineligible), with the grid version. Done once: a frozen ranking is
/// never computed again. Returns false when it was already frozen.
pub async fn figer(base: &SqlitePool, offre: &OffreACoter, jour: Jour) -> Result<bool, ErreurApi> {
    let offre_id = offre.detail.resume.id;
    let (classement, candidatures) = en_direct(base, offre, jour).await?;
    let contexte = offre.contexte(offre.jour_de_cotation(jour));
    let mut tx = base.begin_with("BEGIN IMMEDIATE").await?;
    let deja: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM classements WHERE offre_id = ?)")
            .bind(offre_id)
            .fetch_one(&mut *tx)
            .await?;
    if deja {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO classements (offre_id, grille_version, classe_le, candidatures, eligibles)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(offre_id)
    .bind(i64::from(offre.grille.version))
    .bind(jour.to_string())
    .bind(candidatures.len() as i64)
    .bind(i64::from(classement.eligibles()))
    .execute(&mut *tx)
    .await?;
    for c in &candidatures {
        let verdict = clef_domain::eligibilite::verifier(
            &c.demande,
            contexte.logement,
            contexte.territoire,
            c.aide_estimee,
        );
        let score = clef_domain::cotation::coter(&offre.grille, &c.demande, &contexte);
        let rang = classement.classe(c.id).map(|cl| i64::from(cl.rang));
        ecrire(&mut tx, c.id as i64, rang, &verdict, &score).await?;
    }
    notifications::annoncer_a_tous(
        &mut tx,
        offre_id,
        EtatCandidature::Classee,
        GenreNotification::CandidatureClassee,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

async fn ecrire(
    tx: &mut SqliteConnection,
    id: i64,
    rang: Option<i64>,
    verdict: &clef_domain::eligibilite::Verdict,
    score: &clef_domain::cotation::Score,
) -> Result<(), ErreurApi> {
    sqlx::query(
        "UPDATE candidatures SET etat = 'classee', rang = ?, score = ?, verdict = ?, cotation = ?
         WHERE id = ?",
    )
    .bind(rang)
    .bind(i64::from(score.total()))
    .bind(en_json(verdict)?)
    .bind(en_json(score)?)
    .bind(id)
    .execute(tx)
    .await?;
    Ok(())
}
