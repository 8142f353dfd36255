//! The territory's staff: grid versions and their preview.

use crate::classement::EffetGrille;
use crate::cotation::Critere;
use crate::jour::Jour;
use serde::{Deserialize, Serialize};

/// A new version of the grid: its criteria and the day it takes effect (listings opening
/// from that day are ranked by it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouvelleGrille {
    pub en_vigueur_le: Jour,
    pub criteres: Vec<Critere>,
}

/// How a listing open today would be ranked with the new grid instead of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EffetSurOffre {
    pub offre_id: i64,
    pub titre: String,
    pub commune: String,
    pub effet: EffetGrille,
}

/// The preview of a new version, before it is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApercuGrille {
    /// The version number it would get.
    pub version: u32,
    pub en_vigueur_le: Jour,
    /// Listings open today with at least one application. They keep their own grid: this
    /// only shows what the new one changes on real candidates.
    pub offres: Vec<EffetSurOffre>,
}
