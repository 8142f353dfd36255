//! "Mon score": my points on the territory's grid, for the criteria that do not depend on
//! the home.

use crate::application::Etat;
use crate::compte::PourDemandeur;
use crate::probleme::ErreurApi;
use crate::stockage;
use axum::Json;
use axum::extract::State;
use clef_domain::api::{Empechement, MonScore, Probleme};
use clef_domain::cotation::coter_menage;

/// The territory this instance serves (one for now).
pub const TERRITOIRE: &str = crate::demo::TERRITOIRE.0;

/// My score on today's grid.
#[utoipa::path(
    get,
    path = "/moi/score",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mon score, ligne à ligne", body = MonScore),
        (status = 409, description = "Dossier non rempli", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn mon_score(
    State(etat): State<Etat>,
    PourDemandeur(moi): PourDemandeur,
) -> Result<Json<MonScore>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let demande = stockage::demandeurs::demande(&etat.base, moi.id)
        .await?
        .ok_or(ErreurApi::Candidature(Empechement::DossierIncomplet))?;
    let grille = stockage::grilles::en_vigueur(&etat.base, TERRITOIRE, aujourdhui, None)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    let territoire = stockage::territoires::parametres(&etat.base, TERRITOIRE)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    Ok(Json(MonScore {
        jour: aujourdhui,
        grille_version: grille.version,
        score: coter_menage(&grille, &demande, aujourdhui, &territoire),
    }))
}
