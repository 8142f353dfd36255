//! Eligibility of a household for a home: one structured result per rule (respected or not,
//! or a warning), with the numbers used and the rule's source, so the app can say in plain
//! French why, and the server can refuse for the same reasons.

mod accessibles;
mod plafond;
mod taille;
mod taux_effort;

pub use accessibles::{Accessibles, accessibles};
pub use taille::surface_minimale;
pub use taux_effort::{reste_pour_vivre_par_uc, taux_pour_mille};

use crate::argent::Euros;
use crate::demande::{Categorie, Demande, RessourcesRetenues};
use crate::logement::Logement;
use crate::offre::{Financement, Zone};
use crate::surface::Surface;
use crate::territoire::ParametresTerritoire;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The outcome of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    Respectee,
    /// The household is not eligible for this home.
    NonRespectee,
    /// Worth knowing, not a refusal.
    Alerte,
    /// Not checked: the territory does not apply it.
    NonVerifiee,
    /// Cannot be checked: a figure the law requires is missing (that year's income
    /// ceilings are not published in Clef). Applying waits until it is.
    Inverifiable,
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub texte: Cow<'static, str>,
    /// The year of the table or setting used, when there is one.
    pub annee: Option<i16>,
}

/// What size the home is for the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Occupation {
    Adaptee,
    /// Smaller than the legal minimum surface for the household.
    SurOccupation,
    /// More rooms than occupants plus one.
    SousOccupation,
}

/// A rule and the numbers it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "regle", rename_all = "snake_case")]
pub enum Detail {
    PlafondRessources {
        financement: Financement,
        zone: Zone,
        /// Year of the ceiling table: the one in force on the day of the verdict.
        annee: i16,
        categorie: Categorie,
        ressources: RessourcesRetenues,
        /// `None` when that year's table is not published.
        plafond: Option<Euros>,
    },
    TailleLogement {
        personnes: u8,
        surface: Surface,
        surface_minimale: Surface,
        pieces: u8,
        /// Rooms above which the home is under-occupied.
        pieces_max: u8,
        occupation: Occupation,
    },
    TauxEffort {
        /// Rent and charges, less the expected housing benefit, per month.
        depense_mensuelle: Euros,
        ressources_mensuelles: Euros,
        /// Declared in the request (`false`: a twelfth of the tax income, for a request
        /// saved before monthly resources were asked).
        #[serde(default)]
        ressources_declarees: bool,
        /// Monthly resources less the housing cost, per consumption unit.
        #[serde(default)]
        reste_pour_vivre_par_uc: Option<Euros>,
        /// Per mille of the resources; `None` without resources.
        taux_pour_mille: Option<u32>,
        seuil_pour_cent: u8,
    },
}

/// The name of a rule, without its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NomRegle {
    PlafondRessources,
    TailleLogement,
    TauxEffort,
}

impl Detail {
    pub fn regle(&self) -> NomRegle {
        match self {
            Detail::PlafondRessources { .. } => NomRegle::PlafondRessources,
            Detail::TailleLogement { .. } => NomRegle::TailleLogement,
            Detail::TauxEffort { .. } => NomRegle::TauxEffort,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultatRegle {
    pub statut: Statut,
    pub detail: Detail,
    pub source: Source,
}

/// The verdict in one word, for deciding whether one may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eligibilite {
    Eligible,
    NonEligible,
    /// No rule is broken but one cannot be checked.
    Inverifiable,
}

/// Every rule, in the order they are explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verdict {
    pub regles: Vec<ResultatRegle>,
}

impl Verdict {
    /// Eligible when no rule is broken or impossible to check; warnings do not refuse.
    pub fn eligible(&self) -> bool {
        self.motifs_refus().next().is_none()
    }

    /// Eligible, not eligible (a rule is broken, whatever else), or impossible to check.
    pub fn eligibilite(&self) -> Eligibilite {
        if self.regles.iter().any(|r| r.statut == Statut::NonRespectee) {
            Eligibilite::NonEligible
        } else if self.inverifiable() {
            Eligibilite::Inverifiable
        } else {
            Eligibilite::Eligible
        }
    }

    /// A rule could not be checked (a missing table): not a refusal of the household,
    /// but no application until it can be.
    pub fn inverifiable(&self) -> bool {
        self.regles.iter().any(|r| r.statut == Statut::Inverifiable)
    }

    /// The rules that stop the household from applying: broken, or impossible to check.
    pub fn motifs_refus(&self) -> impl Iterator<Item = &ResultatRegle> {
        self.regles
            .iter()
            .filter(|r| matches!(r.statut, Statut::NonRespectee | Statut::Inverifiable))
    }
}

/// The income-ceiling rule alone, with the tables of `logement.annee`.
pub fn plafond(demande: &Demande, logement: &Logement) -> ResultatRegle {
    plafond::verifier(demande, logement)
}

/// Checks a household against a home, with the territory's settings. `aide_estimee` is
/// the monthly housing benefit expected in the new home (zero when unknown: the cautious
/// view of the rent burden).
pub fn verifier(
    demande: &Demande,
    logement: &Logement,
    territoire: &ParametresTerritoire,
    aide_estimee: Euros,
) -> Verdict {
    Verdict {
        regles: vec![
            plafond::verifier(demande, logement),
            taille::verifier(&demande.menage, logement, territoire),
            taux_effort::verifier(demande, logement, territoire, aide_estimee),
        ],
    }
}
