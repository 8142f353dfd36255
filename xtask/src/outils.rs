//! Installs the pinned tools the build and the tests need, skipping what is already there:
//! the wasm target, Trunk, the wasm-bindgen CLI matching the crate, wasm-opt (npm
//! `binaryen`), and for tests Chromium with its chromedriver (Debian packages) and axe-core
//! (npm), the accessibility engine the browser journeys run on every page, and for the
//! benchmarks Lighthouse (npm).
//!
//! The versions of wasm-bindgen and wasm-opt are read from `Trunk.toml`, so there is one
//! place to change them (a test checks that Cargo.lock agrees).

use crate::commande::{cmd, lancer, racine, sortie};
use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::PathBuf;

pub const TRUNK: &str = "0.21.14";
/// Runs the fuzz targets of `fuzz/` (on stable Rust, without sanitizer).
pub const CARGO_FUZZ: &str = "0.13.2";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The accessibility rules the journeys check every page against (npm `axe-core`).
pub const AXE_CORE: &str = "4.10.3";
/// Measures the pages as a phone on slow 4G sees them (`cargo xtask bench`); version 13
/// needs a newer Node.js than Debian 12's.
pub const LIGHTHOUSE: &str = "12.8.2";

/// Where npm packages go: inside the checkout, ignored by git.
fn dossier_npm() -> PathBuf {
    racine().join(".tools").join("npm")
}

/// PATH with the npm tools and cargo's bin folder first.
pub fn path() -> OsString {
    let mut dossiers = vec![dossier_npm().join("node_modules").join(".bin")];
    if let Some(maison) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dossiers.push(maison.join("bin"));
    }
    dossiers.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dossiers).unwrap_or_default()
}

/// `[tools]` of Trunk.toml: (wasm-bindgen version, wasm-opt version number).
pub fn versions_trunk() -> Result<(String, String)> {
    let texte =
        std::fs::read_to_string(racine().join("Trunk.toml")).context("reading Trunk.toml")?;
    let valeur = |cle: &str| {
        texte
            .lines()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| k.trim() == cle)
            .map(|(_, v)| v.trim().trim_matches('"').to_owned())
            .with_context(|| format!("Trunk.toml has no `{cle}` in [tools]"))
    };
    let wasm_opt = valeur("wasm_opt")?;
    let numero = wasm_opt
        .strip_prefix("version_")
        .with_context(|| format!("wasm_opt = {wasm_opt:?}: expected version_N"))?;
    Ok((valeur("wasm_bindgen")?, numero.to_owned()))
}

/// What the app's build needs.
pub fn pour_construire() -> Result<()> {
    cible_wasm()?;
    trunk()?;
    let (wasm_bindgen, wasm_opt) = versions_trunk()?;
    wasm_bindgen_cli(&wasm_bindgen)?;
    binaryen(&wasm_opt)
}

/// What the browser tests, the fuzzing and the PostgreSQL pass need, in addition.
pub fn pour_tester() -> Result<()> {
    pour_construire()?;
    cargo_fuzz()?;
    chromium()?;
    postgresql()?;
    axe_core()
}

/// Where Debian's `postgresql-15` puts `initdb`, `pg_ctl` and `postgres`.
pub const POSTGRESQL: &str = "/usr/lib/postgresql/15/bin";

/// PostgreSQL 15's server programs (Debian package postgresql-15); the tests start their
/// own private server with them, never the system's.
pub fn postgresql() -> Result<()> {
    if std::path::Path::new(POSTGRESQL).join("initdb").exists() {
        return Ok(());
    }
    paquets_debian("PostgreSQL 15", &["postgresql-15"])
}

/// What the benchmarks need: the build's tools, Chromium, Lighthouse and wrk.
pub fn pour_mesurer() -> Result<()> {
    pour_construire()?;
    chromium()?;
    wrk()?;
    paquet_npm("lighthouse", LIGHTHOUSE)
}

/// The HTTP load generator of the measures at scale (Debian package wrk).
pub fn wrk() -> Result<()> {
    if sortie(cmd("wrk").arg("--version")).is_some()
        || std::path::Path::new("/usr/bin/wrk").exists()
    {
        return Ok(());
    }
    paquets_debian("wrk", &["wrk"])
}

/// The script the journeys inject into each page.
pub fn axe_core_js() -> PathBuf {
    dossier_npm()
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js")
}

fn axe_core() -> Result<()> {
    paquet_npm("axe-core", AXE_CORE)
}

/// An npm package at an exact version, installed into `.tools/npm` unless it is there.
fn paquet_npm(nom: &str, version: &str) -> Result<()> {
    let paquet = dossier_npm()
        .join("node_modules")
        .join(nom)
        .join("package.json");
    let installee = std::fs::read_to_string(&paquet)
        .is_ok_and(|t| t.contains(&format!("\"version\": \"{version}\"")));
    if installee {
        return Ok(());
    }
    installer_npm(nom, version)
}

fn installer_npm(nom: &str, version: &str) -> Result<()> {
    if sortie(cmd("npm").arg("--version")).is_none() {
        bail!("npm is needed to install {nom}@{version}; install Node.js and npm");
    }
    eprintln!("    installing {nom} {version} (npm, into .tools/npm)");
    std::fs::create_dir_all(dossier_npm())?;
    lancer(
        cmd("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(dossier_npm())
            .arg(format!("{nom}@{version}")),
    )
}

fn cible_wasm() -> Result<()> {
    let installees =
        sortie(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installees
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    eprintln!("    installing the wasm32-unknown-unknown target (rustup)");
    lancer(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result<()> {
    if sortie(cmd("trunk").arg("--version")).as_deref() == Some(&format!("trunk {TRUNK}")) {
        return Ok(());
    }
    eprintln!("    installing trunk {TRUNK} (cargo install, a few minutes the first time)");
    // Without its default features (TLS and the update check): Trunk runs offline here and
    // never downloads anything, and it compiles in 6 min 21 s instead of 7 min 8 s on two
    // cores (measured on 2026-12-06).
    lancer(cmd("cargo").args([
        "install",
        "trunk",
        "--version",
        TRUNK,
        "--locked",
        "--no-default-features",
    ]))
}

fn cargo_fuzz() -> Result<()> {
    if sortie(cmd("cargo").args(["fuzz", "--version"])).as_deref()
        == Some(&format!("cargo-fuzz {CARGO_FUZZ}"))
    {
        return Ok(());
    }
    eprintln!("    installing cargo-fuzz {CARGO_FUZZ} (cargo install, under a minute)");
    lancer(cmd("cargo").args(["install", "cargo-fuzz", "--version", CARGO_FUZZ, "--locked"]))
}

fn wasm_bindgen_cli(version: &str) -> Result<()> {
    if sortie(cmd("wasm-bindgen").arg("--version")).as_deref()
        == Some(&format!("wasm-bindgen {version}"))
    {
        return Ok(());
    }
    eprintln!(
        "    installing wasm-bindgen-cli {version} (cargo install, a few minutes the first time)"
    );
    // Without --locked: its lockfile does not build with this toolchain (see ARCHITECTURE).
    lancer(cmd("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        version,
        "--force",
    ]))
}

fn binaryen(version: &str) -> Result<()> {
    let attendu = format!("wasm-opt version {version}");
    let wasm_opt = dossier_npm()
        .join("node_modules")
        .join(".bin")
        .join("wasm-opt");
    if sortie(std::process::Command::new(&wasm_opt).arg("--version"))
        .is_some_and(|v| v.starts_with(&attendu))
    {
        return Ok(());
    }
    installer_npm("binaryen", version)
}

fn chromium() -> Result<()> {
    if std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    paquets_debian(
        "Chromium and chromedriver",
        &["chromium", "chromium-driver"],
    )
}

/// Installs Debian packages (as root, or through sudo).
fn paquets_debian(quoi: &str, paquets: &[&str]) -> Result<()> {
    eprintln!(
        "    installing {quoi} (Debian packages {})",
        paquets.join(", ")
    );
    let root = sortie(cmd("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut c = if root { cmd("apt-get") } else { cmd("sudo") };
        if !root {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        lancer(&mut c)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(paquets);
    apt(&args)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk runs the wasm-bindgen CLI only if it matches the crate exactly.
    #[test]
    fn trunk_toml_pins_the_wasm_bindgen_of_cargo_lock() {
        let (wasm_bindgen, _) = versions_trunk().unwrap();
        let lock = std::fs::read_to_string(racine().join("Cargo.lock")).unwrap();
        let version_lock = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"wasm-bindgen\"\n"))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .map(|v| v.trim_matches('"').to_owned());
        assert_eq!(version_lock, Some(wasm_bindgen));
    }
}
