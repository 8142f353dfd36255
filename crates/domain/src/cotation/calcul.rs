//! Scoring a household for a home with a grid.

use super::grille::{CRITERES_MAX, Condition, Fait, Grille, Mesure, Regle};
use super::score::{Ligne, Pourquoi, Score};
use crate::demande::Demande;
use crate::eligibilite::taux_pour_mille;
use crate::jour::Jour;
use crate::logement::Logement;
use crate::mixite;
use crate::territoire::ParametresTerritoire;

/// What a score depends on besides the household: the day it is computed for (seniority),
/// the home (listing-context criteria) and the territory (first quartile).
#[derive(Debug, Clone, Copy)]
pub struct Contexte<'a> {
    pub jour: Jour,
    pub logement: &'a Logement,
    pub territoire: &'a ParametresTerritoire,
}

/// The facts of one household as bits, computed once per scoring: each flag criterion is
/// then one bit test.
#[derive(Clone, Copy)]
struct Faits(u32);

impl Faits {
    fn bit(fait: Fait) -> u32 {
        match fait {
            Fait::Situation(s) => 1 << (s as u32),
            Fait::ParentIsole => 1 << 31,
        }
    }

    fn de(demande: &Demande) -> Faits {
        let situations = demande
            .situations
            .iter()
            .fold(0, |bits, &s| bits | Faits::bit(Fait::Situation(s)));
        let parent_isole = if demande.menage.parent_isole() {
            Faits::bit(Fait::ParentIsole)
        } else {
            0
        };
        Faits(situations | parent_isole)
    }

    fn contient(self, fait: Fait) -> bool {
        self.0 & Faits::bit(fait) != 0
    }
}

fn mesurer(mesure: Mesure, demande: &Demande, contexte: &Contexte) -> Option<i64> {
    let actuel = demande.logement_actuel;
    match mesure {
        Mesure::TauxEffortActuel => {
            let loyer = actuel.loyer_charges?;
            let aide = actuel.aide_logement.unwrap_or_default();
            let depense = crate::Euros::from_centimes((loyer.centimes() - aide.centimes()).max(0));
            let ressources = demande
                .ressources_mensuelles(contexte.logement.annee)
                .montant;
            taux_pour_mille(depense, ressources).map(i64::from)
        }
        Mesure::SurfaceParPersonne => {
            let surface = actuel.surface?;
            let personnes = demande.menage.personnes().max(1) as i64;
            Some(i64::from(surface.dixiemes()) / personnes)
        }
    }
}

fn condition_remplie(condition: Condition, demande: &Demande, contexte: &Contexte) -> bool {
    let q1 = mixite::premier_quartile(demande, contexte.territoire, contexte.logement.annee);
    match condition {
        Condition::PremierQuartileHorsQpv => q1 && !contexte.logement.dans_qpv,
        Condition::AutreQuartileEnQpv => !q1 && contexte.logement.dans_qpv,
    }
}

/// What one criterion gives this household, with why; `None` when it does not apply.
fn appliquer(
    regle: &Regle,
    faits: Faits,
    demande: &Demande,
    contexte: &Contexte,
) -> Option<(u32, Pourquoi)> {
    let resultat = match regle {
        Regle::Drapeau { fait, points } => faits
            .contient(*fait)
            .then_some((*points, Pourquoi::Fait { fait: *fait })),
        Regle::Anciennete {
            points_par_mois,
            plafond,
        } => {
            let mois = demande.anciennete_mois(contexte.jour);
            let brut = mois.saturating_mul(*points_par_mois);
            Some((
                brut.min(*plafond),
                Pourquoi::Anciennete {
                    mois,
                    plafond_atteint: brut >= *plafond,
                },
            ))
        }
        Regle::Tranches { mesure, tranches } => {
            let valeur = mesurer(*mesure, demande, contexte)?;
            tranches.iter().find(|t| t.contient(valeur)).map(|t| {
                (
                    t.points,
                    Pourquoi::Tranche {
                        mesure: *mesure,
                        valeur,
                        min: t.min,
                        max: t.max,
                    },
                )
            })
        }
        Regle::Contexte { condition, points } => condition_remplie(*condition, demande, contexte)
            .then_some((
                *points,
                Pourquoi::Contexte {
                    condition: *condition,
                },
            )),
    };
    resultat.filter(|(points, _)| *points > 0)
}

/// The household's score for the home: one line per criterion that applies; among the
/// criteria of one group only the highest counts (the first in the grid on a tie), the
/// others are kept aside to be shown.
pub fn coter(grille: &Grille, demande: &Demande, contexte: &Contexte) -> Score {
    let mut lignes: Vec<Ligne> = Vec::with_capacity(8);
    // The criterion of each line, on the stack: a grid has at most CRITERES_MAX criteria.
    let mut origines = [0usize; CRITERES_MAX];
    let mut ecartees = Vec::new();
    let faits = Faits::de(demande);
    for (i, critere) in grille.criteres.iter().enumerate() {
        let Some((points, pourquoi)) = appliquer(&critere.regle, faits, demande, contexte) else {
            continue;
        };
        let ligne = Ligne {
            critere: critere.id.clone(),
            points,
            pourquoi,
        };
        let meme_groupe = critere.groupe.as_deref().and_then(|g| {
            (0..lignes.len()).find(|&j| grille.criteres[origines[j]].groupe.as_deref() == Some(g))
        });
        match meme_groupe {
            Some(j) if lignes[j].points >= ligne.points => ecartees.push(ligne),
            Some(j) => {
                origines[j] = i;
                ecartees.push(std::mem::replace(&mut lignes[j], ligne));
            }
            None => {
                origines[lignes.len()] = i;
                lignes.push(ligne);
            }
        }
    }
    Score::new(lignes, ecartees)
}

/// The household's points that do not depend on a home ("Mon score"): every criterion but
/// the listing-context ones, which the app shows apart.
pub fn coter_menage(
    grille: &Grille,
    demande: &Demande,
    jour: Jour,
    territoire: &ParametresTerritoire,
) -> Score {
    let sans_contexte = Grille {
        criteres: grille
            .criteres
            .iter()
            .filter(|c| !matches!(c.regle, Regle::Contexte { .. }))
            .cloned()
            .collect(),
        ..grille.clone()
    };
    // Only the year of the home is read outside context criteria (the N-1 income rule).
    let logement = Logement {
        annee: jour.annee(),
        ..Logement::EXEMPLE
    };
    coter(
        &sans_contexte,
        demande,
        &Contexte {
            jour,
            logement: &logement,
            territoire,
        },
    )
}
