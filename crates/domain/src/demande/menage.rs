//! The household (*ménage*): everyone who will live in the home, and the household
//! category of the income ceilings that follows from it.

use crate::argent::Euros;
use crate::erreur::{CodeErreur, ErreurChamp, Regle};
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
    /// A dependant (*personne à charge*) of the applicant, in the tax sense: attached to
    /// the applicant's tax household (a minor child, a child under 21 or a student under
    /// 25 who asked to be, a disabled person living there...).
    pub a_charge: bool,
    /// Holds the *carte mobilité inclusion* with the *invalidité* mention (or a former
    /// *carte d'invalidité*), code de l'action sociale et des familles, L.241-3: the
    /// household then counts one more person for the income ceilings (arrêté du 29
    /// juillet 1987, art. 1). Not the same question as the L.441-1 priority for disabled
    /// people ([`crate::demande::Situation::Handicap`], CASF L.114's wider definition).
    /// Stored requests written before the two were asked apart call it `handicap`.
    #[serde(alias = "handicap")]
    pub carte_invalidite: bool,
    /// All this person's monthly resources as declared in the request (wages, pensions,
    /// unemployment benefit, RSA, AAH, family benefits...): what the rent burden divides
    /// by (arrêté du 10 mars 2011; CCH R.441-3-1) and what the first quartile is judged
    /// on. `None` when not declared (requests saved before it was asked).
    #[serde(default)]
    pub ressources_mensuelles: Option<Euros>,
}

/// The highest monthly resources accepted for one person: far above any social-housing
/// household, it only catches typing mistakes.
pub const RESSOURCES_MENSUELLES_MAX: Euros = Euros::from_euros(50_000);

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
    /// Raised by the disability rule: a member holds the disability card and counting one
    /// more person gives a higher category than the household's ordinary one.
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
            erreurs.push(ErreurChamp::incoherent("membres", Regle::UnSeulDemandeur));
        }
        if compter(Lien::Conjoint) > 1 {
            erreurs.push(ErreurChamp::incoherent("membres", Regle::UnSeulConjoint));
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
                erreurs.push(ErreurChamp::incoherent("age", Regle::DemandeurMineur).dans(&champ));
            }
            if let Some(r) = m.ressources_mensuelles
                && !(0..=RESSOURCES_MENSUELLES_MAX.centimes()).contains(&r.centimes())
            {
                erreurs.push(
                    ErreurChamp::new(
                        "ressources_mensuelles",
                        CodeErreur::HorsLimites {
                            min: 0,
                            max: RESSOURCES_MENSUELLES_MAX.centimes(),
                        },
                    )
                    .dans(&champ),
                );
            }
            if m.a_charge && matches!(m.lien, Lien::Demandeur | Lien::Conjoint) {
                erreurs.push(
                    ErreurChamp::incoherent("a_charge", Regle::DemandeurOuConjointACharge)
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
                carte_invalidite: false,
                ressources_mensuelles: None,
            }],
        }
    }

    /// The household's monthly resources as declared, member by member; `None` when no
    /// member declared any.
    pub fn ressources_mensuelles_declarees(&self) -> Option<Euros> {
        self.membres
            .iter()
            .filter_map(|m| m.ressources_mensuelles)
            .reduce(|a, b| a + b)
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

    /// A member holds the disability card that raises the income ceilings.
    pub fn a_un_membre_invalide(&self) -> bool {
        self.membres.iter().any(|m| m.carte_invalidite)
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
    /// Disability: *n persons of whom at least one holds the card* count as *n + 1
    /// persons* (category 2 is also one disabled person alone, category 3 two persons of
    /// whom one is disabled...). It is a second way into a category, not a step up from
    /// the ordinary one: the household gets the higher of the two.
    pub fn categorie(&self) -> Categorie {
        let n = self.personnes();
        let a_charge = self.personnes_a_charge();
        let seul_avec_personnes_a_charge = a_charge > 0 && a_charge == n - 1;
        let jeune_menage = self.jeune_menage();
        let ordinaire = match n {
            1 => 1,
            // One person with k dependants is category k + 2, that is n + 1.
            _ if seul_avec_personnes_a_charge => n + 1,
            2 if jeune_menage => 3,
            n => n,
        };
        let avec_handicap = if self.a_un_membre_invalide() {
            n + 1
        } else {
            0
        };
        let rang = ordinaire.max(avec_handicap);
        Categorie {
            numero: rang.min(6) as u8,
            personnes_supplementaires: rang.saturating_sub(6).min(usize::from(u8::MAX)) as u8,
            majoree_handicap: avec_handicap > ordinaire,
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
            a_charge: lien == Lien::Enfant && age < 18,
            carte_invalidite: false,
            ressources_mensuelles: None,
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

    /// A household from (age, link, dependant, disability card).
    fn foyer(membres: &[(u8, Lien, bool, bool)]) -> Menage {
        Menage::new(
            membres
                .iter()
                .map(|&(age, lien, a_charge, carte_invalidite)| Membre {
                    age,
                    lien,
                    a_charge,
                    carte_invalidite,
                    ressources_mensuelles: None,
                })
                .collect(),
        )
        .unwrap()
    }

    /// Arrêté du 29 juillet 1987, art. 1: *n persons of whom at least one is disabled*
    /// count as *n + 1 persons*; the household gets the higher of that and its ordinary
    /// category (DOMAIN.md's cases).
    #[test]
    fn arrete_1987_art_1_a_disabled_member_counts_one_more_person_not_one_more_category() {
        use Lien::*;
        /// (household, its members, ordinary category, with one member holding the card,
        /// raised by the card?)
        type Cas = (
            &'static str,
            &'static [(u8, Lien, bool)],
            (u8, u8),
            (u8, u8),
            bool,
        );
        let cas: &[Cas] = &[
            (
                "one person",
                &[(40, Demandeur, false)],
                (1, 0),
                (2, 0),
                true,
            ),
            (
                "two adults, not a young couple",
                &[(40, Demandeur, false), (38, Conjoint, false)],
                (2, 0),
                (3, 0),
                true,
            ),
            (
                "a young couple",
                &[(25, Demandeur, false), (24, Conjoint, false)],
                (3, 0),
                (3, 0),
                false,
            ),
            (
                "a single parent with one dependant",
                &[(35, Demandeur, false), (8, Enfant, true)],
                (3, 0),
                (3, 0),
                false,
            ),
            (
                "one person and an adult child not dependant",
                &[(50, Demandeur, false), (22, Enfant, false)],
                (2, 0),
                (3, 0),
                true,
            ),
            (
                "a couple with one child",
                &[
                    (40, Demandeur, false),
                    (38, Conjoint, false),
                    (8, Enfant, true),
                ],
                (3, 0),
                (4, 0),
                true,
            ),
            (
                "a single parent with two dependants",
                &[(35, Demandeur, false), (8, Enfant, true), (6, Enfant, true)],
                (4, 0),
                (4, 0),
                false,
            ),
            (
                "a single parent with four dependants",
                &[
                    (35, Demandeur, false),
                    (1, Enfant, true),
                    (3, Enfant, true),
                    (6, Enfant, true),
                    (9, Enfant, true),
                ],
                (6, 0),
                (6, 0),
                false,
            ),
            (
                "a couple with four children",
                &[
                    (40, Demandeur, false),
                    (38, Conjoint, false),
                    (3, Enfant, true),
                    (5, Enfant, true),
                    (7, Enfant, true),
                    (9, Enfant, true),
                ],
                (6, 0),
                (6, 1),
                true,
            ),
            (
                "a single parent with five dependants",
                &[
                    (35, Demandeur, false),
                    (1, Enfant, true),
                    (3, Enfant, true),
                    (6, Enfant, true),
                    (9, Enfant, true),
                    (11, Enfant, true),
                ],
                (6, 1),
                (6, 1),
                false,
            ),
        ];
        for (nom, membres, ordinaire, avec_carte, majoree) in cas {
            let sans: Vec<_> = membres.iter().map(|&(a, l, c)| (a, l, c, false)).collect();
            assert_eq!(categorie(&foyer(&sans)), *ordinaire, "{nom}");
            // Whoever holds the card, the category is the same.
            for porteur in 0..membres.len() {
                let mut avec = sans.clone();
                avec[porteur].3 = true;
                let m = foyer(&avec);
                assert_eq!(categorie(&m), *avec_carte, "{nom}, member {porteur}");
                assert_eq!(m.categorie().majoree_handicap, *majoree, "{nom}");
            }
            // Two members holding the card count as one more person, not two.
            if membres.len() >= 2 {
                let mut deux = sans.clone();
                deux[0].3 = true;
                deux[1].3 = true;
                assert_eq!(categorie(&foyer(&deux)), *avec_carte, "{nom}, two cards");
            }
        }
    }

    /// The disability rule never lowers a category and adds at most one person.
    #[test]
    fn arrete_1987_art_1_the_card_raises_by_at_most_one_person() {
        fn rang(c: Categorie) -> u16 {
            u16::from(c.numero) + u16::from(c.personnes_supplementaires)
        }
        for n in 1..=9usize {
            for charges in 0..n {
                for conjoint in [false, true] {
                    if conjoint && (n < 2 || charges > n - 2) {
                        continue;
                    }
                    let mut membres = vec![(30, Lien::Demandeur, false, false)];
                    if conjoint {
                        membres.push((30, Lien::Conjoint, false, false));
                    }
                    while membres.len() < n {
                        let a_charge = membres.iter().filter(|m| m.2).count() < charges;
                        membres.push((10, Lien::Enfant, a_charge, false));
                    }
                    let sans = foyer(&membres).categorie();
                    membres[n - 1].3 = true;
                    let avec = foyer(&membres).categorie();
                    assert!(rang(avec) >= rang(sans), "{membres:?}");
                    assert!(rang(avec) <= rang(sans) + 1, "{membres:?}");
                    assert!(rang(avec) <= n as u16 + 1, "{membres:?}");
                }
            }
        }
    }

    #[test]
    fn an_inconsistent_household_is_refused_field_by_field() {
        let erreurs = Menage::new(vec![
            Membre {
                age: 12,
                lien: Lien::Demandeur,
                a_charge: true,
                carte_invalidite: false,
                ressources_mensuelles: None,
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
            ErreurChamp::incoherent("membres", Regle::UnSeulDemandeur)
        );
        assert!(Menage::new(vec![]).is_err());
    }
}
