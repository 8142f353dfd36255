//! What the cotation decree requires an applicant to be told besides their score: the
//! average waiting time observed for similar requests, and their position among similar
//! requests (code de la construction et de l'habitation, L.441-2-8; décret n° 2019-1378,
//! art. R.441-2-10). Computed from Clef's own data, the same way for everyone.
//!
//! *Similar* means: a household of the same size, whose reference home is the same
//! typology (one main room per person, T1 to T6), on the territory Clef serves (its
//! sector). Requests do not name the communes they want, so the sector is the territory.
//! A figure built on fewer than [`CAS_MIN`] cases is not published: like the statistical
//! secrecy rule of public statistics (no aggregate over fewer than three units), it would
//! otherwise say more about one or two households than about the territory.

use crate::demande::{Menage, mois_entre};
use crate::jour::Jour;
use crate::offre::Typologie;
use serde::{Deserialize, Serialize};

/// The fewest cases a figure is published on.
pub const CAS_MIN: u32 = 3;

/// The typology similar requests share: one main room per person, from T1 to T6 (a home
/// with more rooms than occupants plus one is under-occupied, fewer is tight).
pub fn typologie_de_reference(menage: &Menage) -> Typologie {
    match menage.personnes() {
        0 | 1 => Typologie::T1,
        2 => Typologie::T2,
        3 => Typologie::T3,
        4 => Typologie::T4,
        5 => Typologie::T5,
        _ => Typologie::T6,
    }
}

/// A letting as the waiting time counts it: the home's typology, the day the chosen
/// household first filed its request, the day the home was let to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttenteConstatee {
    pub typologie: Typologie,
    pub depot: Jour,
    pub attribue_le: Jour,
}

/// The average waiting time observed for similar requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttenteMoyenne {
    /// Lettings of that typology recorded in Clef.
    pub cas: u32,
    /// Average whole months from filing to letting, rounded to nearest; `None` with fewer
    /// than [`CAS_MIN`] lettings.
    pub mois: Option<u32>,
}

impl AttenteMoyenne {
    /// Over the lettings of `typologie` among `lettings`.
    pub fn de(typologie: Typologie, lettings: &[AttenteConstatee]) -> AttenteMoyenne {
        let mois: Vec<u32> = lettings
            .iter()
            .filter(|l| l.typologie == typologie)
            .map(|l| mois_entre(l.depot, l.attribue_le))
            .collect();
        let cas = u32::try_from(mois.len()).unwrap_or(u32::MAX);
        let somme: u64 = mois.iter().map(|&m| u64::from(m)).sum();
        AttenteMoyenne {
            cas,
            mois: (cas >= CAS_MIN).then(|| {
                let n = u64::from(cas);
                u32::try_from((somme + n / 2) / n).unwrap_or(u32::MAX)
            }),
        }
    }
}

/// Where a request's score stands among the other open similar requests, on today's grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionParmiSemblables {
    /// The other open similar requests.
    pub semblables: u32,
    /// How many of them have more points; `None` with fewer than [`CAS_MIN`] of them.
    pub devant: Option<u32>,
    /// How many have as many points; `None` likewise.
    pub a_egalite: Option<u32>,
}

impl PositionParmiSemblables {
    /// My score against the other similar requests' scores.
    pub fn de(mon_score: u32, autres: &[u32]) -> PositionParmiSemblables {
        let semblables = u32::try_from(autres.len()).unwrap_or(u32::MAX);
        let publiable = semblables >= CAS_MIN;
        let compter = |f: &dyn Fn(u32) -> bool| {
            u32::try_from(autres.iter().filter(|&&s| f(s)).count()).unwrap_or(u32::MAX)
        };
        PositionParmiSemblables {
            semblables,
            devant: publiable.then(|| compter(&|s| s > mon_score)),
            a_egalite: publiable.then(|| compter(&|s| s == mon_score)),
        }
    }
}

/// Both figures, for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Semblables {
    /// The typology similar requests share.
    pub typologie: Typologie,
    pub attente: AttenteMoyenne,
    pub position: PositionParmiSemblables,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demande::{Lien, Membre};

    fn j(t: &str) -> Jour {
        t.parse().unwrap()
    }

    #[test]
    fn the_reference_typology_is_one_room_per_person_from_t1_to_t6() {
        for (personnes, attendue) in [
            (1, Typologie::T1),
            (2, Typologie::T2),
            (3, Typologie::T3),
            (4, Typologie::T4),
            (5, Typologie::T5),
            (6, Typologie::T6),
            (9, Typologie::T6),
        ] {
            let membre = |age, lien| Membre {
                age,
                lien,
                a_charge: lien == Lien::Enfant,
                carte_invalidite: false,
                ressources_mensuelles: None,
            };
            let mut membres = vec![membre(40, Lien::Demandeur)];
            membres.extend((1..personnes).map(|_| membre(8, Lien::Enfant)));
            let menage = Menage::new(membres).unwrap();
            assert_eq!(typologie_de_reference(&menage), attendue, "{personnes}");
        }
    }

    /// Décret 2019-1378: the average waiting time for similar requests, here over the
    /// lettings of the same typology, and not published on fewer than three.
    #[test]
    fn the_average_wait_counts_only_the_same_typology_and_needs_three_lettings() {
        let l = |typologie, depot: &str, le: &str| AttenteConstatee {
            typologie,
            depot: j(depot),
            attribue_le: j(le),
        };
        let mut lettings = vec![
            l(Typologie::T3, "2024-01-10", "2025-01-10"), // 12 months
            l(Typologie::T3, "2025-01-10", "2025-04-09"), // 2
            l(Typologie::T2, "2015-01-10", "2025-01-10"), // another typology
        ];
        assert_eq!(
            AttenteMoyenne::de(Typologie::T3, &lettings),
            AttenteMoyenne { cas: 2, mois: None }
        );
        lettings.push(l(Typologie::T3, "2024-01-10", "2024-12-10")); // 11
        // (12 + 2 + 11) / 3 = 8.33: 8
        assert_eq!(
            AttenteMoyenne::de(Typologie::T3, &lettings),
            AttenteMoyenne {
                cas: 3,
                mois: Some(8)
            }
        );
        lettings.push(l(Typologie::T3, "2023-01-10", "2025-01-10")); // 24
        // (12 + 2 + 11 + 24) / 4 = 12.25: 12
        assert_eq!(AttenteMoyenne::de(Typologie::T3, &lettings).mois, Some(12));
        assert_eq!(
            AttenteMoyenne::de(Typologie::T6, &lettings),
            AttenteMoyenne { cas: 0, mois: None }
        );
    }

    /// Décret 2019-1378: the applicant's position among similar requests.
    #[test]
    fn the_position_counts_those_ahead_and_level_and_needs_three_others() {
        assert_eq!(
            PositionParmiSemblables::de(30, &[40, 30]),
            PositionParmiSemblables {
                semblables: 2,
                devant: None,
                a_egalite: None
            }
        );
        assert_eq!(
            PositionParmiSemblables::de(30, &[40, 30, 10, 50, 0, 30]),
            PositionParmiSemblables {
                semblables: 6,
                devant: Some(2),
                a_egalite: Some(2)
            }
        );
    }
}
