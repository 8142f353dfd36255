//! A home as the rules see it: what eligibility, scoring and social mix need of a listing.

use crate::api::OffreResume;
use crate::argent::Euros;
use crate::jour::Jour;
use crate::offre::{Financement, Reservataire, Typologie, Zone};
use crate::surface::Surface;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Logement {
    pub financement: Financement,
    pub zone: Zone,
    /// The year of the ceiling table: the year of the day the verdict is for (today for
    /// a live verdict, the ranking day once ranked), since each table is in force from 1
    /// January.
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

impl Logement {
    /// A listing as the rules see it on `jour`.
    pub fn le(o: &OffreResume, jour: Jour) -> Logement {
        Logement {
            financement: o.financement,
            zone: o.zone,
            annee: jour.annee(),
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
