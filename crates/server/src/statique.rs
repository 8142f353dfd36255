//! Serves the built app (`dist/`): precompressed files (brotli, gzip) written at build time,
//! long caching for content-hashed assets, and the SPA fallback to `index.html` so that
//! every app URL can be opened directly.

use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower::util::BoxCloneSyncService;
use tower_http::services::{ServeDir, ServeFile};

type Service = BoxCloneSyncService<Request<Body>, Response, Infallible>;

/// Where the landlord app is built, inside `dist` (its own wasm: see the app's `Espace`).
pub const DOSSIER_BAILLEUR: &str = "bailleur";

pub fn service(dist: PathBuf) -> Service {
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let index_bailleur = ServeFile::new(dist.join(DOSSIER_BAILLEUR).join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let fichiers = ServeDir::new(&dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true);
    let index_html = dist.join("index.html");
    let bailleur_html = dist.join(DOSSIER_BAILLEUR).join("index.html");
    let service = tower::service_fn(move |requete: Request<Body>| {
        let (index_html, bailleur_html, dist) =
            (index_html.clone(), bailleur_html.clone(), dist.clone());
        let index = index.clone();
        let index_bailleur = index_bailleur.clone();
        let fichiers = fichiers.clone();
        async move {
            let chemin = requete.uri().path().to_owned();
            // The landlord app's pages: its own page, never the folder's listing or redirect.
            if est_une_page(&chemin) && clef_domain::api::page_professionnelle(&chemin) {
                let Ok(page) = index_bailleur.oneshot(Request::new(Body::empty())).await;
                let page = avec_politique(page.into_response(), &bailleur_html).await;
                return Ok(mettre_en_cache(page, &chemin));
            }
            let reponse = fichiers
                .oneshot(requete)
                .await
                .map(IntoResponse::into_response);
            let Ok(reponse) = reponse;
            let reponse = if reponse.status() == StatusCode::NOT_FOUND && est_une_page(&chemin) {
                let Ok(page) = index.oneshot(Request::new(Body::empty())).await;
                avec_politique(page.into_response(), &index_html).await
            } else if reponse.status().is_success()
                && chemin.ends_with('/')
                && !chemin.split('/').any(|segment| segment == "..")
            {
                // A folder's index.html (`/bailleur/`).
                avec_politique(reponse, &dist_de_la_page(&dist, &chemin)).await
            } else {
                reponse
            };
            Ok(mettre_en_cache(reponse, &chemin))
        }
    });
    BoxCloneSyncService::new(service)
}

/// A page gets the Content-Security-Policy of the HTML it is (read from `fichier`: the
/// response itself may be compressed).
async fn avec_politique(mut reponse: Response, fichier: &Path) -> Response {
    if !reponse.status().is_success() {
        return reponse;
    }
    let html = tokio::fs::read_to_string(fichier).await.unwrap_or_default();
    reponse.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        crate::csp::politique_de_page(&html),
    );
    reponse
}

/// The index.html a folder URL (`/bailleur/`) is served from.
fn dist_de_la_page(dist: &Path, chemin: &str) -> PathBuf {
    dist.join(chemin.trim_matches('/')).join("index.html")
}

/// App URLs (`/logements/12`) fall back to the app; a missing file (`/x.png`) is a 404.
fn est_une_page(chemin: &str) -> bool {
    let dernier = chemin.rsplit('/').next().unwrap_or_default();
    !dernier.contains('.')
}

/// Trunk names the wasm, JS and CSS after their content hash: they never change, so a
/// phone downloads them once. Everything else is revalidated.
fn mettre_en_cache(mut reponse: Response, chemin: &str) -> Response {
    if !reponse.status().is_success() {
        return reponse;
    }
    let valeur = if est_empreinte(chemin) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    reponse
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(valeur));
    reponse
}

/// `clef-1a2b3c4d5e6f7a8b_bg.wasm`: a wasm, JS or CSS file named after its hash (Trunk
/// writes the 64-bit hash in hex without leading zeros, hence up to 16 digits).
fn est_empreinte(chemin: &str) -> bool {
    let chemin = Path::new(chemin);
    let genre = chemin.extension().and_then(|e| e.to_str());
    let nom = chemin
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let nom = nom.strip_suffix("_bg").unwrap_or(nom);
    matches!(genre, Some("wasm" | "js" | "css"))
        && nom.rsplit_once('-').is_some_and(|(_, empreinte)| {
            (8..=16).contains(&empreinte.len()) && empreinte.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_app_urls_fall_back_to_the_app() {
        assert!(est_une_page("/"));
        assert!(est_une_page("/logements/12"));
        assert!(!est_une_page("/demo/photos/absente.svg"));
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(est_empreinte("/clef-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(est_empreinte("/main-0123456789abcdef.css"));
        assert!(
            est_empreinte("/clef-123456789abcdef.js"),
            "15 digits: a hash with a leading zero"
        );
        assert!(!est_empreinte("/demo/photos/photo-cafebabe.svg"));
        assert!(!est_empreinte("/index.html"));
        assert!(!est_empreinte("/demo/photos/facade-brique.svg"));
    }
}
