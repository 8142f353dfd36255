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
        let r = self.envoyer("GET", chemin, &[], "")?;
        Ok((r.statut, r.corps))
    }

    /// One request with these headers and this JSON body (none when empty).
    pub fn envoyer(
        &mut self,
        methode: &str,
        chemin: &str,
        entetes: &[(&str, &str)],
        corps: &str,
    ) -> Result<Reponse> {
        let mut requete = format!("{methode} {chemin} HTTP/1.1\r\nHost: {}\r\n", self.hote);
        for (nom, valeur) in entetes {
            requete.push_str(&format!("{nom}: {valeur}\r\n"));
        }
        if !corps.is_empty() {
            requete.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                corps.len()
            ));
        }
        requete.push_str("\r\n");
        requete.push_str(corps);
        self.lecteur.get_mut().write_all(requete.as_bytes())?;
        let mut ligne = String::new();
        self.lecteur.read_line(&mut ligne)?;
        let statut = ligne
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .with_context(|| format!("status line {ligne:?}"))?;
        let mut lus = Vec::new();
        let mut longueur = 0;
        loop {
            ligne.clear();
            self.lecteur.read_line(&mut ligne)?;
            let entete = ligne.trim_end();
            if entete.is_empty() {
                break;
            }
            if let Some((nom, valeur)) = entete.split_once(':') {
                let (nom, valeur) = (nom.to_ascii_lowercase(), valeur.trim().to_owned());
                if nom == "content-length" {
                    longueur = valeur.parse()?;
                }
                lus.push((nom, valeur));
            }
        }
        let mut corps = vec![0; longueur];
        self.lecteur.read_exact(&mut corps)?;
        Ok(Reponse {
            statut,
            entetes: lus,
            corps,
        })
    }
}

/// An answer: status, headers (names in lower case) and body.
pub struct Reponse {
    pub statut: u16,
    pub entetes: Vec<(String, String)>,
    pub corps: Vec<u8>,
}

impl Reponse {
    pub fn entete(&self, nom: &str) -> Option<&str> {
        self.entetes
            .iter()
            .find(|(n, _)| n == nom)
            .map(|(_, v)| v.as_str())
    }
}
