//! The household (*ménage*): everyone who will live in the home, and the household
//! category of the income ceilings that follows from it.

use crate::erreur::{CodeErreur, ErreurChamp};
use serde::{Deserialize, Serialize};

pub const MEMBRES_MAX: usize = 15;
pub const AGE_MAX: u8 = 120;

/// How a member relates to the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lien {
    /// The applicant (*demandeur*): exactly one per household.
    Demandeur,
    /// Spouse, civil partner or partner (*conjoint, pacsé, concubin*).
    Conjoint,
    Enfant,
    /// Parent or grandparent.
    Ascendant,
    /// Anyone else who will live in the home.
    Autre,
}

/// One person of the household, as declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membre {
    pub age: u8,
    pub lien: Lien,
    /// A dependant (*personne à charge*) of the applicant, in the tax sense.
    pub a_charge: bool,
    /// Holds a disability card or equivalent (code de l'action sociale et des familles).
    pub handicap: bool,
}

/// A household whose members are consistent: one applicant of age, at most one partner,
/// neither of them a dependant, 1 to 15 people.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Menage {
    membres: Vec<Membre>,
}

/// The household category of the income ceilings (arrêté du 29 juillet 1987, art. 1):
/// 1 to 6, plus people beyond the sixth category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Categorie {
    /// 1 to 6.
    pub numero: u8,
    /// People counted above category 6 (each adds the per-person amount).
    pub personnes_supplementaires: u8,
    /// Moved up one category because a member is disabled.
    pub majoree_handicap: bool,
    /// Counted as a young couple (category 3).
    pub jeune_menage: bool,
}

impl<'de> Deserialize<'de> for Menage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Brut {
            membres: Vec<Membre>,
        }
        let brut = Brut::deserialize(d)?;
        Menage::new(brut.membres).map_err(|e| {
            serde::de::Error::custom(format!("ménage invalide : {}", crate::erreur::champs(&e)))
        })
    }
}

impl Menage {
    /// Checks the household; every inconsistency is reported, with its member's index.
    pub fn new(membres: Vec<Membre>) -> Result<Menage, Vec<ErreurChamp>> {
        let mut erreurs = Vec::new();
        if membres.is_empty() || membres.len() > MEMBRES_MAX {
            erreurs.push(ErreurChamp::new(
                "membres",
                CodeErreur::HorsLimites {
                    min: 1,
                    max: MEMBRES_MAX as i64,
                },
            ));
        }
        let compter = |lien| membres.iter().filter(|m| m.lien == lien).count();
        if compter(Lien::Demandeur) != 1 {
            erreurs.push(ErreurChamp::incoherent("membres", "un_seul_demandeur"));
        }
        if compter(Lien::Conjoint) > 1 {
            erreurs.push(ErreurChamp::incoherent("membres", "un_seul_conjoint"));
        }
        for (i, m) in membres.iter().enumerate() {
            let champ = format!("membres.{i}");
            if m.age > AGE_MAX {
                erreurs.push(
                    ErreurChamp::new(
                        "age",
                        CodeErreur::HorsLimites {
                            min: 0,
                            max: i64::from(AGE_MAX),
                        },
                    )
                    .dans(&champ),
                );
            }
            if m.lien == Lien::Demandeur && m.age < 16 {
                erreurs.push(ErreurChamp::incoherent("age", "demandeur_mineur").dans(&champ));
            }
            if m.a_charge && matches!(m.lien, Lien::Demandeur | Lien::Conjoint) {
                erreurs.push(
                    ErreurChamp::incoherent("a_charge", "demandeur_ou_conjoint_a_charge")
                        .dans(&champ),
                );
            }
        }
        if erreurs.is_empty() {
            Ok(Menage { membres })
        } else {
            Err(erreurs)
        }
    }

    /// A household of one: the applicant alone.
    pub fn seul(age: u8) -> Menage {
        Menage {
            membres: vec![Membre {
                age: age.clamp(16, AGE_MAX),
                lien: Lien::Demandeur,
                a_charge: false,
                handicap: false,
            }],
        }
    }

    pub fn membres(&self) -> &[Membre] {
        &self.membres
    }

    pub fn personnes(&self) -> usize {
        self.membres.len()
    }

    pub fn personnes_a_charge(&self) -> usize {
        self.membres.iter().filter(|m| m.a_charge).count()
    }

    pub fn enfants(&self) -> usize {
        self.membres
            .iter()
            .filter(|m| m.lien == Lien::Enfant)
            .count()
    }

    pub fn a_un_membre_handicape(&self) -> bool {
        self.membres.iter().any(|m| m.handicap)
    }

    fn conjoint(&self) -> Option<&Membre> {
        self.membres.iter().find(|m| m.lien == Lien::Conjoint)
    }

    fn demandeur(&self) -> &Membre {
        // `new` guarantees exactly one applicant.
        self.membres
            .iter()
            .find(|m| m.lien == Lien::Demandeur)
            .unwrap_or(&self.membres[0])
    }

    /// An applicant without a partner, with at least one dependent child: the usual
    /// meaning of *famille monoparentale* in scoring grids.
    pub fn parent_isole(&self) -> bool {
        self.conjoint().is_none()
            && self
                .membres
                .iter()
                .any(|m| m.lien == Lien::Enfant && m.a_charge)
    }

    /// A couple without dependants whose ages add up to 55 or less (arrêté du 29 juillet
    /// 1987, art. 1: *jeune ménage*).
    pub fn jeune_menage(&self) -> bool {
        match self.conjoint() {
            Some(conjoint) => {
                self.personnes() == 2
                    && self.personnes_a_charge() == 0
                    && u16::from(self.demandeur().age) + u16::from(conjoint.age) <= 55
            }
            None => false,
        }
    }

    /// The household category (arrêté du 29 juillet 1987, art. 1):
    /// 1: one person; 2: two without dependants, young couples excepted;
    /// 3: three, or one person with one dependant, or a young couple;
    /// 4: four, or one with two dependants; 5: five, or one with three;
    /// 6: six, or one with four; then one more person each time.
    /// A household with a disabled member moves up one category.
    pub fn categorie(&self) -> Categorie {
        let n = self.personnes();
        let a_charge = self.personnes_a_charge();
        let seul_avec_personnes_a_charge = a_charge > 0 && a_charge == n - 1;
        let jeune_menage = self.jeune_menage();
        let rang = match n {
            1 => 1,
            _ if seul_avec_personnes_a_charge => a_charge + 2,
            2 if jeune_menage => 3,
            n => n,
        };
        let majoree_handicap = self.a_un_membre_handicape();
        let rang = rang + usize::from(majoree_handicap);
        Categorie {
            numero: rang.min(6) as u8,
            personnes_supplementaires: rang.saturating_sub(6).min(usize::from(u8::MAX)) as u8,
            majoree_handicap,
            jeune_menage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn membre(age: u8, lien: Lien) -> Membre {
        Membre {
            age,
            lien,
            a_charge: lien == Lien::Enfant && age < 21,
            handicap: false,
        }
    }

    fn menage(membres: &[(u8, Lien)]) -> Menage {
        Menage::new(membres.iter().map(|&(a, l)| membre(a, l)).collect()).unwrap()
    }

    fn categorie(m: &Menage) -> (u8, u8) {
        let c = m.categorie();
        (c.numero, c.personnes_supplementaires)
    }

    // Arrêté du 29 juillet 1987, art. 1: the six categories.
    #[test]
    fn arrete_1987_one_person_is_category_1() {
        assert_eq!(categorie(&menage(&[(40, Lien::Demandeur)])), (1, 0));
    }

    #[test]
    fn arrete_1987_two_people_without_dependants_are_category_2() {
        assert_eq!(
            categorie(&menage(&[(40, Lien::Demandeur), (35, Lien::Conjoint)])),
            (2, 0)
        );
        assert_eq!(
            categorie(&menage(&[(60, Lien::Demandeur), (85, Lien::Ascendant)])),
            (2, 0)
        );
    }

    #[test]
    fn arrete_1987_a_young_couple_is_category_3() {
        let m = menage(&[(27, Lien::Demandeur), (28, Lien::Conjoint)]);
        assert!(m.jeune_menage());
        assert_eq!(categorie(&m), (3, 0));
        // 56 years together: no longer a young couple.
        let m = menage(&[(28, Lien::Demandeur), (28, Lien::Conjoint)]);
        assert!(!m.jeune_menage());
        assert_eq!(categorie(&m), (2, 0));
    }

    #[test]
    fn arrete_1987_one_person_with_dependants_counts_one_category_higher() {
        assert_eq!(
            categorie(&menage(&[(35, Lien::Demandeur), (6, Lien::Enfant)])),
            (3, 0)
        );
        assert_eq!(
            categorie(&menage(&[
                (35, Lien::Demandeur),
                (6, Lien::Enfant),
                (9, Lien::Enfant)
            ])),
            (4, 0)
        );
        let m = menage(&[
            (35, Lien::Demandeur),
            (1, Lien::Enfant),
            (3, Lien::Enfant),
            (6, Lien::Enfant),
            (9, Lien::Enfant),
        ]);
        assert_eq!(categorie(&m), (6, 0));
        assert!(m.parent_isole());
    }

    #[test]
    fn arrete_1987_households_of_three_to_six() {
        let mut m = vec![(40, Lien::Demandeur), (38, Lien::Conjoint)];
        for (n, attendu) in [(3, 3), (4, 4), (5, 5), (6, 6)] {
            m.push((10, Lien::Enfant));
            assert_eq!(categorie(&menage(&m)), (attendu, 0), "{n} personnes");
        }
    }

    #[test]
    fn arrete_1987_above_six_people_count_extra_persons() {
        let mut m = vec![(40, Lien::Demandeur), (38, Lien::Conjoint)];
        m.extend([(10, Lien::Enfant); 6]);
        assert_eq!(categorie(&menage(&m)), (6, 2));
    }

    #[test]
    fn arrete_1987_a_disabled_member_moves_the_household_up_one_category() {
        let mut membres = vec![membre(40, Lien::Demandeur)];
        membres[0].handicap = true;
        let m = Menage::new(membres).unwrap();
        assert_eq!(categorie(&m), (2, 0));
        assert!(m.categorie().majoree_handicap);
        let mut membres: Vec<Membre> = [
            (40, Lien::Demandeur),
            (38, Lien::Conjoint),
            (9, Lien::Enfant),
            (7, Lien::Enfant),
            (5, Lien::Enfant),
            (3, Lien::Enfant),
        ]
        .iter()
        .map(|&(a, l)| membre(a, l))
        .collect();
        membres[2].handicap = true;
        assert_eq!(categorie(&Menage::new(membres).unwrap()), (6, 1));
    }

    #[test]
    fn an_inconsistent_household_is_refused_field_by_field() {
        let erreurs = Menage::new(vec![
            Membre {
                age: 12,
                lien: Lien::Demandeur,
                a_charge: true,
                handicap: false,
            },
            membre(130, Lien::Conjoint),
            membre(30, Lien::Conjoint),
        ])
        .unwrap_err();
        let champs: Vec<&str> = erreurs.iter().map(|e| e.champ.as_str()).collect();
        assert_eq!(
            champs,
            [
                "membres",
                "membres.0.age",
                "membres.0.a_charge",
                "membres.1.age"
            ]
        );
        assert_eq!(
            Menage::new(vec![membre(5, Lien::Enfant)]).unwrap_err()[0],
            ErreurChamp::incoherent("membres", "un_seul_demandeur")
        );
        assert!(Menage::new(vec![]).is_err());
    }
}
