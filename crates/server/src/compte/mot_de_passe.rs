//! Passwords: argon2id (the `argon2` crate's defaults, OWASP's recommended parameters),
//! at least 12 characters, never one of the common ones.
//!
//! Hashing is slow on purpose and takes 19 MiB each time, so it runs in a small workshop
//! ([`crate::atelier`]): one thread per core, a bounded queue in front. A burst of log-ins
//! then costs a few threads' memory, not one hash's memory per request, and past the queue
//! the answer is 503 with `Retry-After` (`ErreurApi::Occupe`).

use crate::atelier::Atelier;
use crate::probleme::ErreurApi;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use clef_domain::Regle;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use std::sync::LazyLock;

pub const LONGUEUR_MIN: usize = 12;
/// Long enough for any passphrase, short enough that hashing stays cheap.
pub const LONGUEUR_MAX: usize = 128;

const COURANTS: &str = include_str!("mots_de_passe_courants.txt");

fn courant(mot_de_passe: &str) -> bool {
    let minuscule = mot_de_passe.to_lowercase();
    COURANTS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.trim() == minuscule)
}

/// Checks a new password, given the identifiers it must not repeat.
pub fn verifier_robustesse(mot_de_passe: &str, identifiants: &[&str]) -> Option<ErreurChamp> {
    let longueur = mot_de_passe.chars().count();
    let code = if !(LONGUEUR_MIN..=LONGUEUR_MAX).contains(&longueur) {
        CodeErreur::HorsLimites {
            min: LONGUEUR_MIN as i64,
            max: LONGUEUR_MAX as i64,
        }
    } else if courant(mot_de_passe) {
        CodeErreur::TropCourant
    } else if identifiants
        .iter()
        .any(|id| !id.is_empty() && mot_de_passe.to_lowercase().contains(&id.to_lowercase()))
    {
        CodeErreur::Incoherent {
            regle: Regle::MotDePasseIdentifiant,
        }
    } else {
        return None;
    };
    Some(ErreurChamp::new("mot_de_passe", code))
}

/// The PHC string of the password's argon2id hash, with a fresh random salt.
pub async fn hacher(atelier: &Atelier, mot_de_passe: String) -> Result<String, ErreurApi> {
    atelier
        .faire(move || {
            let mut sel = [0u8; 16];
            getrandom::fill(&mut sel).map_err(|e| anyhow::anyhow!("aléa : {e}"))?;
            let sel = SaltString::encode_b64(&sel).map_err(|e| anyhow::anyhow!("sel : {e}"))?;
            Argon2::default()
                .hash_password(mot_de_passe.as_bytes(), &sel)
                .map(|h| h.to_string())
                .map_err(|e| anyhow::anyhow!("argon2 : {e}"))
        })
        .await?
        .map_err(|e| ErreurApi::Interne(e.to_string()))
}

/// A hash to check against when the account does not exist, so that an unknown e-mail
/// takes as long to refuse as a wrong password.
static LEURRE: LazyLock<String> = LazyLock::new(|| {
    SaltString::encode_b64(b"clef-leurre-sel!")
        .ok()
        .and_then(|sel| {
            Argon2::default()
                .hash_password(b"aucun compte ne porte ce mot de passe", &sel)
                .ok()
                .map(|h| h.to_string())
        })
        .unwrap_or_default()
});

/// Whether `mot_de_passe` matches `hache` (or, without a hash, takes the same time to say
/// no).
pub async fn correspond(
    atelier: &Atelier,
    mot_de_passe: String,
    hache: Option<String>,
) -> Result<bool, ErreurApi> {
    atelier
        .faire(move || {
            let existe = hache.is_some();
            let hache = hache.unwrap_or_else(|| LEURRE.clone());
            let Ok(hache) = PasswordHash::new(&hache) else {
                return false;
            };
            let bon = Argon2::default()
                .verify_password(mot_de_passe.as_bytes(), &hache)
                .is_ok();
            existe && bon
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_or_revealing_passwords_are_refused() {
        let code = |m: &str| verifier_robustesse(m, &["marie@exemple.fr"]).map(|e| e.code);
        assert!(matches!(
            code("court"),
            Some(CodeErreur::HorsLimites { .. })
        ));
        assert!(matches!(
            code(&"x".repeat(129)),
            Some(CodeErreur::HorsLimites { .. })
        ));
        assert_eq!(code("AzertyUiop123"), Some(CodeErreur::TropCourant));
        assert!(matches!(
            code("xMarie@exemple.fr!"),
            Some(CodeErreur::Incoherent { .. })
        ));
        assert_eq!(code("cheval agrafe batterie"), None);
        // Accents count as one character each.
        assert_eq!(code("éléphantôté"), code("court"));
    }

    #[tokio::test]
    async fn a_hash_accepts_its_password_only() {
        let atelier = Atelier::hachages();
        let hache = hacher(&atelier, "cheval agrafe batterie".into())
            .await
            .unwrap();
        assert!(hache.starts_with("$argon2id$"));
        let oui = |m: &str, h: Option<String>| correspond(&atelier, m.to_owned(), h);
        assert!(
            oui("cheval agrafe batterie", Some(hache.clone()))
                .await
                .unwrap()
        );
        assert!(!oui("cheval agrafe batteri", Some(hache)).await.unwrap());
        assert!(
            !oui("aucun compte ne porte ce mot de passe", None)
                .await
                .unwrap()
        );
    }
}
