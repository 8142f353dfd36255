//! Configuration from the environment, with defaults for the local demo.

use crate::reseau::Reseau;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// Where to listen (`CLEF_ADDR`).
pub const ADRESSE_DEFAUT: &str = "127.0.0.1:8080";
/// The database (`CLEF_DATABASE_URL`): `sqlite:path` (the default) or `postgres://…`.
pub const BASE_DEFAUT: &str = "sqlite:data/clef.db";
/// The built app (`CLEF_DIST`).
pub const DIST_DEFAUT: &str = "dist";
/// Where e-mails are written without an SMTP server (`CLEF_COURRIELS`).
pub const COURRIELS_DEFAUT: &str = "data/courriels";
/// Seconds between two rounds of e-mail alerts (`CLEF_TOURNEE_SECONDES`).
pub const TOURNEE_DEFAUT: u64 = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub adresse: SocketAddr,
    pub base: String,
    pub dist: PathBuf,
    /// Fill an empty database with the demonstration data (`CLEF_DEMO=1`).
    pub demo: bool,
    /// The SMTP server e-mails go through (`CLEF_SMTP_URL`, e.g.
    /// `smtp://user:password@smtp.example.org:587?tls=required`); without it they are
    /// written as `.eml` files in `courriels`.
    pub smtp: Option<String>,
    pub courriels: PathBuf,
    /// The sender of e-mails (`CLEF_EXPEDITEUR`).
    pub expediteur: String,
    /// The public address links in e-mails lead to (`CLEF_URL_PUBLIQUE`).
    pub url_publique: String,
    pub tournee_secondes: u64,
    /// Reverse proxies whose `X-Forwarded-For` is read (`CLEF_PROXYS_DE_CONFIANCE`,
    /// IP addresses separated by commas; none by default).
    pub proxys_de_confiance: Vec<IpAddr>,
    /// The key secrets are stored encrypted with (`CLEF_CLE_SECRETS`, 32 bytes in base64),
    /// and the previous one while rotating (`CLEF_CLE_SECRETS_ANCIENNE`). Without it, the
    /// demo keeps a generated key in a file beside its database; anything else refuses to
    /// start.
    pub cle_secrets: Option<String>,
    pub cle_secrets_ancienne: Option<String>,
}

impl Config {
    /// How Clef is reached, for the handlers.
    pub fn reseau(&self) -> Reseau {
        Reseau {
            https: self.url_publique.starts_with("https://"),
            proxys_de_confiance: self.proxys_de_confiance.iter().copied().collect(),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ErreurConfig {
    #[error("CLEF_ADDR={0:?} n'est pas une adresse IP:port (exemple : 127.0.0.1:8080)")]
    Adresse(String),
    #[error("CLEF_DEMO={0:?} : attendu 1 ou 0")]
    Demo(String),
    #[error("CLEF_TOURNEE_SECONDES={0:?} : attendu un nombre de secondes, au moins 10")]
    Tournee(String),
    #[error("CLEF_URL_PUBLIQUE={0:?} : attendu une adresse http:// ou https://")]
    UrlPublique(String),
    #[error(
        "CLEF_PROXYS_DE_CONFIANCE={0:?} : attendu des adresses IP séparées par des virgules \
         (exemple : 127.0.0.1,::1)"
    )]
    Proxys(String),
    #[error(
        "CLEF_DATABASE_URL={0:?} : attendu sqlite:chemin ou postgres://utilisateur@hôte:port/base"
    )]
    Base(String),
}

impl Config {
    /// Reads the configuration through `lire` (the process environment in `main`).
    pub fn depuis(lire: impl Fn(&str) -> Option<String>) -> Result<Config, ErreurConfig> {
        let adresse_texte = lire("CLEF_ADDR").unwrap_or_else(|| ADRESSE_DEFAUT.to_owned());
        let adresse = adresse_texte
            .parse()
            .map_err(|_| ErreurConfig::Adresse(adresse_texte.clone()))?;
        let base = lire("CLEF_DATABASE_URL").unwrap_or_else(|| BASE_DEFAUT.to_owned());
        if crate::stockage::Moteur::de_l_url(&base).is_none() {
            return Err(ErreurConfig::Base(base));
        }
        let dist = PathBuf::from(lire("CLEF_DIST").unwrap_or_else(|| DIST_DEFAUT.to_owned()));
        let demo = match lire("CLEF_DEMO").as_deref() {
            None | Some("0") | Some("") => false,
            Some("1") => true,
            Some(autre) => return Err(ErreurConfig::Demo(autre.to_owned())),
        };
        let tournee_secondes = match lire("CLEF_TOURNEE_SECONDES") {
            None => TOURNEE_DEFAUT,
            Some(t) => t
                .parse()
                .ok()
                .filter(|s| *s >= 10)
                .ok_or(ErreurConfig::Tournee(t))?,
        };
        let url_publique = lire("CLEF_URL_PUBLIQUE").unwrap_or_else(|| format!("http://{adresse}"));
        if !(url_publique.starts_with("http://") || url_publique.starts_with("https://")) {
            return Err(ErreurConfig::UrlPublique(url_publique));
        }
        let proxys_de_confiance = match lire("CLEF_PROXYS_DE_CONFIANCE") {
            None => Vec::new(),
            Some(liste) => liste
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| p.parse::<IpAddr>())
                .collect::<Result<_, _>>()
                .map_err(|_| ErreurConfig::Proxys(liste.clone()))?,
        };
        Ok(Config {
            adresse,
            base,
            dist,
            demo,
            smtp: lire("CLEF_SMTP_URL").filter(|u| !u.trim().is_empty()),
            courriels: PathBuf::from(
                lire("CLEF_COURRIELS").unwrap_or_else(|| COURRIELS_DEFAUT.to_owned()),
            ),
            expediteur: lire("CLEF_EXPEDITEUR")
                .unwrap_or_else(|| crate::courriel::EXPEDITEUR_DEFAUT.to_owned()),
            url_publique: url_publique.trim_end_matches('/').to_owned(),
            tournee_secondes,
            proxys_de_confiance,
            cle_secrets: lire("CLEF_CLE_SECRETS").filter(|c| !c.trim().is_empty()),
            cle_secrets_ancienne: lire("CLEF_CLE_SECRETS_ANCIENNE")
                .filter(|c| !c.trim().is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ErreurConfig> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::depuis(|k| vars.get(k).cloned())
    }

    #[test]
    fn defaults_serve_the_demo_address_on_a_local_sqlite_file() {
        let c = config(&[]).unwrap();
        assert_eq!(c.adresse.to_string(), "127.0.0.1:8080");
        assert_eq!(c.base, "sqlite:data/clef.db");
        assert!(!c.demo);
        assert_eq!(c.smtp, None);
        assert_eq!(c.courriels, PathBuf::from("data/courriels"));
        assert_eq!(c.url_publique, "http://127.0.0.1:8080");
    }

    #[test]
    fn e_mail_settings_are_read_and_checked() {
        let c = config(&[
            (
                "CLEF_SMTP_URL",
                "smtp://clef:secret@smtp.example.org:587?tls=required",
            ),
            ("CLEF_URL_PUBLIQUE", "https://clef.example.org/"),
            ("CLEF_TOURNEE_SECONDES", "60"),
        ])
        .unwrap();
        assert!(c.smtp.is_some());
        assert_eq!(c.url_publique, "https://clef.example.org");
        assert_eq!(c.tournee_secondes, 60);
        assert!(config(&[("CLEF_URL_PUBLIQUE", "clef.example.org")]).is_err());
        assert!(config(&[("CLEF_TOURNEE_SECONDES", "0")]).is_err());
    }

    #[test]
    fn the_address_can_be_overridden_and_is_checked() {
        assert_eq!(
            config(&[("CLEF_ADDR", "0.0.0.0:3000")])
                .unwrap()
                .adresse
                .port(),
            3000
        );
        assert_eq!(
            config(&[("CLEF_ADDR", "localhost")]),
            Err(ErreurConfig::Adresse("localhost".into()))
        );
    }

    #[test]
    fn demo_mode_is_explicit() {
        assert!(config(&[("CLEF_DEMO", "1")]).unwrap().demo);
        assert!(config(&[("CLEF_DEMO", "oui")]).is_err());
        assert!(config(&[("CLEF_DATABASE_URL", "mysql://x")]).is_err());
        assert!(config(&[("CLEF_DATABASE_URL", "clef.db")]).is_err());
        assert!(config(&[("CLEF_DATABASE_URL", "postgres://clef@127.0.0.1/clef")]).is_ok());
    }

    #[test]
    fn secure_cookies_and_trusted_proxies_are_explicit_settings() {
        // Listening everywhere does not make cookies secure; an https public address does.
        let direct = config(&[("CLEF_ADDR", "0.0.0.0:8080")]).unwrap().reseau();
        assert!(!direct.https);
        assert!(direct.proxys_de_confiance.is_empty());
        let derriere = config(&[
            ("CLEF_URL_PUBLIQUE", "https://clef.example.org"),
            ("CLEF_PROXYS_DE_CONFIANCE", "127.0.0.1, ::1"),
        ])
        .unwrap()
        .reseau();
        assert!(derriere.https);
        assert_eq!(derriere.proxys_de_confiance.len(), 2);
        assert_eq!(
            config(&[("CLEF_PROXYS_DE_CONFIANCE", "10.0.0.0/8")]),
            Err(ErreurConfig::Proxys("10.0.0.0/8".into()))
        );
    }
}
