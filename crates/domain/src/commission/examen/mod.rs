//! The commission's decisions on the presented candidates and what follows them, as a
//! state machine: a command ([`Commande`]) taken in the current state ([`Issues`]) gives
//! the new state and what must follow ([`Suites`]: who is told what), or a typed refusal.
//!
//! The texts: R.441-3 of the code de la construction et de l'habitation lists the five
//! decisions (see [`crate::api::Decision`]); under b) the home goes to the next candidate
//! when those ranked before refuse the offer (R.441-10); under c) the landlord must sign the
//! lease if the document arrives by the deadline the decision set, and the attribution
//! lapses otherwise. The home is offered to one candidate at a time, in the attribution
//! order, and not while an earlier attribution waits for its document.

use crate::api::{Decision, Issue, Issues, LeveeCondition};
use crate::demande::Demande;
use crate::eligibilite::{self, Statut};
use crate::erreur::{CodeErreur, ErreurChamp, Regle};
use crate::jour::Jour;
use crate::logement::Logement;

/// The longest deadline a suspensive condition may set, in days after the decision.
pub const ECHEANCE_MAX_JOURS: i32 = 92;

/// What landlord staff may record next for a presented candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionIssue {
    /// The commission's decision, once per candidate.
    Decider,
    /// The end of a suspensive condition: the document arrived, or the deadline passed.
    LeverCondition,
    /// The answer of the candidate the home is offered to.
    EnregistrerReponse,
    /// The lease, once the candidate accepted.
    SignerBail,
}

impl ActionIssue {
    pub const TOUTES: [ActionIssue; 4] = [
        ActionIssue::Decider,
        ActionIssue::LeverCondition,
        ActionIssue::EnregistrerReponse,
        ActionIssue::SignerBail,
    ];
}

/// Why an act is not possible in the letting's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusIssue {
    /// The lease is signed: the letting is over.
    DejaAttribuee,
    /// The commission already decided on this candidate, or the condition already ended.
    DejaDecide,
    /// Not among the presented candidates.
    NonPresente,
    /// The decision on this candidate has no suspensive condition.
    SansCondition,
    /// The home is not offered to this candidate now.
    PasProposee,
    /// The candidate has not accepted the home.
    PasAcceptee,
}

/// A step recorded by landlord staff, on the day it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commande {
    Decider {
        candidature_id: i64,
        decision: Decision,
        le: Jour,
    },
    LeverCondition {
        candidature_id: i64,
        remplie: bool,
        le: Jour,
    },
    Repondre {
        candidature_id: i64,
        accepte: bool,
        le: Jour,
    },
    SignerBail {
        candidature_id: i64,
    },
}

impl Commande {
    pub fn candidature_id(self) -> i64 {
        match self {
            Commande::Decider { candidature_id, .. }
            | Commande::LeverCondition { candidature_id, .. }
            | Commande::Repondre { candidature_id, .. }
            | Commande::SignerBail { candidature_id } => candidature_id,
        }
    }

    fn action(self) -> ActionIssue {
        match self {
            Commande::Decider { .. } => ActionIssue::Decider,
            Commande::LeverCondition { .. } => ActionIssue::LeverCondition,
            Commande::Repondre { .. } => ActionIssue::EnregistrerReponse,
            Commande::SignerBail { .. } => ActionIssue::SignerBail,
        }
    }
}

/// Why a command was refused: the state does not allow it (a conflict or the wrong
/// candidate), or what it says does not hold (field errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refus {
    Etat(RefusIssue),
    Invalide(Vec<ErreurChamp>),
}

impl From<RefusIssue> for Refus {
    fn from(r: RefusIssue) -> Self {
        Refus::Etat(r)
    }
}

/// What follows a command, for the applicants concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suites {
    /// Out of the running now (non-attribution, inadmissibility, lapse, refused offer).
    pub non_retenue: Option<i64>,
    /// Attributed under a suspensive condition: told which document, by when.
    pub sous_condition: Option<i64>,
    /// The home is offered to them now.
    pub proposee: Option<i64>,
    /// The lease is signed with them.
    pub attribuee: Option<i64>,
}

/// Still offered the home or waiting to be: attributed, no refusal, no lapse.
fn en_lice(i: &Issue) -> bool {
    i.decision.and_then(Decision::rang).is_some()
        && i.reponse != Some(false)
        && i.condition.is_none_or(|c| c.remplie)
}

fn en_attente_de_piece(i: &Issue) -> bool {
    matches!(i.decision, Some(Decision::AttribueSousCondition { .. })) && i.condition.is_none()
}

fn accepte(i: &Issue) -> bool {
    en_lice(i) && i.reponse == Some(true)
}

impl Issues {
    /// Who the home is offered to now: the first candidate in the attribution order still
    /// in the running, unless they already accepted or their document is awaited.
    pub fn propose(&self) -> Option<i64> {
        if self.attribuee {
            return None;
        }
        self.candidats
            .iter()
            .filter(|i| en_lice(i))
            .min_by_key(|i| i.decision.and_then(Decision::rang))
            .filter(|i| i.reponse.is_none() && !en_attente_de_piece(i))
            .map(|i| i.candidature_id)
    }

    /// Sets each candidate's `propose` from [`Issues::propose`].
    pub fn avec_propose(mut self) -> Self {
        let propose = self.propose();
        for c in &mut self.candidats {
            c.propose = propose == Some(c.candidature_id);
        }
        self
    }

    /// Whether `action` is possible now for the candidate `candidature_id`, and if not why.
    pub fn permet(&self, candidature_id: i64, action: ActionIssue) -> Result<(), RefusIssue> {
        if self.attribuee {
            return Err(RefusIssue::DejaAttribuee);
        }
        let issue = self
            .candidats
            .iter()
            .find(|i| i.candidature_id == candidature_id)
            .ok_or(RefusIssue::NonPresente)?;
        match action {
            ActionIssue::Decider if issue.decision.is_some() => Err(RefusIssue::DejaDecide),
            ActionIssue::Decider => Ok(()),
            ActionIssue::LeverCondition if en_attente_de_piece(issue) => Ok(()),
            ActionIssue::LeverCondition
                if matches!(issue.decision, Some(Decision::AttribueSousCondition { .. })) =>
            {
                Err(RefusIssue::DejaDecide)
            }
            ActionIssue::LeverCondition => Err(RefusIssue::SansCondition),
            ActionIssue::EnregistrerReponse if self.propose() == Some(candidature_id) => Ok(()),
            ActionIssue::EnregistrerReponse => Err(RefusIssue::PasProposee),
            ActionIssue::SignerBail if accepte(issue) => Ok(()),
            ActionIssue::SignerBail => Err(RefusIssue::PasAcceptee),
        }
    }

    /// Every act possible now for the candidate, in the order they happen.
    pub fn actions(&self, candidature_id: i64) -> Vec<ActionIssue> {
        ActionIssue::TOUTES
            .into_iter()
            .filter(|&a| self.permet(candidature_id, a).is_ok())
            .collect()
    }

    /// Takes `commande` in this state: the new state and what follows, or why not.
    pub fn appliquer(&self, commande: Commande) -> Result<(Issues, Suites), Refus> {
        let id = commande.candidature_id();
        self.permet(id, commande.action())?;
        let mut apres = self.clone();
        let Some(issue) = apres.candidats.iter_mut().find(|i| i.candidature_id == id) else {
            return Err(RefusIssue::NonPresente.into());
        };
        let mut suites = Suites::default();
        match commande {
            Commande::Decider { decision, le, .. } => {
                verifier_decision(self, decision, le).map_err(Refus::Invalide)?;
                issue.decision = Some(decision);
                issue.decide_le = Some(le);
                match decision {
                    Decision::NonAttribue { .. } | Decision::Irrecevable { .. } => {
                        suites.non_retenue = Some(id);
                    }
                    Decision::AttribueSousCondition { .. } => suites.sous_condition = Some(id),
                    Decision::Attribue { .. } => {}
                }
            }
            Commande::LeverCondition { remplie, le, .. } => {
                let echeance = match issue.decision {
                    Some(Decision::AttribueSousCondition { echeance, .. }) => echeance,
                    _ => return Err(RefusIssue::SansCondition.into()),
                };
                let regle = if issue.decide_le.is_some_and(|d| le < d) {
                    Some(Regle::AvantLaDecision)
                } else if remplie && le > echeance {
                    Some(Regle::ApresEcheance)
                } else if !remplie && le <= echeance {
                    Some(Regle::AvantEcheance)
                } else {
                    None
                };
                if let Some(regle) = regle {
                    return Err(Refus::Invalide(vec![ErreurChamp::incoherent("le", regle)]));
                }
                issue.condition = Some(LeveeCondition { remplie, le });
                if !remplie {
                    suites.non_retenue = Some(id);
                }
            }
            Commande::Repondre { accepte, le, .. } => {
                let depuis = issue.condition.map(|c| c.le).or(issue.decide_le);
                if depuis.is_some_and(|d| le < d) {
                    return Err(Refus::Invalide(vec![ErreurChamp::incoherent(
                        "le",
                        Regle::AvantLaDecision,
                    )]));
                }
                issue.reponse = Some(accepte);
                issue.repondu_le = Some(le);
                if !accepte {
                    suites.non_retenue = Some(id);
                }
            }
            Commande::SignerBail { .. } => {
                apres.attribuee = true;
                suites.attribuee = Some(id);
            }
        }
        let apres = apres.avec_propose();
        let propose = apres.propose();
        if propose != self.propose() {
            suites.proposee = propose;
        }
        Ok((apres, suites))
    }
}

/// An attribution's rank is one of the examined candidates' and not given twice; a
/// suspensive condition's deadline comes after the decision, within
/// [`ECHEANCE_MAX_JOURS`].
fn verifier_decision(
    issues: &Issues,
    decision: Decision,
    le: Jour,
) -> Result<(), Vec<ErreurChamp>> {
    let mut erreurs = Vec::new();
    if let Some(rang) = decision.rang() {
        let n = issues.candidats.len();
        if rang == 0 || usize::from(rang) > n {
            erreurs.push(ErreurChamp::new(
                "decision.rang",
                CodeErreur::HorsLimites {
                    min: 1,
                    max: n as i64,
                },
            ));
        } else if issues
            .candidats
            .iter()
            .any(|i| i.decision.and_then(Decision::rang) == Some(rang))
        {
            erreurs.push(ErreurChamp::new("decision.rang", CodeErreur::Repete));
        }
    }
    if let Decision::AttribueSousCondition { echeance, .. } = decision
        && (echeance <= le || echeance > le.plus_jours(ECHEANCE_MAX_JOURS))
    {
        erreurs.push(ErreurChamp::incoherent(
            "decision.echeance",
            Regle::Echeance,
        ));
    }
    if erreurs.is_empty() {
        Ok(())
    } else {
        Err(erreurs)
    }
}

/// An attribution, of any kind, needs resources within the ceiling in force on the day
/// of the decision (arrêté du 29 juillet 1987; R.441-1): above it, the decision can only be
/// an inadmissibility (R.441-3 e); without that year's table, no attribution can be
/// checked.
pub fn verifier_plafond_du_jour(
    decision: Decision,
    demande: &Demande,
    logement: &Logement,
    le: Jour,
) -> Result<(), ErreurChamp> {
    if decision.rang().is_none() {
        return Ok(());
    }
    let du_jour = Logement {
        annee: le.annee(),
        ..*logement
    };
    match eligibilite::plafond(demande, &du_jour).statut {
        Statut::NonRespectee => Err(ErreurChamp::incoherent(
            "decision",
            Regle::PlafondDuJourDepasse,
        )),
        Statut::Inverifiable => Err(ErreurChamp::incoherent(
            "decision",
            Regle::PlafondsDuJourInconnus,
        )),
        Statut::Respectee | Statut::Alerte | Statut::NonVerifiee => Ok(()),
    }
}

#[cfg(test)]
mod tests;
