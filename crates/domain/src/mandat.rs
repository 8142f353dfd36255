//! Mandates (*mandats*): an applicant lets a support structure (a France Services office)
//! act for them, for named acts and a limited time, on the model of Aidants Connect. The
//! applicant sees and revokes them at any time; each act done under one is journaled.

use crate::erreur::{CodeErreur, ErreurChamp, Regle};
use crate::jour::Jour;
use serde::{Deserialize, Serialize};

/// What a mandate lets an advisor do for the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Acte {
    /// Read the file: household, eligibility, applications, score. Every mandate covers
    /// it: nobody can act on a file without seeing it.
    Consulter,
    /// Fill in and correct the household's details.
    RemplirFoyer,
    /// Apply to a listing, and withdraw an application.
    Candidater,
}

impl Acte {
    pub const TOUS: [Acte; 3] = [Acte::Consulter, Acte::RemplirFoyer, Acte::Candidater];
}

/// The longest mandate, in months (Aidants Connect's rule: one year at most).
pub const DUREE_MAX_MOIS: u8 = 12;

/// A mandate asked for, by the applicant or at the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DemandeMandat {
    pub actes: Vec<Acte>,
    /// 1 to 12 months.
    pub duree_mois: u8,
}

/// The acts a valid mandate covers: always `consulter`, each act once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Actes(Vec<Acte>);

impl Actes {
    pub fn couvre(&self, acte: Acte) -> bool {
        self.0.contains(&acte)
    }

    pub fn liste(&self) -> &[Acte] {
        &self.0
    }

    /// Reads acts stored by [`Actes::liste`] (checked again: stored data is outside data).
    pub fn depuis(actes: Vec<Acte>) -> Result<Actes, ErreurChamp> {
        let mut tries = actes.clone();
        tries.sort();
        tries.dedup();
        if tries.len() != actes.len() {
            return Err(ErreurChamp::new("actes", CodeErreur::Repete));
        }
        if !tries.contains(&Acte::Consulter) {
            return Err(ErreurChamp::incoherent(
                "actes",
                Regle::ConsulterToujoursInclus,
            ));
        }
        Ok(Actes(tries))
    }
}

/// A checked mandate request: its acts, and the last day it is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MandatValide {
    pub actes: Actes,
    pub fin: Jour,
}

impl DemandeMandat {
    /// Checks the request made on `debut`: the mandate is valid from that day to the day
    /// before the same date `duree_mois` months later, both included.
    pub fn verifier(&self, debut: Jour) -> Result<MandatValide, Vec<ErreurChamp>> {
        let mut erreurs = Vec::new();
        let actes = Actes::depuis(self.actes.clone())
            .map_err(|e| erreurs.push(e))
            .ok();
        if !(1..=DUREE_MAX_MOIS).contains(&self.duree_mois) {
            erreurs.push(ErreurChamp::new(
                "duree_mois",
                CodeErreur::HorsLimites {
                    min: 1,
                    max: i64::from(DUREE_MAX_MOIS),
                },
            ));
        }
        match actes {
            Some(actes) if erreurs.is_empty() => Ok(MandatValide {
                actes,
                fin: debut.plus_mois(u32::from(self.duree_mois)).plus_jours(-1),
            }),
            _ => Err(erreurs),
        }
    }
}

/// Where a mandate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatutMandat {
    /// Started at the counter, waiting for the applicant's code.
    EnAttente,
    /// The advisor may act under it.
    Actif,
    /// Started at the counter, never confirmed in time.
    NonConfirme,
    /// Its last day has passed.
    Echu,
    /// The applicant ended it.
    Revoque,
}

/// The facts a mandate's status is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaitsMandat {
    pub confirme: bool,
    pub revoque: bool,
    /// The one-time code of a counter-started mandate can still be used.
    pub code_utilisable: bool,
    pub fin: Jour,
}

impl FaitsMandat {
    /// The one place that says whether a mandate lets an advisor act on `aujourdhui`.
    pub fn statut(&self, aujourdhui: Jour) -> StatutMandat {
        if self.revoque {
            StatutMandat::Revoque
        } else if aujourdhui > self.fin {
            StatutMandat::Echu
        } else if self.confirme {
            StatutMandat::Actif
        } else if self.code_utilisable {
            StatutMandat::EnAttente
        } else {
            StatutMandat::NonConfirme
        }
    }
}

/// The one-time code that confirms a counter-started mandate lasts this long (seconds)...
pub const CODE_VALIDITE: i64 = 15 * 60;
/// ...and may be tried this many times.
pub const CODE_ESSAIS_MAX: i64 = 5;

/// A one-time code: six digits, spaces allowed as typed (`123 456`).
pub fn code_saisi(texte: &str) -> Option<String> {
    let chiffres: String = texte.chars().filter(|c| !c.is_whitespace()).collect();
    (chiffres.len() == 6 && chiffres.bytes().all(|b| b.is_ascii_digit())).then_some(chiffres)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jour(texte: &str) -> Jour {
        texte.parse().unwrap()
    }

    #[test]
    fn a_mandate_lasts_its_months_to_the_day_before() {
        let demande = DemandeMandat {
            actes: vec![Acte::Consulter, Acte::Candidater],
            duree_mois: 12,
        };
        let valide = demande.verifier(jour("2026-11-22")).unwrap();
        assert_eq!(valide.fin, jour("2027-11-21"));
        assert!(valide.actes.couvre(Acte::Candidater));
        assert!(!valide.actes.couvre(Acte::RemplirFoyer));
        let court = DemandeMandat {
            duree_mois: 1,
            ..demande
        };
        assert_eq!(
            court.verifier(jour("2026-01-31")).unwrap().fin,
            jour("2026-02-27")
        );
    }

    #[test]
    fn a_mandate_lasts_one_to_twelve_months_and_always_covers_consulting() {
        let erreurs = DemandeMandat {
            actes: vec![Acte::Candidater],
            duree_mois: 13,
        }
        .verifier(jour("2026-11-22"))
        .unwrap_err();
        assert_eq!(
            erreurs,
            vec![
                ErreurChamp::incoherent("actes", Regle::ConsulterToujoursInclus),
                ErreurChamp::new("duree_mois", CodeErreur::HorsLimites { min: 1, max: 12 }),
            ]
        );
        let zero = DemandeMandat {
            actes: vec![Acte::Consulter],
            duree_mois: 0,
        };
        assert!(zero.verifier(jour("2026-11-22")).is_err());
        let double = DemandeMandat {
            actes: vec![Acte::Consulter, Acte::Consulter],
            duree_mois: 3,
        };
        assert_eq!(
            double.verifier(jour("2026-11-22")).unwrap_err(),
            vec![ErreurChamp::new("actes", CodeErreur::Repete)]
        );
    }

    #[test]
    fn only_a_confirmed_unrevoked_mandate_within_its_days_is_active() {
        let fin = jour("2027-02-21");
        let faits = FaitsMandat {
            confirme: true,
            revoque: false,
            code_utilisable: false,
            fin,
        };
        assert_eq!(faits.statut(fin), StatutMandat::Actif);
        assert_eq!(faits.statut(fin.plus_jours(1)), StatutMandat::Echu);
        let revoque = FaitsMandat {
            revoque: true,
            ..faits
        };
        assert_eq!(revoque.statut(fin), StatutMandat::Revoque);
        let attente = FaitsMandat {
            confirme: false,
            code_utilisable: true,
            ..faits
        };
        assert_eq!(attente.statut(fin), StatutMandat::EnAttente);
        let perime = FaitsMandat {
            code_utilisable: false,
            ..attente
        };
        assert_eq!(perime.statut(fin), StatutMandat::NonConfirme);
    }

    #[test]
    fn codes_are_six_digits_spaces_allowed() {
        assert_eq!(code_saisi(" 123 456 ").as_deref(), Some("123456"));
        for mauvais in ["12345", "1234567", "12a456", "", "١٢٣٤٥٦"] {
            assert_eq!(code_saisi(mauvais), None, "{mauvais}");
        }
    }
}
