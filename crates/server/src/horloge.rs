//! The server owns "now". Listings open and close on French civil days, so today is the
//! date in Europe/Paris, whatever the machine's time zone.

use clef_domain::Jour;
use jiff::tz::TimeZone;

pub trait Horloge: Send + Sync + 'static {
    fn aujourdhui(&self) -> Jour;
}

/// The real clock, read in Paris time.
pub struct HorlogeParis {
    fuseau: TimeZone,
}

impl HorlogeParis {
    pub fn new() -> Result<Self, jiff::Error> {
        Ok(HorlogeParis {
            fuseau: TimeZone::get("Europe/Paris")?,
        })
    }
}

impl Horloge for HorlogeParis {
    fn aujourdhui(&self) -> Jour {
        let date = jiff::Timestamp::now().to_zoned(self.fuseau.clone()).date();
        // jiff's dates are always valid days of years 1 to 9999.
        Jour::new(date.year(), date.month() as u8, date.day() as u8).unwrap_or(Jour::MIN)
    }
}

/// A clock stopped on one day, for tests.
pub struct HorlogeFixe(pub Jour);

impl Horloge for HorlogeFixe {
    fn aujourdhui(&self) -> Jour {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_time_zone_is_available_on_every_machine() {
        // Bundled tz data: the server must not depend on the host's /usr/share/zoneinfo.
        let horloge = HorlogeParis::new().unwrap();
        assert!(horloge.aujourdhui().annee() >= 2025);
    }
}
