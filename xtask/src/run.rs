//! `cargo xtask run`: the app and the API on one server, with demo data.

use crate::app;
use crate::commande::{Etapes, cmd, lancer};
use crate::outils;
use anyhow::Result;

pub fn run() -> Result<()> {
    let mut etapes = Etapes::new(3);
    etapes.annoncer("Tools (installed once, then skipped)");
    outils::pour_construire()?;
    etapes.annoncer("The app, release build (Trunk, wasm-opt, precompression)");
    app::construire()?;
    // The server in the same build as the tests (their dev profile, hashing optimised):
    // 2 minutes to compile on a fresh machine (measured) instead of 11 for a release build,
    // and nothing more to compile after `cargo xtask test`. Fast enough for the demo;
    // production builds with `--release` (README).
    etapes.annoncer("The server (the tests' build), then serving");
    let adresse = std::env::var("CLEF_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    eprintln!("    Clef will be on http://{adresse}  (Ctrl+C to stop)");
    lancer(
        cmd("cargo")
            .args(["run", "--locked", "-p", "clef-server"])
            .env(
                "CLEF_DEMO",
                std::env::var("CLEF_DEMO").unwrap_or_else(|_| "1".into()),
            )
            .env("CLEF_DIST", app::dist())
            .env("CLEF_ADDR", adresse),
    )
}
