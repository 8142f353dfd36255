//! A scoring grid (*grille de cotation*) as data: versioned, per territory, serialisable,
//! so the server stores and publishes it and the app renders it (code de la construction
//! et de l'habitation, L.441-2-8; décret n° 2019-1378).

use crate::demande::Situation;
use crate::erreur::{CodeErreur, ErreurChamp, Regle as RegleErreur};
use crate::jour::Jour;
use crate::offre::Code;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;
use std::sync::Arc;

/// A fact about the household a flag criterion looks at: a declared situation, or one
/// the household's composition shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fait {
    Situation(Situation),
    /// An applicant without a partner, with a dependent child.
    ParentIsole,
}

impl Fait {
    pub fn code(self) -> &'static str {
        match self {
            Fait::Situation(s) => s.code(),
            Fait::ParentIsole => "parent_isole",
        }
    }

    pub fn depuis_code(code: &str) -> Option<Fait> {
        match code {
            "parent_isole" => Some(Fait::ParentIsole),
            autre => Situation::depuis_code(autre).map(Fait::Situation),
        }
    }
}

impl Serialize for Fait {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Fait {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Fait::depuis_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("fait inconnu : {code}")))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Fait {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("Code d'une situation déclarée, ou `parent_isole`"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Fait {}

/// A value computed from the household's current housing, that bands score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mesure {
    /// Current rent and charges less housing benefit over monthly resources, per mille.
    TauxEffortActuel,
    /// Current surface per person, in tenths of m².
    SurfaceParPersonne,
}

/// A condition on the household and the home it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// A first-quartile household applying to a home outside QPV (the 25 % target).
    PremierQuartileHorsQpv,
    /// A household of the other quartiles applying to a home inside QPV (the 50 % target).
    AutreQuartileEnQpv,
}

/// `min <= valeur < max`; an absent bound is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tranche {
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    pub points: u32,
}

impl Tranche {
    pub fn contient(&self, valeur: i64) -> bool {
        self.min.is_none_or(|m| valeur >= m) && self.max.is_none_or(|m| valeur < m)
    }
}

/// How a criterion gives its points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Regle {
    /// Fixed points when the fact holds.
    Drapeau { fait: Fait, points: u32 },
    /// Points per whole month since the request was filed, up to a cap.
    Anciennete { points_par_mois: u32, plafond: u32 },
    /// Points of the band the measured value falls in (no band: no points).
    Tranches {
        mesure: Mesure,
        tranches: Vec<Tranche>,
    },
    /// Fixed points when the household and the home meet the condition.
    Contexte { condition: Condition, points: u32 },
}

/// One criterion of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Critere {
    /// Stable identifier within the grid (`dalo`, `anciennete`).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub id: Arc<str>,
    /// Short French label.
    pub libelle: String,
    /// What it means, in plain French.
    pub explication: String,
    /// Criteria of one group overlap: only the highest of them counts.
    #[serde(default)]
    pub groupe: Option<String>,
    pub regle: Regle,
}

/// A territory's grid, in one version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grille {
    pub territoire: String,
    pub version: u32,
    /// First day it applies (to listings published from that day).
    pub en_vigueur_le: Jour,
    pub criteres: Vec<Critere>,
}

/// The most criteria a grid may have (published grids have up to about 25).
pub const CRITERES_MAX: usize = 64;
/// A criterion's name and its explanation, as applicants read them on *Mon score*.
pub const LIBELLE_MAX: usize = 120;
pub const EXPLICATION_MAX: usize = 1_000;

/// The largest number of points a single criterion may give: keeps totals far from
/// overflow and grids readable.
pub const POINTS_MAX: u32 = 1_000;

impl Grille {
    /// Checks a grid: ids unique and non-empty, labels and explanations present, points
    /// within bounds, bands ordered and not overlapping.
    pub fn new(
        territoire: String,
        version: u32,
        en_vigueur_le: Jour,
        criteres: Vec<Critere>,
    ) -> Result<Grille, Vec<ErreurChamp>> {
        let mut erreurs = Vec::new();
        let mut ids = BTreeSet::new();
        if criteres.is_empty() {
            erreurs.push(ErreurChamp::new("criteres", CodeErreur::Requis));
        } else if criteres.len() > CRITERES_MAX {
            erreurs.push(ErreurChamp::new(
                "criteres",
                CodeErreur::HorsLimites {
                    min: 1,
                    max: CRITERES_MAX as i64,
                },
            ));
        }
        let hors_limites = CodeErreur::HorsLimites {
            min: 0,
            max: i64::from(POINTS_MAX),
        };
        for (i, c) in criteres.iter().enumerate() {
            let champ = format!("criteres.{i}");
            if c.id.is_empty()
                || !c
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                erreurs.push(ErreurChamp::new("id", CodeErreur::FormatInvalide).dans(&champ));
            } else if !ids.insert(&*c.id) {
                erreurs.push(ErreurChamp::new("id", CodeErreur::Repete).dans(&champ));
            }
            for (nom, texte, max) in [
                ("libelle", &c.libelle, LIBELLE_MAX),
                ("explication", &c.explication, EXPLICATION_MAX),
            ] {
                let code = if texte.trim().is_empty() {
                    CodeErreur::Requis
                } else if !crate::texte::propre(texte, false) {
                    // Published to every applicant: nothing in it may hide or reorder text.
                    CodeErreur::CaracteresInterdits
                } else if texte.chars().count() > max {
                    CodeErreur::TropLong { max: max as u32 }
                } else {
                    continue;
                };
                erreurs.push(ErreurChamp::new(nom, code).dans(&champ));
            }
            let points_max = match &c.regle {
                Regle::Drapeau { points, .. } | Regle::Contexte { points, .. } => *points,
                Regle::Anciennete {
                    points_par_mois,
                    plafond,
                } => (*points_par_mois).max(*plafond),
                Regle::Tranches { tranches, .. } => {
                    let ordonnees = tranches.windows(2).all(|w| match (w[0].max, w[1].min) {
                        (Some(fin), Some(debut)) => fin <= debut,
                        _ => false,
                    });
                    let bornees = tranches.iter().all(|t| match (t.min, t.max) {
                        (Some(a), Some(b)) => a < b,
                        _ => true,
                    });
                    if tranches.is_empty() || !ordonnees || !bornees {
                        erreurs.push(
                            ErreurChamp::incoherent(
                                "regle.tranches",
                                RegleErreur::TranchesOrdonneesDisjointes,
                            )
                            .dans(&champ),
                        );
                    }
                    tranches.iter().map(|t| t.points).max().unwrap_or(0)
                }
            };
            if points_max > POINTS_MAX {
                erreurs.push(ErreurChamp::new("regle.points", hors_limites.clone()).dans(&champ));
            }
        }
        if erreurs.is_empty() {
            Ok(Grille {
                territoire,
                version,
                en_vigueur_le,
                criteres,
            })
        } else {
            Err(erreurs)
        }
    }
}

impl<'de> Deserialize<'de> for Grille {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Brute {
            territoire: String,
            version: u32,
            en_vigueur_le: Jour,
            criteres: Vec<Critere>,
        }
        let b = Brute::deserialize(d)?;
        Grille::new(b.territoire, b.version, b.en_vigueur_le, b.criteres).map_err(|e| {
            serde::de::Error::custom(format!("grille invalide : {}", crate::erreur::champs(&e)))
        })
    }
}

/// A grid is published only if it gives points to the DALO and to every category of
/// L.441-1 (code de la construction et de l'habitation, L.441-2-8: the grid weighs the
/// priorities of L.441-1 and the DALO). A priority's criterion at 0 points is an error on
/// its points; a priority without a criterion is an error named `priorites.<code>`.
pub fn verifier_priorites(criteres: &[Critere]) -> Result<(), Vec<ErreurChamp>> {
    let mut erreurs = Vec::new();
    for situation in Situation::TOUS.iter().filter(|s| s.prioritaire()) {
        let couvrant: Vec<(usize, u32)> = criteres
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c.regle {
                Regle::Drapeau {
                    fait: Fait::Situation(s),
                    points,
                } if s == *situation => Some((i, points)),
                _ => None,
            })
            .collect();
        if couvrant.is_empty() {
            erreurs.push(ErreurChamp::incoherent(
                &format!("priorites.{}", situation.code()),
                RegleErreur::PrioriteAbsente,
            ));
        } else if couvrant.iter().all(|&(_, points)| points == 0) {
            for (i, _) in couvrant {
                erreurs.push(ErreurChamp::incoherent(
                    &format!("criteres.{i}.regle.points"),
                    RegleErreur::PrioriteSansPoints,
                ));
            }
        }
    }
    if erreurs.is_empty() {
        Ok(())
    } else {
        Err(erreurs)
    }
}

/// A new version takes effect from a later day than today, and not before the version it
/// follows: a listing keeps the grid in force on its opening day, so a listing already
/// open (or closed) is never ranked by a grid published after it opened.
pub fn verifier_entree_en_vigueur(
    nouvelle: Jour,
    precedente: Jour,
    aujourdhui: Jour,
) -> Result<(), ErreurChamp> {
    if nouvelle <= aujourdhui {
        Err(ErreurChamp::incoherent(
            "en_vigueur_le",
            RegleErreur::GrilleDesDemain,
        ))
    } else if nouvelle < precedente {
        Err(ErreurChamp::incoherent(
            "en_vigueur_le",
            RegleErreur::GrilleAvantLaPrecedente,
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests_priorites {
    use super::*;
    use crate::cotation::grille_bethune;

    /// L.441-2-8 and L.441-1: the demonstration grid covers them all; dropping any one,
    /// or giving it 0 points, stops the publication and names it.
    #[test]
    fn a_grid_without_the_dalo_or_any_l441_1_priority_cannot_be_published() {
        let criteres = grille_bethune().criteres;
        assert_eq!(verifier_priorites(&criteres), Ok(()));
        for situation in Situation::TOUS.iter().filter(|s| s.prioritaire()) {
            let i = criteres
                .iter()
                .position(|c| matches!(c.regle, Regle::Drapeau { fait: Fait::Situation(s), .. } if s == *situation))
                .unwrap_or_else(|| panic!("{situation:?} absent de la grille de démonstration"));
            let mut sans = criteres.clone();
            sans.remove(i);
            assert_eq!(
                verifier_priorites(&sans),
                Err(vec![ErreurChamp::incoherent(
                    &format!("priorites.{}", situation.code()),
                    RegleErreur::PrioriteAbsente
                )])
            );
            let mut a_zero = criteres.clone();
            if let Regle::Drapeau { points, .. } = &mut a_zero[i].regle {
                *points = 0;
            }
            assert_eq!(
                verifier_priorites(&a_zero),
                Err(vec![ErreurChamp::incoherent(
                    &format!("criteres.{i}.regle.points"),
                    RegleErreur::PrioriteSansPoints
                )])
            );
        }
        let locaux: Vec<Critere> = criteres
            .into_iter()
            .filter(|c| !matches!(c.regle, Regle::Drapeau { fait: Fait::Situation(s), .. } if s.prioritaire()))
            .collect();
        assert_eq!(
            verifier_priorites(&locaux).map_err(|e| e.len()),
            Err(Situation::TOUS.iter().filter(|s| s.prioritaire()).count())
        );
    }
}

#[cfg(test)]
mod tests_entree_en_vigueur {
    use super::*;

    #[test]
    fn a_new_version_starts_tomorrow_at_the_earliest_and_not_before_the_previous() {
        let j = |t: &str| t.parse::<Jour>().unwrap();
        let aujourdhui = j("2026-11-22");
        assert!(verifier_entree_en_vigueur(j("2026-11-23"), j("2025-01-01"), aujourdhui).is_ok());
        assert!(verifier_entree_en_vigueur(aujourdhui, j("2025-01-01"), aujourdhui).is_err());
        assert!(verifier_entree_en_vigueur(j("2027-01-01"), j("2027-02-01"), aujourdhui).is_err());
    }
}

#[cfg(test)]
mod tests_textes {
    use super::*;
    use crate::cotation::grille_bethune;

    /// Every applicant reads the criteria's names and explanations (issue 16): bounded, and
    /// nothing in them may hide or reorder text.
    #[test]
    fn a_criterions_texts_are_bounded_and_hold_no_hidden_characters() {
        let grille = grille_bethune();
        let avec = |f: &dyn Fn(&mut Critere)| {
            let mut criteres = grille.criteres.clone();
            f(&mut criteres[0]);
            Grille::new(grille.territoire.clone(), 2, grille.en_vigueur_le, criteres)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.champ, e.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(avec(&|_| {}), []);
        assert_eq!(
            avec(&|c| c.libelle = "DALO \u{202E}0001+".into()),
            [(
                "criteres.0.libelle".to_owned(),
                CodeErreur::CaracteresInterdits
            )]
        );
        assert_eq!(
            avec(&|c| c.explication = "x".repeat(EXPLICATION_MAX + 1)),
            [(
                "criteres.0.explication".to_owned(),
                CodeErreur::TropLong {
                    max: EXPLICATION_MAX as u32
                }
            )]
        );
    }
}
