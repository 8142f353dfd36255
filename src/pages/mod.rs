//! One module per page, named after its URL.

pub mod accessibilite;
pub mod accueil;
pub mod bailleur;
pub mod candidature;
pub mod candidatures;
pub mod comment;
pub mod connexion;
pub mod conseiller;
pub mod dossier;
pub mod grille;
pub mod inscription;
pub mod introuvable;
pub mod journal;
pub mod logement;
pub mod mandats;
pub mod mentions_legales;
pub mod mixite;
pub mod mot_de_passe;
pub mod notifications;
pub mod recapitulatif;
pub mod resultats;
pub mod score;
pub mod territoire;

use leptos::prelude::*;

/// The last search URL (`/?commune=beuvry`), so that "back to the listings" returns to the
/// same results, even after opening a listing in the same tab.
#[derive(Clone, Copy)]
pub struct DerniereRecherche(pub RwSignal<String>);

impl DerniereRecherche {
    pub fn fournir() {
        provide_context(DerniereRecherche(RwSignal::new("/".to_owned())));
    }

    pub fn lien() -> Signal<String> {
        match use_context::<DerniereRecherche>() {
            Some(DerniereRecherche(s)) => s.into(),
            None => Signal::derive(|| "/".to_owned()),
        }
    }
}
