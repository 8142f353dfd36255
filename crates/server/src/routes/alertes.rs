//! Whether an applicant's notifications also come by e-mail.

use crate::application::Etat;
use crate::compte::Demandeur;
use crate::probleme::ErreurApi;
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
    let courriel: bool = sqlx::query_scalar(
        "SELECT c.alertes_courriel FROM comptes c JOIN demandeurs d ON d.compte_id = c.id WHERE d.id = ?",
    )
    .bind(moi.id)
    .fetch_one(&etat.base)
    .await?;
    Ok(Json(Alertes { courriel }))
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
    sqlx::query(
        "UPDATE comptes SET alertes_courriel = ? WHERE id = (SELECT compte_id FROM demandeurs WHERE id = ?)",
    )
    .bind(alertes.courriel)
    .bind(moi.id)
    .execute(&etat.base)
    .await?;
    Ok(Json(alertes))
}
