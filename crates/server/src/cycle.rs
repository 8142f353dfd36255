//! The letting's lifecycle on the server: load the state, let the rules crate decide
//! (`clef_domain::cycle`), persist what follows. Each effect on an application (its new
//! state, the notification that says it) is written here; the caller writes the effects
//! that need its context (the new closing day and its reason, the published result).

use crate::probleme::ErreurApi;
use crate::stockage::{self, candidatures, notifications};
use clef_domain::cycle::{Commande, Effet, Location, Refus};
use clef_domain::jour::Jour;
use sqlx::AnyConnection;

/// A refusal of the lifecycle, as the API answers it.
pub fn refus(r: Refus) -> ErreurApi {
    match r {
        Refus::Retiree => ErreurApi::Introuvable,
        Refus::Close => ErreurApi::OffreClose,
        Refus::PasOuverte => ErreurApi::ClotureImpossible,
        Refus::FenetreOuverte => ErreurApi::FenetreOuverte,
        Refus::NonClassee => ErreurApi::NonClassee,
        Refus::DejaClassee => ErreurApi::EtapeFaite,
        Refus::DejaPresentee => ErreurApi::DejaPresentee,
        Refus::NonPresentee | Refus::DejaAttribuee => ErreurApi::EtapeFaite,
        // The rules crate checked the presentation and computed the ranking before:
        // disagreeing with them is a bug, not the caller's error.
        Refus::PresentationIncoherente | Refus::ClassementIncoherent => {
            ErreurApi::Interne(format!("cycle de la location : {r:?}"))
        }
    }
}

/// Takes `commande` on the listing in the caller's transaction: persists each effect on
/// an application and returns every effect; or the lifecycle's refusal (the outer error is
/// the storage's).
pub async fn avancer(
    connexion: &mut AnyConnection,
    offre_id: i64,
    commande: &Commande,
    jour: Jour,
) -> Result<Result<Vec<Effet>, Refus>, ErreurApi> {
    let location: Location = stockage::candidatures::cycle(&mut *connexion, offre_id)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    match location.appliquer(commande, jour) {
        Ok((_, effets)) => persister(connexion, &effets).await.map(|()| Ok(effets)),
        Err(r) => Ok(Err(r)),
    }
}

/// Writes each effect on an application (its new state, the notification that says it)
/// in the caller's transaction.
pub async fn persister(connexion: &mut AnyConnection, effets: &[Effet]) -> Result<(), ErreurApi> {
    for &effet in effets {
        match effet {
            Effet::Etat {
                candidature_id,
                etat,
            } => candidatures::passer(&mut *connexion, candidature_id, etat).await?,
            Effet::Notifier {
                candidature_id,
                genre,
            } => notifications::annoncer(&mut *connexion, candidature_id, genre).await?,
            Effet::Cloture(_) | Effet::PublierResultat { .. } => {}
        }
    }
    Ok(())
}
