//! The territory's settings (first-quartile threshold, social-mix targets, cap on
//! applications), published by its staff: they apply from now on.

use crate::application::Etat;
use crate::compte::AgentTerritoire;
use crate::probleme::ErreurApi;
use crate::stockage;
use crate::stockage::journal;
use axum::Json;
use axum::extract::State;
use clef_domain::api::Probleme;
use clef_domain::territoire::ParametresTerritoire;
use serde_json::json;

/// Publish the territory's settings. They apply from now on: to eligibility checks, the
/// targets shown to commissions and the dashboard, and new applications (a lower cap
/// withdraws nothing).
#[utoipa::path(
    put,
    path = "/territoire/parametres",
    tag = "territoire",
    request_body = ParametresTerritoire,
    responses(
        (status = 200, description = "Paramètres publiés", body = ParametresTerritoire),
        (status = 400, description = "Valeur hors limites (objectifs sous le minimum légal…)", body = Probleme,
         content_type = "application/problem+json"),
        (status = 403, description = "Pas un agent du territoire", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn parametres(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Json(parametres): Json<ParametresTerritoire>,
) -> Result<Json<ParametresTerritoire>, ErreurApi> {
    parametres
        .verifier(etat.horloge.aujourdhui())
        .map_err(ErreurApi::Invalide)?;
    let avant = stockage::territoires::parametres(&etat.base, &agent.slug).await?;
    let mut tx = etat.base.begin().await?;
    stockage::territoires::publier_parametres(&mut tx, agent.territoire_id, &parametres).await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "parametres_publies",
        None,
        &json!({ "avant": avant, "apres": parametres }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(parametres))
}
