//! API integration tests: the real application (router, database, migrations, demo data)
//! on a fresh temporary SQLite file per test, driven without a socket.

mod aide;
mod attaques;
mod autorisation;
mod bailleur;
mod candidatures;
mod comptes;
mod courriels;
mod demo;
mod detail;
mod dossier;
mod entetes;
mod erreurs;
mod grille;
mod histoire;
mod instances;
mod leviers;
mod mandats;
mod memoire;
mod openapi;
mod premier_rendu;
mod publication;
mod recherche;
mod sauvegarde;
mod statique;
mod suivi;
mod territoire;
