//! What each state of a letting allows next: the one place that the landlord's screens
//! (which actions to offer), the server (which requests to accept) and the applicant's
//! screens (what to say of an application) read it from, so that no screen offers an act
//! the server would refuse, nor says something its state contradicts.

use crate::api::{CandidatureResume, Empechement, EtatCandidature};
use crate::classement::Chance;
use crate::eligibilite::Eligibilite;
use crate::jour::Jour;
use crate::offre::EtatOffre;
use serde::{Deserialize, Serialize};

/// What landlord staff may do with one of their listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionOffre {
    /// Correct what may change, until the window closes.
    Corriger,
    /// Withdraw it (its applications with it), until the window closes.
    Retirer,
    /// Close the window before its planned day, with a reason.
    CloreMaintenant,
    /// Freeze the ranking, once the window is closed.
    Classer,
    /// Prepare the commission and record its outcome, once ranked.
    SuivreCommission,
}

/// Where a listing stands for its landlord.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SituationOffre {
    pub etat: EtatOffre,
    pub ouverture: Jour,
    pub classee: bool,
}

impl SituationOffre {
    /// Every act possible on `aujourdhui` (the server's day).
    pub fn actions(&self, aujourdhui: Jour) -> Vec<ActionOffre> {
        use ActionOffre::*;
        let ouverte_ou_a_venir = matches!(self.etat, EtatOffre::AVenir | EtatOffre::Ouverte);
        [
            (Corriger, ouverte_ou_a_venir),
            (Retirer, ouverte_ou_a_venir),
            // The window then ends the day before: a listing opened today has no day
            // before to end on.
            (
                CloreMaintenant,
                self.etat == EtatOffre::Ouverte && self.ouverture < aujourdhui,
            ),
            (Classer, self.etat == EtatOffre::Cloturee && !self.classee),
            (SuivreCommission, self.classee),
        ]
        .into_iter()
        .filter_map(|(action, possible)| possible.then_some(action))
        .collect()
    }

    pub fn permet(&self, action: ActionOffre, aujourdhui: Jour) -> bool {
        self.actions(aujourdhui).contains(&action)
    }
}

/// The stage of a listing, as its landlord's list sorts and filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EtapeOffre {
    /// Published, its window not yet open.
    AVenir,
    /// Open to applications.
    Ouverte,
    /// Closed, its ranking not yet frozen.
    AClasser,
    /// Ranked: the commission is being prepared or has met.
    Classee,
    /// The lease is signed and the result published.
    Attribuee,
}

impl EtapeOffre {
    pub const TOUTES: [EtapeOffre; 5] = [
        EtapeOffre::AVenir,
        EtapeOffre::Ouverte,
        EtapeOffre::AClasser,
        EtapeOffre::Classee,
        EtapeOffre::Attribuee,
    ];

    /// Its code in an address (`/bailleur?etape=a_classer`).
    pub fn code(self) -> &'static str {
        match self {
            EtapeOffre::AVenir => "a_venir",
            EtapeOffre::Ouverte => "ouverte",
            EtapeOffre::AClasser => "a_classer",
            EtapeOffre::Classee => "classee",
            EtapeOffre::Attribuee => "attribuee",
        }
    }

    pub fn du_code(code: &str) -> Option<Self> {
        Self::TOUTES.into_iter().find(|e| e.code() == code)
    }

    /// From what the listing records: a let listing is let whatever else it says.
    pub fn de(etat: EtatOffre, classee: bool, attribuee: bool) -> Self {
        match (attribuee, etat, classee) {
            (true, _, _) => EtapeOffre::Attribuee,
            (false, EtatOffre::AVenir, _) => EtapeOffre::AVenir,
            (false, EtatOffre::Ouverte, _) => EtapeOffre::Ouverte,
            (false, EtatOffre::Cloturee, false) => EtapeOffre::AClasser,
            (false, EtatOffre::Cloturee, true) => EtapeOffre::Classee,
        }
    }
}

impl crate::api::OffreBailleur {
    pub fn etape(&self) -> EtapeOffre {
        EtapeOffre::de(self.offre.etat, self.classee_le.is_some(), self.attribuee)
    }
}

impl EtatCandidature {
    /// The outcome is known: the home went to this applicant, or not.
    pub fn decidee(self) -> bool {
        matches!(
            self,
            EtatCandidature::Attribuee | EtatCandidature::NonRetenue
        )
    }
}

impl EtatCandidature {
    /// Whether the rank still decides something, so that the chance it gives and the
    /// points missing to move up mean something: before the commission chose whom to
    /// examine. Once presented, decided or withdrawn, the state says more than a guess
    /// from the rank would (and could contradict it).
    pub fn rang_en_jeu(self) -> bool {
        matches!(self, EtatCandidature::Deposee | EtatCandidature::Classee)
    }
}

impl CandidatureResume {
    /// Counts toward the cap on applications at once: filed, not withdrawn, on a listing
    /// not closed yet.
    pub fn en_cours(&self) -> bool {
        self.etat == EtatCandidature::Deposee && self.offre.etat != EtatOffre::Cloturee
    }

    /// The chance to show beside the rank, if any (see [`EtatCandidature::rang_en_jeu`]).
    pub fn chance(&self) -> Option<Chance> {
        self.position
            .filter(|_| self.etat.rang_en_jeu())
            .map(|p| p.chance)
    }
}

/// What decides whether an applicant may apply to a listing: the server refuses by it,
/// the listing page and the search cards say it.
#[derive(Debug, Clone, Copy)]
pub struct Conditions {
    pub dossier_rempli: bool,
    pub etat: EtatOffre,
    pub deja_candidat: bool,
    /// `None` without a request to check.
    pub eligibilite: Option<Eligibilite>,
    pub candidatures_en_cours: u32,
    pub max: u8,
}

/// The first reason not to apply, in the order an applicant would fix them.
pub fn empechement(c: Conditions) -> Option<Empechement> {
    if !c.dossier_rempli {
        return Some(Empechement::DossierIncomplet);
    }
    match c.etat {
        EtatOffre::AVenir => return Some(Empechement::PasEncoreOuverte),
        EtatOffre::Cloturee => return Some(Empechement::Cloturee),
        EtatOffre::Ouverte => {}
    }
    if c.deja_candidat {
        return Some(Empechement::DejaCandidat);
    }
    match c.eligibilite {
        Some(Eligibilite::NonEligible) => return Some(Empechement::NonEligible),
        Some(Eligibilite::Inverifiable) => return Some(Empechement::PlafondsInconnus),
        Some(Eligibilite::Eligible) | None => {}
    }
    if c.candidatures_en_cours >= u32::from(c.max) {
        return Some(Empechement::PlafondAtteint { max: c.max });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_allows_what_its_stage_allows() {
        use ActionOffre::*;
        let aujourdhui = crate::jour!(2026, 11, 22);
        let situation = |etat, ouverture, classee| SituationOffre {
            etat,
            ouverture,
            classee,
        };
        let hier = aujourdhui.plus_jours(-1);
        assert_eq!(
            situation(EtatOffre::AVenir, aujourdhui.plus_jours(3), false).actions(aujourdhui),
            [Corriger, Retirer]
        );
        assert_eq!(
            situation(EtatOffre::Ouverte, hier, false).actions(aujourdhui),
            [Corriger, Retirer, CloreMaintenant]
        );
        // Opened today: nothing to close before its first day is over.
        assert_eq!(
            situation(EtatOffre::Ouverte, aujourdhui, false).actions(aujourdhui),
            [Corriger, Retirer]
        );
        assert_eq!(
            situation(EtatOffre::Cloturee, hier, false).actions(aujourdhui),
            [Classer]
        );
        assert_eq!(
            situation(EtatOffre::Cloturee, hier, true).actions(aujourdhui),
            [SuivreCommission]
        );
    }

    #[test]
    fn a_decided_or_presented_application_gives_no_chance() {
        use EtatCandidature::*;
        for etat in [Deposee, Retiree, Classee, Presentee, Attribuee, NonRetenue] {
            assert_eq!(
                etat.rang_en_jeu(),
                matches!(etat, Deposee | Classee),
                "{etat:?}"
            );
            assert_eq!(etat.decidee(), matches!(etat, Attribuee | NonRetenue));
        }
    }

    fn possible() -> Conditions {
        Conditions {
            dossier_rempli: true,
            etat: EtatOffre::Ouverte,
            deja_candidat: false,
            eligibilite: Some(Eligibilite::Eligible),
            candidatures_en_cours: 2,
            max: 3,
        }
    }

    #[test]
    fn each_condition_alone_prevents_applying() {
        assert_eq!(empechement(possible()), None);
        let cas = [
            (
                Conditions {
                    dossier_rempli: false,
                    eligibilite: None,
                    ..possible()
                },
                Empechement::DossierIncomplet,
            ),
            (
                Conditions {
                    etat: EtatOffre::AVenir,
                    ..possible()
                },
                Empechement::PasEncoreOuverte,
            ),
            (
                Conditions {
                    etat: EtatOffre::Cloturee,
                    ..possible()
                },
                Empechement::Cloturee,
            ),
            (
                Conditions {
                    deja_candidat: true,
                    ..possible()
                },
                Empechement::DejaCandidat,
            ),
            (
                Conditions {
                    eligibilite: Some(Eligibilite::NonEligible),
                    ..possible()
                },
                Empechement::NonEligible,
            ),
            (
                Conditions {
                    eligibilite: Some(Eligibilite::Inverifiable),
                    ..possible()
                },
                Empechement::PlafondsInconnus,
            ),
            (
                Conditions {
                    candidatures_en_cours: 3,
                    ..possible()
                },
                Empechement::PlafondAtteint { max: 3 },
            ),
        ];
        for (conditions, attendu) in cas {
            assert_eq!(empechement(conditions), Some(attendu), "{conditions:?}");
        }
    }
}
