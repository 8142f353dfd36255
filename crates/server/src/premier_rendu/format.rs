//! Money, surfaces and dates written exactly as the app writes them with the browser's
//! `Intl` (fr-FR and en-GB): `1 234,5 m²`, `329,24 €`, `€329.24`, `1er décembre 2026`. A
//! browser test compares the first render with the app's, character for character.

use super::langue::Langue;
use clef_domain::{Euros, Jour, Surface};

/// French groups digits with a narrow no-break space, and puts a no-break space before €.
const ESPACE_GROUPES: char = '\u{202f}';
const ESPACE_INSECABLE: char = '\u{a0}';

/// `329,24 €` / `€329.24`, and `450 €` for whole amounts (`StripIfInteger`).
pub fn euros(langue: Langue, montant: Euros) -> String {
    let centimes = montant.centimes();
    let signe = if centimes < 0 { "-" } else { "" };
    let centimes = centimes.unsigned_abs();
    let entiers = grouper(langue, centimes / 100);
    let reste = centimes % 100;
    let nombre = match (reste, langue) {
        (0, _) => entiers,
        (r, Langue::Fr) => format!("{entiers},{r:02}"),
        (r, Langue::En) => format!("{entiers}.{r:02}"),
    };
    match langue {
        Langue::Fr => format!("{signe}{nombre}{ESPACE_INSECABLE}€"),
        Langue::En => format!("{signe}€{nombre}"),
    }
}

/// `67,5 m²`.
pub fn surface(langue: Langue, surface: Surface) -> String {
    format!("{} m²", nombre(langue, surface.m2()))
}

/// At most one decimal, rounded half away from zero, no trailing zero (`Intl` defaults).
pub fn nombre(langue: Langue, valeur: f64) -> String {
    let dixiemes = (valeur.abs() * 10.0).round() as u64;
    let signe = if valeur < 0.0 && dixiemes > 0 {
        "-"
    } else {
        ""
    };
    let entiers = grouper(langue, dixiemes / 10);
    match (dixiemes % 10, langue) {
        (0, _) => format!("{signe}{entiers}"),
        (d, Langue::Fr) => format!("{signe}{entiers},{d}"),
        (d, Langue::En) => format!("{signe}{entiers}.{d}"),
    }
}

fn grouper(langue: Langue, n: u64) -> String {
    let chiffres = n.to_string();
    let separateur = match langue {
        Langue::Fr => ESPACE_GROUPES,
        Langue::En => ',',
    };
    let mut sortie = String::new();
    for (i, c) in chiffres.chars().enumerate() {
        if i > 0 && (chiffres.len() - i).is_multiple_of(3) {
            sortie.push(separateur);
        }
        sortie.push(c);
    }
    sortie
}

const MOIS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MOIS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `30 novembre 2026`, `1er décembre 2026`, `6 December 2026`.
pub fn date_longue(langue: Langue, date: Jour) -> String {
    let mois = usize::from(date.mois().saturating_sub(1)).min(11);
    match langue {
        Langue::Fr if date.jour() == 1 => format!("1er {} {}", MOIS_FR[mois], date.annee()),
        Langue::Fr => format!("{} {} {}", date.jour(), MOIS_FR[mois], date.annee()),
        Langue::En => format!("{} {} {}", date.jour(), MOIS_EN[mois], date.annee()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_surfaces_and_dates_as_intl_writes_them() {
        assert_eq!(
            euros(Langue::Fr, Euros::from_centimes(32924)),
            "329,24\u{a0}€"
        );
        assert_eq!(euros(Langue::Fr, Euros::from_centimes(45000)), "450\u{a0}€");
        assert_eq!(
            euros(Langue::Fr, Euros::from_centimes(123450)),
            "1\u{202f}234,50\u{a0}€"
        );
        assert_eq!(euros(Langue::En, Euros::from_centimes(123450)), "€1,234.50");
        assert_eq!(nombre(Langue::Fr, 45.9), "45,9");
        assert_eq!(nombre(Langue::Fr, 45.0), "45");
        assert_eq!(nombre(Langue::En, 67.5), "67.5");
        assert_eq!(nombre(Langue::Fr, 12759.0), "12\u{202f}759");
        let jour = |a, m, j| Jour::new(a, m, j).expect("date");
        assert_eq!(
            date_longue(Langue::Fr, jour(2026, 12, 1)),
            "1er décembre 2026"
        );
        assert_eq!(date_longue(Langue::Fr, jour(2026, 8, 30)), "30 août 2026");
        assert_eq!(
            date_longue(Langue::En, jour(2026, 12, 6)),
            "6 December 2026"
        );
    }
}
