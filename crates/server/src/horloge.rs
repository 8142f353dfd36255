//! The server owns "now". Listings open and close on French civil days, so today is the
//! date in Europe/Paris, whatever the machine's time zone. Sessions and rate limits count
//! in Unix seconds.

use clef_domain::Jour;
use jiff::tz::TimeZone;
use std::sync::atomic::{AtomicI64, Ordering};

pub trait Horloge: Send + Sync + 'static {
    /// Now, in Unix seconds.
    fn instant(&self) -> i64;

    /// Today in Paris.
    fn aujourdhui(&self) -> Jour {
        jour_a_paris(self.instant())
    }
}

fn paris() -> TimeZone {
    // Bundled tz data (jiff's `tzdb-bundle-always`): always there.
    TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)
}

/// The civil day in Paris at Unix second `instant`.
pub fn jour_a_paris(instant: i64) -> Jour {
    let date = jiff::Timestamp::from_second(instant)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(paris())
        .date();
    // jiff's dates are always valid days of years 1 to 9999.
    Jour::new(date.year(), date.month() as u8, date.day() as u8).unwrap_or(Jour::MIN)
}

/// An instant as the journal stores it: ISO 8601, UTC.
pub fn iso(instant: i64) -> String {
    jiff::Timestamp::from_second(instant)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

/// A journal time (ISO 8601, UTC) as people in France read it: the day and `15 h 04`.
pub fn jour_et_heure_a_paris(iso: &str) -> Option<(Jour, String)> {
    let instant: jiff::Timestamp = iso.parse().ok()?;
    let heure = instant.to_zoned(paris());
    Some((
        jour_a_paris(instant.as_second()),
        format!("{} h {:02}", heure.hour(), heure.minute()),
    ))
}

/// Noon in Paris on `jour`, in Unix seconds.
pub fn midi_a_paris(jour: Jour) -> i64 {
    jiff::civil::date(jour.annee(), jour.mois() as i8, jour.jour() as i8)
        .at(12, 0, 0, 0)
        .to_zoned(paris())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

/// The real clock.
pub struct HorlogeParis;

impl HorlogeParis {
    pub fn new() -> Result<Self, jiff::Error> {
        TimeZone::get("Europe/Paris")?;
        Ok(HorlogeParis)
    }
}

impl Horloge for HorlogeParis {
    fn instant(&self) -> i64 {
        jiff::Timestamp::now().as_second()
    }
}

/// A clock that only moves when told to, for tests: it starts at noon (Paris) on a day.
pub struct HorlogeFixe(AtomicI64);

impl HorlogeFixe {
    pub fn new(jour: Jour) -> HorlogeFixe {
        HorlogeFixe(AtomicI64::new(midi_a_paris(jour)))
    }

    pub fn avancer(&self, secondes: i64) {
        self.0.fetch_add(secondes, Ordering::SeqCst);
    }

    pub fn avancer_jours(&self, jours: i64) {
        self.avancer(jours * 86_400);
    }
}

impl Horloge for HorlogeFixe {
    fn instant(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clef_domain::jour;

    #[test]
    fn paris_time_zone_is_available_on_every_machine() {
        let horloge = HorlogeParis::new().unwrap();
        assert!(horloge.aujourdhui().annee() >= 2025);
    }

    #[test]
    fn a_fixed_clock_shows_its_day_and_moves_only_when_told() {
        let horloge = HorlogeFixe::new(jour!(2026, 11, 22));
        assert_eq!(horloge.aujourdhui(), jour!(2026, 11, 22));
        horloge.avancer(11 * 3600 + 59 * 60);
        assert_eq!(horloge.aujourdhui(), jour!(2026, 11, 22));
        horloge.avancer(60);
        assert_eq!(horloge.aujourdhui(), jour!(2026, 11, 23));
    }
}
