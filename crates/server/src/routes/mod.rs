//! The API, `/api/v1`: one file per resource. The OpenAPI document is generated from the
//! handlers themselves (utoipa) and served at `/api/v1/openapi.json`.

pub mod alertes;
pub mod bailleur;
pub mod candidatures;
pub mod communes;
pub mod comptes;
pub mod conseiller;
pub mod donnees;
pub mod dossier;
mod identifiant;
pub mod images;
pub mod issues;
pub mod leviers;
pub mod mandats;
pub mod mot_de_passe;
pub mod notifications;
mod offre_du_bailleur;
pub mod offres;
pub mod publication;
pub mod recherches;
pub mod resultats;
pub mod sante;
pub mod score;
pub mod territoire;
pub mod territoires;

pub use identifiant::{Id, identifiant};
pub use offre_du_bailleur::OffreDuBailleur;

use crate::application::Etat;
use crate::probleme::ErreurApi;
use axum::Json;
use axum::Router;
use axum::extract::DefaultBodyLimit;
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
        (name = "comptes", description = "Inscription, connexion (cookie de session + en-tête X-CSRF-Token)"),
        (name = "demandeur", description = "L'espace du demandeur : dossier, candidatures, notifications"),
        (name = "conseiller", description = "Le guichet du conseiller France Services : mandats, dossiers ouverts pour un demandeur"),
        (name = "bailleur", description = "Les offres de mon organisme, leur classement (personnel des bailleurs)"),
        (name = "resultats", description = "Comment les logements ont été attribués (anonymisé)"),
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
                .routes(routes!(territoires::grille))
                .routes(routes!(territoires::parametres))
                .routes(routes!(territoires::mixite))
                .routes(routes!(donnees::resultats_csv))
                .routes(routes!(resultats::lister))
                .routes(routes!(resultats::detail))
                .routes(routes!(comptes::inscrire))
                .routes(routes!(
                    comptes::connecter,
                    comptes::courante,
                    comptes::deconnecter
                ))
                .routes(routes!(mot_de_passe::oubli))
                .routes(routes!(mot_de_passe::nouveau))
                .routes(routes!(alertes::lire, alertes::changer))
                .routes(routes!(dossier::lire, dossier::enregistrer))
                .routes(routes!(candidatures::avant))
                .routes(routes!(candidatures::lister, candidatures::deposer))
                .routes(routes!(candidatures::detail))
                .routes(routes!(candidatures::retirer))
                .routes(routes!(score::mon_score))
                .routes(routes!(notifications::lister))
                .routes(routes!(notifications::non_lues))
                .routes(routes!(notifications::marquer_lues))
                .routes(routes!(recherches::lister, recherches::sauvegarder))
                .routes(routes!(recherches::supprimer))
                .routes(routes!(mandats::lister, mandats::donner))
                .routes(routes!(mandats::revoquer))
                .routes(routes!(mandats::journal))
                .routes(routes!(conseiller::commencer, conseiller::terminer))
                .routes(routes!(conseiller::dossiers))
                .routes(routes!(conseiller::demander))
                .routes(routes!(conseiller::confirmer))
                .routes(routes!(territoire::parametres))
                .routes(routes!(territoire::apercu))
                .routes(routes!(territoire::publier))
                .routes(routes!(leviers::programmes, leviers::ajouter_programme))
                .routes(routes!(leviers::retirer_programme))
                .routes(routes!(leviers::sru))
                .routes(routes!(leviers::enregistrer_sru))
                .routes(routes!(leviers::qpv))
                .routes(routes!(leviers::enregistrer_voies))
                .routes(routes!(bailleur::offres))
                .routes(routes!(bailleur::lire, bailleur::classer))
                .routes(routes!(bailleur::commission))
                .routes(routes!(bailleur::presenter))
                .routes(routes!(bailleur::clore))
                .routes(routes!(bailleur::tableau_de_bord))
                .routes(routes!(issues::lire))
                .routes(routes!(issues::decider))
                .routes(routes!(issues::lever))
                .routes(routes!(issues::repondre))
                .routes(routes!(issues::signer))
                .routes(routes!(publication::brouillons, publication::creer))
                .routes(routes!(
                    publication::lire,
                    publication::enregistrer,
                    publication::supprimer
                ))
                .routes(routes!(publication::publier))
                .routes(routes!(publication::projet, publication::modifier))
                .routes(routes!(publication::retirer))
                .routes(routes!(publication::copier))
                .merge(
                    // Photos are larger than any JSON body: their own limit, on their route only.
                    OpenApiRouter::new()
                        .routes(routes!(images::televerser))
                        .layer(DefaultBodyLimit::max(crate::images::TAILLE_MAX + 64 * 1024)),
                )
                .routes(routes!(images::lire)),
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
