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

/// Why the commission refused a candidate (code de la construction et de l'habitation,
/// R.441-3 and L.441-1: the decision is motivated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MotifRefus {
    /// Resources above the ceiling, on the documents.
    PlafondDepasse,
    DossierIncomplet,
    /// The home does not suit the household.
    LogementInadapte,
    TauxEffortExcessif,
}

/// The commission's decision on a presented candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Decision {
    /// Attributed in rank 1, 2 or 3: the order in which the home is offered.
    Attribue {
        rang: u8,
    },
    Refuse {
        motif: MotifRefus,
    },
}

/// Body of `POST /bailleur/offres/{id}/decisions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionSaisie {
    pub candidature_id: i64,
    pub decision: Decision,
}

/// Body of `POST /bailleur/offres/{id}/reponses`: the answer of the candidate the home is
/// offered to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReponseSaisie {
    pub candidature_id: i64,
    pub accepte: bool,
    /// Why, when refused (500 characters at most).
    #[serde(default)]
    pub motif: String,
}

/// Body of `POST /bailleur/offres/{id}/bail`: the lease is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BailSigne {
    pub candidature_id: i64,
}

/// One presented candidate's outcome so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issue {
    pub candidature_id: i64,
    pub rang: u32,
    pub decision: Option<Decision>,
    /// `Some(true)` accepted, `Some(false)` refused.
    pub reponse: Option<bool>,
    /// The home is offered to this candidate now: their answer is awaited.
    pub propose: bool,
}

/// The outcome of a listing's commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issues {
    pub offre_id: i64,
    pub candidats: Vec<Issue>,
    /// The lease is signed and the result published.
    pub attribuee: bool,
}

/// Body of `POST /bailleur/offres/{id}/cloture`: closing a listing before its planned day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClotureAnticipee {
    /// Why (1 to 500 characters), kept with the listing.
    pub motif: String,
}
