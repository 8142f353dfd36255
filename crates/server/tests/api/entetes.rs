//! What every answer tells the browser: the page's Content-Security-Policy (its own code
//! only), no caching of anything personal, HSTS over HTTPS.

use crate::aide::TestApp;
use base64::Engine;
use clef_server::reseau::Reseau;
use sha2::{Digest, Sha256};

const CHARGEUR: &str = "\nlancer('/clef-0123456789abcdef.js', '/clef-0123456789abcdef_bg.wasm');\n";

fn index() -> String {
    format!(
        "<!doctype html><html lang=\"fr\"><head><title>Clef</title>\
         <script type=\"module\">{CHARGEUR}</script></head><body>\
         <div id=\"chargement-initial\"><p>Chargement…</p></div></body></html>"
    )
}

async fn app_avec_dist() -> (TestApp, tempfile::TempDir) {
    let dossier = tempfile::tempdir().unwrap();
    std::fs::create_dir(dossier.path().join("bailleur")).unwrap();
    std::fs::write(dossier.path().join("index.html"), index()).unwrap();
    std::fs::write(dossier.path().join("bailleur/index.html"), index()).unwrap();
    (
        TestApp::construire(true, Some(dossier.path().to_owned())).await,
        dossier,
    )
}

#[tokio::test]
async fn every_page_allows_its_own_loader_and_wasm_and_nothing_inline_or_foreign() {
    let (app, _d) = app_avec_dist().await;
    let empreinte =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(CHARGEUR.as_bytes()));
    // The first render, a listing, another page of the app, the landlord's app.
    for url in [
        "/",
        "/logements/1",
        "/mes-candidatures",
        "/bailleur",
        "/bailleur/",
    ] {
        let r = app.get(url).await;
        assert!(r.status.is_success(), "{url}: {}", r.status);
        let csp = r.entetes["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains(&format!("'sha256-{empreinte}'")),
            "{url}: {csp}"
        );
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{url}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
        assert_eq!(
            r.entetes["cross-origin-opener-policy"], "same-origin",
            "{url}"
        );
        assert!(r.entetes.contains_key("permissions-policy"), "{url}");
        assert!(
            !r.entetes.contains_key("strict-transport-security"),
            "{url}"
        );
    }
    // An API answer may run nothing at all.
    let r = app.get("/api/v1/offres").await;
    assert_eq!(
        r.entetes["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'"
    );
}

#[tokio::test]
async fn nothing_personal_is_kept_in_a_browsers_cache() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire(1).await;
    for url in [
        "/api/v1/session",
        "/api/v1/moi/dossier",
        "/api/v1/moi/candidatures",
        "/api/v1/moi/notifications",
        "/api/v1/moi/mandats",
    ] {
        let r = demandeur.get(url).await;
        assert_eq!(r.entetes["cache-control"], "no-store", "{url}");
    }
    // Refusals too: a 401 or 403 on a personal address is not kept either.
    let r = app.get("/api/v1/moi/dossier").await;
    assert_eq!(r.entetes["cache-control"], "no-store");
    // The public listings may be kept.
    for url in ["/api/v1/offres", "/api/v1/communes", "/api/v1/resultats"] {
        let r = app.get(url).await;
        assert_ne!(
            r.entetes.get("cache-control").map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{url}"
        );
    }
}

#[tokio::test]
async fn over_https_browsers_are_told_to_stay_on_https() {
    let mut app = TestApp::demo().await;
    app.etat.reseau = Reseau {
        https: true,
        ..Reseau::default()
    };
    app.app = clef_server::application(app.etat.clone(), None);
    let r = app.get("/api/v1/offres").await;
    assert_eq!(
        r.entetes["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}
