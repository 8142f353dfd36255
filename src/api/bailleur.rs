//! `/bailleur/…`: landlord staff (drafts, listings, ranking, commission, outcomes, lease).

use super::{
    BrouillonId, ErreurChargement, Lecture, Methode, OffreId, envoyer, envoyer_sans_corps,
    envoyer_sans_reponse,
};
use clef_domain::api::{
    BailSigne, Brouillon, BrouillonResume, ClassementOffre, ClotureAnticipee, Commission,
    ConditionSaisie, DecisionSaisie, ImageTeleversee, Issues, OffreBailleur, OffrePubliee,
    Presentation, ReponseSaisie, TableauDeBord,
};
use clef_domain::offre::ProjetOffre;

/// `GET /bailleur/offres`: my organisation's listings.
pub fn offres_du_bailleur() -> Lecture<Vec<OffreBailleur>> {
    Lecture::new("/bailleur/offres".into())
}

/// `GET /bailleur/tableau-de-bord`.
pub fn tableau_de_bord() -> Lecture<TableauDeBord> {
    Lecture::new("/bailleur/tableau-de-bord".into())
}

/// `POST /bailleur/offres/{id}/classement`: rank a closed listing (once).
pub async fn classer(id: OffreId) -> Result<ClassementOffre, ErreurChargement> {
    envoyer_sans_corps(Methode::Post, &format!("/bailleur/offres/{id}/classement")).await
}

/// `POST /bailleur/offres/{id}/cloture`: close a listing early, with a motive.
pub async fn clore(
    id: OffreId,
    cloture: &ClotureAnticipee,
) -> Result<OffreBailleur, ErreurChargement> {
    envoyer(
        Methode::Post,
        &format!("/bailleur/offres/{id}/cloture"),
        cloture,
    )
    .await
}

/// `GET /bailleur/offres/{id}/commission`: what the commission will examine.
pub fn commission(id: OffreId) -> Lecture<Commission> {
    Lecture::new(format!("/bailleur/offres/{id}/commission"))
}

/// `POST /bailleur/offres/{id}/presentation`: the candidates presented to the commission.
pub async fn presenter(
    id: OffreId,
    presentation: &Presentation,
) -> Result<Commission, ErreurChargement> {
    envoyer(
        Methode::Post,
        &format!("/bailleur/offres/{id}/presentation"),
        presentation,
    )
    .await
}

/// `GET /bailleur/offres/{id}/issues`: the commission's outcomes and what followed.
pub fn issues(id: OffreId) -> Lecture<Issues> {
    Lecture::new(format!("/bailleur/offres/{id}/issues"))
}

/// `POST /bailleur/offres/{id}/decisions`: the commission's decision on a candidate.
pub async fn decider(id: OffreId, decision: &DecisionSaisie) -> Result<Issues, ErreurChargement> {
    envoyer(
        Methode::Post,
        &format!("/bailleur/offres/{id}/decisions"),
        decision,
    )
    .await
}

/// `POST /bailleur/offres/{id}/conditions`: a condition met (a missing document given).
pub async fn lever_condition(
    id: OffreId,
    condition: &ConditionSaisie,
) -> Result<Issues, ErreurChargement> {
    envoyer(
        Methode::Post,
        &format!("/bailleur/offres/{id}/conditions"),
        condition,
    )
    .await
}

/// `POST /bailleur/offres/{id}/reponses`: the candidate's answer to the offer.
pub async fn repondre(id: OffreId, reponse: &ReponseSaisie) -> Result<Issues, ErreurChargement> {
    envoyer(
        Methode::Post,
        &format!("/bailleur/offres/{id}/reponses"),
        reponse,
    )
    .await
}

/// `POST /bailleur/offres/{id}/bail`: the lease is signed.
pub async fn signer_bail(id: OffreId, bail: &BailSigne) -> Result<Issues, ErreurChargement> {
    envoyer(Methode::Post, &format!("/bailleur/offres/{id}/bail"), bail).await
}

/// `GET /bailleur/brouillons`.
pub fn brouillons() -> Lecture<Vec<BrouillonResume>> {
    Lecture::new("/bailleur/brouillons".into())
}

/// `POST /bailleur/brouillons`: a new draft.
pub async fn creer_brouillon(projet: &ProjetOffre) -> Result<Brouillon, ErreurChargement> {
    envoyer(Methode::Post, "/bailleur/brouillons", projet).await
}

/// `GET /bailleur/brouillons/{id}`.
pub fn brouillon(id: BrouillonId) -> Lecture<Brouillon> {
    Lecture::new(format!("/bailleur/brouillons/{id}"))
}

/// `PUT /bailleur/brouillons/{id}`: save a draft.
pub async fn enregistrer_brouillon(
    id: BrouillonId,
    projet: &ProjetOffre,
) -> Result<Brouillon, ErreurChargement> {
    envoyer(Methode::Put, &format!("/bailleur/brouillons/{id}"), projet).await
}

/// `DELETE /bailleur/brouillons/{id}`.
pub async fn supprimer_brouillon(id: BrouillonId) -> Result<(), ErreurChargement> {
    envoyer_sans_reponse(Methode::Delete, &format!("/bailleur/brouillons/{id}")).await
}

/// `POST /bailleur/brouillons/{id}/publication`: publish a draft.
pub async fn publier_brouillon(id: BrouillonId) -> Result<OffrePubliee, ErreurChargement> {
    envoyer_sans_corps(
        Methode::Post,
        &format!("/bailleur/brouillons/{id}/publication"),
    )
    .await
}

/// `GET /bailleur/offres/{id}/projet`: a published listing as it can be corrected.
pub fn projet(id: OffreId) -> Lecture<ProjetOffre> {
    Lecture::new(format!("/bailleur/offres/{id}/projet"))
}

/// `PUT /bailleur/offres/{id}/projet`: correct a published listing.
pub async fn modifier_offre(
    id: OffreId,
    edition: &ProjetOffre,
) -> Result<ProjetOffre, ErreurChargement> {
    envoyer(
        Methode::Put,
        &format!("/bailleur/offres/{id}/projet"),
        edition,
    )
    .await
}

/// `POST /bailleur/offres/{id}/retrait`: withdraw a listing (it comes back as a draft).
pub async fn retirer_offre(id: OffreId) -> Result<Brouillon, ErreurChargement> {
    envoyer_sans_corps(Methode::Post, &format!("/bailleur/offres/{id}/retrait")).await
}

/// `POST /bailleur/offres/{id}/copie`: a new draft copied from a listing.
pub async fn copier_offre(id: OffreId) -> Result<Brouillon, ErreurChargement> {
    envoyer_sans_corps(Methode::Post, &format!("/bailleur/offres/{id}/copie")).await
}

/// `POST /bailleur/images`: upload a photo (`multipart/form-data`).
pub async fn televerser_image(
    formulaire: web_sys::FormData,
) -> Result<ImageTeleversee, ErreurChargement> {
    super::televerser("/bailleur/images", formulaire).await
}
