//! The territory's staff publish new versions of the scoring grid, after previewing
//! their effect on the listings open today. A listing keeps the grid in force on its
//! opening day: nothing already open or closed is ranked again.

use crate::application::Etat;
use crate::candidatures::OffreACoter;
use crate::compte::AgentTerritoire;
use crate::probleme::ErreurApi;
use crate::stockage;
use crate::stockage::journal;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::api::{ApercuGrille, EffetSurOffre, NouvelleGrille, Probleme};
use clef_domain::classement::effet_grille;
use clef_domain::cotation::{Grille, verifier_entree_en_vigueur, verifier_priorites};
use serde_json::json;

/// The next version of the grid, checked: criteria, and the day it takes effect.
async fn version_suivante(
    etat: &Etat,
    agent: &AgentTerritoire,
    nouvelle: NouvelleGrille,
) -> Result<Grille, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let (version, precedente) =
        match stockage::grilles::derniere(&etat.base, agent.territoire_id).await? {
            Some((v, jour)) => (v.saturating_add(1), jour),
            None => (1, clef_domain::Jour::MIN),
        };
    let mut erreurs = Vec::new();
    if let Err(e) = verifier_entree_en_vigueur(nouvelle.en_vigueur_le, precedente, aujourdhui) {
        erreurs.push(e);
    }
    if let Err(e) = verifier_priorites(&nouvelle.criteres) {
        erreurs.extend(e);
    }
    match Grille::new(
        agent.slug.clone(),
        version,
        nouvelle.en_vigueur_le,
        nouvelle.criteres,
    ) {
        Ok(grille) if erreurs.is_empty() => Ok(grille),
        Ok(_) => Err(ErreurApi::Invalide(erreurs)),
        Err(e) => {
            erreurs.extend(e);
            Err(ErreurApi::Invalide(erreurs))
        }
    }
}

/// Preview a new version: how each listing open today (with applications) would rank
/// its candidates with it. Nothing is stored.
#[utoipa::path(
    post,
    path = "/territoire/grilles/apercu",
    tag = "territoire",
    request_body = NouvelleGrille,
    responses(
        (status = 200, description = "L'effet sur les offres ouvertes", body = ApercuGrille),
        (status = 400, description = "Grille ou date invalides", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn apercu(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Json(nouvelle): Json<NouvelleGrille>,
) -> Result<Json<ApercuGrille>, ErreurApi> {
    let grille = version_suivante(&etat, &agent, nouvelle).await?;
    let aujourdhui = etat.horloge.aujourdhui();
    let ouvertes =
        stockage::offres::ouvertes_avec_candidats(&etat.base, agent.territoire_id, aujourdhui)
            .await?;
    let mut offres = Vec::with_capacity(ouvertes.len());
    for id in ouvertes {
        let Some(offre) = OffreACoter::charger(&etat.base, id, aujourdhui).await? else {
            continue;
        };
        let candidatures = stockage::candidatures::candidats(&etat.base, id).await?;
        let effet = effet_grille(
            &candidatures,
            &offre.grille,
            &grille,
            &offre.contexte(offre.jour_de_cotation(aujourdhui)),
        );
        offres.push(EffetSurOffre {
            offre_id: id,
            titre: offre.detail.resume.titre.clone(),
            commune: offre.detail.resume.commune.clone(),
            effet,
        });
    }
    Ok(Json(ApercuGrille {
        version: grille.version,
        en_vigueur_le: grille.en_vigueur_le,
        offres,
    }))
}

/// Publish a new version of the grid. It ranks the listings opening from its first day;
/// every published version stays readable (`/territoires/{slug}/grille?version=`).
#[utoipa::path(
    post,
    path = "/territoire/grilles",
    tag = "territoire",
    request_body = NouvelleGrille,
    responses(
        (status = 201, description = "Grille publiée", body = Grille),
        (status = 400, description = "Grille ou date invalides", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Une autre version vient d'être publiée : prévisualiser à nouveau", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn publier(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Json(nouvelle): Json<NouvelleGrille>,
) -> Result<(StatusCode, Json<Grille>), ErreurApi> {
    let grille = version_suivante(&etat, &agent, nouvelle).await?;
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    if !stockage::grilles::publier(&mut tx, agent.territoire_id, &grille).await? {
        return Err(ErreurApi::EtapeFaite);
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "grille_publiee",
        None,
        &json!({ "version": grille.version, "en_vigueur_le": grille.en_vigueur_le }),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(grille)))
}
