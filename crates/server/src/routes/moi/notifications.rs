//! In-app notifications: the list and the unread count, read-only; marking them read.
//! Events are written when they happen, or found by the periodic round (`rattrapage`).

use crate::application::Etat;
use crate::compte::Demandeur;
use crate::probleme::ErreurApi;
use crate::stockage::notifications;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::api::{Notifications, NotificationsNonLues, Probleme};

/// At most this many notifications are returned, newest first.
pub const MAX: i64 = 100;

/// My notifications, newest first, and how many are unread.
#[utoipa::path(
    get,
    path = "/moi/notifications",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mes notifications", body = Notifications),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lister(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<Json<Notifications>, ErreurApi> {
    Ok(Json(Notifications {
        notifications: notifications::lister(&etat.base, moi.id, MAX).await?,
        non_lues: notifications::non_lues(&etat.base, moi.id).await?,
    }))
}

/// How many of my notifications are unread (what the header shows).
#[utoipa::path(
    get,
    path = "/moi/notifications/non-lues",
    tag = "demandeur",
    responses(
        (status = 200, description = "Nombre de notifications non lues", body = NotificationsNonLues),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn non_lues(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<Json<NotificationsNonLues>, ErreurApi> {
    Ok(Json(NotificationsNonLues {
        non_lues: notifications::non_lues(&etat.base, moi.id).await?,
    }))
}

/// Mark all my notifications read.
#[utoipa::path(
    post,
    path = "/moi/notifications/lues",
    tag = "demandeur",
    responses(
        (status = 204, description = "Toutes lues"),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn marquer_lues(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<StatusCode, ErreurApi> {
    notifications::marquer_lues(&etat.base, moi.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
