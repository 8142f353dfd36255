//! How lettings ended: public, anonymised. No name, no request: counts, the rank and score
//! of the household that got the home, the grid version, why higher-ranked candidates were
//! passed over, why fewer than three were examined if so, and each examined candidate's
//! decision in the categories of R.441-3.

use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage;
use axum::Json;
use axum::extract::State;
use clef_domain::api::{Probleme, Resultat};

/// At most this many results are listed, the most recent first.
const MAX: i64 = 100;

/// Decided lettings, the most recent first (at most 100).
#[utoipa::path(
    get,
    path = "/resultats",
    tag = "resultats",
    responses((status = 200, description = "Résultats publiés", body = Vec<Resultat>))
)]
pub async fn lister(State(etat): State<Etat>) -> Result<Json<Vec<Resultat>>, ErreurApi> {
    Ok(Json(stockage::resultats::derniers(&etat.base, MAX).await?))
}

/// How one letting ended.
#[utoipa::path(
    get,
    path = "/resultats/{id}",
    tag = "resultats",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Le résultat", body = Resultat),
        (status = 404, description = "Pas de résultat publié pour cette offre", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn detail(State(etat): State<Etat>, Id(id): Id) -> Result<Json<Resultat>, ErreurApi> {
    stockage::resultats::de_l_offre(&etat.base, id)
        .await?
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}
