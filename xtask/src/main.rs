//! `cargo xtask`: the project's commands, in Rust so they run wherever cargo does.
//!
//! - `cargo xtask run`   installs what is missing, builds the app in release mode and serves
//!   it with the API and demo data on http://127.0.0.1:8080 (`CLEF_ADDR` to change).
//! - `cargo xtask test`  installs what is missing and runs every check and test.
//! - `cargo xtask explorer` only the API exploration by Schemathesis (part of `test`).
//! - `cargo xtask bench` measures what a phone downloads, the pages under Lighthouse and
//!   the server's latency, the server at a territory's scale, the rules' speed, and writes
//!   BENCHMARKS.md (`cargo xtask bench echelle`: only the measures at scale).
//! - `cargo xtask territoire [OFFRES]` generates a territory's whole history (50,000
//!   listings unless told) in `target/territoire/clef.db`; the bench reuses one generated
//!   the same day.

mod app;
mod bench;
mod commande;
mod echelle;
mod exploration;
mod memoire;
mod outils;
mod phare;
mod postgres;
mod run;
mod serveur;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let resultat = match args.first().map(String::as_str) {
        Some("run") => run::run(),
        Some("test") => test::test(),
        Some("bench") if args.get(1).map(String::as_str) == Some("echelle") => {
            bench::echelle_seule()
        }
        Some("bench") => bench::bench(),
        // A territory's whole history in target/territoire/clef.db (OFFRES: 50,000).
        Some("territoire") => {
            let offres = args.get(1).map(|n| n.parse()).transpose();
            match offres {
                Ok(offres) => serveur::Serveur::construire()
                    .and_then(|()| echelle::territoire(offres, true))
                    .map(|base| eprintln!("    {}", base.display())),
                Err(_) => {
                    eprintln!("usage: cargo xtask territoire [OFFRES]");
                    return ExitCode::from(2);
                }
            }
        }
        // The API exploration alone (part of `test`), against the tests' build.
        Some("explorer") => exploration::installer().and_then(|()| {
            commande::lancer(commande::cmd("cargo").args([
                "build",
                "--locked",
                "-p",
                "clef-server",
            ]))?;
            exploration::explorer()
        }),
        _ => {
            eprintln!(
                "usage: cargo xtask <run | test | bench [echelle] | territoire [OFFRES] | explorer>"
            );
            return ExitCode::from(2);
        }
    };
    match resultat {
        Ok(()) => ExitCode::SUCCESS,
        Err(erreur) => {
            eprintln!("\nxtask: FAILED: {erreur:#}");
            ExitCode::FAILURE
        }
    }
}
