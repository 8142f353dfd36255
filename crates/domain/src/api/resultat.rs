//! How a letting ended, published anonymised.

use crate::jour::Jour;
use crate::offre::{Code, Typologie, serde_par_code};
use serde::{Deserialize, Serialize};

/// Why the commission passed over a higher-ranked candidate (fixed list; a free text
/// completes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MotifPassage {
    /// The candidate withdrew or did not answer.
    Desistement,
    /// The home was offered to the candidate, who refused it.
    RefusDuLogement,
    /// On the documents, the resources are above the ceiling.
    PlafondDepasse,
    /// The home does not suit the household (size, accessibility).
    LogementInadapte,
    /// Rent burden too high for the household's resources.
    TauxEffortExcessif,
    /// The file was incomplete on the commission's day.
    DossierIncomplet,
    /// A social-mix target of the intercommunal agreement.
    ObjectifMixite,
}

impl Code for MotifPassage {
    const TOUS: &'static [Self] = &[
        MotifPassage::Desistement,
        MotifPassage::RefusDuLogement,
        MotifPassage::PlafondDepasse,
        MotifPassage::LogementInadapte,
        MotifPassage::TauxEffortExcessif,
        MotifPassage::DossierIncomplet,
        MotifPassage::ObjectifMixite,
    ];

    fn code(self) -> &'static str {
        match self {
            MotifPassage::Desistement => "desistement",
            MotifPassage::RefusDuLogement => "refus_du_logement",
            MotifPassage::PlafondDepasse => "plafond_depasse",
            MotifPassage::LogementInadapte => "logement_inadapte",
            MotifPassage::TauxEffortExcessif => "taux_effort_excessif",
            MotifPassage::DossierIncomplet => "dossier_incomplet",
            MotifPassage::ObjectifMixite => "objectif_mixite",
        }
    }
}

serde_par_code!(MotifPassage);

/// A higher-ranked candidate the commission did not choose, anonymised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Passage {
    pub rang: u32,
    pub score: u32,
    pub motif: MotifPassage,
    /// The recorded explanation, without names.
    pub precision: String,
}

/// A decided letting, as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resultat {
    pub offre_id: i64,
    pub titre: String,
    pub commune: String,
    pub typologie: Typologie,
    pub dans_qpv: bool,
    pub cloture: Jour,
    pub decide_le: Jour,
    /// Applications received.
    pub candidatures: u32,
    /// Of which eligible.
    pub eligibles: u32,
    /// Version of the territory's grid used to rank.
    pub grille_version: u32,
    /// Rank and score of the household that got the home.
    pub attribue_rang: u32,
    pub attribue_score: u32,
    /// Higher-ranked candidates passed over, and why.
    pub passages: Vec<Passage>,
    /// Why the commission examined fewer than three candidates, if it did (R.441-3).
    #[serde(default)]
    pub exception: Option<super::ExceptionTroisCandidats>,
    /// Every candidate the commission examined, and its decision, in rank order.
    #[serde(default)]
    pub examens: Vec<super::Examen>,
}
