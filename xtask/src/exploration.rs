//! The API explored by Schemathesis (PyPI): requests generated from
//! `/api/v1/openapi.json`, valid and not, sent to the real server (the tests' build, demo
//! data) anonymously and as an applicant, landlord staff and territory staff. The one check
//! that must hold: no answer is a server error (5xx) — bad input always gets a problem+json
//! 4xx. Deterministic (fixed seed) and bounded (a few dozen cases per operation), so it
//! takes about a minute; longer runs belong to a session of its own.

use crate::commande::{cmd, lancer, racine, sortie};
use crate::serveur::Serveur;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;

pub const SCHEMATHESIS: &str = "4.32.5";

/// Cases per operation and phase.
const EXEMPLES: &str = "25";

/// A Python environment inside the checkout, ignored by git.
fn dossier() -> PathBuf {
    racine().join(".tools").join("py")
}

fn binaire(nom: &str) -> PathBuf {
    dossier().join("bin").join(nom)
}

/// Installs Schemathesis at its pinned version into `.tools/py` unless it is there.
pub fn installer() -> Result<()> {
    let attendu = format!("schemathesis, version {SCHEMATHESIS}");
    if sortie(std::process::Command::new(binaire("schemathesis")).arg("--version"))
        .is_some_and(|v| v == attendu)
    {
        return Ok(());
    }
    eprintln!("    installing schemathesis {SCHEMATHESIS} (PyPI, into .tools/py)");
    if !binaire("python").exists() {
        lancer(cmd("python3").args(["-m", "venv"]).arg(dossier()))
            .context("python3 with its venv module is needed for Schemathesis")?;
    }
    lancer(
        std::process::Command::new(binaire("pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS}")),
    )
}

/// Logs in and prints the cookie and the CSRF token, one per line (`requests` comes with
/// Schemathesis).
const CONNEXION: &str = r#"
import sys, requests
base, email, mot_de_passe = sys.argv[1:4]
r = requests.post(base + "/api/v1/session",
                  json={"email": email, "mot_de_passe": mot_de_passe},
                  headers={"X-CSRF-Token": "avant-connexion"}, timeout=30)
r.raise_for_status()
print("; ".join(f"{k}={v}" for k, v in r.cookies.items()))
print(r.json()["csrf"])
"#;

/// Runs the exploration against a server it starts; fails on any server error.
pub fn explorer() -> Result<()> {
    let serveur = Serveur::demarrer("debug")?;
    let base = serveur.url("");
    // Every session first: the exploration tries wrong passwords and sign-ups, which the
    // rate limits then count against this address.
    let mut qui = vec![("anonymous".to_owned(), None)];
    for email in [
        "demandeur@demo.clef.fr",
        "bailleur@demo.clef.fr",
        "territoire@demo.clef.fr",
    ] {
        let lignes = sortie(std::process::Command::new(binaire("python")).args([
            "-c",
            CONNEXION,
            &base,
            email,
            "clef-demo-2026",
        ]))
        .with_context(|| format!("log-in as {email}"))?;
        let mut lignes = lignes.lines();
        let (Some(cookie), Some(csrf)) = (lignes.next(), lignes.next()) else {
            bail!("log-in as {email}: no session");
        };
        qui.push((email.to_owned(), Some((cookie.to_owned(), csrf.to_owned()))));
    }
    for (nom, session) in qui {
        eprintln!("    as {nom}");
        let mut c = std::process::Command::new(binaire("schemathesis"));
        c.arg("run")
            .arg(serveur.url("/api/v1/openapi.json"))
            .args(["--checks", "not_a_server_error"])
            .args(["--max-examples", EXEMPLES, "--seed", "16"])
            .args(["--request-timeout", "30", "--no-color"])
            // Logging out, or ending an advisor's help, would end the session explored.
            .args(["--exclude-path", "/api/v1/session"])
            .args(["--exclude-path", "/api/v1/conseiller/accompagnement"]);
        match session {
            Some((cookie, csrf)) => {
                c.args(["--header", &format!("Cookie: {cookie}")])
                    .args(["--header", &format!("X-CSRF-Token: {csrf}")]);
            }
            None => {
                c.args(["--header", "X-CSRF-Token: sans-session"]);
            }
        }
        lancer(&mut c).with_context(|| format!("Schemathesis as {nom}: a server error"))?;
    }
    Ok(())
}
