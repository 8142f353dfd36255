//! The headers that tell the browser what a page may do.
//!
//! A page of the app may run its own code only: the scripts it loads from Clef, the wasm
//! (`'wasm-unsafe-eval'`, never `'unsafe-eval'`) and the one inline loader Trunk writes
//! into `index.html`, allowed by its SHA-256 (computed from the page as served, so a new
//! build needs no setting). Everything else (other sites' scripts, frames, plugins, forms
//! sent elsewhere) is refused. API answers and files allow nothing at all.

use axum::http::HeaderValue;
use base64::Engine;
use sha2::{Digest, Sha256};

/// For everything that is not a page: nothing may run, nothing may frame it.
pub const POLITIQUE_HORS_PAGE: &str = "default-src 'none'; frame-ancestors 'none'";

/// No camera, microphone, location or payment, for this page or anything it embeds.
pub const PERMISSIONS: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/// HTTPS only for a year, once a browser has seen Clef over HTTPS.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The policy of a page of the app, `html` being the page as served.
pub fn politique_de_page(html: &str) -> HeaderValue {
    let empreintes: String = scripts_en_ligne(html)
        .map(|script| {
            let empreinte = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(empreinte)
            )
        })
        .collect();
    let politique = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{empreintes}; \
         style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; \
         font-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    // Only base64, quotes and ASCII words: always a valid header value.
    HeaderValue::from_str(&politique)
        .unwrap_or_else(|_| HeaderValue::from_static(POLITIQUE_HORS_PAGE))
}

/// The text of each `<script>` without `src`, as the browser hashes it.
fn scripts_en_ligne(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|morceau| {
        let (attributs, reste) = morceau.split_once('>')?;
        if attributs.contains("src=") {
            return None;
        }
        reste.split_once("</script>").map(|(texte, _)| texte)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_is_allowed_by_its_hash_and_nothing_else_inline() {
        let html = "<head><script type=\"module\">\nlancer('/a.js');\n</script>\
                    <script src=\"/b.js\"></script></head>";
        let politique = politique_de_page(html);
        let politique = politique.to_str().unwrap();
        let attendu = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"\nlancer('/a.js');\n"));
        assert!(
            politique.contains(&format!("'sha256-{attendu}'")),
            "{politique}"
        );
        assert_eq!(politique.matches("'sha256-").count(), 1);
        assert!(politique.contains("'wasm-unsafe-eval'"));
        assert!(!politique.contains("'unsafe-eval'"));
        assert!(!politique.contains("'unsafe-inline'"));
    }
}
