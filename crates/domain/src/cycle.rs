//! The lifecycle of a letting as one state machine: a listing is published, opens, closes
//! (on its day or earlier, with a reason), is ranked once, presented to the commission,
//! and ends with a lease, or is withdrawn before it closes. A command ([`Commande`]) taken
//! in the current state ([`Location`]) on a day gives the new state and its effects
//! ([`Effet`]: each application's new state, who is told what, what becomes public), or a
//! typed refusal ([`Refus`]). The commission's decisions between presentation and lease
//! are [`crate::commission::examen`]'s machine; this one takes their outcome (a candidate
//! set aside, the lease signed).
//!
//! Handlers read: load the `Location`, `appliquer` the command, persist the effects.

use crate::api::{EtatCandidature, GenreNotification};
use crate::jour::Jour;

/// An application as the lifecycle sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidature {
    pub id: i64,
    pub etat: EtatCandidature,
    /// Its rank in the frozen ranking; `None` before ranking and when ineligible.
    pub rang: Option<u32>,
}

/// A letting: its window, whether it was withdrawn or ranked, and its applications.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub ouverture: Jour,
    pub cloture: Jour,
    pub retiree: bool,
    pub classee: bool,
    pub candidatures: Vec<Candidature>,
}

/// Where a letting stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Etape {
    /// Published, its window not open yet.
    AVenir,
    /// Open to applications.
    Ouverte,
    /// Closed, not ranked yet.
    AClasser,
    /// Ranked, not presented yet.
    Classee,
    /// Candidates presented: the commission decides.
    EnCommission,
    /// The lease is signed.
    Attribuee,
    /// Withdrawn by its landlord before it closed.
    Retiree,
}

/// What can happen to a letting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Commande {
    /// The landlord withdraws the listing, until its closing day.
    Retirer,
    /// The landlord closes the window before its day: it ends the day before.
    CloreMaintenant,
    /// The ranking is frozen, once the window has closed: each application not withdrawn
    /// with its rank (`None` when ineligible). Once only: a frozen ranking never changes.
    Classer { rangs: Vec<(i64, Option<u32>)> },
    /// The candidates the commission examines, and those ranked above the last of them who
    /// are passed over (each with a motive, checked by `commission::presentation`).
    Presenter {
        presentees: Vec<i64>,
        passees: Vec<i64>,
    },
    /// The commission set a presented candidate aside (not attributed, inadmissible, a
    /// condition lapsed, an offer refused).
    Ecarter { candidature_id: i64 },
    /// The lease is signed with a presented candidate.
    SignerBail { candidature_id: i64 },
}

/// What must follow a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effet {
    /// The application is now in this state.
    Etat {
        candidature_id: i64,
        etat: EtatCandidature,
    },
    /// Its applicant is told.
    Notifier {
        candidature_id: i64,
        genre: GenreNotification,
    },
    /// The window now ends on this day.
    Cloture(Jour),
    /// How the letting ended is published (anonymised), with the rank of this application.
    PublierResultat { candidature_id: i64 },
}

/// Why a command is not possible in the letting's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refus {
    /// Withdrawn: nothing happens to it any more.
    Retiree,
    /// Closed: it can no longer be corrected, withdrawn or closed early.
    Close,
    /// Opened today or not yet open: there is no earlier day for it to end on.
    PasOuverte,
    /// The window has not ended: not rankable yet.
    FenetreOuverte,
    /// Not ranked yet.
    NonClassee,
    /// Ranked already: the ranking is frozen.
    DejaClassee,
    /// Already presented to the commission.
    DejaPresentee,
    /// Not presented to the commission (or no such application).
    NonPresentee,
    /// The lease is signed: the letting is over.
    DejaAttribuee,
    /// The presentation is not one the ranking allows: an application that is not ranked
    /// eligible, named twice, or a candidate ranked above the last one presented who is
    /// neither presented nor passed over with a motive.
    PresentationIncoherente,
    /// The ranking does not name each application that is not withdrawn exactly once.
    ClassementIncoherent,
}

impl Location {
    /// Where the letting stands on `jour`.
    pub fn etape(&self, jour: Jour) -> Etape {
        use EtatCandidature as E;
        if self.retiree {
            Etape::Retiree
        } else if self.candidatures.iter().any(|c| c.etat == E::Attribuee) {
            Etape::Attribuee
        } else if self
            .candidatures
            .iter()
            .any(|c| matches!(c.etat, E::Presentee | E::NonRetenue))
        {
            Etape::EnCommission
        } else if self.classee {
            Etape::Classee
        } else if jour > self.cloture {
            Etape::AClasser
        } else if jour >= self.ouverture {
            Etape::Ouverte
        } else {
            Etape::AVenir
        }
    }

    /// Takes `commande` on `jour`: the new state and its effects, or why not.
    pub fn appliquer(
        &self,
        commande: &Commande,
        jour: Jour,
    ) -> Result<(Location, Vec<Effet>), Refus> {
        let etape = self.etape(jour);
        match etape {
            Etape::Retiree => return Err(Refus::Retiree),
            Etape::Attribuee => return Err(Refus::DejaAttribuee),
            _ => {}
        }
        let effets = match commande {
            Commande::Retirer => self.retirer(etape)?,
            Commande::CloreMaintenant => self.clore(etape, jour)?,
            Commande::Classer { rangs } => self.classer(etape, rangs)?,
            Commande::Presenter {
                presentees,
                passees,
            } => self.presenter(etape, presentees, passees)?,
            Commande::Ecarter { candidature_id } => self.ecarter(etape, *candidature_id)?,
            Commande::SignerBail { candidature_id } => self.signer(etape, *candidature_id)?,
        };
        let mut apres = self.clone();
        apres.retiree |= *commande == Commande::Retirer;
        apres.classee |= matches!(commande, Commande::Classer { .. });
        for effet in &effets {
            match *effet {
                Effet::Etat {
                    candidature_id,
                    etat,
                } => {
                    if let Some(c) = apres
                        .candidatures
                        .iter_mut()
                        .find(|c| c.id == candidature_id)
                    {
                        c.etat = etat;
                    }
                }
                Effet::Cloture(jour) => apres.cloture = jour,
                Effet::Notifier { .. } | Effet::PublierResultat { .. } => {}
            }
        }
        if let Commande::Classer { rangs } = commande {
            for c in &mut apres.candidatures {
                if let Some((_, rang)) = rangs.iter().find(|(id, _)| *id == c.id) {
                    c.rang = *rang;
                }
            }
        }
        Ok((apres, effets))
    }

    fn retirer(&self, etape: Etape) -> Result<Vec<Effet>, Refus> {
        if !matches!(etape, Etape::AVenir | Etape::Ouverte) {
            return Err(Refus::Close);
        }
        Ok(self
            .candidatures
            .iter()
            .filter(|c| c.etat == EtatCandidature::Deposee)
            .flat_map(|c| {
                changer(
                    c.id,
                    EtatCandidature::Retiree,
                    GenreNotification::CandidatureRetiree,
                )
            })
            .collect())
    }

    fn clore(&self, etape: Etape, jour: Jour) -> Result<Vec<Effet>, Refus> {
        match etape {
            Etape::Ouverte if self.ouverture < jour => {
                Ok(vec![Effet::Cloture(jour.plus_jours(-1))])
            }
            Etape::Ouverte | Etape::AVenir => Err(Refus::PasOuverte),
            _ => Err(Refus::Close),
        }
    }

    fn classer(&self, etape: Etape, rangs: &[(i64, Option<u32>)]) -> Result<Vec<Effet>, Refus> {
        match etape {
            Etape::AVenir | Etape::Ouverte => return Err(Refus::FenetreOuverte),
            Etape::Classee | Etape::EnCommission => return Err(Refus::DejaClassee),
            _ => {}
        }
        let vivantes: Vec<i64> = self
            .candidatures
            .iter()
            .filter(|c| c.etat != EtatCandidature::Retiree)
            .map(|c| c.id)
            .collect();
        let mut nommees: Vec<i64> = rangs.iter().map(|(id, _)| *id).collect();
        nommees.sort_unstable();
        let mut attendues = vivantes.clone();
        attendues.sort_unstable();
        if nommees != attendues {
            return Err(Refus::ClassementIncoherent);
        }
        Ok(vivantes
            .into_iter()
            .flat_map(|id| {
                changer(
                    id,
                    EtatCandidature::Classee,
                    GenreNotification::CandidatureClassee,
                )
            })
            .collect())
    }

    fn presenter(
        &self,
        etape: Etape,
        presentees: &[i64],
        passees: &[i64],
    ) -> Result<Vec<Effet>, Refus> {
        match etape {
            Etape::AVenir | Etape::Ouverte | Etape::AClasser => return Err(Refus::NonClassee),
            Etape::EnCommission => return Err(Refus::DejaPresentee),
            _ => {}
        }
        let rang = |id: i64| {
            self.candidatures
                .iter()
                .find(|c| c.id == id && c.etat == EtatCandidature::Classee)
                .and_then(|c| c.rang)
        };
        let mut vues = std::collections::HashSet::new();
        let mut dernier = 0;
        for &id in presentees.iter().chain(passees) {
            let r = rang(id).ok_or(Refus::PresentationIncoherente)?;
            if !vues.insert(id) {
                return Err(Refus::PresentationIncoherente);
            }
            if presentees.contains(&id) {
                dernier = dernier.max(r);
            }
        }
        if presentees.is_empty() {
            return Err(Refus::PresentationIncoherente);
        }
        // Every eligible candidate ranked above the last one presented is presented or
        // passed over with a motive.
        let saute_sans_motif = self.candidatures.iter().any(|c| {
            c.rang.is_some_and(|r| r < dernier)
                && c.etat == EtatCandidature::Classee
                && !vues.contains(&c.id)
        });
        if saute_sans_motif {
            return Err(Refus::PresentationIncoherente);
        }
        Ok(presentees
            .iter()
            .flat_map(|&id| {
                changer(
                    id,
                    EtatCandidature::Presentee,
                    GenreNotification::PresenteeEnCommission,
                )
            })
            .collect())
    }

    fn presentee(&self, etape: Etape, candidature_id: i64) -> Result<(), Refus> {
        if etape != Etape::EnCommission {
            return Err(Refus::NonPresentee);
        }
        match self.candidatures.iter().find(|c| c.id == candidature_id) {
            Some(c) if c.etat == EtatCandidature::Presentee => Ok(()),
            _ => Err(Refus::NonPresentee),
        }
    }

    fn ecarter(&self, etape: Etape, candidature_id: i64) -> Result<Vec<Effet>, Refus> {
        self.presentee(etape, candidature_id)?;
        Ok(changer(
            candidature_id,
            EtatCandidature::NonRetenue,
            GenreNotification::NonRetenue,
        )
        .collect())
    }

    fn signer(&self, etape: Etape, candidature_id: i64) -> Result<Vec<Effet>, Refus> {
        self.presentee(etape, candidature_id)?;
        let mut effets: Vec<Effet> = changer(
            candidature_id,
            EtatCandidature::Attribuee,
            GenreNotification::Attribuee,
        )
        .collect();
        // Every other application still in the running is not retained.
        effets.extend(
            self.candidatures
                .iter()
                .filter(|c| c.id != candidature_id)
                .filter(|c| {
                    matches!(
                        c.etat,
                        EtatCandidature::Classee | EtatCandidature::Presentee
                    )
                })
                .flat_map(|c| {
                    changer(
                        c.id,
                        EtatCandidature::NonRetenue,
                        GenreNotification::NonRetenue,
                    )
                }),
        );
        effets.push(Effet::PublierResultat { candidature_id });
        Ok(effets)
    }
}

/// An application's new state and the notification that says it.
fn changer(
    candidature_id: i64,
    etat: EtatCandidature,
    genre: GenreNotification,
) -> impl Iterator<Item = Effet> {
    [
        Effet::Etat {
            candidature_id,
            etat,
        },
        Effet::Notifier {
            candidature_id,
            genre,
        },
    ]
    .into_iter()
}

#[cfg(test)]
mod tests;
