//! Income ceilings (*plafonds de ressources*) for social housing, by financing, year, zone
//! and household category (arrêté du 29 juillet 1987, annex; values as published in the
//! openfisca-france parameters).
//!
//! The table embeds `data/plafonds.csv` as is. Two rules derive what it does not list:
//! - PLAI after 2022 is revalued each 1 January by the factor the same PLUS ceiling (same
//!   zone, same category) moved by that year, rounded to the euro at every step; this
//!   reproduces the published PLAI 2025 values (12 759 € and 14 683 €, one person).
//! - PLS is PLUS × 1,30, rounded to the euro.

use crate::argent::Euros;
use crate::offre::{Code, Financement, Zone};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const TABLE_CSV: &str = include_str!("../data/plafonds.csv");

/// First year for which PLAI is published in the table; later years are revalued.
const PLAI_ANNEE_PUBLIEE: i16 = 2022;

/// The ceilings of one financing, year and zone, in euros of yearly reference income.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bareme {
    pub financement: Financement,
    pub annee: i16,
    pub zone: Zone,
    /// Ceilings of household categories 1 to 6, in cents (whole euros).
    pub categories: [Euros; 6],
    /// Added for each person above category 6.
    pub par_personne_supplementaire: Euros,
}

/// One row of the embedded table, in whole euros.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ligne {
    financement: Financement,
    annee: i16,
    zone: Zone,
    montants: [i64; 7],
}

impl Ligne {
    fn bareme(self) -> Bareme {
        let [c1, c2, c3, c4, c5, c6, sup] = self.montants.map(Euros::from_euros);
        Bareme {
            financement: self.financement,
            annee: self.annee,
            zone: self.zone,
            categories: [c1, c2, c3, c4, c5, c6],
            par_personne_supplementaire: sup,
        }
    }

    fn map(self, financement: Financement, annee: i16, f: impl Fn(i64) -> i64) -> Ligne {
        Ligne {
            financement,
            annee,
            zone: self.zone,
            montants: self.montants.map(f),
        }
    }
}

/// The ceilings that apply, or `None` when that year's table is not known.
pub fn bareme(financement: Financement, annee: i16, zone: Zone) -> Option<Bareme> {
    ligne(financement, annee, zone).map(Ligne::bareme)
}

/// Years for which every financing has ceilings, oldest first.
pub fn annees_connues() -> impl Iterator<Item = i16> {
    let lignes = table();
    let min = lignes.iter().map(|l| l.annee).min().unwrap_or(0);
    let max = lignes.iter().map(|l| l.annee).max().unwrap_or(-1);
    (min..=max).filter(move |&a| {
        Financement::TOUS
            .iter()
            .all(|&f| bareme(f, a, Zone::AutresRegions).is_some())
    })
}

fn ligne(financement: Financement, annee: i16, zone: Zone) -> Option<Ligne> {
    match financement {
        Financement::Plus => publiee(Financement::Plus, annee, zone),
        Financement::Pls => publiee(Financement::Plus, annee, zone)
            .map(|plus| plus.map(Financement::Pls, annee, |m| arrondi(m * 130, 100))),
        Financement::Plai if annee <= PLAI_ANNEE_PUBLIEE => publiee(Financement::Plai, annee, zone),
        Financement::Plai => {
            let plai = ligne(Financement::Plai, annee - 1, zone)?;
            let plus = publiee(Financement::Plus, annee, zone)?;
            let plus_avant = publiee(Financement::Plus, annee - 1, zone)?;
            let mut montants = plai.montants;
            for (i, m) in montants.iter_mut().enumerate() {
                *m = arrondi(*m * plus.montants[i], plus_avant.montants[i]);
            }
            Some(Ligne {
                annee,
                montants,
                ..plai
            })
        }
    }
}

/// `numerateur / denominateur` rounded half up, for positive amounts.
fn arrondi(numerateur: i64, denominateur: i64) -> i64 {
    (2 * numerateur + denominateur) / (2 * denominateur)
}

fn publiee(financement: Financement, annee: i16, zone: Zone) -> Option<Ligne> {
    table()
        .iter()
        .copied()
        .find(|l| l.financement == financement && l.annee == annee && l.zone == zone)
}

fn table() -> &'static [Ligne] {
    static TABLE: OnceLock<Vec<Ligne>> = OnceLock::new();
    TABLE.get_or_init(|| {
        lire_table(TABLE_CSV)
            .unwrap_or_else(|ligne| panic!("data/plafonds.csv, ligne illisible : {ligne}"))
    })
}

/// Reads the embedded CSV; on failure returns the offending line.
fn lire_table(csv: &str) -> Result<Vec<Ligne>, String> {
    csv.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("financing,"))
        .map(|l| lire_ligne(l).ok_or_else(|| l.to_owned()))
        .collect()
}

fn lire_ligne(ligne: &str) -> Option<Ligne> {
    let mut champs = ligne.split(',');
    let financement = Financement::depuis_code(champs.next()?)?;
    let annee = champs.next()?.parse().ok()?;
    let zone = Zone::depuis_code(champs.next()?)?;
    let mut montants = [0; 7];
    for m in &mut montants {
        *m = champs.next()?.parse().ok()?;
    }
    champs.next().is_none().then_some(Ligne {
        financement,
        annee,
        zone,
        montants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euros(b: &Bareme, categorie: usize) -> i64 {
        b.categories[categorie - 1].euros_entiers()
    }

    #[test]
    fn every_row_of_the_embedded_table_is_read() {
        let lignes = lire_table(TABLE_CSV).unwrap();
        assert_eq!(lignes.len(), 18);
    }

    #[test]
    fn every_published_row_is_returned_as_is() {
        for l in lire_table(TABLE_CSV).unwrap() {
            let b = bareme(l.financement, l.annee, l.zone).unwrap();
            assert_eq!(b, l.bareme(), "{l:?}");
        }
    }

    #[test]
    fn plus_2026_outside_ile_de_france_category_3_is_37_584_euros() {
        let b = bareme(Financement::Plus, 2026, Zone::AutresRegions).unwrap();
        assert_eq!(euros(&b, 3), 37_584);
        assert_eq!(b.par_personne_supplementaire.euros_entiers(), 6_710);
    }

    /// Published checks of the PLAI revaluation (DOMAIN.md): PLAI 2025, one person.
    #[test]
    fn plai_2025_one_person_matches_the_published_values() {
        let autres = bareme(Financement::Plai, 2025, Zone::AutresRegions).unwrap();
        assert_eq!(euros(&autres, 1), 12_759);
        let idf = bareme(Financement::Plai, 2025, Zone::IleDeFrance).unwrap();
        assert_eq!(euros(&idf, 1), 14_683);
    }

    #[test]
    fn pls_is_plus_times_1_30_rounded_to_the_euro() {
        let plus = bareme(Financement::Plus, 2026, Zone::AutresRegions).unwrap();
        let pls = bareme(Financement::Pls, 2026, Zone::AutresRegions).unwrap();
        // 23 403 × 1,30 = 30 423,9
        assert_eq!(euros(&pls, 1), 30_424);
        for c in 1..=6 {
            assert_eq!(euros(&pls, c), (euros(&plus, c) * 13 + 5) / 10);
        }
    }

    #[test]
    fn a_year_without_a_published_table_has_no_ceilings() {
        assert_eq!(bareme(Financement::Plus, 2027, Zone::AutresRegions), None);
        assert_eq!(bareme(Financement::Plai, 2027, Zone::AutresRegions), None);
        assert_eq!(bareme(Financement::Plai, 2021, Zone::AutresRegions), None);
    }

    #[test]
    fn the_known_years_are_2022_to_2026() {
        assert_eq!(
            annees_connues().collect::<Vec<_>>(),
            vec![2022, 2023, 2024, 2025, 2026]
        );
    }

    #[test]
    fn ceilings_grow_with_the_household_category() {
        for annee in annees_connues() {
            for &f in Financement::TOUS {
                for &z in Zone::TOUS {
                    let b = bareme(f, annee, z).unwrap();
                    assert!(b.categories.windows(2).all(|w| w[0] < w[1]), "{b:?}");
                }
            }
        }
    }
}
