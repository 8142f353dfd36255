use crate::application::Etat;
use crate::probleme::ErreurApi;
use axum::Json;
use axum::extract::State;
use clef_domain::api::Sante;

/// Whether the API and its database answer.
#[utoipa::path(
    get,
    path = "/sante",
    tag = "service",
    responses(
        (status = 200, description = "Le service répond", body = Sante),
        (status = 500, description = "La base de données ne répond pas", body = clef_domain::api::Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn sante(State(etat): State<Etat>) -> Result<Json<Sante>, ErreurApi> {
    crate::stockage::joignable(&etat.base).await?;
    Ok(Json(Sante {
        statut: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}
