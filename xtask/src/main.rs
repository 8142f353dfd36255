//! `cargo xtask`: the project's commands, in Rust so they run wherever cargo does.
//!
//! - `cargo xtask run`   installs what is missing, builds the app in release mode and serves
//!   it with the API and demo data on http://127.0.0.1:8080 (`CLEF_ADDR` to change).
//! - `cargo xtask test`  installs what is missing and runs every check and test.
//! - `cargo xtask bench` measures what a phone downloads, the pages under Lighthouse and
//!   the server's latency, the rules' speed, and writes BENCHMARKS.md.

mod app;
mod bench;
mod commande;
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
        _ => {
            eprintln!("usage: cargo xtask <run | test | bench>");
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
