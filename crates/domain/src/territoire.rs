//! What each territory (EPCI) decides for itself: data in Clef, never constants in code.

use crate::argent::Euros;
use crate::erreur::{CodeErreur, ErreurChamp};
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

/// Attribution targets of the intercommunal agreement (CIA), in percent; the law's floors
/// are 25, 50 and 25 (code de la construction et de l'habitation, L.441-1, as amended by the
/// loi Égalité et Citoyenneté of 27 January 2017).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectifsMixite {
    /// Lettings outside QPV to first-quartile households (or urban-renewal rehousing).
    pub q1_hors_qpv: u8,
    /// Lettings inside QPV to households of the other quartiles.
    pub autres_quartiles_en_qpv: u8,
    /// Each réservataire's lettings to priority households (L.441-1 and DALO).
    pub prioritaires_par_reservataire: u8,
}

impl ObjectifsMixite {
    pub const LEGAUX: ObjectifsMixite = ObjectifsMixite {
        q1_hors_qpv: 25,
        autres_quartiles_en_qpv: 50,
        prioritaires_par_reservataire: 25,
    };
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
        let legaux = ObjectifsMixite::LEGAUX;
        for (champ, valeur, min) in [
            (
                "objectifs.q1_hors_qpv",
                self.objectifs.q1_hors_qpv,
                legaux.q1_hors_qpv,
            ),
            (
                "objectifs.autres_quartiles_en_qpv",
                self.objectifs.autres_quartiles_en_qpv,
                legaux.autres_quartiles_en_qpv,
            ),
            (
                "objectifs.prioritaires_par_reservataire",
                self.objectifs.prioritaires_par_reservataire,
                legaux.prioritaires_par_reservataire,
            ),
        ] {
            borne(champ, i64::from(valeur), i64::from(min), 100);
        }
        borne(
            "candidatures_simultanees_max",
            i64::from(self.candidatures_simultanees_max),
            1,
            i64::from(CANDIDATURES_SIMULTANEES_MAX),
        );
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
    fn the_demo_settings_are_valid_and_targets_cannot_go_below_the_law() {
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
            ..demo
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
                "objectifs.q1_hors_qpv",
                "candidatures_simultanees_max"
            ]
        );
    }
}
