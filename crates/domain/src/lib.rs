//! # clef-domain
//!
//! The rules of Clef, in one place, compiled natively for the server and to WebAssembly
//! for the app. Nothing here does I/O or reads a clock: every function takes values
//! (including "today") and returns values.
//!
//! - [`argent`]: money in integer cents ([`Euros`]).
//! - [`surface`]: surfaces in m² with one decimal ([`Surface`]).
//! - [`offre`]: a listing (*offre de logement*) and its attributes.
//! - [`plafonds`]: the official income ceilings by financing, year, zone and household category.
//! - [`demande`]: a request: household, resources, situations, numéro unique.
//! - [`eligibilite`]: ceiling, home size, rent burden: a structured verdict per rule.
//! - [`territoire`]: what each territory sets (thresholds, targets).
//! - [`cotation`]: the scoring grid as data, and scores that always add up.
//! - [`classement`]: ranking a listing's candidates; [`simulation`]: what-if.
//! - [`mixite`]: consumption units, first quartile, the three CIA targets.
//! - [`suite`]: what each state of a letting allows next, for staff and applicants.
//! - [`recherche`]: the search criteria of the listings page, parsed from a query string.
//! - [`api`]: the JSON shapes the server sends and the app reads.

pub mod adresse;
pub mod api;
pub mod argent;
pub mod classement;
pub mod commission;
pub mod cotation;
pub mod cycle;
pub mod demande;
pub mod eligibilite;
pub mod erreur;
pub mod fragilite;
pub mod jour;
pub mod logement;
pub mod mandat;
pub mod mixite;
pub mod offre;
pub mod plafonds;
pub mod recherche;
pub mod semblables;
pub mod simulation;
pub mod sru;
pub mod suite;
pub mod surface;
pub mod territoire;
pub mod texte;
pub mod ventilation;

pub use argent::Euros;
pub use erreur::{CodeErreur, ErreurChamp, Regle};
pub use jour::Jour;
pub use surface::Surface;
