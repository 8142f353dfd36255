use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::stockage;
use axum::Json;
use axum::extract::State;
use clef_domain::api::Commune;

/// The communes of the territory, with their priority neighbourhoods (QPV).
#[utoipa::path(
    get,
    path = "/communes",
    tag = "territoire",
    responses((status = 200, description = "Communes, par nom", body = [Commune]))
)]
pub async fn lister(State(etat): State<Etat>) -> Result<Json<Vec<Commune>>, ErreurApi> {
    Ok(Json(stockage::communes::lister(&etat.base).await?))
}
