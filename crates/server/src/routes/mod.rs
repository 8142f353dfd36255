//! The API, `/api/v1`: one file per resource, named after its path (`/moi/dossier` is
//! `routes/moi/dossier.rs`; `/bailleur/offres/{id}/decisions` and the other outcomes of a
//! letting are `routes/bailleur/decisions.rs`; the public `/territoires/{slug}/…` is
//! `territoires.rs`, the territory staff's `/territoire/…` is `territoire/`). The OpenAPI document is generated from the
//! handlers themselves (utoipa) and served at `/api/v1/openapi.json`.

pub mod bailleur;
pub mod communes;
pub mod comptes;
pub mod conseiller;
pub mod donnees;
mod identifiant;
pub mod images;
pub mod moi;
pub mod mot_de_passe;
mod offre_du_bailleur;
pub mod offres;
pub mod resultats;
pub mod sante;
pub mod territoire;
pub mod territoires;

pub use identifiant::{Id, identifiant};
pub use offre_du_bailleur::OffreDuBailleur;

use crate::application::Etat;
use crate::probleme::ErreurApi;
use axum::Json;
use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::response::Redirect;
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
                .routes(routes!(moi::alertes::lire, moi::alertes::changer))
                .routes(routes!(moi::dossier::lire, moi::dossier::enregistrer))
                .routes(routes!(moi::candidatures::avant))
                .routes(routes!(
                    moi::candidatures::lister,
                    moi::candidatures::deposer
                ))
                .routes(routes!(moi::candidatures::detail))
                .routes(routes!(moi::candidatures::retirer))
                .routes(routes!(moi::score::mon_score))
                .routes(routes!(moi::notifications::lister))
                .routes(routes!(moi::notifications::non_lues))
                .routes(routes!(moi::notifications::marquer_lues))
                .routes(routes!(
                    moi::recherches::lister,
                    moi::recherches::sauvegarder
                ))
                .routes(routes!(moi::recherches::supprimer))
                .routes(routes!(moi::mandats::lister, moi::mandats::donner))
                .routes(routes!(moi::mandats::revoquer))
                .routes(routes!(moi::mandats::journal))
                .routes(routes!(conseiller::commencer, conseiller::terminer))
                .routes(routes!(conseiller::dossiers))
                .routes(routes!(conseiller::demander))
                .routes(routes!(conseiller::confirmer))
                .routes(routes!(territoire::parametres::parametres))
                .routes(routes!(territoire::grilles::apercu))
                .routes(routes!(territoire::grilles::publier))
                .routes(routes!(
                    territoire::leviers::programmes,
                    territoire::leviers::ajouter_programme
                ))
                .routes(routes!(territoire::leviers::retirer_programme))
                .routes(routes!(territoires::sru))
                .routes(routes!(territoire::leviers::enregistrer_sru))
                .routes(routes!(territoire::leviers::qpv))
                .routes(routes!(territoire::leviers::enregistrer_voies))
                .routes(routes!(bailleur::offres::offres))
                .routes(routes!(bailleur::offres::lire, bailleur::offres::classer))
                .routes(routes!(bailleur::offres::commission))
                .routes(routes!(bailleur::offres::presenter))
                .routes(routes!(bailleur::offres::clore))
                .routes(routes!(bailleur::offres::tableau_de_bord))
                .routes(routes!(bailleur::decisions::lire))
                .routes(routes!(bailleur::decisions::decider))
                .routes(routes!(bailleur::decisions::lever))
                .routes(routes!(bailleur::decisions::repondre))
                .routes(routes!(bailleur::decisions::signer))
                .routes(routes!(
                    bailleur::publication::brouillons,
                    bailleur::publication::creer
                ))
                .routes(routes!(
                    bailleur::publication::lire,
                    bailleur::publication::enregistrer,
                    bailleur::publication::supprimer
                ))
                .routes(routes!(bailleur::publication::publier))
                .routes(routes!(
                    bailleur::publication::projet,
                    bailleur::publication::modifier
                ))
                .routes(routes!(bailleur::publication::retirer))
                .routes(routes!(bailleur::publication::copier))
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
        .route(&format!("{PREFIXE}/listings"), get(chemin_anglais))
        .route(&format!("{PREFIXE}/listings/{{id}}"), get(chemin_anglais))
        .route(&format!("{PREFIXE}/health"), get(chemin_anglais))
        .route(
            &format!("{PREFIXE}/{{*reste}}"),
            axum::routing::any(introuvable),
        )
        .method_not_allowed_fallback(methode_non_autorisee)
}

/// The API's first public paths were English (`/listings`, `/health`); it now speaks
/// French everywhere. The old paths answer with a permanent redirect (308: the method and
/// the query are kept), so that links and monitors set up with them keep working.
async fn chemin_anglais(OriginalUri(uri): OriginalUri) -> Redirect {
    let chemin = uri.path_and_query().map_or(uri.path(), |c| c.as_str());
    let francais = chemin
        .replacen(
            &format!("{PREFIXE}/listings"),
            &format!("{PREFIXE}/offres"),
            1,
        )
        .replacen(&format!("{PREFIXE}/health"), &format!("{PREFIXE}/sante"), 1);
    Redirect::permanent(&francais)
}

async fn introuvable() -> ErreurApi {
    ErreurApi::Introuvable
}

async fn methode_non_autorisee() -> ErreurApi {
    ErreurApi::Methode
}
