//! Publishing: landlord staff write a listing as a draft, save it as often as they like,
//! then publish it once every rule holds. A published listing can still be corrected, but
//! what applicants relied on (rent, financing, typology) changes only by withdrawing it and
//! publishing a new one; a closed listing no longer changes.

use crate::application::Etat;
use crate::compte::Agent;
use crate::cycle;
use crate::probleme::{self, ErreurApi};
use crate::routes::Id;
use crate::stockage;
use crate::stockage::journal;
use crate::stockage::{brouillons, projets};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::Regle;
use clef_domain::api::{Brouillon, BrouillonResume, ErreurChampExpliquee, OffrePubliee, Probleme};
use clef_domain::cycle::{Commande, Effet};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::ProjetOffre;
use sqlx::AnyPool;

/// Drafts kept per organisation: enough for a busy letting office, a bound on storage.
const BROUILLONS_MAX: i64 = 200;

fn expliquer(erreurs: Vec<ErreurChamp>) -> Vec<ErreurChampExpliquee> {
    erreurs
        .into_iter()
        .map(|erreur| ErreurChampExpliquee {
            message: probleme::message(&erreur),
            erreur,
        })
        .collect()
}

/// The organisation's draft as saved, and when.
async fn projet_du_brouillon(
    etat: &Etat,
    agent: &Agent,
    id: i64,
) -> Result<(ProjetOffre, String), ErreurApi> {
    brouillons::lire(&etat.base, agent.bailleur_id, id)
        .await?
        .ok_or(ErreurApi::Introuvable)
}

async fn charger(etat: &Etat, agent: &Agent, id: i64) -> Result<Brouillon, ErreurApi> {
    let (projet, modifie_le) = projet_du_brouillon(etat, agent, id).await?;
    let aujourdhui = etat.horloge.aujourdhui();
    let a_completer =
        match projets::verifier(&etat.base, agent.bailleur_id, &projet, aujourdhui, true).await? {
            Ok(_) => vec![],
            Err(erreurs) => expliquer(erreurs),
        };
    Ok(Brouillon {
        id,
        projet,
        a_completer,
        modifie_le,
    })
}

fn maintenant(etat: &Etat) -> String {
    jiff::Timestamp::from_second(etat.horloge.instant())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Saves a project as a new draft of the organisation; returns its id.
async fn nouveau(etat: &Etat, agent: &Agent, projet: &ProjetOffre) -> Result<i64, ErreurApi> {
    brouillons::creer(
        &etat.base,
        agent.bailleur_id,
        projet,
        &maintenant(etat),
        BROUILLONS_MAX,
    )
    .await?
    .ok_or_else(|| {
        ErreurApi::champ(
            "brouillons",
            CodeErreur::HorsLimites {
                min: 0,
                max: BROUILLONS_MAX,
            },
        )
    })
}

/// The organisation's drafts, the latest saved first.
#[utoipa::path(
    get,
    path = "/bailleur/brouillons",
    tag = "bailleur",
    responses(
        (status = 200, description = "Les brouillons de mon organisme", body = Vec<BrouillonResume>),
        (status = 403, description = "Pas un compte de bailleur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn brouillons(
    State(etat): State<Etat>,
    agent: Agent,
) -> Result<Json<Vec<BrouillonResume>>, ErreurApi> {
    Ok(Json(
        brouillons::du_bailleur(&etat.base, agent.bailleur_id).await?,
    ))
}

/// A draft may be incomplete, never unbounded or hiding characters.
fn saisie_valide(projet: &ProjetOffre) -> Result<(), ErreurApi> {
    let erreurs = projet.verifier_saisie();
    if erreurs.is_empty() {
        Ok(())
    } else {
        Err(ErreurApi::Invalide(erreurs))
    }
}

/// Starts a draft; it may be incomplete.
#[utoipa::path(
    post,
    path = "/bailleur/brouillons",
    tag = "bailleur",
    request_body = ProjetOffre,
    responses(
        (status = 201, description = "Brouillon créé, avec ce qui manque pour le publier", body = Brouillon),
        (status = 400, description = "Trop de brouillons, ou un texte trop long ou aux caractères interdits", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un compte de bailleur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn creer(
    State(etat): State<Etat>,
    agent: Agent,
    Json(projet): Json<ProjetOffre>,
) -> Result<(StatusCode, Json<Brouillon>), ErreurApi> {
    saisie_valide(&projet)?;
    let projet = projets::avec_qpv_calcule(&etat.base, agent.bailleur_id, projet).await?;
    let id = nouveau(&etat, &agent, &projet).await?;
    Ok((StatusCode::CREATED, Json(charger(&etat, &agent, id).await?)))
}

/// A draft, with what is still missing to publish it.
#[utoipa::path(
    get,
    path = "/bailleur/brouillons/{id}",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant du brouillon")),
    responses(
        (status = 200, description = "Le brouillon", body = Brouillon),
        (status = 404, description = "Pas un brouillon de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
) -> Result<Json<Brouillon>, ErreurApi> {
    Ok(Json(charger(&etat, &agent, id).await?))
}

/// Saves a draft again, whole.
#[utoipa::path(
    put,
    path = "/bailleur/brouillons/{id}",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant du brouillon")),
    request_body = ProjetOffre,
    responses(
        (status = 200, description = "Brouillon enregistré", body = Brouillon),
        (status = 400, description = "Un texte trop long ou aux caractères interdits", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Pas un brouillon de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn enregistrer(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
    Json(projet): Json<ProjetOffre>,
) -> Result<Json<Brouillon>, ErreurApi> {
    saisie_valide(&projet)?;
    let projet = projets::avec_qpv_calcule(&etat.base, agent.bailleur_id, projet).await?;
    if !brouillons::modifier(
        &etat.base,
        agent.bailleur_id,
        id,
        &projet,
        &maintenant(&etat),
    )
    .await?
    {
        return Err(ErreurApi::Introuvable);
    }
    Ok(Json(charger(&etat, &agent, id).await?))
}

/// Deletes a draft.
#[utoipa::path(
    delete,
    path = "/bailleur/brouillons/{id}",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant du brouillon")),
    responses(
        (status = 204, description = "Brouillon supprimé"),
        (status = 404, description = "Pas un brouillon de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn supprimer(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
) -> Result<StatusCode, ErreurApi> {
    let mut connexion = etat.base.acquire().await?;
    if !brouillons::supprimer(&mut connexion, agent.bailleur_id, id).await? {
        return Err(ErreurApi::Introuvable);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Publishes a draft once every rule holds: the draft becomes a listing and is deleted.
/// Journaled.
#[utoipa::path(
    post,
    path = "/bailleur/brouillons/{id}/publication",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant du brouillon")),
    responses(
        (status = 201, description = "Offre publiée", body = OffrePubliee),
        (status = 400, description = "Champs manquants ou invalides, chacun avec son message", body = Probleme,
         content_type = "application/problem+json"),
        (status = 404, description = "Pas un brouillon de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn publier(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
) -> Result<(StatusCode, Json<OffrePubliee>), ErreurApi> {
    let (projet, _) = projet_du_brouillon(&etat, &agent, id).await?;
    let aujourdhui = etat.horloge.aujourdhui();
    let lieu = projets::verifier(&etat.base, agent.bailleur_id, &projet, aujourdhui, true)
        .await?
        .map_err(ErreurApi::Invalide)?;
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    // Published by a parallel request in the meantime.
    if !brouillons::supprimer(&mut tx, agent.bailleur_id, id).await? {
        return Err(ErreurApi::Introuvable);
    }
    let offre_id = projets::publier(&mut tx, agent.bailleur_id, &projet, lieu).await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "publication",
        Some(offre_id),
        &serde_json::json!({ "brouillon": id }),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(OffrePubliee { offre_id })))
}

/// A published listing that can still change: the organisation's, not withdrawn, not
/// closed.
async fn modifiable(
    base: &AnyPool,
    agent: &Agent,
    id: i64,
    aujourdhui: clef_domain::Jour,
) -> Result<ProjetOffre, ErreurApi> {
    let projet = projets::publiee(base, agent.bailleur_id, id)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    match projet.cloture {
        Some(cloture) if cloture >= aujourdhui => Ok(projet),
        _ => Err(ErreurApi::OffreClose),
    }
}

/// A published listing as a project, to correct it.
#[utoipa::path(
    get,
    path = "/bailleur/offres/{id}/projet",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "L'offre telle qu'elle a été publiée", body = ProjetOffre),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn projet(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
) -> Result<Json<ProjetOffre>, ErreurApi> {
    projets::publiee(&etat.base, agent.bailleur_id, id)
        .await?
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}

/// Corrects a published listing before it closes. Rent, financing and typology cannot
/// change; once open, the opening day cannot either, and the closing day only moves later.
/// Journaled.
#[utoipa::path(
    put,
    path = "/bailleur/offres/{id}/projet",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = ProjetOffre,
    responses(
        (status = 200, description = "Offre corrigée", body = ProjetOffre),
        (status = 400, description = "Champ invalide ou figé, chacun avec son message", body = Probleme,
         content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "L'offre est close", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn modifier(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
    Json(edition): Json<ProjetOffre>,
) -> Result<Json<ProjetOffre>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let publiee = modifiable(&etat.base, &agent, id, aujourdhui).await?;
    let edition = projets::avec_qpv_calcule(&etat.base, agent.bailleur_id, edition).await?;
    let deja_ouverte = publiee.ouverture.is_some_and(|o| o <= aujourdhui);
    let mut erreurs = edition.champs_figes_modifies(&publiee);
    if deja_ouverte {
        if edition.ouverture != publiee.ouverture {
            erreurs.push(ErreurChamp::new("ouverture", CodeErreur::Fige));
        }
        if edition.cloture < publiee.cloture {
            erreurs.push(ErreurChamp::incoherent("cloture", Regle::ClotureAvancee));
        }
    }
    let lieu = match projets::verifier(
        &etat.base,
        agent.bailleur_id,
        &edition,
        aujourdhui,
        !deja_ouverte,
    )
    .await?
    {
        Ok(lieu) if erreurs.is_empty() => lieu,
        Ok(_) => return Err(ErreurApi::Invalide(erreurs)),
        Err(autres) => {
            erreurs.extend(autres);
            return Err(ErreurApi::Invalide(erreurs));
        }
    };
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    projets::modifier(&mut tx, id, &edition, lieu).await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "modification_offre",
        Some(id),
        &serde_json::json!({ "avant": publiee, "apres": edition }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(edition))
}

/// Withdraws a listing before it closes: applicants no longer see it, their applications
/// are withdrawn and they are told. Returns a new draft with the same content, to correct
/// what cannot change in place and publish again. Journaled.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/retrait",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 201, description = "Offre retirée ; le brouillon qui la reprend", body = Brouillon),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "L'offre est close", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn retirer(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
) -> Result<(StatusCode, Json<Brouillon>), ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let mut projet = modifiable(&etat.base, &agent, id, aujourdhui).await?;
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    // Each filed application is withdrawn with it, and its applicant told.
    let effets = cycle::avancer(&mut tx, id, &Commande::Retirer, aujourdhui)
        .await?
        .map_err(cycle::refus)?;
    if !stockage::offres::retirer(&mut tx, id, aujourdhui).await? {
        return Err(ErreurApi::Introuvable);
    }
    let retirees = effets
        .iter()
        .filter(|e| matches!(e, Effet::Etat { .. }))
        .count();
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "retrait_offre",
        Some(id),
        &serde_json::json!({ "candidatures_retirees": retirees }),
    )
    .await?;
    tx.commit().await?;
    // The copy opens again from today at the earliest.
    if projet.ouverture.is_some_and(|o| o < aujourdhui) {
        projet.ouverture = Some(aujourdhui);
        projet.cloture = None;
    }
    let brouillon = nouveau(&etat, &agent, &projet).await?;
    Ok((
        StatusCode::CREATED,
        Json(charger(&etat, &agent, brouillon).await?),
    ))
}

/// Start a new draft from one of the organisation's listings, whatever its stage (the same
/// home vacant again, or a similar one): its content without its dates. Journaled.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/copie",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 201, description = "Le brouillon qui reprend l'offre", body = Brouillon),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn copier(
    State(etat): State<Etat>,
    agent: Agent,
    Id(id): Id,
) -> Result<(StatusCode, Json<Brouillon>), ErreurApi> {
    let mut projet = projets::publiee(&etat.base, agent.bailleur_id, id)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    projet.ouverture = None;
    projet.cloture = None;
    let brouillon = nouveau(&etat, &agent, &projet).await?;
    let mut tx = etat.base.begin().await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "copie_offre",
        Some(id),
        &serde_json::json!({ "brouillon": brouillon }),
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(charger(&etat, &agent, brouillon).await?),
    ))
}
