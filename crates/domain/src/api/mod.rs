//! The JSON shapes of the API (`/api/v1`), written by the server and read by the app from
//! this one definition. Money is in cents, surfaces in m², dates ISO 8601.

use crate::argent::Euros;
use crate::jour::Jour;
use crate::offre::{EtatOffre, EtiquetteDpe, Financement, Reservataire, Typologie, Zone};
use crate::plafonds::Bareme;
use crate::surface::Surface;
use serde::{Deserialize, Serialize};

/// A photo of a listing, always with its text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Photo {
    pub url: String,
    /// What the photo shows, for screen readers and when images are off.
    pub texte_alternatif: String,
}

/// A listing as shown in search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffreResume {
    pub id: i64,
    pub titre: String,
    pub commune: String,
    /// Name of the priority neighbourhood (QPV) the home stands in, if any.
    pub qpv: Option<String>,
    pub typologie: Typologie,
    /// Number of main rooms.
    pub pieces: u8,
    pub surface: Surface,
    /// The ceilings' zone of its commune.
    pub zone: Zone,
    /// Monthly rent without charges.
    pub loyer: Euros,
    /// Monthly service charges.
    pub charges: Euros,
    pub financement: Financement,
    pub reservataire: Reservataire,
    pub accessible_pmr: bool,
    /// The first photo, for the card.
    pub photo: Option<Photo>,
    pub ouverture: Jour,
    pub cloture: Jour,
    /// State on the server's today.
    pub etat: EtatOffre,
    /// Days left to apply after today (0 on the closing day); only while open.
    pub jours_restants: Option<u32>,
    /// Invented listing of the demonstration data.
    pub demo: bool,
}

/// A page of search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageOffres {
    /// Number of listings matching the criteria, all pages together.
    pub total: u64,
    pub page: u32,
    pub par_page: u32,
    pub offres: Vec<OffreResume>,
}

impl PageOffres {
    /// Number of pages (at least 1, so "page 1 of 1" reads right when empty).
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(u64::from(self.par_page.max(1))).max(1)
    }
}

/// The landlord who lets the home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bailleur {
    pub id: i64,
    pub nom: String,
}

/// Everything an applicant needs to decide whether to apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffreDetail {
    #[serde(flatten)]
    pub resume: OffreResume,
    /// The street address; absent once the home is let, so that the published results and
    /// open data never lead to the door of the household that lives there.
    pub adresse: Option<String>,
    /// 0 is the ground floor.
    pub etage: i8,
    pub ascenseur: bool,
    pub dpe: EtiquetteDpe,
    pub bailleur: Bailleur,
    pub description: String,
    pub photos: Vec<Photo>,
    /// Income ceilings for this home's financing, zone and publication year;
    /// absent when that year's table is not published yet.
    pub plafonds: Option<Bareme>,
}

/// A commune of the territory, for the search filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commune {
    /// The value of the `commune` filter.
    pub slug: String,
    pub nom: String,
    /// The ceilings' zone of the commune.
    pub zone: Zone,
    /// Priority neighbourhoods (QPV) in the commune.
    pub qpv: Vec<String>,
}

impl Commune {
    /// The ceilings' zones of a territory's communes, each once.
    pub fn zones(communes: &[Commune]) -> Vec<Zone> {
        let mut zones: Vec<Zone> = communes.iter().map(|c| c.zone).collect();
        zones.sort_by_key(|z| crate::offre::Code::code(*z));
        zones.dedup();
        zones
    }
}

/// Answer of the health check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sante {
    /// `ok` when the API and its database answer.
    pub statut: String,
    pub version: String,
}

/// An error answer (RFC 9457 `application/problem+json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Probleme {
    /// Stable identifier of the kind of problem (`/problemes/requete-invalide`).
    #[serde(rename = "type")]
    pub type_: String,
    /// Short French summary of the kind of problem.
    pub title: String,
    pub status: u16,
    /// French explanation of this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// One entry per invalid field, to show next to that field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErreurChampExpliquee>,
}

/// An invalid field and its French message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErreurChampExpliquee {
    #[serde(flatten)]
    pub erreur: crate::erreur::ErreurChamp,
    pub message: String,
}

mod bailleur;
mod candidature;
mod compte;
mod conseiller;
mod decision;
mod resultat;
mod territoire;

pub use bailleur::*;
pub use candidature::*;
pub use compte::*;
pub use conseiller::*;
pub use decision::*;
pub use resultat::*;
pub use territoire::*;

/// The pages of the professional app (landlord and territory staff), built as its own
/// wasm: `/bailleur` and `/territoire`, and below. Every other page is the public app's.
pub fn page_professionnelle(chemin: &str) -> bool {
    ["/bailleur", "/territoire"].iter().any(|racine| {
        chemin
            .strip_prefix(racine)
            .is_some_and(|reste| reste.is_empty() || reste.starts_with('/'))
    })
}

#[cfg(test)]
mod tests_espaces {
    use super::page_professionnelle;

    #[test]
    fn staff_pages_are_the_professional_app_s_and_only_them() {
        for pro in [
            "/bailleur",
            "/bailleur/offres/3",
            "/territoire",
            "/territoire/grille",
        ] {
            assert!(page_professionnelle(pro), "{pro}");
        }
        for public in [
            "/",
            "/bailleurs",
            "/territoires/x",
            "/logements/1",
            "/mixite",
        ] {
            assert!(!page_professionnelle(public), "{public}");
        }
    }
}
