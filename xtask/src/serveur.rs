//! The real server (the release build for the benchmarks, the tests' build for the API
//! exploration), serving the built app with demo data on a fresh database; stopped when
//! dropped. And the smallest HTTP/1.1 client
//! the measures need (one kept-alive connection, `Content-Length` bodies).

use crate::app;
use crate::commande::{cmd, lancer, racine};
use anyhow::{Context, Result, bail};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

pub struct Serveur {
    enfant: Child,
    dossier: PathBuf,
    pub adresse: String,
}

impl Serveur {
    pub fn construire() -> Result<()> {
        lancer(cmd("cargo").args(["build", "--release", "--locked", "-p", "clef-server"]))
    }

    /// Starts it (`profil`: `release` or `debug`, the folder of `target/` it was built in)
    /// on a free port and waits until it answers.
    pub fn demarrer(profil: &str) -> Result<Serveur> {
        Serveur::demarrer_sur(profil, None)
    }

    /// [`Serveur::demarrer`] on a copy of the database `base` (a new demo one without).
    pub fn demarrer_sur(profil: &str, base: Option<&std::path::Path>) -> Result<Serveur> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let adresse = format!("127.0.0.1:{port}");
        let dossier = std::env::temp_dir().join(format!("clef-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dossier);
        std::fs::create_dir_all(&dossier)?;
        if let Some(base) = base {
            std::fs::copy(base, dossier.join("clef.db"))
                .with_context(|| format!("copying {}", base.display()))?;
        }
        let binaire = racine().join("target").join(profil).join("clef-server");
        let enfant = cmd(&binaire.display().to_string())
            .env("CLEF_ADDR", &adresse)
            .env(
                "CLEF_DATABASE_URL",
                format!("sqlite:{}", dossier.join("clef.db").display()),
            )
            .env("CLEF_DIST", app::dist())
            .env("CLEF_DEMO", "1")
            // The benchmarks send log-ins "from" many clients through this header.
            .env("CLEF_PROXYS_DE_CONFIANCE", "127.0.0.1")
            .env("CLEF_COURRIELS", dossier.join("courriels"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {}", binaire.display()))?;
        let serveur = Serveur {
            enfant,
            dossier,
            adresse,
        };
        let debut = Instant::now();
        while Connexion::ouvrir(&serveur.adresse)
            .and_then(|mut c| c.get("/api/v1/sante"))
            .is_err()
        {
            // A territory's history is migrated at start: a little longer.
            if debut.elapsed() > Duration::from_secs(300) {
                bail!("the server did not answer within five minutes");
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(serveur)
    }

    pub fn pid(&self) -> u32 {
        self.enfant.id()
    }

    pub fn url(&self, chemin: &str) -> String {
        format!("http://{}{chemin}", self.adresse)
    }
}

impl Drop for Serveur {
    fn drop(&mut self) {
        let _ = self.enfant.kill();
        let _ = self.enfant.wait();
        let _ = std::fs::remove_dir_all(&self.dossier);
    }
}

/// One kept-alive HTTP/1.1 connection.
pub struct Connexion {
    lecteur: BufReader<TcpStream>,
    hote: String,
}

impl Connexion {
    pub fn ouvrir(adresse: &str) -> Result<Connexion> {
        let flux = TcpStream::connect(adresse)?;
        flux.set_read_timeout(Some(Duration::from_secs(10)))?;
        Ok(Connexion {
            lecteur: BufReader::new(flux),
            hote: adresse.to_owned(),
        })
    }

    /// The status and body of `GET chemin`; the connection stays open for the next.
    pub fn get(&mut self, chemin: &str) -> Result<(u16, Vec<u8>)> {
        let requete = format!("GET {chemin} HTTP/1.1\r\nHost: {}\r\n\r\n", self.hote);
        self.lecteur.get_mut().write_all(requete.as_bytes())?;
        let mut ligne = String::new();
        self.lecteur.read_line(&mut ligne)?;
        let statut = ligne
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .with_context(|| format!("status line {ligne:?}"))?;
        let mut longueur = 0;
        loop {
            ligne.clear();
            self.lecteur.read_line(&mut ligne)?;
            let entete = ligne.trim_end();
            if entete.is_empty() {
                break;
            }
            if let Some((nom, valeur)) = entete.split_once(':')
                && nom.eq_ignore_ascii_case("content-length")
            {
                longueur = valeur.trim().parse()?;
            }
        }
        let mut corps = vec![0; longueur];
        self.lecteur.read_exact(&mut corps)?;
        Ok((statut, corps))
    }
}
