//! The API, `/api/v1`: one file per resource. The OpenAPI document is generated from the
//! handlers themselves (utoipa) and served at `/api/v1/openapi.json`.

pub mod communes;
pub mod offres;
pub mod sante;
pub mod territoires;

use crate::application::Etat;
use crate::probleme::ErreurApi;
use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub const PREFIXE: &str = "/api/v1";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "API Clef",
        description = "Location choisie de logements sociaux : offres, communes, plafonds. \
                       Les erreurs suivent la RFC 9457 (application/problem+json).",
        license(name = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "offres", description = "Logements proposés à la location choisie"),
        (name = "territoire", description = "Communes et quartiers prioritaires"),
        (name = "service", description = "État du service"),
    )
)]
struct DocumentApi;

/// The API router, mounted under [`PREFIXE`].
pub fn api() -> Router<Etat> {
    let (routeur, document) = OpenApiRouter::with_openapi(DocumentApi::openapi())
        .nest(
            PREFIXE,
            OpenApiRouter::new()
                .routes(routes!(sante::sante))
                .routes(routes!(offres::lister))
                .routes(routes!(offres::detail))
                .routes(routes!(communes::lister))
                .routes(routes!(territoires::grille)),
        )
        .split_for_parts();
    let document = Json(document);
    routeur
        .route(
            &format!("{PREFIXE}/openapi.json"),
            get(move || async move { document }),
        )
        .route(
            &format!("{PREFIXE}/{{*reste}}"),
            axum::routing::any(introuvable),
        )
        .method_not_allowed_fallback(methode_non_autorisee)
}

async fn introuvable() -> ErreurApi {
    ErreurApi::Introuvable
}

async fn methode_non_autorisee() -> ErreurApi {
    ErreurApi::Methode
}
