//! Demonstration data (*données de démonstration*): the Béthune-Bruay territory with real
//! commune and QPV names, and invented landlords, addresses and listings. Every listing is
//! flagged `demo`, and the app says so. Seeding is idempotent: a second run adds nothing.

mod conseillers;
mod demandeurs;
mod generation;
pub mod histoire;
mod territoire;

pub use conseillers::{CONSEILLERS, SECRET_TOTP_DEMO, STRUCTURES};
pub use demandeurs::{AGENTS, COMPTES, MENAGES, MOT_DE_PASSE, NUMERO_DEMO};
pub use generation::{OffreDemo, offres_demo};
pub use territoire::{BAILLEURS, COMMUNES, INVENTAIRES_SRU, PROGRAMMES, TERRITOIRE};

use crate::stockage::semis;
use clef_domain::Jour;
use sqlx::AnyPool;

/// What a seeding run added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Semis {
    pub offres_ajoutees: u64,
    /// The demo accounts and applications were added (first run only).
    pub demandeurs_ajoutes: bool,
}

/// Fills the database with the demonstration data, windows placed around `aujourdhui`.
pub async fn semer(base: &AnyPool, aujourdhui: Jour) -> anyhow::Result<Semis> {
    let mut tx = base.begin().await?;
    let (slug, nom) = TERRITOIRE;
    let territoire_id = semis::territoire(&mut tx, slug, nom).await?;
    for commune in COMMUNES {
        semis::commune(&mut tx, territoire_id, commune.slug, commune.nom).await?;
        for qpv in commune.qpv {
            let voies: Vec<&str> = territoire::QPV_VOIES
                .iter()
                .filter(|(nom, _)| nom == qpv)
                .flat_map(|(_, voies)| voies.iter().copied())
                .collect();
            semis::qpv(&mut tx, commune.slug, qpv, &voies).await?;
        }
    }
    for (slug, nom) in BAILLEURS {
        semis::bailleur(&mut tx, territoire_id, slug, nom).await?;
    }
    crate::stockage::grilles::publier(
        &mut tx,
        territoire_id,
        &clef_domain::cotation::grille_bethune(),
    )
    .await?;
    semis::parametres(
        &mut tx,
        territoire_id,
        &clef_domain::territoire::ParametresTerritoire::bethune_demo(),
    )
    .await?;
    for (commune, nom, voie, fragilite) in territoire::PROGRAMMES {
        semis::programme(&mut tx, commune, nom, voie, fragilite).await?;
    }
    for (commune, annee, ls, rp, taux) in territoire::INVENTAIRES_SRU {
        semis::inventaire_sru(&mut tx, commune, (*annee, *ls, *rp, *taux)).await?;
    }
    let mut semis = Semis::default();
    for offre in offres_demo(aujourdhui) {
        if semis::offre(&mut tx, &offre).await? {
            semis.offres_ajoutees += 1;
        }
    }
    tx.commit().await?;
    semis.demandeurs_ajoutes = demandeurs::semer(base, aujourdhui)
        .await
        .map_err(|e| anyhow::anyhow!("demandeurs de démonstration : {e}"))?;
    conseillers::lier(base, territoire_id)
        .await
        .map_err(|e| anyhow::anyhow!("conseillers de démonstration : {e}"))?;
    // The demo's past is not news: only what happens after reaches inboxes.
    semis::passe_deja_annonce(base).await?;
    Ok(semis)
}
