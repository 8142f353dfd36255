//! A social-housing request (*demande de logement social*): who the household is, what it
//! earns, where it lives now, and the situations it declares.

mod menage;
mod numero_unique;
mod ressources;
mod situation;

pub use menage::{
    AGE_MAX, Categorie, Lien, MEMBRES_MAX, Membre, Menage, RESSOURCES_MENSUELLES_MAX,
};
pub use numero_unique::{NumeroUnique, NumeroUniqueInvalide};
pub use ressources::{BaseRessources, Ressources, RessourcesRetenues};
pub use situation::{LogementActuel, OperationRelogement, Situation};

use crate::argent::Euros;
use crate::erreur::{CodeErreur, ErreurChamp};
use crate::jour::Jour;
use crate::offre::Code;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The highest yearly income accepted as input: far above any ceiling, it only catches
/// typing mistakes (an amount in cents typed as euros).
pub const RFR_MAX: Euros = Euros::from_euros(1_000_000);

/// The highest monthly rent (or housing benefit) accepted for the current home.
pub const LOYER_ACTUEL_MAX: Euros = Euros::from_euros(10_000);
/// The largest current home accepted, in tenths of m² (1,000 m²).
pub const SURFACE_ACTUELLE_MAX_DIXIEMES: u32 = 10_000;

/// A valid request. Every field carries its own invariants; [`Demande::depuis_saisie`]
/// builds one from what a form sent, naming each field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Demande {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub numero_unique: NumeroUnique,
    /// Date of the first filing: seniority counts from it, and it breaks ties.
    pub date_depot: Jour,
    pub menage: Menage,
    pub ressources: Ressources,
    #[serde(default)]
    pub logement_actuel: LogementActuel,
    #[serde(default)]
    pub situations: BTreeSet<Situation>,
}

/// A request as typed in a form, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DemandeSaisie {
    pub numero_unique: String,
    /// `AAAA-MM-JJ`.
    pub date_depot: String,
    pub membres: Vec<Membre>,
    /// Yearly reference income of year N-2, in cents.
    pub rfr_n2: Option<i64>,
    /// Yearly reference income of year N-1, in cents, if known.
    #[serde(default)]
    pub rfr_n1: Option<i64>,
    /// Taxable income of the last twelve months, in cents, when it fell.
    #[serde(default)]
    pub douze_derniers_mois: Option<i64>,
    #[serde(default)]
    pub logement_actuel: LogementActuel,
    /// Codes of the declared situations (`dalo`, `handicap`...).
    #[serde(default)]
    pub situations: Vec<String>,
}

fn montant(
    champ: &str,
    centimes: Option<i64>,
    requis: bool,
    erreurs: &mut Vec<ErreurChamp>,
) -> Option<Euros> {
    match centimes {
        None if requis => {
            erreurs.push(ErreurChamp::new(champ, CodeErreur::Requis));
            None
        }
        None => None,
        Some(c) if !(0..=RFR_MAX.centimes()).contains(&c) => {
            erreurs.push(ErreurChamp::new(
                champ,
                CodeErreur::HorsLimites {
                    min: 0,
                    max: RFR_MAX.centimes(),
                },
            ));
            None
        }
        Some(c) => Some(Euros::from_centimes(c)),
    }
}

impl Demande {
    /// Checks a typed request; every invalid field is reported.
    pub fn depuis_saisie(saisie: DemandeSaisie) -> Result<Demande, Vec<ErreurChamp>> {
        let mut erreurs = Vec::new();
        let numero_unique = NumeroUnique::parse(&saisie.numero_unique)
            .map_err(|_| {
                let code = if saisie.numero_unique.trim().is_empty() {
                    CodeErreur::Requis
                } else {
                    CodeErreur::FormatInvalide
                };
                erreurs.push(ErreurChamp::new("numero_unique", code));
            })
            .ok();
        let date_depot = saisie
            .date_depot
            .parse::<Jour>()
            .map_err(|_| erreurs.push(ErreurChamp::new("date_depot", CodeErreur::FormatInvalide)))
            .ok();
        let menage = Menage::new(saisie.membres)
            .map_err(|e| erreurs.extend(e))
            .ok();
        let rfr_n2 = montant("rfr_n2", saisie.rfr_n2, true, &mut erreurs);
        let rfr_n1 = montant("rfr_n1", saisie.rfr_n1, false, &mut erreurs);
        let douze_derniers_mois = montant(
            "douze_derniers_mois",
            saisie.douze_derniers_mois,
            false,
            &mut erreurs,
        );
        let actuel = saisie.logement_actuel;
        for (champ, montant, max) in [
            (
                "logement_actuel.loyer_charges",
                actuel.loyer_charges,
                LOYER_ACTUEL_MAX,
            ),
            (
                "logement_actuel.aide_logement",
                actuel.aide_logement,
                LOYER_ACTUEL_MAX,
            ),
        ] {
            if let Some(m) = montant
                && !(0..=max.centimes()).contains(&m.centimes())
            {
                erreurs.push(ErreurChamp::new(
                    champ,
                    CodeErreur::HorsLimites {
                        min: 0,
                        max: max.centimes(),
                    },
                ));
            }
        }
        if let Some(surface) = actuel.surface
            && !(1..=SURFACE_ACTUELLE_MAX_DIXIEMES).contains(&surface.dixiemes())
        {
            erreurs.push(ErreurChamp::new(
                "logement_actuel.surface",
                CodeErreur::HorsLimites {
                    min: 1,
                    max: i64::from(SURFACE_ACTUELLE_MAX_DIXIEMES),
                },
            ));
        }
        let mut situations = BTreeSet::new();
        for (i, code) in saisie.situations.iter().enumerate() {
            let champ = format!("situations.{i}");
            match Situation::depuis_code(code) {
                Some(s) if !situations.insert(s) => {
                    erreurs.push(ErreurChamp::new(&champ, CodeErreur::Repete))
                }
                Some(_) => {}
                None => erreurs.push(ErreurChamp::new(&champ, CodeErreur::ValeurInconnue)),
            }
        }
        match (numero_unique, date_depot, menage, rfr_n2) {
            (Some(numero_unique), Some(date_depot), Some(menage), Some(rfr_n2))
                if erreurs.is_empty() =>
            {
                Ok(Demande {
                    numero_unique,
                    date_depot,
                    menage,
                    ressources: Ressources {
                        rfr_n2,
                        rfr_n1,
                        douze_derniers_mois,
                    },
                    logement_actuel: saisie.logement_actuel,
                    situations,
                })
            }
            _ => Err(erreurs),
        }
    }

    /// Whole months of seniority of the request on `jour` (0 before the filing date).
    pub fn anciennete_mois(&self, jour: Jour) -> u32 {
        mois_entre(self.date_depot, jour)
    }

    pub fn a(&self, situation: Situation) -> bool {
        self.situations.contains(&situation)
    }

    /// A priority household (L.441-1 or DALO), for the réservataires' target.
    pub fn prioritaire(&self) -> bool {
        self.situations.iter().any(|s| s.prioritaire())
    }

    /// The monthly resources the rent burden and the first quartile are judged on: those
    /// declared in the request, member by member (arrêté du 10 mars 2011; CCH
    /// R.441-3-1); for a request saved before they were asked, the tax income retained
    /// for `annee` divided by twelve, said as such.
    pub fn ressources_mensuelles(&self, annee: i16) -> RessourcesMensuelles {
        match self.menage.ressources_mensuelles_declarees() {
            Some(montant) => RessourcesMensuelles {
                montant,
                declarees: true,
            },
            None => RessourcesMensuelles {
                montant: Euros::from_centimes(
                    self.ressources.retenues(annee).montant.centimes() / 12,
                ),
                declarees: false,
            },
        }
    }

    /// The rehousing operation the household comes from, if any (urban renewal first
    /// when both were declared: either counts the same for the targets).
    pub fn relogement(&self) -> Option<OperationRelogement> {
        self.situations.iter().find_map(|s| s.relogement())
    }
}

/// A household's monthly resources, and whether they were declared or estimated from the
/// tax income (a twelfth of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RessourcesMensuelles {
    pub montant: Euros,
    pub declarees: bool,
}

/// Whole months from `debut` to `fin`: 15 March to 14 April is 0, to 15 April is 1.
pub fn mois_entre(debut: Jour, fin: Jour) -> u32 {
    if fin <= debut {
        return 0;
    }
    let mois = (i32::from(fin.annee()) - i32::from(debut.annee())) * 12 + i32::from(fin.mois())
        - i32::from(debut.mois());
    let mois = if fin.jour() < debut.jour() {
        mois - 1
    } else {
        mois
    };
    u32::try_from(mois).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jour;

    pub fn saisie() -> DemandeSaisie {
        DemandeSaisie {
            numero_unique: "062 2311 00012345 67A".into(),
            date_depot: "2023-11-15".into(),
            membres: vec![Membre {
                age: 34,
                lien: Lien::Demandeur,
                a_charge: false,
                carte_invalidite: false,
                ressources_mensuelles: None,
            }],
            rfr_n2: Some(1_800_000),
            rfr_n1: None,
            douze_derniers_mois: None,
            logement_actuel: LogementActuel::default(),
            situations: vec!["dalo".into(), "rapprochement_travail".into()],
        }
    }

    #[test]
    fn a_well_filled_request_is_accepted() {
        let d = Demande::depuis_saisie(saisie()).unwrap();
        assert_eq!(
            d.numero_unique.as_str(),
            "062231100012345 67A".replace(' ', "")
        );
        assert!(d.a(Situation::Dalo) && d.prioritaire());
        assert_eq!(d.ressources.rfr_n2, Euros::from_euros(18_000));
    }

    #[test]
    fn every_invalid_field_of_a_request_is_named() {
        let erreurs = Demande::depuis_saisie(DemandeSaisie {
            numero_unique: "123".into(),
            date_depot: "15/11/2023".into(),
            rfr_n2: None,
            rfr_n1: Some(-5),
            douze_derniers_mois: Some(i64::MAX),
            situations: vec!["dalo".into(), "chomage".into(), "dalo".into()],
            ..saisie()
        })
        .unwrap_err();
        let champs: Vec<(&str, &CodeErreur)> = erreurs
            .iter()
            .map(|e| (e.champ.as_str(), &e.code))
            .collect();
        assert_eq!(
            champs,
            [
                ("numero_unique", &CodeErreur::FormatInvalide),
                ("date_depot", &CodeErreur::FormatInvalide),
                ("rfr_n2", &CodeErreur::Requis),
                (
                    "rfr_n1",
                    &CodeErreur::HorsLimites {
                        min: 0,
                        max: 100_000_000
                    }
                ),
                (
                    "douze_derniers_mois",
                    &CodeErreur::HorsLimites {
                        min: 0,
                        max: 100_000_000
                    }
                ),
                ("situations.1", &CodeErreur::ValeurInconnue),
                ("situations.2", &CodeErreur::Repete),
            ]
        );
    }

    #[test]
    fn seniority_counts_whole_months() {
        let d = Demande::depuis_saisie(saisie()).unwrap();
        assert_eq!(d.anciennete_mois(jour!(2023, 12, 14)), 0);
        assert_eq!(d.anciennete_mois(jour!(2023, 12, 15)), 1);
        assert_eq!(d.anciennete_mois(jour!(2026, 11, 22)), 36);
        assert_eq!(d.anciennete_mois(jour!(2020, 1, 1)), 0);
        assert_eq!(mois_entre(jour!(2024, 1, 31), jour!(2024, 2, 29)), 0);
        assert_eq!(mois_entre(jour!(2024, 1, 31), jour!(2024, 3, 31)), 2);
    }

    #[test]
    fn a_request_round_trips_through_json() {
        let d = Demande::depuis_saisie(saisie()).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Demande>(&json).unwrap(), d);
    }
}

#[cfg(test)]
mod tests_logement_actuel {
    use super::*;

    #[test]
    fn the_current_home_figures_are_bounded() {
        let mut saisie = tests::saisie();
        saisie.logement_actuel = LogementActuel {
            loyer_charges: Some(Euros::from_euros(20_000)),
            aide_logement: Some(Euros::from_centimes(-1)),
            surface: Some(crate::Surface::from_dixiemes(0)),
        };
        let champs: Vec<String> = Demande::depuis_saisie(saisie)
            .unwrap_err()
            .into_iter()
            .map(|e| e.champ)
            .collect();
        assert_eq!(
            champs,
            [
                "logement_actuel.loyer_charges",
                "logement_actuel.aide_logement",
                "logement_actuel.surface"
            ]
        );
    }
}

#[cfg(test)]
mod tests_handicap {
    use super::*;

    /// CASF L.114 (the L.441-1 priority) and L.241-3 (the ceiling uplift) are two
    /// questions: claiming the priority neither needs nor gives the disability card.
    #[test]
    fn the_disability_priority_and_the_disability_card_are_asked_apart() {
        let mut saisie = tests::saisie();
        saisie.situations = vec!["handicap".into()];
        let d = Demande::depuis_saisie(saisie.clone()).unwrap();
        assert!(d.a(Situation::Handicap) && d.prioritaire());
        assert!(!d.menage.a_un_membre_invalide());
        assert_eq!(
            d.menage.categorie().numero,
            1,
            "the priority gives no uplift"
        );
        saisie.situations = vec![];
        saisie.membres[0].carte_invalidite = true;
        let d = Demande::depuis_saisie(saisie).unwrap();
        assert!(!d.a(Situation::Handicap) && !d.prioritaire());
        assert_eq!(d.menage.categorie().numero, 2);
    }
}
