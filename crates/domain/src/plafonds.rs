//! Income ceilings (*plafonds de ressources*) for social housing, by financing, year, zone
//! and household category (arrêté du 29 juillet 1987, annex, as each yearly arrêté
//! revalues it).
//!
//! The table embeds `data/plafonds.csv` as published: PLUS and PLAI rows, each citing its
//! arrêté. PLS is not tabled: its ceilings are the PLUS ones *majorés de 30 %* (art. 1),
//! computed exactly in cents (a whole-euro amount × 1,30 has at most ten cents), so that
//! `ressources ≤ plafond PLS` is `100 × ressources ≤ 130 × plafond PLUS`, without
//! rounding. A year the table does not hold has no ceilings: the verdict then says it
//! cannot be checked ([`crate::eligibilite::Statut::Inverifiable`]).

use crate::argent::Euros;
use crate::jour::Jour;
use crate::offre::{Code, Financement, Zone};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const TABLE_CSV: &str = include_str!("../data/plafonds.csv");

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
        Financement::Plus | Financement::Plai => publiee(financement, annee, zone),
        Financement::Pls => publiee(Financement::Plus, annee, zone).map(|plus| Ligne {
            financement: Financement::Pls,
            ..plus
        }),
    }
}

/// The ceilings that apply, or `None` when that year's table is not known.
pub fn bareme(financement: Financement, annee: i16, zone: Zone) -> Option<Bareme> {
    let b = ligne(financement, annee, zone)?.bareme();
    Some(match financement {
        Financement::Pls => Bareme {
            categories: b.categories.map(majore_de_30_pour_cent),
            par_personne_supplementaire: majore_de_30_pour_cent(b.par_personne_supplementaire),
            ..b
        },
        _ => b,
    })
}

/// `montant × 1,30`, exact for whole euros.
fn majore_de_30_pour_cent(montant: Euros) -> Euros {
    Euros::from_centimes(montant.centimes() * 130 / 100)
}

/// What the territory must know about the ceilings on `jour`, for its zones: this year's
/// table is missing for some financing (its listings cannot be checked), or, from 1
/// October (three months before it is needed), next year's is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "cas", rename_all = "snake_case")]
pub enum AlertePlafonds {
    /// No ceilings this year for these financings: their listings' verdicts say they
    /// cannot be checked and nobody can apply to them.
    AnneeEnCours {
        annee: i16,
        financements: Vec<Financement>,
    },
    /// Next year's ceilings are not in Clef yet for these financings: from 1 January,
    /// their listings cannot be checked.
    AnneeProchaine {
        annee: i16,
        financements: Vec<Financement>,
    },
}

impl AlertePlafonds {
    pub fn sur(jour: Jour, zones: &[Zone]) -> Option<AlertePlafonds> {
        let manquants = |annee| -> Vec<Financement> {
            Financement::TOUS
                .iter()
                .copied()
                .filter(|&f| zones.iter().any(|&z| bareme(f, annee, z).is_none()))
                .collect()
        };
        let annee = jour.annee();
        let cette_annee = manquants(annee);
        if !cette_annee.is_empty() {
            return Some(AlertePlafonds::AnneeEnCours {
                annee,
                financements: cette_annee,
            });
        }
        let suivante = manquants(annee + 1);
        (jour.mois() >= 10 && !suivante.is_empty()).then_some(AlertePlafonds::AnneeProchaine {
            annee: annee + 1,
            financements: suivante,
        })
    }
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
        assert_eq!(lignes.len(), 15 + 10);
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

    /// Arrêté du 29 juillet 1987, art. 1: PLS = PLUS *majorés de 30 %*, to the cent.
    #[test]
    fn arrete_1987_art_1_pls_is_plus_times_1_30_exactly() {
        for annee in 2022..=2026 {
            for &z in Zone::TOUS {
                let plus = bareme(Financement::Plus, annee, z).unwrap();
                let pls = bareme(Financement::Pls, annee, z).unwrap();
                for c in 0..6 {
                    assert_eq!(
                        100 * pls.categories[c].centimes(),
                        130 * plus.categories[c].centimes()
                    );
                }
                assert_eq!(
                    100 * pls.par_personne_supplementaire.centimes(),
                    130 * plus.par_personne_supplementaire.centimes()
                );
            }
        }
        let pls = bareme(Financement::Pls, 2026, Zone::AutresRegions).unwrap();
        // 23 403 € × 1,30 = 30 423,90 €, not rounded to 30 424 €.
        assert_eq!(pls.categories[0], Euros::from_centimes(3_042_390));
    }

    /// PLAI is what annex II publishes, never a revaluation: a year or zone whose row is
    /// not embedded has no PLAI ceilings.
    #[test]
    fn a_year_without_a_published_table_has_no_ceilings() {
        assert_eq!(bareme(Financement::Plus, 2027, Zone::AutresRegions), None);
        assert_eq!(bareme(Financement::Pls, 2027, Zone::AutresRegions), None);
        assert_eq!(bareme(Financement::Plai, 2026, Zone::AutresRegions), None);
        assert_eq!(bareme(Financement::Plai, 2025, Zone::AutresRegions), None);
        assert!(bareme(Financement::Plai, 2025, Zone::ParisCommunesLimitrophes).is_some());
        assert_eq!(bareme(Financement::Plai, 2021, Zone::AutresRegions), None);
    }

    #[test]
    fn the_years_with_every_financing_are_those_whose_plai_row_is_published() {
        assert_eq!(annees_connues().collect::<Vec<_>>(), vec![2022, 2023, 2024]);
    }

    #[test]
    fn ceilings_grow_with_the_household_category_and_plai_stays_under_plus() {
        for l in lire_table(TABLE_CSV).unwrap() {
            let b = l.bareme();
            assert!(b.categories.windows(2).all(|w| w[0] < w[1]), "{b:?}");
            if l.financement == Financement::Plai {
                let plus = bareme(Financement::Plus, l.annee, l.zone).unwrap();
                for c in 0..6 {
                    assert!(b.categories[c] < plus.categories[c], "{l:?}");
                }
            }
        }
    }

    /// Arrêtés are published in late December: the territory is warned from 1 October
    /// that next year's table is missing, and told plainly when this year's is.
    #[test]
    fn the_territory_is_warned_before_a_year_without_ceilings() {
        use crate::jour;
        use Financement::*;
        let ici = [Zone::AutresRegions];
        assert_eq!(AlertePlafonds::sur(jour!(2023, 9, 30), &ici), None);
        assert_eq!(
            AlertePlafonds::sur(jour!(2023, 10, 1), &ici),
            None,
            "2024 is known"
        );
        assert_eq!(
            AlertePlafonds::sur(jour!(2024, 10, 1), &ici),
            Some(AlertePlafonds::AnneeProchaine {
                annee: 2025,
                financements: vec![Plai]
            })
        );
        assert_eq!(
            AlertePlafonds::sur(jour!(2024, 9, 30), &ici),
            None,
            "too early"
        );
        assert_eq!(
            AlertePlafonds::sur(jour!(2025, 3, 1), &[Zone::ParisCommunesLimitrophes]),
            None,
            "Paris's 2025 PLAI row is published"
        );
        assert_eq!(
            AlertePlafonds::sur(jour!(2026, 12, 5), &ici),
            Some(AlertePlafonds::AnneeEnCours {
                annee: 2026,
                financements: vec![Plai]
            })
        );
        assert_eq!(
            AlertePlafonds::sur(jour!(2027, 1, 1), &ici),
            Some(AlertePlafonds::AnneeEnCours {
                annee: 2027,
                financements: Financement::TOUS.to_vec()
            })
        );
    }
}
