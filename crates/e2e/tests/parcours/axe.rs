//! axe-core on every page of Clef, as each of its users reaches it (issue 12, "done when"):
//! no violation of the WCAG 2.1 A and AA rules, the logged-in pages included. The pinned
//! axe-core is installed by `cargo xtask test` (npm) and found through `AXE_CORE`.

use crate::banc::Banc;
use crate::visite;

fn script_axe() -> String {
    let chemin = std::env::var_os("AXE_CORE").map_or_else(
        || {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../.tools/npm/node_modules/axe-core/axe.min.js")
        },
        std::path::PathBuf::from,
    );
    std::fs::read_to_string(&chemin).unwrap_or_else(|e| {
        panic!(
            "axe-core introuvable ({}) : lancez `cargo xtask test`, qui l'installe : {e}",
            chemin.display()
        )
    })
}

/// What axe-core finds on the page shown: one line per rule broken, with where.
async fn analyser(banc: &Banc, axe: &str) -> Vec<String> {
    banc.navigateur
        .execute(&format!("{axe}\n;return typeof window.axe"), vec![])
        .await
        .expect("axe-core chargé");
    let resultat = banc
        .navigateur
        .execute_async(
            "const fini = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => fini(r.violations.map(v => v.id + ' (' + v.impact + ') : ' + v.help
                   + ' : ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
               .catch(e => fini(['axe-core a échoué : ' + e]));",
            vec![],
        )
        .await
        .expect("axe.run");
    serde_json::from_value(resultat).expect("violations")
}

#[tokio::test]
async fn no_page_breaks_a_wcag_rule_that_axe_core_checks() {
    let banc = Banc::demarrer_a(360, 740).await;
    let axe = script_axe();
    let mut constats = Vec::new();
    let mut vues = 0;
    for (qui, chemins) in visite::pages(&banc).await {
        visite::connecter(&banc, qui).await;
        for chemin in chemins {
            visite::ouvrir(&banc, &chemin).await;
            vues += 1;
            for v in analyser(&banc, &axe).await {
                constats.push(format!("{chemin} ({qui:?}) : {v}"));
            }
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
