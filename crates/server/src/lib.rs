//! # clef-server
//!
//! One binary that serves the JSON API under `/api/v1` and the built app (`dist/`), on an
//! embedded SQLite database. The rules come from `clef-domain`; this crate adds HTTP, SQL
//! and time.

pub mod application;
pub mod atelier;
pub mod candidatures;
pub mod catalogue;
pub mod compte;
pub mod config;
pub mod courriel;
pub mod csp;
pub mod cycle;
pub mod demo;
pub mod horloge;
pub mod images;
pub mod journaux;
pub mod memoire;

pub mod premier_rendu;
pub mod probleme;
pub mod rattrapage;
pub mod reseau;
pub mod routes;
pub mod statique;
pub mod stockage;

pub use application::{Etat, application, servir};
pub use config::Config;
pub use horloge::{Horloge, HorlogeFixe, HorlogeParis};
