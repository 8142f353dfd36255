//! The attribution commission (code de la construction et de l'habitation, R.441-3): what
//! it reads of each anonymous candidate ([`profil`]), the shortlist it examines
//! ([`presentation`]), and its decisions and what follows them ([`examen`]).

pub mod examen;
pub mod presentation;

pub use presentation::{Eligible, Passe, verifier};

use crate::api::ProfilCandidat;
use crate::argent::Euros;
use crate::demande::Demande;
use crate::eligibilite::{reste_pour_vivre_par_uc, taux_pour_mille};
use crate::logement::Logement;
use crate::mixite;

/// The longest precision of a motive.
pub const PRECISION_MAX: usize = 500;

/// What the commission reads of an anonymous candidate beside their rank: the household's
/// size, its yearly resources per consumption unit (declared monthly resources × 12), the
/// rent burden this home would be and the *reste pour vivre* per consumption unit (the
/// housing benefit counted as 0). Nothing names them, nor tells a situation (a disability
/// moves no figure here).
pub fn profil(demande: &Demande, logement: &Logement) -> ProfilCandidat {
    let ressources = demande.ressources_mensuelles(logement.annee).montant;
    let uc = mixite::unites_consommation_dixiemes(&demande.menage);
    let depense = logement.loyer + logement.charges;
    ProfilCandidat {
        personnes: u8::try_from(demande.menage.personnes()).unwrap_or(u8::MAX),
        ressources_par_uc: mixite::ressources_par_uc(
            Euros::from_centimes(ressources.centimes() * 12),
            uc,
        ),
        taux_effort_pour_mille: taux_pour_mille(depense, ressources),
        reste_pour_vivre_par_uc: Some(reste_pour_vivre_par_uc(ressources, depense, uc)),
    }
}
