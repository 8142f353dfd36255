//! Browser journeys: the real server (router, SQLite, demo data) on a free port with a
//! temporary database, the built app, and headless Chromium at a phone's viewport, driven
//! through chromedriver. Run by `cargo xtask test`, which builds the app first.

mod axe;
mod bailleur;
mod banc;
mod candidature;
mod commission;
mod conseiller;
mod csp;
mod demarrage;
mod dossier;
mod erreurs;
mod espace_bailleur;
mod etats;
mod filtres;
mod langue;
mod logement;
mod mot_de_passe;
mod pour_moi;
mod premier_rendu;
mod recapitulatif;
mod recherche;
mod score;
mod territoire;
mod visite;
mod zoom;
