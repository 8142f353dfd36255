//! Social mix (*mixité sociale*): consumption units, the first quartile, and the three
//! attribution targets of the law, computed the same way for everyone over the lettings
//! of a territory (code de la construction et de l'habitation, L.441-1, as amended by the
//! loi Égalité et Citoyenneté of 27 January 2017).

use crate::argent::Euros;
use crate::demande::{Demande, Lien, Menage, OperationRelogement};
use crate::offre::{Code, Reservataire};
use crate::territoire::{ObjectifsMixite, ParametresTerritoire};
use serde::{Deserialize, Serialize};

/// Consumption units, in tenths: 1 for the first adult, 0.5 for every other person aged 14
/// or more, 0.3 under 14 (the OECD-modified scale used by INSEE and the arrêtés).
pub fn unites_consommation_dixiemes(menage: &Menage) -> u32 {
    // The applicant is always an adult (16 or more): they are the first adult.
    let autres: u32 = menage
        .membres()
        .iter()
        .filter(|m| m.lien != Lien::Demandeur)
        .map(|m| if m.age >= 14 { 5 } else { 3 })
        .sum();
    10 + autres
}

/// Yearly resources per consumption unit.
pub fn ressources_par_uc(ressources: Euros, uc_dixiemes: u32) -> Euros {
    if uc_dixiemes == 0 {
        return ressources;
    }
    Euros::from_centimes(ressources.centimes() * 10 / i64::from(uc_dixiemes))
}

/// Whether the household belongs to the first quartile of applicants: yearly resources per
/// UC below the territory's yearly threshold, judged the way the ministerial threshold is
/// built: the monthly resources declared in the request × 12 (for a request saved before
/// they were asked, the tax income retained for `annee`).
pub fn premier_quartile(demande: &Demande, territoire: &ParametresTerritoire, annee: i16) -> bool {
    let ressources = match demande.menage.ressources_mensuelles_declarees() {
        Some(mensuelles) => Euros::from_centimes(mensuelles.centimes() * 12),
        None => demande.ressources.retenues(annee).montant,
    };
    ressources_par_uc(ressources, unites_consommation_dixiemes(&demande.menage))
        < territoire.seuil_premier_quartile
}

/// A letting as the targets count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attribution {
    pub dans_qpv: bool,
    pub premier_quartile: bool,
    /// Household rehoused by an urban renewal operation or an ORCOD: counts with the
    /// first quartile outside QPV (L.441-1).
    #[serde(default)]
    pub relogement: Option<OperationRelogement>,
    /// Priority household (L.441-1 or DALO).
    pub prioritaire: bool,
    pub reservataire: Reservataire,
}

/// `nombre` out of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Part {
    pub nombre: u32,
    pub total: u32,
}

impl Part {
    /// In per mille, rounded to nearest; `None` when nothing is counted yet.
    pub fn pour_mille(self) -> Option<u32> {
        (self.total > 0).then(|| (self.nombre * 1000 + self.total / 2) / self.total)
    }

    /// Whether the share reaches `objectif` percent (exact integer comparison).
    pub fn atteint(self, objectif: u8) -> bool {
        self.total > 0 && self.nombre * 100 >= u32::from(objectif) * self.total
    }

    /// The share of `attributions` that `compte` counts.
    pub fn compter(attributions: &[Attribution], compte: impl Fn(&Attribution) -> bool) -> Part {
        let mut part = Part::default();
        for a in attributions {
            part.ajouter(compte(a));
        }
        part
    }

    fn ajouter(&mut self, compte: bool) {
        self.total += 1;
        self.nombre += u32::from(compte);
    }
}

/// Which target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "cible", rename_all = "snake_case")]
pub enum Cible {
    /// First-quartile households among lettings outside QPV.
    Q1HorsQpv,
    /// Households of the other quartiles among lettings inside QPV.
    AutresQuartilesEnQpv,
    /// Priority households among one réservataire's lettings.
    Prioritaires { reservataire: Reservataire },
}

/// One target: where it stands and what it aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicateur {
    pub cible: Cible,
    pub part: Part,
    /// Percent.
    pub objectif: u8,
}

/// The targets over a set of lettings, réservataires in their usual order.
pub fn indicateurs(attributions: &[Attribution], objectifs: &ObjectifsMixite) -> Vec<Indicateur> {
    let mut hors_qpv = Part::default();
    let mut en_qpv = Part::default();
    let mut prioritaires = [Part::default(); 4];
    for a in attributions {
        if a.dans_qpv {
            en_qpv.ajouter(!a.premier_quartile);
        } else {
            hors_qpv.ajouter(a.premier_quartile || a.relogement.is_some());
        }
        prioritaires[rang_reservataire(a.reservataire)].ajouter(a.prioritaire);
    }
    let mut tous = vec![
        Indicateur {
            cible: Cible::Q1HorsQpv,
            part: hors_qpv,
            objectif: objectifs.q1_hors_qpv,
        },
        Indicateur {
            cible: Cible::AutresQuartilesEnQpv,
            part: en_qpv,
            objectif: objectifs.autres_quartiles_en_qpv,
        },
    ];
    tous.extend(Reservataire::TOUS.iter().map(|&r| Indicateur {
        cible: Cible::Prioritaires { reservataire: r },
        part: prioritaires[rang_reservataire(r)],
        objectif: objectifs.prioritaires_par_reservataire,
    }));
    tous
}

fn rang_reservataire(r: Reservataire) -> usize {
    Reservataire::TOUS.iter().position(|&x| x == r).unwrap_or(0)
}

/// How a target would move with one more letting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evolution {
    pub cible: Cible,
    pub avant: Part,
    pub apres: Part,
    pub objectif: u8,
}

/// "If this candidate is chosen, indicator X moves from a % to b %": the targets this
/// letting counts in, before and after.
pub fn projection(
    attributions: &[Attribution],
    nouvelle: Attribution,
    objectifs: &ObjectifsMixite,
) -> Vec<Evolution> {
    let avant = indicateurs(attributions, objectifs);
    let mut avec = attributions.to_vec();
    avec.push(nouvelle);
    let apres = indicateurs(&avec, objectifs);
    avant
        .into_iter()
        .zip(apres)
        .filter(|(a, b)| a.part.total != b.part.total)
        .map(|(a, b)| Evolution {
            cible: a.cible,
            avant: a.part,
            apres: b.part,
            objectif: a.objectif,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demande::Membre;

    fn menage(ages: &[(u8, Lien)]) -> Menage {
        Menage::new(
            ages.iter()
                .map(|&(age, lien)| Membre {
                    age,
                    lien,
                    a_charge: lien == Lien::Enfant,
                    carte_invalidite: false,
                    ressources_mensuelles: None,
                })
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn consumption_units_weigh_the_first_adult_1_others_over_14_half_children_0_3() {
        assert_eq!(
            unites_consommation_dixiemes(&menage(&[(40, Lien::Demandeur)])),
            10
        );
        let famille = menage(&[
            (40, Lien::Demandeur),
            (38, Lien::Conjoint),
            (15, Lien::Enfant),
            (8, Lien::Enfant),
        ]);
        assert_eq!(unites_consommation_dixiemes(&famille), 23);
        assert_eq!(
            ressources_par_uc(Euros::from_euros(23_000), 23),
            Euros::from_euros(10_000)
        );
    }

    fn attribution(
        dans_qpv: bool,
        premier_quartile: bool,
        prioritaire: bool,
        reservataire: Reservataire,
    ) -> Attribution {
        Attribution {
            dans_qpv,
            premier_quartile,
            relogement: None,
            prioritaire,
            reservataire,
        }
    }

    // L.441-1 (loi Égalité et Citoyenneté, 2017): 25 % Q1 outside QPV, 50 % other quartiles
    // inside QPV, 25 % priority households per réservataire.
    #[test]
    fn l441_1_the_three_targets_are_counted_over_the_lettings() {
        let lettings = [
            attribution(false, true, true, Reservataire::Etat),
            attribution(false, false, false, Reservataire::Etat),
            attribution(false, false, false, Reservataire::Bailleur),
            attribution(false, false, true, Reservataire::Bailleur),
            attribution(true, true, false, Reservataire::Collectivite),
            attribution(true, false, false, Reservataire::Collectivite),
        ];
        let i = indicateurs(&lettings, &ObjectifsMixite::LEGAUX);
        assert_eq!(
            (i[0].cible, i[0].part, i[0].objectif),
            (
                Cible::Q1HorsQpv,
                Part {
                    nombre: 1,
                    total: 4
                },
                25
            )
        );
        assert!(i[0].part.atteint(25));
        assert_eq!(i[0].part.pour_mille(), Some(250));
        assert_eq!(
            i[1].part,
            Part {
                nombre: 1,
                total: 2
            }
        );
        assert!(i[1].part.atteint(50));
        let collectivite = i
            .iter()
            .find(|x| {
                x.cible
                    == Cible::Prioritaires {
                        reservataire: Reservataire::Collectivite,
                    }
            })
            .unwrap();
        assert_eq!(
            collectivite.part,
            Part {
                nombre: 0,
                total: 2
            }
        );
        assert!(!collectivite.part.atteint(25));
        let action_logement = i
            .iter()
            .find(|x| {
                x.cible
                    == Cible::Prioritaires {
                        reservataire: Reservataire::ActionLogement,
                    }
            })
            .unwrap();
        assert_eq!(
            action_logement.part.pour_mille(),
            None,
            "no letting yet: no share"
        );
    }

    #[test]
    /// L.441-1: the 25 % outside QPV go to first-quartile households or to households
    /// rehoused by urban renewal or by an ORCOD; inside QPV, neither moves the 50 %.
    fn urban_renewal_and_orcod_rehousing_count_with_the_first_quartile_outside_qpv() {
        for operation in OperationRelogement::TOUS {
            let mut a = attribution(false, false, false, Reservataire::Etat);
            a.relogement = Some(*operation);
            let mut en_qpv = a;
            en_qpv.dans_qpv = true;
            let i = indicateurs(&[a, en_qpv], &ObjectifsMixite::LEGAUX);
            assert_eq!(
                (i[0].part, i[1].part),
                (
                    Part {
                        nombre: 1,
                        total: 1
                    },
                    Part {
                        nombre: 1,
                        total: 1
                    }
                ),
                "{operation:?}"
            );
        }
    }

    #[test]
    fn choosing_a_first_quartile_household_outside_qpv_moves_that_target() {
        let lettings: Vec<_> = (0..9)
            .map(|i| attribution(false, i < 2, false, Reservataire::Bailleur))
            .collect();
        let p = projection(
            &lettings,
            attribution(false, true, true, Reservataire::Bailleur),
            &ObjectifsMixite::LEGAUX,
        );
        assert_eq!(p.len(), 2, "the QPV target does not move");
        assert_eq!(
            (p[0].cible, p[0].avant.pour_mille(), p[0].apres.pour_mille()),
            (Cible::Q1HorsQpv, Some(222), Some(300))
        );
        assert_eq!(
            p[1].cible,
            Cible::Prioritaires {
                reservataire: Reservataire::Bailleur
            }
        );
        assert_eq!(
            (p[1].avant, p[1].apres),
            (
                Part {
                    nombre: 0,
                    total: 9
                },
                Part {
                    nombre: 1,
                    total: 10
                }
            )
        );
    }
}
