//! The *numéro unique* of a social-housing request: the national registration number an
//! applicant receives when their request is recorded (code de la construction et de
//! l'habitation, art. L.441-2-1 and R.441-2-4), kept when it is renewed every year.
//!
//! Its shape, as printed on the registration certificate: 18 characters, made of the
//! département code (3: `062`, `02A`, `974`), the year and month of the first filing (4),
//! and 11 letters or digits (the sequence number and the code of the registering desk).
//! People type it with spaces or hyphens: those are ignored.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub const LONGUEUR: usize = 18;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NumeroUnique(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumeroUniqueInvalide;

impl NumeroUnique {
    pub fn parse(texte: &str) -> Result<NumeroUnique, NumeroUniqueInvalide> {
        let normalise: String = texte
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}' | '\u{202f}'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let b = normalise.as_bytes();
        if b.len() != LONGUEUR || !b.iter().all(u8::is_ascii_alphanumeric) {
            return Err(NumeroUniqueInvalide);
        }
        let chiffres = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let departement = &normalise[..3];
        let departement_valide = match departement {
            "02A" | "02B" => true,
            d if chiffres(0..3) => {
                let n: u16 = d.parse().unwrap_or(0);
                (1..=95).contains(&n) && n != 20 || (971..=976).contains(&n)
            }
            _ => false,
        };
        let mois: u8 = normalise[5..7].parse().unwrap_or(0);
        if !departement_valide || !chiffres(3..7) || !(1..=12).contains(&mois) {
            return Err(NumeroUniqueInvalide);
        }
        Ok(NumeroUnique(normalise))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn departement(&self) -> &str {
        &self.0[..3]
    }

    /// Year (two digits) and month of the first filing, as encoded in the number.
    pub fn annee_mois_depot(&self) -> (u8, u8) {
        (
            self.0[3..5].parse().unwrap_or(0),
            self.0[5..7].parse().unwrap_or(0),
        )
    }
}

impl fmt::Display for NumeroUnique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for NumeroUnique {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for NumeroUnique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let texte = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        NumeroUnique::parse(&texte).map_err(|_| serde::de::Error::custom("numéro unique invalide"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numero_unique_is_read_whatever_the_spaces_and_case() {
        let n = NumeroUnique::parse("062 2311 00012 3456 7a").unwrap();
        assert_eq!(n.as_str(), "062231100012345 67A".replace(' ', ""));
        assert_eq!(n.departement(), "062");
        assert_eq!(n.annee_mois_depot(), (23, 11));
        assert!(NumeroUnique::parse("02A-2401-AB1234567C9").is_ok());
        assert!(NumeroUnique::parse("974250100000000001").is_ok());
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for faux in [
            "",
            "0622311000123456",    // too short
            "06223110001234567AB", // too long
            "0002311000123456AB",  // département 000
            "0962311000123456AB",  // no département 096
            "0202311000123456AB",  // 20 is split into 2A and 2B
            "0622313000123456AB",  // month 13
            "062AB11000123456AB",  // year not digits
            "062231100012345€AB",
        ] {
            assert_eq!(
                NumeroUnique::parse(faux),
                Err(NumeroUniqueInvalide),
                "{faux}"
            );
        }
    }
}
