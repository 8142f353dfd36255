//! Whether an applicant's notifications also come by e-mail.

use crate::application::Etat;
use crate::compte::Demandeur;
use crate::probleme::ErreurApi;
use crate::stockage::comptes;
use axum::Json;
use axum::extract::State;
use clef_domain::api::{Alertes, Probleme};

/// My alerts.
#[utoipa::path(
    get,
    path = "/moi/alertes",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mes alertes", body = Alertes),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(State(etat): State<Etat>, moi: Demandeur) -> Result<Json<Alertes>, ErreurApi> {
    Ok(Json(Alertes {
        courriel: comptes::alertes_courriel(&etat.base, moi.id).await?,
    }))
}

/// Turn e-mail alerts on or off.
#[utoipa::path(
    put,
    path = "/moi/alertes",
    tag = "demandeur",
    request_body = Alertes,
    responses(
        (status = 200, description = "Alertes enregistrées", body = Alertes),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn changer(
    State(etat): State<Etat>,
    moi: Demandeur,
    Json(alertes): Json<Alertes>,
) -> Result<Json<Alertes>, ErreurApi> {
    comptes::changer_alertes_courriel(&etat.base, moi.id, alertes.courriel).await?;
    Ok(Json(alertes))
}
