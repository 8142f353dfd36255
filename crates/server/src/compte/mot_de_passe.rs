//! Passwords: argon2id (the `argon2` crate's defaults, OWASP's recommended parameters),
//! at least 12 characters, never one of the common ones.
//!
//! Hashing is slow on purpose and takes 19 MiB each time, so it runs in a small workshop
//! ([`crate::atelier`]): one thread per core, a bounded queue in front. A burst of log-ins
//! then costs a few threads' memory, not one hash's memory per request, and past the queue
//! the answer is 503 with `Retry-After` (`ErreurApi::Occupe`).

use crate::atelier::Atelier;
use crate::probleme::ErreurApi;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use clef_domain::Regle;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use std::cell::RefCell;
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

thread_local! {
    /// Each workshop thread's argon2 memory (19 MiB), kept and reused from one hash to
    /// the next: a burst of log-ins holds one buffer per thread, and no hash asks the
    /// allocator for memory it would then keep.
    static MEMOIRE: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Argon2 over `mot_de_passe` and `sel` into `sortie`, in this thread's memory.
fn calculer(
    algorithme: Algorithm,
    version: Version,
    params: Params,
    mot_de_passe: &[u8],
    sel: &[u8],
    sortie: &mut [u8],
) -> Result<(), argon2::Error> {
    MEMOIRE.with_borrow_mut(|blocs| {
        let n = params.block_count();
        if blocs.len() != n {
            *blocs = vec![Block::default(); n];
        }
        Argon2::new(algorithme, version, params).hash_password_into_with_memory(
            mot_de_passe,
            sel,
            sortie,
            &mut blocs[..],
        )
    })
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of an argon2id hash with the
/// crate's default (OWASP) parameters and a fresh random salt.
fn hache_phc(mot_de_passe: &[u8]) -> anyhow::Result<String> {
    let mut aleatoire = [0u8; 16];
    getrandom::fill(&mut aleatoire).map_err(|e| anyhow::anyhow!("aléa : {e}"))?;
    hache_phc_avec_sel(mot_de_passe, &aleatoire)
}

fn hache_phc_avec_sel(mot_de_passe: &[u8], aleatoire: &[u8]) -> anyhow::Result<String> {
    let erreur = |e: &dyn std::fmt::Display| anyhow::anyhow!("argon2 : {e}");
    let sel = SaltString::encode_b64(aleatoire).map_err(|e| erreur(&e))?;
    let params = Params::default();
    let mut sortie = [0u8; Params::DEFAULT_OUTPUT_LEN];
    calculer(
        Algorithm::Argon2id,
        Version::V0x13,
        params.clone(),
        mot_de_passe,
        aleatoire,
        &mut sortie,
    )
    .map_err(|e| erreur(&e))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| erreur(&e))?,
        salt: Some(sel.as_salt()),
        hash: Some(Output::new(&sortie).map_err(|e| erreur(&e))?),
    };
    Ok(phc.to_string())
}

/// Whether `mot_de_passe` gives the hash of the PHC string `hache` (its own algorithm,
/// parameters and salt), compared in constant time.
fn verifie_phc(mot_de_passe: &[u8], hache: &str) -> bool {
    let Ok(hache) = PasswordHash::new(hache) else {
        return false;
    };
    let (Some(sel), Some(attendu)) = (hache.salt, hache.hash) else {
        return false;
    };
    let (Ok(algorithme), Ok(params)) = (
        Algorithm::try_from(hache.algorithm),
        Params::try_from(&hache),
    ) else {
        return false;
    };
    let version = match hache.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let mut tampon = [0u8; 64];
    let Ok(sel) = sel.decode_b64(&mut tampon) else {
        return false;
    };
    let mut sortie = vec![0u8; attendu.len()];
    if calculer(algorithme, version, params, mot_de_passe, sel, &mut sortie).is_err() {
        return false;
    }
    // `Output`'s comparison is constant-time.
    Output::new(&sortie).is_ok_and(|calcule| calcule == attendu)
}

/// The PHC string of the password's argon2id hash, with a fresh random salt.
pub async fn hacher(atelier: &Atelier, mot_de_passe: String) -> Result<String, ErreurApi> {
    atelier
        .faire(move || hache_phc(mot_de_passe.as_bytes()))
        .await?
        .map_err(|e| ErreurApi::Interne(e.to_string()))
}

/// A hash to check against when the account does not exist, so that an unknown e-mail
/// takes as long to refuse as a wrong password.
static LEURRE: LazyLock<String> = LazyLock::new(|| {
    hache_phc_avec_sel(
        b"aucun compte ne porte ce mot de passe",
        b"clef-leurre-sel!",
    )
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
            let bon = verifie_phc(mot_de_passe.as_bytes(), &hache);
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

    /// The hashes are the argon2 crate's own: each side verifies the other's, so stored
    /// hashes keep working and stay standard PHC strings.
    #[test]
    fn hashes_written_here_and_by_the_argon2_crate_verify_each_other() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let ici = hache_phc(b"cheval agrafe batterie").unwrap();
        let ici = PasswordHash::new(&ici).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"cheval agrafe batterie", &ici)
                .is_ok()
        );
        let sel = SaltString::encode_b64(b"un sel de seize!").unwrap();
        let la_bas = Argon2::default()
            .hash_password(b"cheval agrafe batterie", &sel)
            .unwrap()
            .to_string();
        assert!(verifie_phc(b"cheval agrafe batterie", &la_bas));
        assert!(!verifie_phc(b"cheval agrafe batteri", &la_bas));
        assert!(!verifie_phc(b"cheval agrafe batterie", "pas un hachage"));
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
