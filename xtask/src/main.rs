//! `cargo xtask`: the project's commands, in Rust so they run wherever cargo does.
//!
//! - `cargo xtask run`   installs what is missing, builds the app in release mode and serves
//!   it with the API and demo data on http://127.0.0.1:8080 (`CLEF_ADDR` to change).
//! - `cargo xtask test`  installs what is missing and runs every check and test.
//! - `cargo xtask explorer` only the API exploration by Schemathesis (part of `test`).
//! - `cargo xtask bench` measures what a phone downloads, the pages under Lighthouse and
//!   the server's latency, the rules' speed, and writes BENCHMARKS.md.

mod app;
mod bench;
mod commande;
mod exploration;
mod memoire;
mod outils;
mod phare;
mod run;
mod serveur;
mod test;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let resultat = match args.first().map(String::as_str) {
        Some("run") => run::run(),
        Some("test") => test::test(),
        Some("bench") => bench::bench(),
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
            eprintln!("usage: cargo xtask <run | test | bench | explorer>");
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
