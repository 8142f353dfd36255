//! `cargo xtask bench`: what a phone downloads to show the search page, raw, gzip and
//! brotli, written into BENCHMARKS.md between markers (the rest of the file is prose).

use crate::app::{self, brotli, gzip};
use crate::commande::{Etapes, cmd, lancer, racine, sortie};
use crate::outils;
use crate::phare;
use crate::serveur::Serveur;
use anyhow::{Context, Result, bail};
use std::fmt::Write;

/// The first page's budget, brotli, all files together.
const BUDGET_BROTLI: usize = 120 * 1024;
const DEBUT: &str = "<!-- tailles:debut (written by `cargo xtask bench`) -->";
const FIN: &str = "<!-- tailles:fin -->";
const DEBUT_PAGES: &str = "<!-- pages:debut (written by `cargo xtask bench`) -->";
const FIN_PAGES: &str = "<!-- pages:fin -->";
const DEBUT_REGLES: &str = "<!-- regles:debut (written by `cargo xtask bench`) -->";
const FIN_REGLES: &str = "<!-- regles:fin -->";
/// Ranking 10,000 candidates must take less than this (milliseconds).
const CIBLE_CLASSEMENT_MS: f64 = 10.0;

struct Fichier {
    nom: String,
    brut: usize,
    gzip: usize,
    brotli: usize,
}

pub fn bench() -> Result<()> {
    let mut etapes = Etapes::new(6);
    etapes.annoncer("Tools");
    outils::pour_mesurer()?;
    etapes.annoncer("The app, release build");
    app::construire()?;
    etapes.annoncer("Sizes of the first page");
    let fichiers = premiere_page()?;
    let section = tableau(&fichiers);
    eprintln!("{section}");
    ecrire(DEBUT, FIN, &section)?;
    etapes.annoncer("The server, release build");
    Serveur::construire()?;
    etapes.annoncer("The pages on a phone (Lighthouse) and the server's latency");
    let section = pages()?;
    eprintln!("{section}");
    ecrire(DEBUT_PAGES, FIN_PAGES, &section)?;
    etapes.annoncer("The rules: ranking 10,000 candidates, one what-if (criterion)");
    lancer(cmd("cargo").args([
        "bench",
        "--locked",
        "-p",
        "clef-domain",
        "--bench",
        "classement",
    ]))?;
    let section = regles()?;
    eprintln!("{section}");
    ecrire(DEBUT_REGLES, FIN_REGLES, &section)?;
    etapes.fin();
    Ok(())
}

/// Lighthouse on the search page and a listing, and the latency of one connection.
fn pages() -> Result<String> {
    let serveur = Serveur::demarrer()?;
    let offre = phare::premiere_offre(&serveur)?;
    let pages = [("search `/`", "/".to_owned()), ("a listing", offre)];
    let mut t = format!(
        "{DEBUT_PAGES}\n\nMeasured on {} by `cargo xtask bench`.\n\n",
        machine()
    );
    t.push_str(&phare::lighthouse(&serveur, &pages)?);
    t.push_str(&phare::latences(&serveur)?);
    t.push('\n');
    t.push_str(FIN_PAGES);
    Ok(t)
}

/// Criterion's estimate of one benchmark: (mean, lower, upper) in nanoseconds.
fn estimation(nom: &str) -> Result<(f64, f64, f64)> {
    let chemin = racine()
        .join("target/criterion")
        .join(nom)
        .join("new/estimates.json");
    let texte = std::fs::read_to_string(&chemin)
        .with_context(|| format!("reading {}", chemin.display()))?;
    let json: serde_json::Value = serde_json::from_str(&texte)?;
    let moyenne = &json["mean"];
    let valeur = |v: &serde_json::Value| v.as_f64().with_context(|| format!("{nom}: no estimate"));
    Ok((
        valeur(&moyenne["point_estimate"])?,
        valeur(&moyenne["confidence_interval"]["lower_bound"])?,
        valeur(&moyenne["confidence_interval"]["upper_bound"])?,
    ))
}

fn regles() -> Result<String> {
    let (classer, bas, haut) = estimation("classer_10000")?;
    let (simuler, _, _) = estimation("simuler_dans_10000")?;
    let ms = classer / 1e6;
    let mut t = String::new();
    let _ = writeln!(t, "{DEBUT_REGLES}\n");
    let _ = writeln!(
        t,
        "Measured on {} by `cargo xtask bench` (criterion, mean and 95 % interval).\n",
        machine()
    );
    let _ = writeln!(t, "| benchmark | time |\n|---|---:|");
    let _ = writeln!(
        t,
        "| rank 10,000 candidates of one listing (eligibility, score, order) | {ms:.2} ms ({:.2} to {:.2}) |",
        bas / 1e6,
        haut / 1e6
    );
    let _ = writeln!(
        t,
        "| one what-if against those 10,000 | {:.2} µs |\n",
        simuler / 1e3
    );
    let _ = writeln!(
        t,
        "Target: ranking under {CIBLE_CLASSEMENT_MS} ms: {}.\n",
        if ms < CIBLE_CLASSEMENT_MS {
            "met"
        } else {
            "**missed**"
        }
    );
    let _ = write!(t, "{FIN_REGLES}");
    Ok(t)
}

/// `index.html` and every wasm, JS and CSS file it loads.
fn premiere_page() -> Result<Vec<Fichier>> {
    let dist = app::dist();
    let index = std::fs::read_to_string(dist.join("index.html")).context("dist/index.html")?;
    let mut noms = vec!["index.html".to_owned()];
    for morceau in index.split(['"', '\'']) {
        let Some(nom) = morceau.strip_prefix('/') else {
            continue;
        };
        let charge = [".wasm", ".js", ".css"]
            .iter()
            .any(|ext| nom.ends_with(ext));
        if charge && !nom.contains('/') && !noms.iter().any(|n| n == nom) {
            noms.push(nom.to_owned());
        }
    }
    if !noms.iter().any(|n| n.ends_with(".wasm")) {
        bail!("no .wasm referenced by dist/index.html");
    }
    noms.iter()
        .map(|nom| {
            let donnees = std::fs::read(dist.join(nom)).with_context(|| format!("dist/{nom}"))?;
            Ok(Fichier {
                nom: nom.clone(),
                brut: donnees.len(),
                gzip: gzip(&donnees).len(),
                brotli: brotli(&donnees).len(),
            })
        })
        .collect()
}

fn ko(octets: usize) -> String {
    format!("{:.1} KB", octets as f64 / 1024.0)
}

fn tableau(fichiers: &[Fichier]) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{DEBUT}\n");
    let _ = writeln!(t, "Measured on {} by `cargo xtask bench`.\n", machine());
    let _ = writeln!(t, "| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
    for f in fichiers {
        // Content hashes change with every build; the kind of file is what matters.
        let nom = match f.nom.rsplit_once('.') {
            Some((_, "wasm")) => "app (wasm)".to_owned(),
            Some((_, "js")) => "bindings (JS)".to_owned(),
            Some((_, "css")) => "styles (CSS)".to_owned(),
            _ => f.nom.clone(),
        };
        let _ = writeln!(
            t,
            "| {nom} | {} | {} | {} |",
            ko(f.brut),
            ko(f.gzip),
            ko(f.brotli)
        );
    }
    let somme = |f: fn(&Fichier) -> usize| fichiers.iter().map(f).sum::<usize>();
    let total_brotli = somme(|f| f.brotli);
    let _ = writeln!(
        t,
        "| **total** | **{}** | **{}** | **{}** |\n",
        ko(somme(|f| f.brut)),
        ko(somme(|f| f.gzip)),
        ko(total_brotli)
    );
    let ecart = total_brotli as i64 - BUDGET_BROTLI as i64;
    let _ = writeln!(
        t,
        "Budget: {} brotli for the first page: {}.\n",
        ko(BUDGET_BROTLI),
        if ecart <= 0 {
            format!("within, {} to spare", ko((-ecart) as usize))
        } else {
            format!("**over by {}**", ko(ecart as usize))
        }
    );
    let _ = write!(t, "{FIN}");
    t
}

/// CPU, cores, memory, OS and toolchain, read from the machine itself.
fn machine() -> String {
    let lire = |f: &str| std::fs::read_to_string(f).unwrap_or_default();
    let cpuinfo = lire("/proc/cpuinfo");
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let coeurs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let memoire = lire("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| format!("{} GiB", kb / 1024 / 1024))
        .unwrap_or_else(|| "? GiB".into());
    let os = lire("/etc/os-release")
        .lines()
        .find_map(|l| {
            l.strip_prefix("PRETTY_NAME=")
                .map(|v| v.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| std::env::consts::OS.into());
    let rustc = sortie(cmd("rustc").arg("--version")).unwrap_or_default();
    let date = sortie(cmd("date").arg("+%Y-%m-%d")).unwrap_or_default();
    format!("{date}, {cpu}, {coeurs} cores, {memoire} RAM, {os}, {rustc}")
}

/// Replaces what stands between the markers `debut` and `fin` (or appends the section).
fn ecrire(debut: &str, fin: &str, section: &str) -> Result<()> {
    let chemin = racine().join("BENCHMARKS.md");
    let ancien = std::fs::read_to_string(&chemin).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    let nouveau = match (ancien.find(debut), ancien.find(fin)) {
        (Some(d), Some(f)) if d < f => {
            format!("{}{section}{}", &ancien[..d], &ancien[f + fin.len()..])
        }
        _ => format!("{ancien}\n{section}\n"),
    };
    std::fs::write(&chemin, nouveau).context("writing BENCHMARKS.md")?;
    eprintln!("    BENCHMARKS.md updated");
    Ok(())
}
