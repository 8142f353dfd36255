//! What each territory (EPCI) decides for itself: data in Clef, never constants in code.

use crate::argent::Euros;
use crate::erreur::{CodeErreur, ErreurChamp, Regle};
use serde::{Deserialize, Serialize};

/// How a home-size rule is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Exigence {
    /// Not met: the household is not eligible for this home.
    Refus,
    /// Not met: shown as a warning, the household stays eligible.
    Alerte,
    /// Not checked.
    Ignoree,
}

/// The local agreement that set the first two targets apart from the law's figures: the
/// intercommunal attribution agreement (CIA) or the orientations of the intercommunal
/// housing conference, approved with the préfet. Published beside the targets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccordLocal {
    /// Its name as published, e.g. « Convention intercommunale d'attribution de la CABBALR ».
    pub nom: String,
    /// The day it was signed or approved.
    pub date: crate::jour::Jour,
}

/// The longest agreement name (characters).
pub const ACCORD_NOM_MAX: usize = 200;

/// Attribution targets, in percent (code de la construction et de l'habitation, L.441-1, as
/// amended by the loi Égalité et Citoyenneté of 27 January 2017). The law's figures are 25,
/// 50 and 25: the first two may be adapted by the local agreement, named here; only the
/// réservataires' 25 % is a floor for everyone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectifsMixite {
    /// Lettings outside QPV to first-quartile households (or urban-renewal rehousing).
    pub q1_hors_qpv: u8,
    /// Lettings inside QPV to households of the other quartiles.
    pub autres_quartiles_en_qpv: u8,
    /// Each réservataire's lettings to priority households (L.441-1 and DALO).
    pub prioritaires_par_reservataire: u8,
    /// The agreement that adapted the first two figures; required for a figure below the
    /// law's.
    #[serde(default)]
    pub accord: Option<AccordLocal>,
}

impl ObjectifsMixite {
    pub const LEGAUX: ObjectifsMixite = ObjectifsMixite {
        q1_hors_qpv: 25,
        autres_quartiles_en_qpv: 50,
        prioritaires_par_reservataire: 25,
        accord: None,
    };

    /// Checks the targets published on `aujourdhui`: the réservataires' 25 % is a floor;
    /// the other two may go lower only under a named, dated, already signed agreement.
    fn verifier(&self, aujourdhui: crate::jour::Jour, erreurs: &mut Vec<ErreurChamp>) {
        let legaux = ObjectifsMixite::LEGAUX;
        let hors_limites = |min: u8| CodeErreur::HorsLimites {
            min: i64::from(min),
            max: 100,
        };
        for (champ, valeur, loi) in [
            (
                "objectifs.q1_hors_qpv",
                self.q1_hors_qpv,
                legaux.q1_hors_qpv,
            ),
            (
                "objectifs.autres_quartiles_en_qpv",
                self.autres_quartiles_en_qpv,
                legaux.autres_quartiles_en_qpv,
            ),
        ] {
            if !(1..=100).contains(&valeur) {
                erreurs.push(ErreurChamp::new(champ, hors_limites(1)));
            } else if valeur < loi && self.accord.is_none() {
                erreurs.push(ErreurChamp::incoherent(champ, Regle::ObjectifSansAccord));
            }
        }
        if !(legaux.prioritaires_par_reservataire..=100)
            .contains(&self.prioritaires_par_reservataire)
        {
            erreurs.push(ErreurChamp::new(
                "objectifs.prioritaires_par_reservataire",
                hors_limites(legaux.prioritaires_par_reservataire),
            ));
        }
        if let Some(accord) = &self.accord {
            let nom = accord.nom.trim();
            if nom.is_empty() {
                erreurs.push(ErreurChamp::new("objectifs.accord.nom", CodeErreur::Requis));
            } else if !crate::texte::propre(nom, false) {
                erreurs.push(ErreurChamp::new(
                    "objectifs.accord.nom",
                    CodeErreur::CaracteresInterdits,
                ));
            } else if nom.chars().count() > ACCORD_NOM_MAX {
                erreurs.push(ErreurChamp::new(
                    "objectifs.accord.nom",
                    CodeErreur::TropLong {
                        max: ACCORD_NOM_MAX as u32,
                    },
                ));
            }
            if accord.date > aujourdhui {
                erreurs.push(ErreurChamp::incoherent(
                    "objectifs.accord.date",
                    Regle::DateFuture,
                ));
            }
        }
    }
}

/// A territory's settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParametresTerritoire {
    /// Rent burden above which a warning is shown, in percent (landlords look at 30 to 33).
    pub seuil_taux_effort: u8,
    /// Overcrowding (surface below the legal minimum for the household).
    pub sur_occupation: Exigence,
    /// Under-occupation (more rooms than occupants plus one).
    pub sous_occupation: Exigence,
    /// Yearly resources per consumption unit below which a household is in the first
    /// quartile, set each year by ministerial arrêté for the EPCI.
    pub seuil_premier_quartile: Euros,
    pub annee_seuil_premier_quartile: i16,
    pub objectifs: ObjectifsMixite,
    /// Applications open at the same time, per applicant.
    pub candidatures_simultanees_max: u8,
}

impl ParametresTerritoire {
    /// The demonstration territory (Béthune-Bruay). The first-quartile threshold is the
    /// national median one of 2023 (9 243 € per UC), standing in for the EPCI's own.
    pub fn bethune_demo() -> ParametresTerritoire {
        ParametresTerritoire {
            seuil_taux_effort: 33,
            sur_occupation: Exigence::Refus,
            sous_occupation: Exigence::Alerte,
            seuil_premier_quartile: Euros::from_euros(9_243),
            annee_seuil_premier_quartile: 2023,
            objectifs: ObjectifsMixite::LEGAUX,
            candidatures_simultanees_max: 3,
        }
    }
}

/// The longest cap on applications open at once a territory may set.
pub const CANDIDATURES_SIMULTANEES_MAX: u8 = 10;

impl ParametresTerritoire {
    /// Checks settings the territory publishes on `aujourdhui`: targets at least the legal
    /// ones (a territory may only set higher), thresholds and cap within sensible bounds,
    /// the first-quartile threshold of a recent year.
    pub fn verifier(&self, aujourdhui: crate::jour::Jour) -> Result<(), Vec<ErreurChamp>> {
        let mut erreurs = Vec::new();
        let mut borne = |champ: &str, valeur: i64, min: i64, max: i64| {
            if !(min..=max).contains(&valeur) {
                erreurs.push(ErreurChamp::new(
                    champ,
                    CodeErreur::HorsLimites { min, max },
                ));
            }
        };
        borne(
            "seuil_taux_effort",
            i64::from(self.seuil_taux_effort),
            10,
            60,
        );
        borne(
            "seuil_premier_quartile",
            self.seuil_premier_quartile.centimes(),
            100,
            10_000_000,
        );
        let annee = i64::from(aujourdhui.annee());
        borne(
            "annee_seuil_premier_quartile",
            i64::from(self.annee_seuil_premier_quartile),
            annee - 5,
            annee,
        );
        borne(
            "candidatures_simultanees_max",
            i64::from(self.candidatures_simultanees_max),
            1,
            i64::from(CANDIDATURES_SIMULTANEES_MAX),
        );
        self.objectifs.verifier(aujourdhui, &mut erreurs);
        if erreurs.is_empty() {
            Ok(())
        } else {
            Err(erreurs)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_settings_are_valid_and_targets_go_below_the_law_only_under_an_agreement() {
        let aujourdhui: crate::jour::Jour = "2026-11-22".parse().unwrap();
        let demo = ParametresTerritoire::bethune_demo();
        assert_eq!(demo.verifier(aujourdhui), Ok(()));
        let plus_exigeant = ParametresTerritoire {
            objectifs: ObjectifsMixite {
                q1_hors_qpv: 30,
                ..ObjectifsMixite::LEGAUX
            },
            ..demo.clone()
        };
        assert_eq!(plus_exigeant.verifier(aujourdhui), Ok(()));
        let mauvais = ParametresTerritoire {
            objectifs: ObjectifsMixite {
                q1_hors_qpv: 20,
                ..ObjectifsMixite::LEGAUX
            },
            candidatures_simultanees_max: 0,
            annee_seuil_premier_quartile: 2015,
            seuil_premier_quartile: Euros::ZERO,
            ..demo.clone()
        };
        let champs: Vec<String> = mauvais
            .verifier(aujourdhui)
            .unwrap_err()
            .into_iter()
            .map(|e| e.champ)
            .collect();
        assert_eq!(
            champs,
            [
                "seuil_premier_quartile",
                "annee_seuil_premier_quartile",
                "candidatures_simultanees_max",
                "objectifs.q1_hors_qpv",
            ]
        );
    }

    /// L.441-1: the 25 % outside QPV and the 50 % inside are figures the local agreement
    /// may adapt (the 50 % is a default); the réservataires' 25 % is not.
    #[test]
    fn an_agreement_named_and_dated_allows_lower_q1_and_qpv_figures_never_a_lower_priority_floor() {
        let aujourdhui: crate::jour::Jour = "2026-11-22".parse().unwrap();
        let accord = AccordLocal {
            nom: "Convention intercommunale d'attribution".into(),
            date: "2024-06-12".parse().unwrap(),
        };
        let avec = |q1: u8, qpv: u8, prio: u8, accord: Option<AccordLocal>| ParametresTerritoire {
            objectifs: ObjectifsMixite {
                q1_hors_qpv: q1,
                autres_quartiles_en_qpv: qpv,
                prioritaires_par_reservataire: prio,
                accord,
            },
            ..ParametresTerritoire::bethune_demo()
        };
        let erreurs = |p: ParametresTerritoire| -> Vec<(String, CodeErreur)> {
            p.verifier(aujourdhui)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.champ, e.code))
                .collect()
        };
        assert!(erreurs(avec(20, 40, 25, Some(accord.clone()))).is_empty());
        let sans_accord = erreurs(avec(20, 40, 25, None));
        assert_eq!(
            sans_accord.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
            ["objectifs.q1_hors_qpv", "objectifs.autres_quartiles_en_qpv"]
        );
        assert!(sans_accord.iter().all(|e| e.1
            == CodeErreur::Incoherent {
                regle: Regle::ObjectifSansAccord
            }));
        assert_eq!(
            erreurs(avec(25, 50, 20, Some(accord.clone())))
                .into_iter()
                .map(|e| e.0)
                .collect::<Vec<_>>(),
            ["objectifs.prioritaires_par_reservataire"]
        );
        assert_eq!(
            erreurs(avec(0, 50, 25, Some(accord.clone())))
                .into_iter()
                .map(|e| e.0)
                .collect::<Vec<_>>(),
            ["objectifs.q1_hors_qpv"],
            "a target of nothing is not a target"
        );
        let futur = AccordLocal {
            nom: " ".into(),
            date: "2027-01-01".parse().unwrap(),
        };
        assert_eq!(
            erreurs(avec(20, 50, 25, Some(futur)))
                .into_iter()
                .map(|e| e.0)
                .collect::<Vec<_>>(),
            ["objectifs.accord.nom", "objectifs.accord.date"]
        );
    }
}
