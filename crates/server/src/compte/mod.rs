//! Accounts: passwords, sessions, log-in rate limits.

pub mod coffre;
pub mod limite;
pub mod mandataire;
pub mod mot_de_passe;
pub mod session;
pub mod totp;

pub use session::{
    Agent, AgentTerritoire, AvecEnteteCsrf, Candidater, Conseiller, Consulter, Demandeur,
    Mandataire, PourDemandeur, RemplirFoyer, Session,
};

use clef_domain::erreur::{CodeErreur, ErreurChamp};

/// The longest e-mail address (RFC 5321).
pub const EMAIL_MAX: usize = 254;

/// Trims and lower-cases an e-mail address, and checks its shape: one `@`, something
/// before, a dotted domain after, no spaces.
pub fn email_valide(texte: &str) -> Result<String, ErreurChamp> {
    let email = texte.trim().to_lowercase();
    let code = if email.is_empty() {
        CodeErreur::Requis
    } else {
        let bonne_forme = email.len() <= EMAIL_MAX
            && !email.chars().any(char::is_whitespace)
            && clef_domain::texte::propre(&email, false)
            && email.split_once('@').is_some_and(|(local, domaine)| {
                !local.is_empty()
                    && !domaine.contains('@')
                    && domaine.contains('.')
                    && !domaine.starts_with('.')
                    && !domaine.ends_with('.')
            });
        if bonne_forme {
            return Ok(email);
        }
        CodeErreur::FormatInvalide
    };
    Err(ErreurChamp::new("email", code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_with_hidden_characters_are_refused() {
        for cache in [
            "marie\0@exemple.fr",
            "marie@exem\u{202E}ple.fr",
            "ma\u{200B}rie@exemple.fr",
        ] {
            assert_eq!(
                email_valide(cache).map_err(|e| e.code),
                Err(CodeErreur::FormatInvalide),
                "{cache:?}"
            );
        }
    }

    #[test]
    fn e_mail_addresses_are_normalised_and_checked() {
        assert_eq!(
            email_valide("  Marie.D@Exemple.FR ").unwrap(),
            "marie.d@exemple.fr"
        );
        for mauvais in [
            "",
            "marie",
            "marie@",
            "@exemple.fr",
            "ma rie@exemple.fr",
            "m@exemple",
            "m@@e.fr",
        ] {
            assert!(email_valide(mauvais).is_err(), "{mauvais}");
        }
    }
}
