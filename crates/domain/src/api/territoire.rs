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

/// A housing programme and its fragility class under the intercommunal agreement (ACI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Programme {
    pub id: i64,
    pub commune: String,
    pub nom: String,
    /// The street its homes are on, as the territory wrote it.
    pub voie: String,
    pub fragilite: crate::fragilite::Fragilite,
}

/// A programme the territory adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouveauProgramme {
    /// The commune's identifier (`bethune`).
    pub commune: String,
    pub nom: String,
    pub voie: String,
    pub fragilite: crate::fragilite::Fragilite,
}

/// A commune's social housing against its SRU obligation, with this year's activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LigneSru {
    pub commune: String,
    /// The commune's identifier (`bethune`).
    pub slug: String,
    /// The last inventory the territory entered, if any.
    pub inventaire: Option<crate::sru::InventaireSru>,
    pub taux: Option<crate::mixite::Part>,
    /// Social homes still missing to meet the obligation.
    pub manque: Option<u32>,
    /// Lettings decided this calendar year in the commune.
    pub attributions_annee: u32,
    /// Listings opened this calendar year in the commune.
    pub offres_annee: u32,
}

/// A priority neighbourhood and the streets it covers (an address on one of them is in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QpvVoies {
    pub id: i64,
    pub nom: String,
    pub commune: String,
    pub voies: Vec<String>,
}

/// The new list of a QPV's streets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouvellesVoies {
    pub voies: Vec<String>,
}
