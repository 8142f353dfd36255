//! A private PostgreSQL server for the tests: Debian's PostgreSQL 15, a new cluster in a
//! temporary folder, on a free port of 127.0.0.1, run by an unprivileged user (`nobody`
//! when the tests run as root), stopped and removed when dropped. No system service is
//! used or started. Durability is off (`fsync`): the data dies with the run.

use crate::commande::{cmd, lancer};
use crate::outils::POSTGRESQL;
use anyhow::{Context, Result};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

pub struct Grappe {
    dossier: PathBuf,
    port: u16,
    en_root: bool,
}

impl Grappe {
    pub fn demarrer() -> Result<Grappe> {
        let en_root = crate::commande::sortie(cmd("id").arg("-u")).as_deref() == Some("0");
        let dossier = std::env::temp_dir().join(format!("clef-postgresql-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dossier);
        std::fs::create_dir_all(&dossier)?;
        let grappe = Grappe {
            dossier,
            port: TcpListener::bind("127.0.0.1:0")?.local_addr()?.port(),
            en_root,
        };
        if en_root {
            lancer(cmd("chown").arg("nobody").arg(&grappe.dossier))?;
        }
        let donnees = grappe.dossier.join("donnees");
        lancer(
            grappe
                .programme("initdb")
                .arg("-D")
                .arg(&donnees)
                .args(["-U", "clef", "--auth=trust", "--encoding=UTF8"])
                .args(["--locale=C.UTF-8", "--no-sync"]),
        )
        .context("initdb")?;
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            grappe.port,
            grappe.dossier.display()
        );
        lancer(
            grappe
                .programme("pg_ctl")
                .arg("-D")
                .arg(&donnees)
                .arg("-l")
                .arg(grappe.dossier.join("journal.log"))
                .args(["-w", "-o", &options, "start"]),
        )
        .context("pg_ctl start")?;
        eprintln!("    PostgreSQL 15 started on 127.0.0.1:{}", grappe.port);
        Ok(grappe)
    }

    /// The server's address, without a database: the tests create theirs.
    pub fn url(&self) -> String {
        format!("postgres://clef@127.0.0.1:{}", self.port)
    }

    /// One of PostgreSQL's programs, as the cluster's owner.
    fn programme(&self, nom: &str) -> Command {
        let chemin = format!("{POSTGRESQL}/{nom}");
        if self.en_root {
            let mut c = cmd("runuser");
            c.args(["-u", "nobody", "--", &chemin]);
            c
        } else {
            cmd(&chemin)
        }
    }
}

impl Drop for Grappe {
    fn drop(&mut self) {
        let _ = self
            .programme("pg_ctl")
            .arg("-D")
            .arg(self.dossier.join("donnees"))
            .args(["-m", "fast", "-w", "stop"])
            .status();
        let _ = std::fs::remove_dir_all(&self.dossier);
    }
}
