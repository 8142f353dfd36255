//! `/moi/…`: the applicant's own space (also reached by an advisor under their mandate).

use super::{
    CandidatureId, ErreurChargement, Lecture, MandatId, Methode, OffreId, RechercheId, envoyer,
    envoyer_sans_corps, envoyer_sans_reponse,
};
use clef_domain::api::{
    Alertes, AvantCandidature, CandidatureDeposee, CandidatureDetail, CandidatureResume, Dossier,
    EntreeJournal, MandatVue, MesMandats, MonScore, Notifications, NotificationsNonLues,
    NouveauMandat, NouvelleCandidature, NouvelleRecherche, RechercheSauvegardee,
};
use clef_domain::demande::DemandeSaisie;

/// `GET /moi/dossier`.
pub fn dossier() -> Lecture<Dossier> {
    Lecture::new("/moi/dossier".into())
}

/// `PUT /moi/dossier`.
pub async fn enregistrer_dossier(saisie: &DemandeSaisie) -> Result<Dossier, ErreurChargement> {
    envoyer(Methode::Put, "/moi/dossier", saisie).await
}

/// `GET /moi/candidatures`.
pub fn candidatures() -> Lecture<Vec<CandidatureResume>> {
    Lecture::new("/moi/candidatures".into())
}

/// `GET /moi/candidatures/{id}`.
pub fn candidature(id: CandidatureId) -> Lecture<CandidatureDetail> {
    Lecture::new(format!("/moi/candidatures/{id}"))
}

/// `GET /moi/offres/{id}/avant-candidature`: whether I may apply, and where I would stand.
pub fn avant_candidature(offre: OffreId) -> Lecture<AvantCandidature> {
    Lecture::new(format!("/moi/offres/{offre}/avant-candidature"))
}

/// `POST /moi/candidatures`: apply.
pub async fn candidater(offre: OffreId) -> Result<CandidatureDeposee, ErreurChargement> {
    let corps = NouvelleCandidature { offre_id: offre.0 };
    envoyer(Methode::Post, "/moi/candidatures", &corps).await
}

/// `POST /moi/candidatures/{id}/retrait`: withdraw an application.
pub async fn retirer_candidature(id: CandidatureId) -> Result<CandidatureResume, ErreurChargement> {
    envoyer_sans_corps(Methode::Post, &format!("/moi/candidatures/{id}/retrait")).await
}

/// `GET /moi/score`.
pub fn score() -> Lecture<MonScore> {
    Lecture::new("/moi/score".into())
}

/// `GET /moi/alertes`.
pub fn alertes() -> Lecture<Alertes> {
    Lecture::new("/moi/alertes".into())
}

/// `PUT /moi/alertes`.
pub async fn changer_alertes(alertes: &Alertes) -> Result<Alertes, ErreurChargement> {
    envoyer(Methode::Put, "/moi/alertes", alertes).await
}

/// `GET /moi/notifications`.
pub fn notifications() -> Lecture<Notifications> {
    Lecture::new("/moi/notifications".into())
}

/// `GET /moi/notifications/non-lues`: only the count, for the header.
pub fn notifications_non_lues() -> Lecture<NotificationsNonLues> {
    Lecture::new("/moi/notifications/non-lues".into())
}

/// `POST /moi/notifications/lues`.
pub async fn marquer_lues() -> Result<(), ErreurChargement> {
    envoyer_sans_reponse(Methode::Post, "/moi/notifications/lues").await
}

/// `GET /moi/recherches`.
pub fn recherches() -> Lecture<Vec<RechercheSauvegardee>> {
    Lecture::new("/moi/recherches".into())
}

/// `POST /moi/recherches`: save a search (new listings matching it are announced).
pub async fn sauvegarder_recherche(
    nouvelle: &NouvelleRecherche,
) -> Result<RechercheSauvegardee, ErreurChargement> {
    envoyer(Methode::Post, "/moi/recherches", nouvelle).await
}

/// `DELETE /moi/recherches/{id}`.
pub async fn supprimer_recherche(id: RechercheId) -> Result<(), ErreurChargement> {
    envoyer_sans_reponse(Methode::Delete, &format!("/moi/recherches/{id}")).await
}

/// `GET /moi/mandats`: my mandates, and the structures I may give one to.
pub fn mandats() -> Lecture<MesMandats> {
    Lecture::new("/moi/mandats".into())
}

/// `POST /moi/mandats`: give a mandate.
pub async fn donner_mandat(nouveau: &NouveauMandat) -> Result<MandatVue, ErreurChargement> {
    envoyer(Methode::Post, "/moi/mandats", nouveau).await
}

/// `POST /moi/mandats/{id}/revocation`: revoke (or refuse) a mandate.
pub async fn revoquer_mandat(id: MandatId) -> Result<MandatVue, ErreurChargement> {
    envoyer_sans_corps(Methode::Post, &format!("/moi/mandats/{id}/revocation")).await
}

/// `GET /moi/journal`: who acted on my request.
pub fn journal() -> Lecture<Vec<EntreeJournal>> {
    Lecture::new("/moi/journal".into())
}
