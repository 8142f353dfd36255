//! The request form's state, as typed (text stays text until checked), and its conversion
//! to the rules crate's `DemandeSaisie`. Checking is the rules crate's: the browser runs
//! the same `Demande::depuis_saisie` as the server, so each step can say what is wrong
//! before anything is sent.

use crate::saisie::{centimes, dixiemes, en_texte_euros, en_texte_surface};
use clef_domain::demande::{
    Demande, DemandeSaisie, Lien, LogementActuel, MEMBRES_MAX, Membre, Situation,
};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::Code;
use clef_domain::{Euros, Surface};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembreSaisi {
    pub age: String,
    pub lien: Lien,
    /// Ticked or unticked by the applicant; `None` until they touch it.
    pub a_charge: Option<bool>,
    pub carte_invalidite: bool,
    /// Euros a month, as typed: all this person's resources.
    pub ressources: String,
}

impl MembreSaisi {
    pub fn nouveau(lien: Lien) -> MembreSaisi {
        MembreSaisi {
            age: String::new(),
            lien,
            a_charge: None,
            carte_invalidite: false,
            ressources: String::new(),
        }
    }

    /// A dependant: as the applicant said; until they say, a child under 18 is (a minor
    /// is a dependant in the tax sense, CGI art. 196), anyone older is not (an adult child
    /// is one only if attached to the tax household, which only they know).
    pub fn a_charge(&self) -> bool {
        self.a_charge.unwrap_or_else(|| {
            self.lien == Lien::Enfant && self.age.trim().parse::<u32>().is_ok_and(|a| a < 18)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Formulaire {
    pub membres: Vec<MembreSaisi>,
    pub date_depot: String,
    /// Euros a year, as typed (`18 500` or `18500,50`).
    pub rfr_n2: String,
    pub rfr_n1: String,
    /// Euros over the last twelve months.
    pub douze_derniers_mois: String,
    /// Euros a month.
    pub loyer: String,
    pub aide: String,
    /// m².
    pub surface: String,
    pub situations: BTreeSet<Situation>,
}

/// The steps of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Etape {
    Menage,
    Ressources,
    Logement,
    Situations,
    Verification,
}

impl Etape {
    pub const TOUTES: [Etape; 5] = [
        Etape::Menage,
        Etape::Ressources,
        Etape::Logement,
        Etape::Situations,
        Etape::Verification,
    ];

    pub fn numero(self) -> usize {
        self as usize + 1
    }

    pub fn suivante(self) -> Etape {
        Etape::TOUTES[(self as usize + 1).min(Etape::TOUTES.len() - 1)]
    }

    pub fn precedente(self) -> Etape {
        Etape::TOUTES[(self as usize).saturating_sub(1)]
    }

    /// The step where a field is filled in.
    pub fn de_champ(champ: &str) -> Etape {
        if champ.starts_with("membres") && champ.ends_with("ressources_mensuelles") {
            Etape::Ressources
        } else if champ.starts_with("membres") {
            Etape::Menage
        } else if champ.starts_with("logement_actuel") {
            Etape::Logement
        } else if champ.starts_with("situations") {
            Etape::Situations
        } else {
            Etape::Ressources
        }
    }
}

impl Formulaire {
    /// A form for someone who has not filled it yet: just them.
    pub fn vide() -> Formulaire {
        Formulaire {
            membres: vec![MembreSaisi::nouveau(Lien::Demandeur)],
            ..Formulaire::default()
        }
    }

    pub fn depuis(saisie: &DemandeSaisie) -> Formulaire {
        if saisie.membres.is_empty() {
            return Formulaire {
                date_depot: saisie.date_depot.clone(),
                ..Formulaire::vide()
            };
        }
        let actuel = saisie.logement_actuel;
        Formulaire {
            membres: saisie
                .membres
                .iter()
                .map(|m| MembreSaisi {
                    age: m.age.to_string(),
                    lien: m.lien,
                    a_charge: Some(m.a_charge),
                    carte_invalidite: m.carte_invalidite,
                    ressources: en_texte_euros(m.ressources_mensuelles.map(Euros::centimes)),
                })
                .collect(),
            date_depot: saisie.date_depot.clone(),
            rfr_n2: en_texte_euros(saisie.rfr_n2),
            rfr_n1: en_texte_euros(saisie.rfr_n1),
            douze_derniers_mois: en_texte_euros(saisie.douze_derniers_mois),
            loyer: en_texte_euros(actuel.loyer_charges.map(Euros::centimes)),
            aide: en_texte_euros(actuel.aide_logement.map(Euros::centimes)),
            surface: actuel.surface.map(en_texte_surface).unwrap_or_default(),
            situations: saisie
                .situations
                .iter()
                .filter_map(|c| Situation::depuis_code(c))
                .collect(),
        }
    }

    pub fn peut_ajouter(&self) -> bool {
        self.membres.len() < MEMBRES_MAX
    }

    /// What the form would send, and the fields that are not even numbers.
    pub fn en_saisie(&self, numero_unique: &str) -> (DemandeSaisie, Vec<ErreurChamp>) {
        let mut erreurs = Vec::new();
        let mut montant = |champ: &str, texte: &str| {
            centimes(texte)
                .map_err(|code| erreurs.push(ErreurChamp::new(champ, code)))
                .ok()
                .flatten()
        };
        let rfr_n2 = montant("rfr_n2", &self.rfr_n2);
        let rfr_n1 = montant("rfr_n1", &self.rfr_n1);
        let douze_derniers_mois = montant("douze_derniers_mois", &self.douze_derniers_mois);
        let loyer = montant("logement_actuel.loyer_charges", &self.loyer);
        let aide = montant("logement_actuel.aide_logement", &self.aide);
        let surface = dixiemes(&self.surface)
            .map_err(|code| erreurs.push(ErreurChamp::new("logement_actuel.surface", code)))
            .ok()
            .flatten();
        let mut membres = Vec::new();
        for (i, m) in self.membres.iter().enumerate() {
            let age = m.age.trim();
            let age = if age.is_empty() {
                erreurs.push(ErreurChamp::new(
                    &format!("membres.{i}.age"),
                    CodeErreur::Requis,
                ));
                0
            } else {
                // A number too big for an age is out of bounds (the rules crate says so
                // with the bounds), not "not a number".
                match age.parse::<u32>() {
                    Ok(n) => u8::try_from(n).unwrap_or(u8::MAX),
                    Err(_) => {
                        erreurs.push(ErreurChamp::new(
                            &format!("membres.{i}.age"),
                            CodeErreur::PasUnNombre,
                        ));
                        0
                    }
                }
            };
            let champ = format!("membres.{i}.ressources_mensuelles");
            let ressources_mensuelles = centimes(&m.ressources)
                .map_err(|code| erreurs.push(ErreurChamp::new(&champ, code)))
                .ok()
                .flatten()
                .map(Euros::from_centimes);
            membres.push(Membre {
                age,
                lien: m.lien,
                a_charge: m.a_charge(),
                carte_invalidite: m.carte_invalidite,
                ressources_mensuelles,
            });
        }
        let saisie = DemandeSaisie {
            numero_unique: numero_unique.to_owned(),
            date_depot: self.date_depot.clone(),
            membres,
            rfr_n2,
            rfr_n1,
            douze_derniers_mois,
            logement_actuel: LogementActuel {
                loyer_charges: loyer.map(Euros::from_centimes),
                aide_logement: aide.map(Euros::from_centimes),
                surface: surface.map(Surface::from_dixiemes),
            },
            situations: self
                .situations
                .iter()
                .map(|s| s.code().to_owned())
                .collect(),
        };
        (saisie, erreurs)
    }

    /// Every error of the form: what is not a number, then what the rules crate refuses
    /// (one message per field, the first).
    pub fn verifier(&self, numero_unique: &str) -> (DemandeSaisie, Vec<ErreurChamp>) {
        let (saisie, mut erreurs) = self.en_saisie(numero_unique);
        if let Err(regles) = Demande::depuis_saisie(saisie.clone()) {
            for e in regles {
                if !erreurs.iter().any(|d| d.champ == e.champ) {
                    erreurs.push(e);
                }
            }
        }
        (saisie, erreurs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(centimes(""), Ok(None));
        assert_eq!(centimes("18500"), Ok(Some(1_850_000)));
        assert_eq!(centimes("18 500 €"), Ok(Some(1_850_000)));
        assert_eq!(centimes("18500,5"), Ok(Some(1_850_050)));
        assert_eq!(centimes("18\u{202f}500,05"), Ok(Some(1_850_005)));
        for faux in ["dix", "-5", "1,234", "1.2.3", ",5"] {
            assert_eq!(centimes(faux), Err(CodeErreur::PasUnNombre), "{faux}");
        }
        assert_eq!(dixiemes("45,5"), Ok(Some(455)));
    }

    #[test]
    fn a_surface_or_an_amount_is_read_with_its_unit_and_either_decimal_mark() {
        for texte in ["38,5", "38.5", "38,5 m²", "38,5m2", " 38,50 M² "] {
            assert_eq!(dixiemes(texte), Ok(Some(385)), "{texte}");
        }
        for texte in ["450", "450 €", "450 euros", "450,00 EUR"] {
            assert_eq!(centimes(texte), Ok(Some(45_000)), "{texte}");
        }
        assert_eq!(dixiemes("trente"), Err(CodeErreur::PasUnNombre));
    }

    #[test]
    fn a_saved_request_comes_back_as_it_was_typed() {
        let saisie = DemandeSaisie {
            numero_unique: "0622305000123456PC".into(),
            date_depot: "2023-05-10".into(),
            membres: vec![Membre {
                age: 31,
                lien: Lien::Demandeur,
                a_charge: false,
                carte_invalidite: true,
                ressources_mensuelles: Some(Euros::from_centimes(123_450)),
            }],
            rfr_n2: Some(1_950_050),
            rfr_n1: None,
            douze_derniers_mois: Some(1_500_000),
            logement_actuel: LogementActuel {
                loyer_charges: Some(Euros::from_euros(450)),
                aide_logement: None,
                surface: Some(Surface::from_dixiemes(455)),
            },
            situations: vec!["handicap".into()],
        };
        let formulaire = Formulaire::depuis(&saisie);
        assert_eq!(formulaire.rfr_n2, "19500,50");
        assert_eq!(formulaire.surface, "45,5");
        assert_eq!(formulaire.membres[0].ressources, "1234,50");
        let (retour, erreurs) = formulaire.verifier("0622305000123456PC");
        assert!(erreurs.is_empty(), "{erreurs:?}");
        assert_eq!(retour, saisie);
    }

    #[test]
    fn an_age_too_high_is_said_to_be_out_of_bounds_not_to_be_no_number() {
        let mut f = Formulaire::vide();
        f.membres[0].age = "300".into();
        let (_, erreurs) = f.verifier("0622305000123456PC");
        let age: Vec<_> = erreurs
            .iter()
            .filter(|e| e.champ == "membres.0.age")
            .collect();
        assert_eq!(age.len(), 1, "{erreurs:?}");
        assert!(
            matches!(age[0].code, CodeErreur::HorsLimites { .. }),
            "{erreurs:?}"
        );
    }

    #[test]
    fn each_error_points_to_its_step() {
        let mut f = Formulaire::vide();
        f.membres[0].age = "30".into();
        f.membres.push(MembreSaisi {
            age: "trois".into(),
            ..MembreSaisi::nouveau(Lien::Enfant)
        });
        f.rfr_n2 = "abc".into();
        f.surface = "vaste".into();
        f.membres[0].ressources = "mille".into();
        let (_, erreurs) = f.verifier("0622305000123456PC");
        let etapes: BTreeSet<Etape> = erreurs.iter().map(|e| Etape::de_champ(&e.champ)).collect();
        assert_eq!(
            etapes,
            [Etape::Menage, Etape::Ressources, Etape::Logement].into()
        );
        assert_eq!(
            Etape::de_champ("membres.0.ressources_mensuelles"),
            Etape::Ressources,
            "each person's monthly resources are asked on the resources step"
        );
        assert!(
            erreurs
                .iter()
                .any(|e| e.champ == "membres.1.age" && e.code == CodeErreur::PasUnNombre)
        );
    }

    /// CGI art. 196: a minor child is a dependant; an adult child only if attached to the
    /// tax household, which the form cannot know: not ticked until the applicant says.
    #[test]
    fn a_child_is_a_dependant_by_default_only_under_18_and_a_choice_always_stands() {
        for (age, attendu) in [
            ("", false),
            ("0", true),
            ("17", true),
            ("18", false),
            ("24", false),
        ] {
            let enfant = MembreSaisi {
                age: age.into(),
                ..MembreSaisi::nouveau(Lien::Enfant)
            };
            assert_eq!(enfant.a_charge(), attendu, "child aged {age:?}");
            let coche = MembreSaisi {
                a_charge: Some(!attendu),
                ..enfant.clone()
            };
            assert_eq!(
                coche.a_charge(),
                !attendu,
                "the applicant's choice, {age:?}"
            );
        }
        let parent = MembreSaisi {
            age: "12".into(),
            ..MembreSaisi::nouveau(Lien::Autre)
        };
        assert!(!parent.a_charge(), "only children are ticked by default");
    }
}
