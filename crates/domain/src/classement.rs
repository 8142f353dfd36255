//! Ranking the candidates of one listing. Ineligible households are set apart with their
//! reasons; eligible ones are ordered by score (highest first), then by the older request,
//! then by a stable id: a total order that never depends on when or in which order people
//! applied (applying early must never help).

use crate::argent::Euros;
use crate::cotation::{Contexte, Grille, Score, coter};
use crate::demande::Demande;
use crate::eligibilite::{ResultatRegle, Statut, Verdict, verifier};
use crate::jour::Jour;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// An application to the listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidature {
    /// Stable and unique among the listing's candidates (the last tie-break).
    pub id: u64,
    pub demande: Demande,
    /// Monthly housing benefit expected in the new home, for the rent burden.
    #[serde(default)]
    pub aide_estimee: Euros,
}

/// What orders two eligible candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cle {
    pub total: u32,
    pub date_depot: Jour,
    pub id: u64,
}

impl Ord for Cle {
    /// Ahead first: higher score, then older request, then smaller id.
    fn cmp(&self, autre: &Cle) -> Ordering {
        autre
            .total
            .cmp(&self.total)
            .then(self.date_depot.cmp(&autre.date_depot))
            .then(self.id.cmp(&autre.id))
    }
}

impl PartialOrd for Cle {
    fn partial_cmp(&self, autre: &Cle) -> Option<Ordering> {
        Some(self.cmp(autre))
    }
}

impl Cle {
    /// The same order as `Ord`, packed in one integer for fast sorting.
    pub fn tri(&self) -> u128 {
        let total = u128::from(u32::MAX - self.total);
        let jour = u128::from((self.date_depot.numero() as i64 - i64::from(i32::MIN)) as u32);
        (total << 96) | (jour << 64) | u128::from(self.id)
    }

    /// Points this candidate needs to move ahead of `devant`, who is ahead of it: the gap,
    /// plus one when an equal score would still leave `devant` ahead (older request).
    pub fn points_pour_passer(&self, devant: &Cle) -> u32 {
        let ecart = devant.total.saturating_sub(self.total);
        let gagne_a_egalite = (self.date_depot, self.id) < (devant.date_depot, devant.id);
        if gagne_a_egalite { ecart } else { ecart + 1 }
    }
}

/// An eligible candidate and where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Classe {
    pub id: u64,
    /// 1 for the first.
    pub rang: u32,
    pub score: Score,
    pub date_depot: Jour,
    /// "Il vous manque 4 points pour passer devant": `None` for the first.
    pub points_pour_passer_devant: Option<u32>,
    /// Warnings of the eligibility verdict (rent burden, size), if any.
    pub alertes: Vec<ResultatRegle>,
}

impl Classe {
    pub fn cle(&self) -> Cle {
        Cle {
            total: self.score.total(),
            date_depot: self.date_depot,
            id: self.id,
        }
    }
}

/// An ineligible candidate and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ecarte {
    pub id: u64,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Classement {
    /// Eligible candidates, first to last.
    pub classes: Vec<Classe>,
    /// Ineligible candidates, by id.
    pub ecartes: Vec<Ecarte>,
}

impl Classement {
    /// How many eligible candidates ("3e sur 41").
    pub fn eligibles(&self) -> u32 {
        u32::try_from(self.classes.len()).unwrap_or(u32::MAX)
    }

    pub fn classe(&self, id: u64) -> Option<&Classe> {
        self.classes.iter().find(|c| c.id == id)
    }
}

/// Checks and scores every candidate for the home, then ranks the eligible ones.
pub fn classer(candidatures: &[Candidature], grille: &Grille, contexte: &Contexte) -> Classement {
    let mut classes: Vec<Classe> = Vec::with_capacity(candidatures.len());
    let mut ecartes = Vec::new();
    for c in candidatures {
        let verdict = verifier(
            &c.demande,
            contexte.logement,
            contexte.territoire,
            c.aide_estimee,
        );
        if !verdict.eligible() {
            ecartes.push(Ecarte { id: c.id, verdict });
            continue;
        }
        classes.push(Classe {
            id: c.id,
            rang: 0,
            score: coter(grille, &c.demande, contexte),
            date_depot: c.demande.date_depot,
            points_pour_passer_devant: None,
            alertes: verdict
                .regles
                .into_iter()
                .filter(|r| r.statut == Statut::Alerte)
                .collect(),
        });
    }
    // Sort the small keys, then move each (large) candidate once.
    let mut ordre: Vec<(u128, usize)> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.cle().tri(), i))
        .collect();
    ordre.sort_unstable();
    let mut places: Vec<Option<Classe>> = classes.into_iter().map(Some).collect();
    let mut classes: Vec<Classe> = ordre
        .iter()
        .filter_map(|&(_, i)| places[i].take())
        .collect();
    for i in 0..classes.len() {
        classes[i].rang = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if i > 0 {
            let devant = classes[i - 1].cle();
            classes[i].points_pour_passer_devant =
                Some(classes[i].cle().points_pour_passer(&devant));
        }
    }
    ecartes.sort_unstable_by_key(|e| e.id);
    Classement { classes, ecartes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jour;

    fn cle(total: u32, date_depot: Jour, id: u64) -> Cle {
        Cle {
            total,
            date_depot,
            id,
        }
    }

    #[test]
    fn higher_score_then_older_request_then_smaller_id_comes_first() {
        let mut cles = [
            cle(10, jour!(2024, 1, 1), 3),
            cle(12, jour!(2025, 1, 1), 4),
            cle(10, jour!(2023, 1, 1), 9),
            cle(10, jour!(2023, 1, 1), 2),
        ];
        cles.sort();
        let ids: Vec<u64> = cles.iter().map(|c| c.id).collect();
        assert_eq!(ids, [4, 2, 9, 3]);
    }

    #[test]
    fn the_packed_sort_key_orders_like_the_keys() {
        let cles = [
            cle(0, Jour::MIN, 0),
            cle(u32::MAX, Jour::MAX, u64::MAX),
            cle(10, jour!(2024, 1, 1), 3),
            cle(10, jour!(1969, 12, 31), 3),
            cle(10, jour!(2024, 1, 1), 2),
            cle(11, Jour::MAX, 9),
        ];
        for a in &cles {
            for b in &cles {
                assert_eq!(a.cmp(b), a.tri().cmp(&b.tri()), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_points_missing_account_for_the_tie_break() {
        let devant = cle(20, jour!(2023, 1, 1), 1);
        // 16 points, newer request: 4 points bring a tie, lost on seniority: 5 needed.
        assert_eq!(cle(16, jour!(2024, 1, 1), 2).points_pour_passer(&devant), 5);
        // Older request: a tie is enough.
        assert_eq!(cle(16, jour!(2022, 1, 1), 2).points_pour_passer(&devant), 4);
        assert_eq!(cle(20, jour!(2024, 1, 1), 2).points_pour_passer(&devant), 1);
    }
}

/// The commission examines at least three candidates per home (code de la construction et
/// de l'habitation, R.441-3), from the top of the ranking; a candidate further down is
/// reached only when those ahead withdraw or refuse.
pub const CANDIDATS_PRESENTES: u32 = 3;

/// A plain indication of the chance of getting the home, from the rank alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Chance {
    /// First: proposed first to the commission.
    TresBonne,
    /// Second or third: presented to the commission.
    Bonne,
    /// Within the next three: reached if some ahead withdraw or refuse.
    Possible,
    /// Further down.
    Faible,
}

impl Chance {
    pub fn selon_rang(rang: u32) -> Chance {
        match rang {
            0 | 1 => Chance::TresBonne,
            r if r <= CANDIDATS_PRESENTES => Chance::Bonne,
            r if r <= 2 * CANDIDATS_PRESENTES => Chance::Possible,
            _ => Chance::Faible,
        }
    }
}

#[cfg(test)]
mod tests_chance {
    use super::*;

    #[test]
    fn the_chance_follows_the_three_candidate_rule() {
        let chances: Vec<Chance> = (1..=8).map(Chance::selon_rang).collect();
        assert_eq!(
            chances,
            [
                Chance::TresBonne,
                Chance::Bonne,
                Chance::Bonne,
                Chance::Possible,
                Chance::Possible,
                Chance::Possible,
                Chance::Faible,
                Chance::Faible
            ]
        );
    }
}

/// How a new grid would change a listing's ranking: how many eligible candidates would
/// move, and whether the first three (those the commission examines) would change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EffetGrille {
    pub eligibles: u32,
    pub rangs_changes: u32,
    pub trois_premiers_changes: bool,
}

/// Ranks the same candidates with both grids and compares.
pub fn effet_grille(
    candidatures: &[Candidature],
    actuelle: &Grille,
    nouvelle: &Grille,
    contexte: &Contexte,
) -> EffetGrille {
    let avant = classer(candidatures, actuelle, contexte);
    let apres = classer(candidatures, nouvelle, contexte);
    let rangs_changes = avant
        .classes
        .iter()
        .filter(|c| apres.classe(c.id).map(|a| a.rang) != Some(c.rang))
        .count();
    let premiers =
        |k: &Classement| -> Vec<u64> { k.classes.iter().take(3).map(|c| c.id).collect() };
    EffetGrille {
        eligibles: avant.eligibles(),
        rangs_changes: u32::try_from(rangs_changes).unwrap_or(u32::MAX),
        trois_premiers_changes: premiers(&avant) != premiers(&apres),
    }
}
