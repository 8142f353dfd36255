//! The Content-Security-Policy (issue 16): every page of Clef, as each of its users
//! reaches it, runs under the policy the server sends without the browser blocking
//! anything (a blocked script, style or image would be a page that half works).

use crate::banc::Banc;
use crate::visite;

/// Set before any script of each new page: the violations the browser reports.
const ECOUTE: &str = "window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__violations.push(e.violatedDirective + ' : ' + (e.blockedURI || 'inline')
        + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')'));";

#[tokio::test]
async fn every_page_runs_under_its_content_security_policy_without_a_violation() {
    let banc = Banc::demarrer_a(360, 740).await;
    banc.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": ECOUTE }),
    )
    .await;
    // The listening works: an inline script added by hand is refused and reported.
    visite::ouvrir(&banc, "/").await;
    let sonde = banc
        .js(
            "const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
             document.body.appendChild(s);
             await new Promise(r => setTimeout(r, 50));
             return [window.__ran === undefined, window.__violations.length];",
        )
        .await;
    assert_eq!(sonde, serde_json::json!([true, 1]), "la sonde");
    let mut constats = Vec::new();
    let mut vues = 0;
    for (qui, chemins) in visite::pages(&banc).await {
        visite::connecter(&banc, qui).await;
        for chemin in chemins {
            visite::ouvrir(&banc, &chemin).await;
            vues += 1;
            let politique = banc.js("return window.__violations").await;
            let violations: Vec<String> = serde_json::from_value(politique)
                .unwrap_or_else(|e| panic!("{chemin} : l'écoute n'est pas en place ({e})"));
            constats.extend(
                violations
                    .into_iter()
                    .map(|v| format!("{chemin} ({qui:?}) : {v}")),
            );
        }
    }
    assert!(vues > 25, "toutes les pages visitées ({vues})");
    assert!(
        constats.is_empty(),
        "{} violation(s) :\n{}",
        constats.len(),
        constats.join("\n")
    );
}
