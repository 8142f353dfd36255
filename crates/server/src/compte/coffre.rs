//! Secrets kept in the database encrypted (the advisors' TOTP secrets): XChaCha20-Poly1305
//! (RustCrypto's `chacha20poly1305`) with a key kept outside the database (`CLEF_CLE_SECRETS`,
//! 32 bytes in base64; the demo writes one in a file beside its database). Someone who
//! copies the database does not get the second factors with it.
//!
//! Stored form: `v1:` then base64 of a random 24-byte nonce followed by the ciphertext.
//! Rotation: start with the new key in `CLEF_CLE_SECRETS` and the old one in
//! `CLEF_CLE_SECRETS_ANCIENNE`; every secret is re-encrypted at start (`rechiffrer`), then
//! the old key can go.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const PREFIXE: &str = "v1:";

/// The key secrets are encrypted with, and the previous one while rotating.
#[derive(Clone)]
pub struct Coffre {
    cle: XChaCha20Poly1305,
    ancienne: Option<XChaCha20Poly1305>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ErreurCoffre {
    #[error("clé invalide : 32 octets encodés en base64 attendus (`openssl rand -base64 32`)")]
    CleInvalide,
    #[error("secret illisible avec cette clé (mauvaise clé, ou donnée abîmée)")]
    Illisible,
    #[error("aléa indisponible")]
    Alea,
}

fn chiffreur(base64: &str) -> Result<XChaCha20Poly1305, ErreurCoffre> {
    let octets = STANDARD
        .decode(base64.trim())
        .map_err(|_| ErreurCoffre::CleInvalide)?;
    XChaCha20Poly1305::new_from_slice(&octets).map_err(|_| ErreurCoffre::CleInvalide)
}

impl Coffre {
    pub fn new(cle: &str, ancienne: Option<&str>) -> Result<Coffre, ErreurCoffre> {
        Ok(Coffre {
            cle: chiffreur(cle)?,
            ancienne: ancienne.map(chiffreur).transpose()?,
        })
    }

    /// A new random key, in base64.
    pub fn nouvelle_cle() -> Result<String, ErreurCoffre> {
        let mut octets = [0u8; 32];
        getrandom::fill(&mut octets).map_err(|_| ErreurCoffre::Alea)?;
        Ok(STANDARD.encode(octets))
    }

    pub fn chiffrer(&self, secret: &str) -> Result<String, ErreurCoffre> {
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|_| ErreurCoffre::Alea)?;
        let chiffre = self
            .cle
            .encrypt(XNonce::from_slice(&nonce), secret.as_bytes())
            .map_err(|_| ErreurCoffre::Illisible)?;
        let mut tout = nonce.to_vec();
        tout.extend(chiffre);
        Ok(format!("{PREFIXE}{}", STANDARD.encode(tout)))
    }

    pub fn dechiffrer(&self, stocke: &str) -> Result<String, ErreurCoffre> {
        self.ouvrir(stocke, &self.cle)
    }

    fn ouvrir(&self, stocke: &str, cle: &XChaCha20Poly1305) -> Result<String, ErreurCoffre> {
        let tout = stocke
            .strip_prefix(PREFIXE)
            .and_then(|b| STANDARD.decode(b).ok())
            .filter(|t| t.len() > 24)
            .ok_or(ErreurCoffre::Illisible)?;
        let (nonce, chiffre) = tout.split_at(24);
        let clair = cle
            .decrypt(XNonce::from_slice(nonce), chiffre)
            .map_err(|_| ErreurCoffre::Illisible)?;
        String::from_utf8(clair).map_err(|_| ErreurCoffre::Illisible)
    }

    /// What a stored value becomes under the current key: `None` when it already is
    /// encrypted with it; a plain secret (from before encryption) or one under the old key
    /// is encrypted again.
    pub fn rechiffre(&self, stocke: &str) -> Result<Option<String>, ErreurCoffre> {
        if !stocke.starts_with(PREFIXE) {
            return self.chiffrer(stocke).map(Some);
        }
        if self.dechiffrer(stocke).is_ok() {
            return Ok(None);
        }
        let ancienne = self.ancienne.as_ref().ok_or(ErreurCoffre::Illisible)?;
        let clair = self.ouvrir(stocke, ancienne)?;
        self.chiffrer(&clair).map(Some)
    }
}

/// Encrypts, under the current key, every stored secret that is not yet: those written
/// before encryption (and by the demo's seeding) and those under the old key. Run at
/// start; fails (and the server does not start) on a secret no key opens.
pub async fn rechiffrer(base: &sqlx::AnyPool, coffre: &Coffre) -> anyhow::Result<usize> {
    let mut n = 0;
    for (compte_id, stocke) in crate::stockage::comptes::secrets_totp(base).await? {
        let nouveau = coffre
            .rechiffre(&stocke)
            .map_err(|e| anyhow::anyhow!("secret TOTP du compte {compte_id} : {e}"))?;
        if let Some(nouveau) = nouveau {
            crate::stockage::comptes::remplacer_secret_totp(base, compte_id, &nouveau).await?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_stored_encrypted_and_read_back_with_the_key_only() {
        let coffre = Coffre::new(&Coffre::nouvelle_cle().unwrap(), None).unwrap();
        let stocke = coffre.chiffrer("CLEFDEMOCONSEILLERBETHUNEFRANCES").unwrap();
        assert!(stocke.starts_with("v1:"));
        assert!(!stocke.contains("CLEFDEMO"));
        // A fresh nonce each time.
        assert_ne!(
            stocke,
            coffre.chiffrer("CLEFDEMOCONSEILLERBETHUNEFRANCES").unwrap()
        );
        assert_eq!(
            coffre.dechiffrer(&stocke).unwrap(),
            "CLEFDEMOCONSEILLERBETHUNEFRANCES"
        );
        let autre = Coffre::new(&Coffre::nouvelle_cle().unwrap(), None).unwrap();
        assert_eq!(autre.dechiffrer(&stocke), Err(ErreurCoffre::Illisible));
        assert_eq!(
            Coffre::new("trop court", None).err(),
            Some(ErreurCoffre::CleInvalide)
        );
    }

    #[test]
    fn rotation_re_encrypts_old_and_plain_secrets_under_the_new_key() {
        let (vieille, neuve) = (
            Coffre::nouvelle_cle().unwrap(),
            Coffre::nouvelle_cle().unwrap(),
        );
        let avant = Coffre::new(&vieille, None).unwrap();
        let stocke = avant.chiffrer("SECRETSECRETSECRETSECRETSE").unwrap();
        let apres = Coffre::new(&neuve, Some(&vieille)).unwrap();
        let rechiffre = apres.rechiffre(&stocke).unwrap().expect("re-encrypted");
        assert_eq!(
            Coffre::new(&neuve, None)
                .unwrap()
                .dechiffrer(&rechiffre)
                .unwrap(),
            "SECRETSECRETSECRETSECRETSE"
        );
        assert_eq!(apres.rechiffre(&rechiffre).unwrap(), None);
        let clair = apres
            .rechiffre("SECRETSECRETSECRETSECRETSE")
            .unwrap()
            .unwrap();
        assert!(clair.starts_with("v1:"));
        // Without the old key, an old secret cannot be read: start refuses.
        assert_eq!(
            Coffre::new(&neuve, None).unwrap().rechiffre(&stocke),
            Err(ErreurCoffre::Illisible)
        );
    }
}
