//! Running the steps: each announced with a number and timed, output streamed as it comes.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The workspace root (xtask lives one level below).
pub fn racine() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Numbered, timed steps: `==> [3/9] Clippy (-D warnings)`.
pub struct Etapes {
    total: usize,
    numero: usize,
    debut: Instant,
}

impl Etapes {
    pub fn new(total: usize) -> Self {
        Etapes {
            total,
            numero: 0,
            debut: Instant::now(),
        }
    }

    pub fn annoncer(&mut self, titre: &str) {
        self.numero += 1;
        eprintln!(
            "\n==> [{}/{}] {titre}  (+{}s)",
            self.numero,
            self.total,
            self.debut.elapsed().as_secs()
        );
    }

    pub fn fin(&self) {
        eprintln!("\n==> done in {}s", self.debut.elapsed().as_secs());
    }
}

/// A command run from the workspace root with the project's tools first on PATH.
pub fn cmd(programme: &str) -> Command {
    let mut c = Command::new(programme);
    c.current_dir(racine()).env("PATH", crate::outils::path());
    c
}

/// Runs to completion; a non-zero exit is an error naming the command.
pub fn lancer(c: &mut Command) -> Result<()> {
    let description = format!("{c:?}");
    let statut = c
        .status()
        .with_context(|| format!("cannot start {description}"))?;
    if !statut.success() {
        bail!("{description} exited with {statut}");
    }
    Ok(())
}

/// Runs and returns standard output, or `None` if the program is missing or fails.
pub fn sortie(c: &mut Command) -> Option<String> {
    let sortie = c.output().ok()?;
    sortie
        .status
        .success()
        .then(|| String::from_utf8_lossy(&sortie.stdout).trim().to_owned())
}
