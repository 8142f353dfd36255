//! Assembles the whole HTTP application: the API, the app's static files, and the layers
//! every response goes through.

use crate::courriel::Poste;
use crate::csp;
use crate::horloge::Horloge;
use crate::premier_rendu;
use crate::probleme;
use crate::routes;
use crate::statique;
use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;
use clef_domain::api::Probleme;
use sqlx::AnyPool;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// The longest an API request may take, body included (an 8 MB photo over a slow mobile
/// connection fits); past it the answer is 408 and the connection is freed, so that a
/// client trickling a body byte by byte cannot hold connections.
pub const DUREE_MAX_REQUETE: Duration = Duration::from_secs(120);

/// What every handler can reach.
#[derive(Clone)]
pub struct Etat {
    pub base: AnyPool,
    pub horloge: Arc<dyn Horloge>,
    /// How Clef is reached (https or not, trusted proxies).
    pub reseau: crate::reseau::Reseau,
    /// E-mails: password resets and alerts.
    pub poste: Poste,
    /// Where passwords are hashed, a few at a time.
    pub hachages: crate::atelier::Atelier,
    /// Where uploaded photos are decoded, one at a time.
    pub photos: crate::atelier::Atelier,
    /// The key of the secrets stored encrypted (the advisors' TOTP secrets).
    pub coffre: crate::compte::coffre::Coffre,
    /// Answers computed from many rows, kept until what they read changes.
    pub memoires: Arc<crate::memoire::Memoires>,
}

/// The application: `/api/v1/...` and, when `dist` is given, the app with SPA fallback.
pub fn application(etat: Etat, dist: Option<PathBuf>) -> Router {
    let api = routes::api()
        .layer(axum::middleware::from_fn(cache_prive))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            DUREE_MAX_REQUETE,
        ))
        .layer(axum::middleware::map_response(en_probleme))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .with_state(etat.clone());
    let https = etat.reseau.https;
    let routeur = match dist {
        Some(dist) => {
            let pages = Router::new()
                .route("/", axum::routing::get(premier_rendu::accueil))
                .route(
                    "/logements/{id}",
                    axum::routing::get(premier_rendu::logement),
                )
                .layer(axum::Extension(premier_rendu::Dist(Arc::new(dist.clone()))))
                .layer(CompressionLayer::new().br(true).gzip(true))
                .with_state(etat);
            api.merge(pages).fallback_service(statique::service(dist))
        }
        None => api,
    };
    routeur
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("panique dans un gestionnaire de requête");
            probleme::reponse(probleme::interne())
        }))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp::POLITIQUE_HORS_PAGE),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(csp::PERMISSIONS),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            https.then(|| HeaderValue::from_static(csp::HSTS)),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(span_de_requete))
}

/// The API answers anyone may keep: listings, communes, the territories' published
/// figures, results, open data, photos, the API's description. Every other answer is about
/// someone (their file, their session, a landlord's candidates): `Cache-Control: no-store`,
/// so that nothing of it stays in a shared computer's cache.
const API_PUBLIQUE: &[&str] = &[
    "/api/v1/sante",
    "/api/v1/offres",
    "/api/v1/communes",
    "/api/v1/territoires",
    "/api/v1/donnees",
    "/api/v1/resultats",
    "/api/v1/images",
    "/api/v1/openapi.json",
];

fn est_publique(chemin: &str) -> bool {
    API_PUBLIQUE.iter().any(|racine| {
        chemin
            .strip_prefix(racine)
            .is_some_and(|reste| reste.is_empty() || reste.starts_with('/'))
    })
}

async fn cache_prive(requete: axum::extract::Request, suite: axum::middleware::Next) -> Response {
    let publique = est_publique(requete.uri().path());
    let mut reponse = suite.run(requete).await;
    if !publique {
        reponse
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    reponse
}

/// One span per request, named by its route (`/api/v1/moi/candidatures/{id}`), never by
/// its raw address or query: the ids involved are recorded by the extractors (`id`,
/// `compte_id`), and nothing personal is.
fn span_de_requete(requete: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = requete
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("(statique)", axum::extract::MatchedPath::as_str);
    tracing::info_span!(
        "requete",
        methode = %requete.method(),
        route,
        id = tracing::field::Empty,
        compte_id = tracing::field::Empty,
    )
}

/// A safety net: an error the framework answered itself (a rejected extractor, say) still
/// reaches the client as problem+json.
async fn en_probleme(reponse: Response) -> Response {
    let status = reponse.status();
    let deja_probleme = reponse
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || deja_probleme {
        return reponse;
    }
    probleme::reponse(Probleme {
        type_: if status.is_client_error() {
            probleme::TYPE_REQUETE_INVALIDE
        } else {
            probleme::TYPE_INTERNE
        }
        .into(),
        title: titre_francais(status).into(),
        status: status.as_u16(),
        detail: None,
        errors: vec![],
    })
}

/// French titles for the statuses the framework may answer by itself.
fn titre_francais(status: axum::http::StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "La requête est invalide.",
        404 => "Ressource introuvable.",
        405 => "Méthode non autorisée.",
        413 => "La requête est trop volumineuse.",
        408 => "La requête a mis trop longtemps à arriver.",
        415 => "Type de contenu non pris en charge.",
        422 => "Le contenu de la requête est invalide.",
        s if s < 500 => "La requête ne peut pas être traitée.",
        _ => "Une erreur interne est survenue.",
    }
}

/// Serves `app` on `ecoute` until `arret` completes. Every accepted socket gets
/// `TCP_NODELAY`: axum writes a response's head and body in two writes, and without it
/// Nagle's algorithm holds the second until the client's delayed ACK (about 40 ms for every
/// static file on a kept-alive connection; `cargo xtask bench` measures it).
pub async fn servir(
    ecoute: tokio::net::TcpListener,
    app: Router,
    arret: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let ecoute = ecoute.tap_io(|flux| {
        if let Err(erreur) = flux.set_nodelay(true) {
            tracing::debug!(%erreur, "TCP_NODELAY refusé");
        }
    });
    // The client address feeds the log-in rate limit.
    axum::serve(
        ecoute,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(arret)
    .await
}
