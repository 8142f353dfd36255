//! Advisors, mandates and the journal of acts done for an applicant.

use crate::jour::Jour;
use crate::mandat::{Acte, StatutMandat};
use serde::{Deserialize, Serialize};

/// A support structure (France Services office) whose advisors may receive mandates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Structure {
    pub id: i64,
    pub nom: String,
    pub commune: String,
}

/// A mandate the applicant gives a structure from their own account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouveauMandat {
    pub structure_id: i64,
    pub actes: Vec<Acte>,
    /// 1 to 12 months.
    pub duree_mois: u8,
}

/// A mandate, as its applicant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MandatVue {
    pub id: i64,
    pub structure: String,
    pub actes: Vec<Acte>,
    pub debut: Jour,
    /// The last day it is valid.
    pub fin: Jour,
    pub statut: StatutMandat,
    /// Started at the counter and waiting: the code to give the advisor.
    pub code: Option<String>,
}

/// The applicant's mandates, newest first, and the structures they may choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MesMandats {
    pub mandats: Vec<MandatVue>,
    pub structures: Vec<Structure>,
}

/// What an advisor did for an applicant, as written in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActeJournal {
    /// Opened the file (start of a counter session).
    DossierOuvert,
    FoyerEnregistre,
    CandidatureDeposee,
    CandidatureRetiree,
    /// Ended the counter session.
    AccompagnementTermine,
}

impl ActeJournal {
    pub fn code(self) -> &'static str {
        match self {
            ActeJournal::DossierOuvert => "dossier_ouvert",
            ActeJournal::FoyerEnregistre => "foyer_enregistre",
            ActeJournal::CandidatureDeposee => "candidature_deposee",
            ActeJournal::CandidatureRetiree => "candidature_retiree",
            ActeJournal::AccompagnementTermine => "accompagnement_termine",
        }
    }

    pub fn depuis_code(code: &str) -> Option<ActeJournal> {
        [
            ActeJournal::DossierOuvert,
            ActeJournal::FoyerEnregistre,
            ActeJournal::CandidatureDeposee,
            ActeJournal::CandidatureRetiree,
            ActeJournal::AccompagnementTermine,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }
}

/// One line of "Qui a agi sur mon dossier".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntreeJournal {
    /// When, in Paris: the day, and the time as people read it (`15 h 04`).
    pub jour: Jour,
    pub heure: String,
    /// The advisor's name.
    pub conseiller: String,
    pub structure: String,
    pub acte: ActeJournal,
    pub mandat_id: i64,
    /// The listing concerned, if any: its id and title.
    pub offre_id: Option<i64>,
    pub offre: Option<String>,
}

/// An advisor's request to open an applicant's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DebutAccompagnement {
    pub numero_unique: String,
}

/// The applicant an advisor acts for, under which mandate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Accompagnement {
    pub numero_unique: String,
    pub mandat_id: i64,
    /// The mandate's last day.
    pub fin: Jour,
    pub actes: Vec<Acte>,
}

/// A mandate an advisor starts at the counter; the applicant confirms it with the code
/// shown in their account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MandatAuGuichet {
    pub numero_unique: String,
    pub actes: Vec<Acte>,
    pub duree_mois: u8,
}

/// The code the applicant read from their account, typed by the advisor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmationMandat {
    pub numero_unique: String,
    pub code: String,
}
