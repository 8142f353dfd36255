//! What anyone may read: listings, communes, the territory's published grid, settings,
//! social-mix and SRU tables, and how homes were let.

use super::{Lecture, OffreId, TERRITOIRE, query};
use clef_domain::api::{Commune, LigneSru, OffreDetail, PageOffres, Resultat};
use clef_domain::cotation::Grille;
use clef_domain::recherche::Recherche;
use clef_domain::territoire::ParametresTerritoire;
use clef_domain::ventilation::TableauMixite;

/// `GET /offres`: the listings matching a search, one page of them.
pub fn offres(recherche: &Recherche) -> Lecture<PageOffres> {
    Lecture::new(format!("/offres?{}", query(&recherche.en_paires())))
}

/// `GET /offres/{id}`: everything about one listing.
pub fn offre(id: OffreId) -> Lecture<OffreDetail> {
    Lecture::new(format!("/offres/{id}"))
}

/// `GET /communes`.
pub fn communes() -> Lecture<Vec<Commune>> {
    Lecture::new("/communes".into())
}

/// `GET /territoires/{slug}/grille`: the grid in force today, or a given version (how a
/// listing was ranked).
pub fn grille(version: Option<u32>) -> Lecture<Grille> {
    Lecture::new(match version {
        Some(v) => format!("/territoires/{TERRITOIRE}/grille?version={v}"),
        None => format!("/territoires/{TERRITOIRE}/grille"),
    })
}

/// `GET /territoires/{slug}/parametres`: the territory's published settings.
pub fn parametres() -> Lecture<ParametresTerritoire> {
    Lecture::new(format!("/territoires/{TERRITOIRE}/parametres"))
}

/// `GET /territoires/{slug}/mixite`: the social-mix targets and where they stand.
pub fn mixite() -> Lecture<TableauMixite> {
    Lecture::new(format!("/territoires/{TERRITOIRE}/mixite"))
}

/// `GET /territoires/{slug}/sru`: each commune's SRU rate.
pub fn sru() -> Lecture<Vec<LigneSru>> {
    Lecture::new(format!("/territoires/{TERRITOIRE}/sru"))
}

/// `GET /resultats`: how the homes were let.
pub fn resultats() -> Lecture<Vec<Resultat>> {
    Lecture::new("/resultats".into())
}

/// `GET /resultats/{id}`: how one home was let.
pub fn resultat(offre: OffreId) -> Lecture<Resultat> {
    Lecture::new(format!("/resultats/{offre}"))
}
