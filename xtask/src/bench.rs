//! `cargo xtask bench`: what a phone downloads to show the search page (raw, gzip and
//! brotli), the pages under Lighthouse, one connection's latency and the rules' speed,
//! written into BENCHMARKS.md between markers (the rest of the file is prose).

use crate::app::{self, brotli, gzip};
use crate::commande::{Etapes, cmd, lancer, racine, sortie};
use crate::echelle;
use crate::memoire;
use crate::outils;
use crate::phare;
use crate::serveur::{Connexion, Serveur};
use anyhow::{Context, Result, bail};
use std::fmt::Write;

/// The budget of what the search page downloads before its first listing shows (brotli).
const BUDGET_BROTLI: usize = 120 * 1024;
const DEBUT: &str = "<!-- tailles:debut (written by `cargo xtask bench`) -->";
const FIN: &str = "<!-- tailles:fin -->";
const DEBUT_PAGES: &str = "<!-- pages:debut (written by `cargo xtask bench`) -->";
const FIN_PAGES: &str = "<!-- pages:fin -->";
const DEBUT_ECHELLE: &str = "<!-- echelle:debut (written by `cargo xtask bench`) -->";
const FIN_ECHELLE: &str = "<!-- echelle:fin -->";
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
    let mut etapes = Etapes::new(8);
    etapes.annoncer("Tools");
    outils::pour_mesurer()?;
    etapes.annoncer("The app, release build");
    app::construire()?;
    etapes.annoncer("The server, release build");
    Serveur::construire()?;
    let serveur = Serveur::demarrer("release")?;
    etapes.annoncer("Sizes of the first page");
    let fichiers = premiere_page(&serveur)?;
    let section = tableau(&fichiers);
    eprintln!("{section}");
    ecrire(DEBUT, FIN, &section)?;
    etapes.annoncer("The pages on a phone (Lighthouse) and the server's latency");
    let section = pages(&serveur)?;
    eprintln!("{section}");
    ecrire(DEBUT_PAGES, FIN_PAGES, &section)?;
    drop(serveur);
    etapes.annoncer("A territory's whole history (generated unless up to date)");
    let territoire = echelle::territoire(None, false)?;
    etapes.annoncer("The server at that scale (wrk)");
    echelle_section(&territoire)?;
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

/// Only the measures at a territory's scale (`cargo xtask bench echelle`).
pub fn echelle_seule() -> Result<()> {
    let mut etapes = Etapes::new(4);
    etapes.annoncer("Tools (wrk)");
    outils::wrk()?;
    etapes.annoncer("The server, release build");
    Serveur::construire()?;
    etapes.annoncer("A territory's whole history (generated unless up to date)");
    let territoire = echelle::territoire(None, false)?;
    etapes.annoncer("The server at that scale (wrk)");
    echelle_section(&territoire)?;
    etapes.fin();
    Ok(())
}

fn echelle_section(territoire: &std::path::Path) -> Result<()> {
    let mesures = echelle::mesurer(territoire)?;
    let section = format!(
        "{DEBUT_ECHELLE}\n\nMeasured on {} by `cargo xtask bench`.\n\n{mesures}\n{FIN_ECHELLE}",
        machine()
    );
    eprintln!("{section}");
    ecrire(DEBUT_ECHELLE, FIN_ECHELLE, &section)
}

/// Lighthouse on the search page and a listing, and the latency of one connection.
fn pages(serveur: &Serveur) -> Result<String> {
    let offre = phare::premiere_offre(serveur)?;
    let pages = [("search `/`", "/".to_owned()), ("a listing", offre)];
    let mut t = format!(
        "{DEBUT_PAGES}\n\nMeasured on {} by `cargo xtask bench`.\n\n",
        machine()
    );
    t.push_str(&phare::lighthouse(serveur, &pages)?);
    t.push_str(&phare::latences(serveur)?);
    t.push_str(&memoire_sous_rafale(serveur)?);
    t.push('\n');
    t.push_str(FIN_PAGES);
    Ok(t)
}

/// The server's memory under 32 concurrent log-ins (three waves).
fn memoire_sous_rafale(serveur: &Serveur) -> Result<String> {
    let m = memoire::mesurer(serveur)?;
    let refusees = m.reponses.iter().filter(|s| **s == 503).count();
    let hachees = m.reponses.iter().filter(|s| **s == 401).count();
    let autres = m
        .reponses
        .iter()
        .filter(|s| ![401, 503].contains(*s))
        .count();
    if autres > 0 {
        bail!("log-in burst: unexpected answers {:?}", m.reponses);
    }
    let tenu = m.pic_mo <= memoire::CIBLE_MO && m.apres_mo <= memoire::CIBLE_MO;
    Ok(format!(
        "\n**Memory under a burst of log-ins** (32 at once, three waves, each from its own \
         address; {hachees} passwords hashed, {refusees} asked to retry with 503): resident memory \
         {} MB before, **{} MB at its highest**, {} MB 5 s after. Target: at most {} MB at \
         the highest and after: {}.\n",
        m.avant_mo,
        m.pic_mo,
        m.apres_mo,
        memoire::CIBLE_MO,
        if tenu { "met" } else { "**missed**" }
    ))
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

/// `/` as the server sends it (its first listings in the HTML), and every wasm, JS and CSS
/// file it loads: the style sheet before the first paint, the app's code after it.
fn premiere_page(serveur: &Serveur) -> Result<Vec<Fichier>> {
    let dist = app::dist();
    let (statut, html) = Connexion::ouvrir(&serveur.adresse)?.get("/")?;
    if statut != 200 {
        bail!("/ answered {statut}");
    }
    let texte = String::from_utf8_lossy(&html).into_owned();
    if !texte.contains("id=\"premier-rendu\"") {
        bail!("/ has no first render");
    }
    let mut fichiers = vec![mesurer("page `/` (HTML with its first listings)", &html)];
    let mut vus = Vec::new();
    for morceau in texte.split(['"', '\'']) {
        let Some(nom) = morceau.strip_prefix('/') else {
            continue;
        };
        let charge = [".wasm", ".js", ".css"]
            .iter()
            .any(|ext| nom.ends_with(ext));
        if charge && !nom.contains('/') && !vus.iter().any(|n| n == nom) {
            vus.push(nom.to_owned());
        }
    }
    // The style sheet first: it is what the first paint waits for.
    vus.sort_by_key(|nom| !nom.ends_with(".css"));
    if !vus.iter().any(|n| n.ends_with(".wasm")) {
        bail!("no .wasm referenced by /");
    }
    for nom in vus {
        let donnees = std::fs::read(dist.join(&nom)).with_context(|| format!("dist/{nom}"))?;
        fichiers.push(mesurer(&nom, &donnees));
    }
    Ok(fichiers)
}

fn mesurer(nom: &str, donnees: &[u8]) -> Fichier {
    Fichier {
        nom: nom.to_owned(),
        brut: donnees.len(),
        gzip: gzip(donnees).len(),
        brotli: brotli(donnees).len(),
    }
}

/// What a phone must download before the first listing shows: the page and its style sheet.
fn avant_la_premiere_annonce(f: &Fichier) -> bool {
    !f.nom.ends_with(".wasm") && !f.nom.ends_with(".js")
}

fn ko(octets: usize) -> String {
    format!("{:.1} KB", octets as f64 / 1024.0)
}

fn tableau(fichiers: &[Fichier]) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{DEBUT}\n");
    let _ = writeln!(t, "Measured on {} by `cargo xtask bench`.\n", machine());
    let _ = writeln!(t, "| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
    let ligne = |t: &mut String, f: &Fichier| {
        // Content hashes change with every build; the kind of file is what matters.
        let nom = match f.nom.rsplit_once('.') {
            Some((_, "wasm")) => "app (wasm), after the first paint".to_owned(),
            Some((_, "js")) => "bindings (JS), after the first paint".to_owned(),
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
    };
    let somme = |filtre: &dyn Fn(&Fichier) -> bool, f: fn(&Fichier) -> usize| {
        fichiers.iter().filter(|x| filtre(x)).map(f).sum::<usize>()
    };
    let avant = |f: &Fichier| avant_la_premiere_annonce(f);
    for f in fichiers.iter().filter(|f| avant(f)) {
        ligne(&mut t, f);
    }
    let brotli_avant = somme(&avant, |f| f.brotli);
    let _ = writeln!(
        t,
        "| **before the first listing shows** | **{}** | **{}** | **{}** |",
        ko(somme(&avant, |f| f.brut)),
        ko(somme(&avant, |f| f.gzip)),
        ko(brotli_avant)
    );
    for f in fichiers.iter().filter(|f| !avant(f)) {
        ligne(&mut t, f);
    }
    let tout = |_: &Fichier| true;
    let _ = writeln!(
        t,
        "| **everything** | **{}** | **{}** | **{}** |\n",
        ko(somme(&tout, |f| f.brut)),
        ko(somme(&tout, |f| f.gzip)),
        ko(somme(&tout, |f| f.brotli))
    );
    let ecart = brotli_avant as i64 - BUDGET_BROTLI as i64;
    let _ = writeln!(
        t,
        "Budget: {} brotli before the first listing shows: {}.\n",
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
