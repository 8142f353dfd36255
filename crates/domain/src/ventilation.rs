//! The social-mix dashboard: the CIA indicators over the recorded lettings, for the whole
//! territory and broken down by commune, inside or outside a QPV, by réservataire, by
//! landlord and by quarter. Every group is counted by the same [`indicateurs`] function as
//! the whole, so the figures of a breakdown add up to the territory's.

use crate::fragilite::Fragilite;
use crate::jour::Jour;
use crate::mixite::{Attribution, Indicateur, Part, indicateurs};
use crate::offre::Code;
use crate::territoire::ObjectifsMixite;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A recorded letting, with what the dashboard groups it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub attribution: Attribution,
    /// The programme's fragility class under the ACI, if the territory classed it.
    pub fragilite: Option<Fragilite>,
    pub commune: String,
    pub bailleur: String,
    /// The day the commission decided.
    pub jour: Jour,
}

/// What lettings are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Axe {
    Commune,
    /// Inside or outside a priority neighbourhood.
    Qpv,
    Reservataire,
    Bailleur,
    /// Calendar quarter of the decision (`2026-T4`).
    Trimestre,
    /// The programme's fragility class (ACI), `non_classe` when the territory did not
    /// class it.
    Fragilite,
}

impl Axe {
    pub const TOUS: [Axe; 6] = [
        Axe::Commune,
        Axe::Qpv,
        Axe::Reservataire,
        Axe::Bailleur,
        Axe::Trimestre,
        Axe::Fragilite,
    ];

    /// The group a letting falls in, and the key that orders groups.
    fn groupe(self, l: &Location) -> String {
        match self {
            Axe::Commune => l.commune.clone(),
            Axe::Qpv if l.attribution.dans_qpv => "en_qpv".into(),
            Axe::Qpv => "hors_qpv".into(),
            Axe::Reservataire => l.attribution.reservataire.code().into(),
            Axe::Bailleur => l.bailleur.clone(),
            Axe::Trimestre => format!("{}-T{}", l.jour.annee(), l.jour.mois().div_ceil(3)),
            Axe::Fragilite => l.fragilite.map_or("non_classe", Fragilite::code).to_owned(),
        }
    }
}

/// One group's lettings and indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Groupe {
    /// A commune's or landlord's name, `en_qpv` / `hors_qpv`, a réservataire's code, or a
    /// quarter (`2026-T4`).
    pub cle: String,
    pub locations: u32,
    pub indicateurs: Vec<Indicateur>,
    /// First-quartile households among all the group's lettings, inside a QPV or not.
    pub premier_quartile: Part,
    /// Priority households among all the group's lettings.
    pub prioritaires: Part,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ventilation {
    pub axe: Axe,
    /// Ordered by key (quarters in time order).
    pub groupes: Vec<Groupe>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TableauMixite {
    pub objectifs: ObjectifsMixite,
    pub locations: u32,
    /// The territory as a whole.
    pub ensemble: Vec<Indicateur>,
    pub ventilations: Vec<Ventilation>,
}

/// Counts the indicators over `locations`, whole and broken down along every axis.
pub fn tableau(locations: &[Location], objectifs: ObjectifsMixite) -> TableauMixite {
    let toutes: Vec<Attribution> = locations.iter().map(|l| l.attribution).collect();
    let ventilations = Axe::TOUS
        .iter()
        .map(|&axe| {
            let mut groupes: BTreeMap<String, Vec<Attribution>> = BTreeMap::new();
            for l in locations {
                groupes
                    .entry(axe.groupe(l))
                    .or_default()
                    .push(l.attribution);
            }
            Ventilation {
                axe,
                groupes: groupes
                    .into_iter()
                    .map(|(cle, attributions)| Groupe {
                        cle,
                        locations: u32::try_from(attributions.len()).unwrap_or(u32::MAX),
                        indicateurs: indicateurs(&attributions, &objectifs),
                        premier_quartile: Part::compter(&attributions, |a| a.premier_quartile),
                        prioritaires: Part::compter(&attributions, |a| a.prioritaire),
                    })
                    .collect(),
            }
        })
        .collect();
    let ensemble = indicateurs(&toutes, &objectifs);
    TableauMixite {
        objectifs,
        locations: u32::try_from(locations.len()).unwrap_or(u32::MAX),
        ensemble,
        ventilations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mixite::Cible;
    use crate::offre::Reservataire;

    fn location(
        commune: &str,
        dans_qpv: bool,
        q1: bool,
        prioritaire: bool,
        jour: &str,
    ) -> Location {
        Location {
            attribution: Attribution {
                dans_qpv,
                premier_quartile: q1,
                relogement: None,
                prioritaire,
                reservataire: Reservataire::Etat,
            },
            fragilite: None,
            commune: commune.into(),
            bailleur: "Logis".into(),
            jour: jour.parse().unwrap(),
        }
    }

    fn part(indicateurs: &[Indicateur], cible: Cible) -> Part {
        indicateurs.iter().find(|i| i.cible == cible).unwrap().part
    }

    #[test]
    fn breakdowns_add_up_to_the_whole() {
        let locations = [
            location("Béthune", false, true, true, "2026-01-15"),
            location("Béthune", true, false, false, "2026-02-01"),
            location("Beuvry", false, false, false, "2026-04-01"),
            location("Beuvry", false, true, false, "2026-11-20"),
        ];
        let t = tableau(&locations, ObjectifsMixite::LEGAUX);
        assert_eq!(t.locations, 4);
        assert_eq!(
            part(&t.ensemble, Cible::Q1HorsQpv),
            Part {
                nombre: 2,
                total: 3
            }
        );
        for v in &t.ventilations {
            let somme: u32 = v.groupes.iter().map(|g| g.locations).sum();
            assert_eq!(somme, 4, "{:?}", v.axe);
            let q1: u32 = v
                .groupes
                .iter()
                .map(|g| part(&g.indicateurs, Cible::Q1HorsQpv).nombre)
                .sum();
            assert_eq!(q1, 2, "{:?}", v.axe);
        }
        let communes = &t.ventilations[0];
        assert_eq!(communes.axe, Axe::Commune);
        assert_eq!(communes.groupes[0].cle, "Beuvry");
        let trimestres = t
            .ventilations
            .iter()
            .find(|v| v.axe == Axe::Trimestre)
            .unwrap();
        let cles: Vec<&str> = trimestres.groupes.iter().map(|g| g.cle.as_str()).collect();
        assert_eq!(cles, ["2026-T1", "2026-T2", "2026-T4"]);
        let qpv = t.ventilations.iter().find(|v| v.axe == Axe::Qpv).unwrap();
        let en_qpv = qpv.groupes.iter().find(|g| g.cle == "en_qpv").unwrap();
        assert_eq!(
            part(&en_qpv.indicateurs, Cible::AutresQuartilesEnQpv),
            Part {
                nombre: 1,
                total: 1
            }
        );
    }

    #[test]
    fn no_letting_gives_empty_parts_not_a_division_by_zero() {
        let t = tableau(&[], ObjectifsMixite::LEGAUX);
        assert_eq!(t.locations, 0);
        assert!(t.ensemble.iter().all(|i| i.part.pour_mille().is_none()));
        assert!(t.ventilations.iter().all(|v| v.groupes.is_empty()));
    }
}
