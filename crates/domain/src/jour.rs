//! A civil day (`2026-11-30`): no time, no time zone. Listings open and close on days.
//!
//! Hand-written rather than a date library on purpose: the app compiles this crate to
//! WebAssembly, and the date libraries measured (jiff) added over 100 KB of error text and
//! time-zone machinery the app never uses. A day needs only this.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A valid day of the proleptic Gregorian calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Jour {
    annee: i16,
    mois: u8,
    jour: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JourInvalide;

impl Jour {
    pub const fn new(annee: i16, mois: u8, jour: u8) -> Result<Jour, JourInvalide> {
        if annee < 1
            || annee > 9999
            || mois < 1
            || mois > 12
            || jour < 1
            || jour > jours_du_mois(annee, mois)
        {
            return Err(JourInvalide);
        }
        Ok(Jour { annee, mois, jour })
    }

    pub const fn annee(self) -> i16 {
        self.annee
    }

    pub const fn mois(self) -> u8 {
        self.mois
    }

    pub const fn jour(self) -> u8 {
        self.jour
    }

    /// Days since 1970-01-01 (negative before).
    pub const fn numero(self) -> i32 {
        // Days from civil, H. Hinnant's algorithm (public domain).
        let y = self.annee as i32 - if self.mois <= 2 { 1 } else { 0 };
        let ere = y.div_euclid(400);
        let yoe = y - ere * 400;
        let m = self.mois as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.jour as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        ere * 146_097 + doe - 719_468
    }

    /// The day with the given number (see [`Jour::numero`]), if within years 1 to 9999.
    pub const fn depuis_numero(numero: i32) -> Result<Jour, JourInvalide> {
        let z = numero + 719_468;
        let ere = z.div_euclid(146_097);
        let doe = z - ere * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let jour = doy - (153 * mp + 2) / 5 + 1;
        let mois = if mp < 10 { mp + 3 } else { mp - 9 };
        let annee = yoe + ere * 400 + if mois <= 2 { 1 } else { 0 };
        if annee < 1 || annee > 9999 {
            return Err(JourInvalide);
        }
        Jour::new(annee as i16, mois as u8, jour as u8)
    }

    /// The day `n` days later (earlier if negative), kept within years 1 to 9999.
    pub const fn plus_jours(self, n: i32) -> Jour {
        match Jour::depuis_numero(self.numero().saturating_add(n)) {
            Ok(j) => j,
            Err(_) if n < 0 => Jour::MIN,
            Err(_) => Jour::MAX,
        }
    }

    /// The same day `n` months later, or the month's last day when it is shorter
    /// (31 January plus one month is 28 or 29 February).
    pub fn plus_mois(self, n: u32) -> Jour {
        let total = i64::from(self.mois) - 1 + i64::from(n);
        let annee = i64::from(self.annee) + total / 12;
        if annee > 9999 {
            return Jour::MAX;
        }
        let annee = annee as i16;
        let mois = (total % 12) as u8 + 1;
        let jour = self.jour.min(jours_du_mois(annee, mois));
        Jour { annee, mois, jour }
    }

    /// Days from `self` to `autre` (negative if `autre` is earlier).
    pub const fn jours_jusqua(self, autre: Jour) -> i32 {
        autre.numero() - self.numero()
    }

    pub const MIN: Jour = Jour {
        annee: 1,
        mois: 1,
        jour: 1,
    };
    pub const MAX: Jour = Jour {
        annee: 9999,
        mois: 12,
        jour: 31,
    };
}

const fn bissextile(annee: i16) -> bool {
    (annee % 4 == 0 && annee % 100 != 0) || annee % 400 == 0
}

const fn jours_du_mois(annee: i16, mois: u8) -> u8 {
    match mois {
        2 if bissextile(annee) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Jour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.annee, self.mois, self.jour)
    }
}

impl FromStr for Jour {
    type Err = JourInvalide;

    /// Reads exactly `YYYY-MM-DD`.
    fn from_str(texte: &str) -> Result<Jour, JourInvalide> {
        let b = texte.as_bytes();
        let chiffres = |r: std::ops::Range<usize>| -> Result<u16, JourInvalide> {
            b[r].iter().try_fold(0u16, |n, &c| {
                if c.is_ascii_digit() {
                    Ok(n * 10 + u16::from(c - b'0'))
                } else {
                    Err(JourInvalide)
                }
            })
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(JourInvalide);
        }
        let annee = i16::try_from(chiffres(0..4)?).map_err(|_| JourInvalide)?;
        Jour::new(annee, chiffres(5..7)? as u8, chiffres(8..10)? as u8)
    }
}

impl Serialize for Jour {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Jour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let texte = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        texte.parse().map_err(|_| {
            serde::de::Error::custom(format!("date invalide (AAAA-MM-JJ attendu) : {texte}"))
        })
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Jour {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Date,
            )))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Jour {}

/// `jour!(2026, 11, 30)` for days known valid in code (tests, constants).
#[macro_export]
macro_rules! jour {
    ($a:expr, $m:expr, $j:expr) => {
        match $crate::jour::Jour::new($a, $m, $j) {
            Ok(j) => j,
            Err(_) => panic!("jour invalide"),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_is_day_zero_and_numbers_round_trip() {
        assert_eq!(jour!(1970, 1, 1).numero(), 0);
        assert_eq!(jour!(2000, 3, 1).numero(), 11_017);
        for n in [-719_162, -1, 0, 1, 20_000, 2_932_896] {
            assert_eq!(Jour::depuis_numero(n).unwrap().numero(), n, "{n}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(Jour::new(2024, 2, 29).is_ok());
        assert!(Jour::new(2026, 2, 29).is_err());
        assert!(Jour::new(2000, 2, 29).is_ok());
        assert!(Jour::new(1900, 2, 29).is_err());
        assert_eq!(jour!(2028, 2, 28).plus_jours(1), jour!(2028, 2, 29));
        assert_eq!(jour!(2026, 12, 31).plus_jours(1), jour!(2027, 1, 1));
    }

    #[test]
    fn adding_months_keeps_the_day_or_takes_the_last_of_a_shorter_month() {
        assert_eq!(jour!(2026, 11, 22).plus_mois(1), jour!(2026, 12, 22));
        assert_eq!(jour!(2026, 11, 22).plus_mois(2), jour!(2027, 1, 22));
        assert_eq!(jour!(2024, 1, 31).plus_mois(1), jour!(2024, 2, 29));
        assert_eq!(jour!(2026, 5, 31).plus_mois(12), jour!(2027, 5, 31));
        assert_eq!(Jour::MAX.plus_mois(1), Jour::MAX);
    }

    #[test]
    fn days_between_two_days() {
        assert_eq!(jour!(2026, 11, 22).jours_jusqua(jour!(2026, 11, 30)), 8);
        assert_eq!(jour!(2026, 11, 30).jours_jusqua(jour!(2026, 11, 22)), -8);
        assert_eq!(jour!(2026, 1, 1).jours_jusqua(jour!(2027, 1, 1)), 365);
    }

    #[test]
    fn only_strict_iso_dates_are_read() {
        assert_eq!("2026-11-30".parse(), Ok(jour!(2026, 11, 30)));
        for faux in [
            "2026-11-31",
            "2026-13-01",
            "26-11-30",
            "2026/11/30",
            "2026-1-30",
            "2026-11-30T00:00",
            "",
            "+026-11-30",
        ] {
            assert_eq!(faux.parse::<Jour>(), Err(JourInvalide), "{faux}");
        }
        assert_eq!(jour!(7, 3, 9).to_string(), "0007-03-09");
    }

    #[test]
    fn days_serialise_as_iso_strings() {
        let j = jour!(2026, 11, 30);
        assert_eq!(serde_json::to_string(&j).unwrap(), "\"2026-11-30\"");
        assert_eq!(serde_json::from_str::<Jour>("\"2026-11-30\"").unwrap(), j);
        assert!(serde_json::from_str::<Jour>("\"2026-02-30\"").is_err());
    }

    #[test]
    fn adding_days_saturates_at_the_calendar_bounds() {
        assert_eq!(Jour::MAX.plus_jours(10), Jour::MAX);
        assert_eq!(Jour::MIN.plus_jours(-10), Jour::MIN);
    }
}
