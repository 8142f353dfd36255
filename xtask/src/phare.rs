//! The pages as a phone on slow mobile data sees them: Lighthouse (mobile preset: simulated
//! slow 4G, 4× CPU slowdown) against the release build served by the real server, median of
//! five runs; and what one kept-alive connection waits for a static file and for an answer
//! of the API.

use crate::commande::{cmd, racine};
use crate::outils;
use crate::serveur::{Connexion, Serveur};
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Instant;

/// Runs per page; the median is reported.
const RUNS: usize = 5;
/// Requests per line of the latency table.
const REQUETES: usize = 200;

/// The flags `../shared/ARCHITECTURE.md` gives for Chromium as root on a closed network.
const DRAPEAUX_CHROMIUM: &str = "--headless=new --no-sandbox --disable-gpu \
    --disable-dev-shm-usage --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run";

/// What the "must reach" column of issue 15 asks.
pub const CIBLE_PERFORMANCE: f64 = 90.0;
pub const CIBLE_LCP_MS: f64 = 2000.0;
pub const CIBLE_TBT_MS: f64 = 150.0;

/// One Lighthouse run of one page.
struct Mesure {
    performance: f64,
    accessibilite: f64,
    fcp: f64,
    lcp: f64,
    tbt: f64,
    cls: f64,
    /// API addresses requested more than once during the load.
    doublons: Vec<String>,
}

pub fn lighthouse(serveur: &Serveur, pages: &[(&str, String)]) -> Result<String> {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Lighthouse {} (mobile: simulated slow 4G, 4× CPU slowdown), median of {RUNS} runs, \
         {}, the release build served by `clef-server` with the demo data (over plain HTTP, \
         so Chromium takes gzip where a phone on HTTPS gets brotli).\n",
        outils::LIGHTHOUSE,
        crate::commande::sortie(cmd(outils::CHROMIUM).arg("--version")).unwrap_or_default()
    );
    let _ = writeln!(
        t,
        "| page | performance | LCP | TBT | FCP | CLS | accessibility | API requests made twice |\n\
         |---|---:|---:|---:|---:|---:|---:|---|"
    );
    let mut manques = Vec::new();
    for (nom, chemin) in pages {
        let mut mesures = Vec::new();
        for run in 1..=RUNS {
            eprintln!("    Lighthouse {nom} ({chemin}), run {run}/{RUNS}");
            mesures.push(une_mesure(&serveur.url(chemin))?);
        }
        let median = |f: fn(&Mesure) -> f64| {
            let mut v: Vec<f64> = mesures.iter().map(f).collect();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (perf, lcp, tbt) = (
            median(|m| m.performance),
            median(|m| m.lcp),
            median(|m| m.tbt),
        );
        let mut doublons: Vec<String> = mesures.iter().flat_map(|m| m.doublons.clone()).collect();
        doublons.sort();
        doublons.dedup();
        let _ = writeln!(
            t,
            "| {nom} | {perf:.0} | {:.2} s | {tbt:.0} ms | {:.2} s | {:.3} | {:.0} | {} |",
            lcp / 1000.0,
            median(|m| m.fcp) / 1000.0,
            median(|m| m.cls),
            median(|m| m.accessibilite),
            if doublons.is_empty() {
                "none".to_owned()
            } else {
                doublons.join(", ")
            }
        );
        if perf < CIBLE_PERFORMANCE {
            manques.push(format!(
                "{nom}: performance {perf:.0} < {CIBLE_PERFORMANCE}"
            ));
        }
        if lcp > CIBLE_LCP_MS {
            manques.push(format!("{nom}: LCP {lcp:.0} ms > {CIBLE_LCP_MS} ms"));
        }
        if tbt > CIBLE_TBT_MS {
            manques.push(format!("{nom}: TBT {tbt:.0} ms > {CIBLE_TBT_MS} ms"));
        }
    }
    let _ = writeln!(
        t,
        "\nTargets (issue 15, \"must reach\"): performance ≥ {CIBLE_PERFORMANCE}, LCP ≤ {:.1} s, \
         TBT ≤ {CIBLE_TBT_MS} ms: {}.\n",
        CIBLE_LCP_MS / 1000.0,
        if manques.is_empty() {
            "met".to_owned()
        } else {
            format!("**missed** ({})", manques.join("; "))
        }
    );
    Ok(t)
}

fn une_mesure(url: &str) -> Result<Mesure> {
    let sortie = cmd("lighthouse")
        .arg(url)
        .args([
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility",
            "--form-factor=mobile",
        ])
        .arg(format!("--chrome-flags={DRAPEAUX_CHROMIUM}"))
        .env("CHROME_PATH", outils::CHROMIUM)
        .current_dir(racine())
        .output()
        .context("running lighthouse")?;
    if !sortie.status.success() {
        bail!(
            "lighthouse failed: {}",
            String::from_utf8_lossy(&sortie.stderr)
        );
    }
    let rapport: serde_json::Value =
        serde_json::from_slice(&sortie.stdout).context("Lighthouse's JSON report")?;
    let score = |categorie: &str| {
        rapport["categories"][categorie]["score"]
            .as_f64()
            .map(|s| s * 100.0)
            .with_context(|| format!("no {categorie} score"))
    };
    let valeur = |audit: &str| {
        rapport["audits"][audit]["numericValue"]
            .as_f64()
            .with_context(|| format!("no value for {audit}"))
    };
    let mut vues = BTreeMap::<String, usize>::new();
    for requete in rapport["audits"]["network-requests"]["details"]["items"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        if let Some(adresse) = requete["url"].as_str()
            && adresse.contains("/api/")
        {
            *vues.entry(adresse.to_owned()).or_default() += 1;
        }
    }
    Ok(Mesure {
        performance: score("performance")?,
        accessibilite: score("accessibility")?,
        fcp: valeur("first-contentful-paint")?,
        lcp: valeur("largest-contentful-paint")?,
        tbt: valeur("total-blocking-time")?,
        cls: valeur("cumulative-layout-shift")?,
        doublons: vues
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(adresse, _)| adresse)
            .collect(),
    })
}

/// Time per request on one kept-alive connection: a static file against an API answer.
/// Without `TCP_NODELAY` the static file waited for the client's delayed ACK (~40 ms).
pub fn latences(serveur: &Serveur) -> Result<String> {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "One kept-alive connection, {REQUETES} requests in a row (after 20 to warm up):\n\n\
         | request | p50 | p99 |\n|---|---:|---:|"
    );
    for chemin in ["/favicon.svg", "/api/v1/sante"] {
        let mut connexion = Connexion::ouvrir(&serveur.adresse)?;
        let mut durees = Vec::with_capacity(REQUETES);
        for i in 0..REQUETES + 20 {
            let debut = Instant::now();
            let (statut, _) = connexion.get(chemin)?;
            if statut != 200 {
                bail!("{chemin} answered {statut}");
            }
            if i >= 20 {
                durees.push(debut.elapsed().as_secs_f64() * 1000.0);
            }
        }
        durees.sort_by(f64::total_cmp);
        let centile = |p: f64| durees[((durees.len() - 1) as f64 * p).round() as usize];
        let _ = writeln!(
            t,
            "| `GET {chemin}` | {:.2} ms | {:.2} ms |",
            centile(0.5),
            centile(0.99)
        );
    }
    Ok(t)
}

/// The first listing the search shows, for the listing page's measure.
pub fn premiere_offre(serveur: &Serveur) -> Result<String> {
    let (statut, corps) = Connexion::ouvrir(&serveur.adresse)?.get("/api/v1/offres")?;
    if statut != 200 {
        bail!("/api/v1/offres answered {statut}");
    }
    let page: serde_json::Value = serde_json::from_slice(&corps)?;
    let id = page["offres"][0]["id"]
        .as_i64()
        .context("no listing in the demo data")?;
    Ok(format!("/logements/{id}"))
}
