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
use clef_domain::semblables::{
    AttenteMoyenne, PositionParmiSemblables, Semblables, typologie_de_reference,
};

/// The territory this instance serves (one for now).
pub const TERRITOIRE: &str = crate::demo::TERRITOIRE.0;

/// My score on today's grid, with the average wait and my position among similar
/// requests (décret n° 2019-1378).
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
    PourDemandeur { moi, .. }: PourDemandeur,
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
    let score = coter_menage(&grille, &demande, aujourdhui, &territoire);
    let typologie = typologie_de_reference(&demande.menage);
    let taille = usize::from(typologie.pieces());
    let autres: Vec<u32> =
        stockage::demandeurs::ouvertes_de_taille(&etat.base, taille, taille >= 6, moi.id)
            .await?
            .iter()
            .map(|d| coter_menage(&grille, d, aujourdhui, &territoire).total())
            .collect();
    let attentes = stockage::locations::attentes(&etat.base).await?;
    Ok(Json(MonScore {
        jour: aujourdhui,
        grille_version: grille.version,
        semblables: Semblables {
            typologie,
            attente: AttenteMoyenne::de(typologie, &attentes),
            position: PositionParmiSemblables::de(score.total(), &autres),
        },
        score,
    }))
}
