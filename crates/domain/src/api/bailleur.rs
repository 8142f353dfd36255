//! What landlord staff see of their own organisation's listings.

use super::OffreResume;
use crate::cotation::Score;
use crate::eligibilite::Verdict;
use crate::jour::Jour;
use serde::{Deserialize, Serialize};

/// One of the organisation's listings, with its applications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffreBailleur {
    pub offre: OffreResume,
    /// Applications filed and not withdrawn.
    pub candidatures: u32,
    /// The day the ranking was frozen, once it is.
    pub classee_le: Option<Jour>,
}

/// One candidate of a frozen ranking, anonymised: an application number, never a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatClasse {
    pub candidature_id: i64,
    /// `None` when not eligible.
    pub rang: Option<u32>,
    pub verdict: Verdict,
    pub score: Score,
}

/// A listing's frozen ranking, as the commission prepares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassementOffre {
    pub offre_id: i64,
    pub grille_version: u32,
    pub classe_le: Jour,
    pub candidatures: u32,
    pub eligibles: u32,
    /// Eligible candidates first, in rank order, then the others.
    pub candidats: Vec<CandidatClasse>,
}

/// A candidate as the commission prepares: rank, score, and how choosing them would move
/// the territory's social-mix targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatCommission {
    pub candidature_id: i64,
    pub rang: u32,
    pub score: u32,
    /// "Le choisir porterait la part … de 19 % à 21 %, objectif 25 %".
    pub projection: Vec<crate::mixite::Evolution>,
    /// Among the candidates proposed by default (the first three), before presentation.
    pub propose: bool,
    /// Presented to the commission.
    pub presente: bool,
}

/// The commission's view of a ranked listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commission {
    pub offre_id: i64,
    /// The shortlist was sent.
    pub presentee: bool,
    /// Eligible candidates in rank order.
    pub candidats: Vec<CandidatCommission>,
}

/// A higher-ranked candidate left out of the shortlist, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PassageSaisi {
    pub candidature_id: i64,
    pub motif: super::MotifPassage,
    /// Free text completing the motive, without names (published).
    pub precision: String,
}

/// Body of `POST /bailleur/offres/{id}/presentation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Presentation {
    /// 1 to 3 eligible candidates, in the order presented.
    pub candidatures: Vec<i64>,
    #[serde(default)]
    pub passages: Vec<PassageSaisi>,
}
