//! The commission's decisions, in the categories of the code de la construction et de
//! l'habitation, article R.441-3: a) attribution, b) attribution ranking the candidates in
//! order (the next one gets the home if those before refuse it), c) attribution under a
//! suspensive condition (a supporting document is missing: a deadline, then attribution
//! or lapse), d) non-attribution with its motive, e) rejection as inadmissible
//! (*irrecevabilité*) against the legal conditions of access. The same categories are
//! published.

use crate::jour::Jour;
use crate::offre::{Code, serde_par_code};
use serde::{Deserialize, Serialize};

/// Why the commission examines fewer than three candidates for the home (R.441-3, first
/// paragraph): recorded with the shortlist and published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExceptionTroisCandidats {
    /// *Insuffisance du nombre des candidats*: every eligible candidate is presented or was
    /// left out with a motive.
    InsuffisanceCandidats,
    /// A household designated by the préfet (L.441-2-3, II): a candidate recognised as a
    /// DALO priority is presented.
    DesignationPrefet,
    /// A home financed with the subsidy of D.331-25-1 (*PLAI adapté*).
    LogementPlaiAdapte,
}

impl Code for ExceptionTroisCandidats {
    const TOUS: &'static [Self] = &[
        Self::InsuffisanceCandidats,
        Self::DesignationPrefet,
        Self::LogementPlaiAdapte,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::InsuffisanceCandidats => "insuffisance_candidats",
            Self::DesignationPrefet => "designation_prefet",
            Self::LogementPlaiAdapte => "logement_plai_adapte",
        }
    }
}

serde_par_code!(ExceptionTroisCandidats);

/// Why the commission did not attribute the home to a candidate (R.441-3 d: the decision
/// is motivated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MotifNonAttribution {
    /// The home went to a candidate the commission placed before.
    AutreCandidatRetenu,
    DossierIncomplet,
    /// The home does not suit the household (size, accessibility).
    LogementInadapte,
    TauxEffortExcessif,
}

impl Code for MotifNonAttribution {
    const TOUS: &'static [Self] = &[
        Self::AutreCandidatRetenu,
        Self::DossierIncomplet,
        Self::LogementInadapte,
        Self::TauxEffortExcessif,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::AutreCandidatRetenu => "autre_candidat_retenu",
            Self::DossierIncomplet => "dossier_incomplet",
            Self::LogementInadapte => "logement_inadapte",
            Self::TauxEffortExcessif => "taux_effort_excessif",
        }
    }
}

serde_par_code!(MotifNonAttribution);

/// Which legal condition of access the request does not meet (R.441-3 e; R.441-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MotifIrrecevabilite {
    /// Resources above the ceiling in force on the day of the decision, on the documents.
    PlafondDepasse,
    /// Not lawfully resident in France under the conditions of R.441-1.
    ConditionSejour,
}

impl Code for MotifIrrecevabilite {
    const TOUS: &'static [Self] = &[Self::PlafondDepasse, Self::ConditionSejour];

    fn code(self) -> &'static str {
        match self {
            Self::PlafondDepasse => "plafond_depasse",
            Self::ConditionSejour => "condition_sejour",
        }
    }
}

serde_par_code!(MotifIrrecevabilite);

/// The supporting document an attribution under suspensive condition waits for (R.441-3 c:
/// a document of the closed list of R.441-2-4-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PieceJustificative {
    Identite,
    TitreSejour,
    AvisImposition,
    JustificatifRessources,
    SituationFamiliale,
    LogementActuel,
}

impl Code for PieceJustificative {
    const TOUS: &'static [Self] = &[
        Self::Identite,
        Self::TitreSejour,
        Self::AvisImposition,
        Self::JustificatifRessources,
        Self::SituationFamiliale,
        Self::LogementActuel,
    ];

    fn code(self) -> &'static str {
        match self {
            Self::Identite => "identite",
            Self::TitreSejour => "titre_sejour",
            Self::AvisImposition => "avis_imposition",
            Self::JustificatifRessources => "justificatif_ressources",
            Self::SituationFamiliale => "situation_familiale",
            Self::LogementActuel => "logement_actuel",
        }
    }
}

serde_par_code!(PieceJustificative);

/// The commission's decision on a presented candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Decision {
    /// a) and b): attributed in rank 1 to the number of candidates examined, the order in
    /// which the home is offered.
    Attribue { rang: u8 },
    /// c): attributed in that rank once `piece` arrives, at the latest on `echeance`.
    AttribueSousCondition {
        rang: u8,
        piece: PieceJustificative,
        echeance: Jour,
    },
    /// d)
    NonAttribue { motif: MotifNonAttribution },
    /// e)
    Irrecevable { motif: MotifIrrecevabilite },
}

impl Decision {
    /// The rank in which the home is offered, for the kinds of attribution.
    pub fn rang(self) -> Option<u8> {
        match self {
            Decision::Attribue { rang } | Decision::AttribueSousCondition { rang, .. } => {
                Some(rang)
            }
            Decision::NonAttribue { .. } | Decision::Irrecevable { .. } => None,
        }
    }
}

/// How a suspensive condition ended: the document arrived in time (the attribution
/// holds), or the deadline passed (the attribution lapsed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeveeCondition {
    pub remplie: bool,
    pub le: Jour,
}

/// Body of `POST /bailleur/offres/{id}/conditions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConditionSaisie {
    pub candidature_id: i64,
    /// `true`: the document arrived by the deadline; `false`: the deadline passed.
    pub remplie: bool,
    /// The day, when it was not today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub le: Option<Jour>,
}

/// A decision as published: its category, without the document awaited nor the motive of
/// an inadmissibility (they could tell a household's situation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DecisionPubliee {
    Attribution {
        rang: u8,
    },
    /// `remplie`: `None` while the deadline runs.
    AttributionSousCondition {
        rang: u8,
        remplie: Option<bool>,
    },
    NonAttribution {
        motif: MotifNonAttribution,
    },
    Irrecevabilite,
}

impl DecisionPubliee {
    pub fn de(decision: Decision, condition: Option<LeveeCondition>) -> Self {
        match decision {
            Decision::Attribue { rang } => DecisionPubliee::Attribution { rang },
            Decision::AttribueSousCondition { rang, .. } => {
                DecisionPubliee::AttributionSousCondition {
                    rang,
                    remplie: condition.map(|c| c.remplie),
                }
            }
            Decision::NonAttribue { motif } => DecisionPubliee::NonAttribution { motif },
            Decision::Irrecevable { .. } => DecisionPubliee::Irrecevabilite,
        }
    }
}

/// A candidate the commission examined, anonymised: rank in the frozen ranking, score,
/// decision, and their answer when the home was offered to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Examen {
    pub rang: u32,
    pub score: u32,
    pub decision: DecisionPubliee,
    pub reponse: Option<bool>,
}
