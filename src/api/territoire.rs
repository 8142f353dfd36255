//! `/territoire/…`: the territory's staff (settings, grid, programmes, SRU, QPV streets).

use super::{
    ErreurChargement, Lecture, Methode, ProgrammeId, QpvId, envoyer, envoyer_sans_reponse,
};
use clef_domain::api::{
    ApercuGrille, LigneSru, NouveauProgramme, NouvelleGrille, NouvellesVoies, Programme, QpvVoies,
};
use clef_domain::cotation::Grille;
use clef_domain::sru::InventaireSru;
use clef_domain::territoire::ParametresTerritoire;

/// `PUT /territoire/parametres`.
pub async fn publier_parametres(
    parametres: &ParametresTerritoire,
) -> Result<ParametresTerritoire, ErreurChargement> {
    envoyer(Methode::Put, "/territoire/parametres", parametres).await
}

/// `POST /territoire/grilles/apercu`: what a new grid would change on open listings.
pub async fn apercu_grille(nouvelle: &NouvelleGrille) -> Result<ApercuGrille, ErreurChargement> {
    envoyer(Methode::Post, "/territoire/grilles/apercu", nouvelle).await
}

/// `POST /territoire/grilles`: publish a new version of the grid.
pub async fn publier_grille(nouvelle: &NouvelleGrille) -> Result<Grille, ErreurChargement> {
    envoyer(Methode::Post, "/territoire/grilles", nouvelle).await
}

/// `GET /territoire/programmes`.
pub fn programmes() -> Lecture<Vec<Programme>> {
    Lecture::new("/territoire/programmes".into())
}

/// `POST /territoire/programmes`.
pub async fn ajouter_programme(nouveau: &NouveauProgramme) -> Result<Programme, ErreurChargement> {
    envoyer(Methode::Post, "/territoire/programmes", nouveau).await
}

/// `DELETE /territoire/programmes/{id}`.
pub async fn retirer_programme(id: ProgrammeId) -> Result<(), ErreurChargement> {
    envoyer_sans_reponse(Methode::Delete, &format!("/territoire/programmes/{id}")).await
}

/// `PUT /territoire/sru/{commune}`: a commune's SRU inventory.
pub async fn enregistrer_sru(
    commune: &str,
    inventaire: &InventaireSru,
) -> Result<LigneSru, ErreurChargement> {
    let commune = String::from(js_sys::encode_uri_component(commune));
    envoyer(
        Methode::Put,
        &format!("/territoire/sru/{commune}"),
        inventaire,
    )
    .await
}

/// `GET /territoire/qpv`: each QPV and its streets.
pub fn qpv() -> Lecture<Vec<QpvVoies>> {
    Lecture::new("/territoire/qpv".into())
}

/// `PUT /territoire/qpv/{id}/voies`.
pub async fn enregistrer_voies(
    id: QpvId,
    voies: &NouvellesVoies,
) -> Result<QpvVoies, ErreurChargement> {
    envoyer(Methode::Put, &format!("/territoire/qpv/{id}/voies"), voies).await
}
