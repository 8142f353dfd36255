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
