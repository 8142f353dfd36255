//! "Only the homes I can apply to", as criteria on listings that say nothing of the
//! household: the app computes them in the browser from the applicant's own request and
//! sends only them with the search, so the server learns nothing new.
//!
//! The rules refusing eligibility are the income ceiling and, where the territory refuses
//! it, the home's size; the rent burden only warns. A ceiling depends on the financing,
//! the year of the table and the zone; for a household the financings it can apply to are
//! always the highest ones (PLAI < PLUS < PLS: each ceiling is above the one before), so
//! "at least this financing" says it exactly.

use super::{Detail, Statut, surface_minimale, verifier};
use crate::argent::Euros;
use crate::demande::Demande;
use crate::logement::Logement;
use crate::offre::{Financement, Zone};
use crate::territoire::{Exigence, ParametresTerritoire};

/// Criteria a listing must meet for the household to be eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accessibles {
    /// The lowest financing whose ceiling the household is under, in every table the open
    /// listings may use; the higher ones are open too.
    pub financement_min: Financement,
    /// Where the territory refuses overcrowding: the legal minimum surface, in m².
    pub surface_min: Option<u32>,
    /// Where the territory refuses under-occupation: occupants plus one.
    pub pieces_max: Option<u8>,
}

/// The criteria for `demande`, given the (year, zone) of the ceiling tables in force (this
/// year's, in the territory's zones). A financing whose table is missing cannot be
/// checked, so it is not open. `None` when no financing is: the household can apply to
/// nothing.
///
/// When the tables differ between those years, a financing counts only if the household
/// is under its ceiling in all of them: the list may leave out a home it could apply to,
/// never show one it cannot.
pub fn accessibles(
    demande: &Demande,
    parametres: &ParametresTerritoire,
    tables: &[(i16, Zone)],
) -> Option<Accessibles> {
    let sous_le_plafond = |financement: Financement| {
        tables.iter().all(|&(annee, zone)| {
            let logement = Logement {
                financement,
                annee,
                zone,
                ..Logement::EXEMPLE
            };
            verifier(demande, &logement, parametres, Euros::ZERO)
                .regles
                .iter()
                .filter(|r| matches!(r.detail, Detail::PlafondRessources { .. }))
                .all(|r| r.statut == Statut::Respectee)
        })
    };
    // The highest financings are open first: find where the open ones start.
    let financement_min = [Financement::Pls, Financement::Plus, Financement::Plai]
        .into_iter()
        .take_while(|&f| sous_le_plafond(f))
        .last()?;
    let personnes = demande.menage.personnes();
    Some(Accessibles {
        financement_min,
        surface_min: (parametres.sur_occupation == Exigence::Refus)
            .then(|| surface_minimale(personnes).dixiemes().div_ceil(10)),
        pieces_max: (parametres.sous_occupation == Exigence::Refus)
            .then(|| u8::try_from(personnes + 1).unwrap_or(u8::MAX)),
    })
}

impl Accessibles {
    /// Whether a home meets the criteria (what the server's filter does in SQL).
    pub fn admet(&self, logement: &Logement) -> bool {
        logement.financement >= self.financement_min
            && self
                .surface_min
                .is_none_or(|m| logement.surface.dixiemes() >= m * 10)
            && self.pieces_max.is_none_or(|p| logement.pieces <= p)
    }
}
