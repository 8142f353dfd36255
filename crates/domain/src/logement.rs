//! A home as the rules see it: what eligibility, scoring and social mix need of a listing.

use crate::api::{OffreDetail, OffreResume};
use crate::argent::Euros;
use crate::offre::{Financement, Reservataire, Typologie, Zone};
use crate::surface::Surface;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Logement {
    pub financement: Financement,
    pub zone: Zone,
    /// The year of publication selects the ceiling table.
    pub annee: i16,
    pub typologie: Typologie,
    /// Habitable main rooms.
    pub pieces: u8,
    pub surface: Surface,
    pub loyer: Euros,
    pub charges: Euros,
    pub dans_qpv: bool,
    pub reservataire: Reservataire,
}

impl From<&OffreResume> for Logement {
    fn from(o: &OffreResume) -> Logement {
        Logement {
            financement: o.financement,
            zone: o.zone,
            annee: o.ouverture.annee(),
            typologie: o.typologie,
            pieces: o.pieces,
            surface: o.surface,
            loyer: o.loyer,
            charges: o.charges,
            dans_qpv: o.qpv.is_some(),
            reservataire: o.reservataire,
        }
    }
}

impl From<&OffreDetail> for Logement {
    fn from(o: &OffreDetail) -> Logement {
        Logement::from(&o.resume)
    }
}

impl Logement {
    /// A plain T3 PLUS outside QPV, outside Île-de-France: a stand-in where a rule needs a
    /// home but does not look at it.
    pub const EXEMPLE: Logement = Logement {
        financement: Financement::Plus,
        zone: Zone::AutresRegions,
        annee: 2026,
        typologie: Typologie::T3,
        pieces: 3,
        surface: Surface::from_dixiemes(650),
        loyer: Euros::from_centimes(40_000),
        charges: Euros::from_centimes(8_000),
        dans_qpv: false,
        reservataire: Reservataire::Bailleur,
    };
}
