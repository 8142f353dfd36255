//! The ranking of a listing's candidates: computed by the rules crate from the current
//! requests while the window is open, then frozen (stored) once, at closing.

use super::OffreACoter;
use crate::cycle;
use crate::probleme::ErreurApi;
use crate::stockage::candidatures::{self, Classee};
use clef_domain::Jour;
use clef_domain::classement::{Candidature, Classement, classer};
use clef_domain::cycle::{Commande, Refus};
use sqlx::AnyPool;

/// The ranking as it stands now, by the rules crate.
pub async fn en_direct(
    base: &AnyPool,
    offre: &OffreACoter,
    aujourdhui: Jour,
) -> Result<(Classement, Vec<Candidature>), ErreurApi> {
    let candidatures = candidatures::candidats(base, offre.detail.resume.id).await?;
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
pub async fn figer(base: &AnyPool, offre: &OffreACoter, jour: Jour) -> Result<bool, ErreurApi> {
    let offre_id = offre.detail.resume.id;
    let (classement, candidatures) = en_direct(base, offre, jour).await?;
    let contexte = offre.contexte(offre.jour_de_cotation(jour));
    let verdicts_et_scores: Vec<_> = candidatures
        .iter()
        .map(|c| {
            let verdict = clef_domain::eligibilite::verifier(
                &c.demande,
                contexte.logement,
                contexte.territoire,
                c.aide_estimee,
            );
            let score = clef_domain::cotation::coter(&offre.grille, &c.demande, &contexte);
            (c.id, verdict, score)
        })
        .collect();
    let classees: Vec<Classee<'_>> = verdicts_et_scores
        .iter()
        .map(|(id, verdict, score)| Classee {
            candidature_id: *id as i64,
            rang: classement.classe(*id).map(|cl| cl.rang),
            verdict,
            score,
        })
        .collect();
    let rangs = classees
        .iter()
        .map(|c| (c.candidature_id, c.rang))
        .collect();
    let mut tx = crate::stockage::ecriture(base).await?;
    // Each application classed and told, once: a frozen ranking is never computed again.
    match cycle::avancer(&mut tx, offre_id, &Commande::Classer { rangs }, jour).await? {
        Ok(_) => {}
        Err(Refus::DejaClassee) => return Ok(false),
        Err(r) => return Err(cycle::refus(r)),
    }
    candidatures::figer(
        &mut tx,
        offre_id,
        offre.grille.version,
        jour,
        classement.eligibles(),
        &classees,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
