//! `cargo xtask test`: every check and test, stopping at the first failure.

use crate::app;
use crate::commande::{Etapes, cmd, lancer, racine};
use crate::exploration;
use crate::outils;
use crate::postgres;
use anyhow::Result;
use std::process::Command;

const WASM: &str = "wasm32-unknown-unknown";
/// The fuzz targets (`fuzz/fuzz_targets/`): the search's query string, the request form,
/// a listing draft, an uploaded photo.
const CIBLES_FUZZ: [&str; 4] = ["recherche", "demande", "brouillon", "photo"];
/// Each one's run in the test command, built unoptimised (a release build of the server's
/// dependencies in one codegen unit took 9 of the suite's minutes); longer runs by hand
/// (`cargo fuzz run -s none …`).
const DUREE_FUZZ: &str = "-max_total_time=15";

/// Clippy's lints (`-D warnings`) on the workspace's own crates, during the build the tests
/// need anyway: `cargo clippy` is this same driver run in check mode, which would compile
/// every dependency a second time (13 of the suite's minutes on 2 cores).
fn avec_clippy(c: &mut Command) -> &mut Command {
    c.env("RUSTC_WORKSPACE_WRAPPER", "clippy-driver").env(
        "CLIPPY_ARGS",
        "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
    )
}

/// Browser tests find chromedriver and their Chromium options through these.
fn navigateur(c: &mut Command) -> &mut Command {
    c.env("CHROMEDRIVER", outils::CHROMEDRIVER)
        .env("CHROME", outils::CHROMIUM)
        .env("AXE_CORE", outils::axe_core_js())
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            racine().join("webdriver.json"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
}

pub fn test() -> Result<()> {
    let mut etapes = Etapes::new(11);
    etapes.annoncer("Tools (installed once, then skipped)");
    outils::pour_tester()?;
    exploration::installer()?;

    etapes.annoncer("Formatting (cargo fmt --check)");
    lancer(cmd("cargo").args(["fmt", "--all", "--check"]))?;

    etapes.annoncer("Unit, property and API integration tests, linted by Clippy (-D warnings)");
    lancer(avec_clippy(&mut cmd("cargo")).args([
        "test",
        "--locked",
        "--workspace",
        "--exclude",
        "clef-e2e",
    ]))?;

    etapes.annoncer("The API integration tests again, on PostgreSQL 15 (a private server)");
    let grappe = postgres::Grappe::demarrer()?;
    // The very command above, so that nothing is compiled again (selecting `--test api`
    // alone resolves features differently and rebuilt for 3 minutes); the other suites
    // run again too, in about 25 seconds.
    lancer(
        avec_clippy(&mut cmd("cargo"))
            .args(["test", "--locked", "--workspace", "--exclude", "clef-e2e"])
            .env("CLEF_TEST_POSTGRES", grappe.url())
            .env("CLEF_TEST_POSTGRES_BIN", outils::POSTGRESQL),
    )?;
    drop(grappe);

    etapes.annoncer("The API explored by Schemathesis: no server error for any request");
    exploration::explorer()?;

    etapes.annoncer("Fuzzing each parser of outside data (briefly; cargo fuzz, no sanitizer)");
    for cible in CIBLES_FUZZ {
        lancer(cmd("cargo").args([
            "fuzz", "run", "--dev", "-s", "none", cible, "--", DUREE_FUZZ,
        ]))?;
    }

    etapes.annoncer("The rules crate builds for the browser");
    lancer(avec_clippy(&mut cmd("cargo")).args([
        "build",
        "--locked",
        "-p",
        "clef-domain",
        "--target",
        WASM,
    ]))?;

    etapes.annoncer("The app, release build");
    app::construire()?;

    etapes.annoncer("Component tests in headless Chromium");
    lancer(avec_clippy(navigateur(&mut cmd("cargo"))).args([
        "test", "--locked", "-p", "clef", "--target", WASM, "--test", "web",
    ]))?;

    etapes.annoncer("Browser journeys (real server, phone viewport)");
    lancer(
        avec_clippy(navigateur(&mut cmd("cargo")))
            .args([
                "test",
                "--locked",
                "-p",
                "clef-e2e",
                "--",
                "--test-threads=1",
            ])
            .env("CLEF_DIST", app::dist()),
    )?;

    etapes.annoncer("All green");
    etapes.fin();
    Ok(())
}
