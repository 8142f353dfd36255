//! The server's memory under a burst of log-ins (issue 16.12): 32 at once, three times,
//! each from its own address (through the trusted-proxy header, so that the rate limit
//! does not turn them away before their password is hashed). Read from /proc: resident
//! memory before, at its highest (sampled every 20 ms), and 5 s after.

use crate::serveur::Serveur;
use anyhow::{Context, Result, bail};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

pub const CIBLE_MO: u64 = 200;
const A_LA_FOIS: usize = 32;
const VAGUES: usize = 3;

pub struct Memoire {
    pub avant_mo: u64,
    pub pic_mo: u64,
    pub apres_mo: u64,
    pub reponses: Vec<u16>,
}

pub fn resident_mo(pid: u32) -> Result<u64> {
    let statut = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .context("reading the server's /proc status")?;
    let ko: u64 = statut
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("VmRSS")?;
    Ok(ko / 1024)
}

/// One wrong log-in, as it reaches the server through a proxy for `client`.
fn connexion(adresse: &str, client: usize) -> Result<u16> {
    let corps = format!(
        r#"{{"email":"rafale{client}@exemple.fr","mot_de_passe":"pas le bon mot de passe"}}"#
    );
    let requete = format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: {adresse}\r\nContent-Type: application/json\r\n\
         X-CSRF-Token: banc\r\nX-Forwarded-For: 10.1.{}.{}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{corps}",
        client / 200,
        client % 200 + 1,
        corps.len()
    );
    let mut flux = TcpStream::connect(adresse)?;
    flux.set_read_timeout(Some(Duration::from_secs(60)))?;
    flux.write_all(requete.as_bytes())?;
    let mut ligne = String::new();
    BufReader::new(flux).read_line(&mut ligne)?;
    ligne
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("status line {ligne:?}"))
}

pub fn mesurer(serveur: &Serveur) -> Result<Memoire> {
    let pid = serveur.pid();
    let avant_mo = resident_mo(pid)?;
    let mut pic_mo = avant_mo;
    let mut reponses = Vec::new();
    for vague in 0..VAGUES {
        let fils: Vec<_> = (0..A_LA_FOIS)
            .map(|i| {
                let adresse = serveur.adresse.clone();
                std::thread::spawn(move || connexion(&adresse, vague * A_LA_FOIS + i))
            })
            .collect();
        while !fils.iter().all(|f| f.is_finished()) {
            pic_mo = pic_mo.max(resident_mo(pid)?);
            std::thread::sleep(Duration::from_millis(20));
        }
        for f in fils {
            match f.join() {
                Ok(r) => reponses.push(r?),
                Err(_) => bail!("a log-in thread panicked"),
            }
        }
    }
    std::thread::sleep(Duration::from_secs(5));
    Ok(Memoire {
        avant_mo,
        pic_mo,
        apres_mo: resident_mo(pid)?,
        reponses,
    })
}
