//! The advisors' second factor: TOTP (RFC 6238: six digits, 30-second steps, one step of
//! clock drift either way), computed by totp-rs. The caller makes each step serve once.

use totp_rs::{Builder, Secret, Totp};

fn totp(secret_base32: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    Builder::new().with_secret(secret).build().ok()
}

/// The step (`instant / 30`) the code belongs to, if it is right at `instant`.
pub fn pas_du_code(secret_base32: &str, code: &str, instant: i64) -> Option<i64> {
    let instant = u64::try_from(instant).ok()?;
    let code = clef_domain::mandat::code_saisi(code)?;
    totp(secret_base32)?
        .check(&code, instant)
        .and_then(|pas| i64::try_from(pas).ok())
}

/// The code an authenticator app shows at `instant` (for tests and the demo).
pub fn code(secret_base32: &str, instant: i64) -> Option<String> {
    let instant = u64::try_from(instant).ok()?;
    Some(totp(secret_base32)?.generate(instant).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn the_rfc_6238_test_vector_is_reproduced() {
        // RFC 6238, appendix B: secret "12345678901234567890", SHA-1, T = 59 → 94287082
        // (eight digits); the last six are the six-digit code.
        assert_eq!(code(SECRET, 59).as_deref(), Some("287082"));
        assert_eq!(code(SECRET, 1_111_111_109).as_deref(), Some("081804"));
    }

    #[test]
    fn a_code_is_accepted_one_step_early_or_late_and_no_more() {
        let maintenant = 1_800_000_000;
        let actuel = code(SECRET, maintenant).unwrap();
        assert_eq!(
            pas_du_code(SECRET, &actuel, maintenant),
            Some(maintenant / 30)
        );
        assert!(pas_du_code(SECRET, &actuel, maintenant + 30).is_some());
        assert_eq!(pas_du_code(SECRET, &actuel, maintenant + 90), None);
        assert_eq!(pas_du_code(SECRET, "000000x", maintenant), None);
        assert_eq!(pas_du_code("pas du base32 !", &actuel, maintenant), None);
    }
}
