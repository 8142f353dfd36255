//! Applications: what the rules crate needs about a listing, the ranking (live while the
//! window is open, frozen at closing), applying and withdrawing.

pub mod classement;
pub mod depot;
pub mod vue;

use crate::probleme::ErreurApi;
use crate::stockage;
use clef_domain::Jour;
use clef_domain::api::OffreDetail;
use clef_domain::cotation::{Contexte, Grille};
use clef_domain::logement::Logement;
use clef_domain::territoire::ParametresTerritoire;
use sqlx::AnyPool;

/// A listing with everything its candidates are checked and scored against.
pub struct OffreACoter {
    pub detail: OffreDetail,
    pub logement: Logement,
    pub territoire: ParametresTerritoire,
    pub grille: Grille,
    /// The frozen ranking's day, once the listing is ranked.
    pub classe_le: Option<Jour>,
    /// Withdrawn by its landlord: its applications stay readable, nothing else happens.
    pub retiree: bool,
}

impl OffreACoter {
    /// Loads a listing, the settings of its territory and the grid that ranks it: the one
    /// in force on its opening day (or the one its frozen ranking used).
    pub async fn charger(
        base: &AnyPool,
        offre_id: i64,
        aujourdhui: Jour,
    ) -> Result<Option<OffreACoter>, ErreurApi> {
        let Some(detail) =
            stockage::offres::detail_meme_retiree(base, offre_id, aujourdhui).await?
        else {
            return Ok(None);
        };
        let retiree = stockage::offres::retiree(base, offre_id).await?;
        let (slug, territoire) = stockage::territoires::de_l_offre(base, offre_id)
            .await?
            .ok_or_else(|| {
                ErreurApi::DonneeIllisible(format!("territoire de l'offre {offre_id}"))
            })?;
        let fige = stockage::candidatures::classement_fige(base, offre_id).await?;
        let version = fige.as_ref().map(|f| f.grille_version);
        let classe_le = fige.map(|f| f.classe_le);
        let grille = stockage::grilles::en_vigueur(base, &slug, detail.resume.ouverture, version)
            .await?
            .ok_or_else(|| ErreurApi::DonneeIllisible(format!("pas de grille pour {slug}")))?;
        // The ceilings are those in force on the day of the verdict.
        let jour = jour_de_cotation(classe_le, aujourdhui, detail.resume.cloture);
        Ok(Some(OffreACoter {
            logement: Logement::le(&detail.resume, jour),
            detail,
            territoire,
            grille,
            classe_le,
            retiree,
        }))
    }

    /// [`OffreACoter::charger`] for a listing known to exist (its ownership proven, say).
    pub async fn existante(
        base: &AnyPool,
        offre_id: i64,
        aujourdhui: Jour,
    ) -> Result<OffreACoter, ErreurApi> {
        OffreACoter::charger(base, offre_id, aujourdhui)
            .await?
            .ok_or(ErreurApi::Introuvable)
    }

    /// The day scores are computed for: today while the window is open, the closing day
    /// after (seniority stops counting at closing).
    pub fn jour_de_cotation(&self, aujourdhui: Jour) -> Jour {
        jour_de_cotation(self.classe_le, aujourdhui, self.detail.resume.cloture)
    }

    pub fn contexte(&self, jour: Jour) -> Contexte<'_> {
        Contexte {
            jour,
            logement: &self.logement,
            territoire: &self.territoire,
        }
    }
}

/// Today while the window is open, the closing day after; the ranking day once ranked.
fn jour_de_cotation(classe_le: Option<Jour>, aujourdhui: Jour, cloture: Jour) -> Jour {
    classe_le.unwrap_or(aujourdhui).min(cloture)
}

/// A value of the rules crate as stored JSON.
pub fn en_json<T: serde::Serialize>(valeur: &T) -> Result<String, ErreurApi> {
    serde_json::to_string(valeur).map_err(|e| ErreurApi::Interne(format!("JSON : {e}")))
}

/// A stored JSON value of the rules crate.
pub fn depuis_json<T: serde::de::DeserializeOwned>(quoi: &str, json: &str) -> Result<T, ErreurApi> {
    serde_json::from_str(json).map_err(|e| ErreurApi::DonneeIllisible(format!("{quoi} : {e}")))
}
