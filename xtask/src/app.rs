//! Builds what a phone downloads: Trunk in release mode (offline), then every text asset
//! compressed ahead of time (brotli and gzip) so the server never compresses them per request.

use crate::commande::{cmd, lancer, racine};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

const COMPRESSIBLES: &[&str] = &[
    "html",
    "js",
    "wasm",
    "css",
    "svg",
    "json",
    "webmanifest",
    "txt",
];

pub fn dist() -> PathBuf {
    racine().join("dist")
}

/// Trunk is offline: the crates are fetched first, then the release builds run: the public
/// app into `dist/`, then the landlord app (its own wasm, so that applicants never download
/// its screens) into `dist/bailleur/`, where the server looks for it. In this order: Trunk
/// empties its output folder first.
pub fn construire() -> Result<()> {
    lancer(cmd("cargo").args(["fetch", "--locked"]))?;
    lancer(cmd("trunk").args(["build", "--release"]))?;
    lancer(cmd("trunk").args([
        "build",
        "bailleur.html",
        "--release",
        "--dist",
        "dist/bailleur",
        "--public-url",
        "/bailleur/",
    ]))?;
    precompresser(&dist())
}

pub fn brotli(donnees: &[u8]) -> Vec<u8> {
    let mut sortie = Vec::new();
    let parametres = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &donnees[..], &mut sortie, &parametres);
    sortie
}

pub fn gzip(donnees: &[u8]) -> Vec<u8> {
    let mut encodeur = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encodeur.write_all(donnees);
    encodeur.finish().unwrap_or_default()
}

fn precompresser(dossier: &Path) -> Result<()> {
    let mut n = 0;
    for entree in
        std::fs::read_dir(dossier).with_context(|| format!("reading {}", dossier.display()))?
    {
        let chemin = entree?.path();
        if chemin.is_dir() {
            precompresser(&chemin)?;
            continue;
        }
        let ext = chemin
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLES.contains(&ext) {
            continue;
        }
        let donnees = std::fs::read(&chemin)?;
        for (suffixe, compresse) in [("br", brotli(&donnees)), ("gz", gzip(&donnees))] {
            let cible = PathBuf::from(format!("{}.{suffixe}", chemin.display()));
            if compresse.len() < donnees.len() {
                std::fs::write(&cible, compresse)?;
                n += 1;
            } else if cible.exists() {
                std::fs::remove_file(&cible)?;
            }
        }
    }
    if n > 0 {
        eprintln!("    {n} precompressed files in {}", dossier.display());
    }
    Ok(())
}
