//! What the search page knows of the logged-in applicant, to say on each card whether
//! they can apply and to search "only the homes I can apply to". Everything is computed
//! here, in the browser, by the rules crate, from what the applicant's own session already
//! reads (their request, their applications) and the territory's published settings: the
//! server receives criteria on listings, never the household.

use crate::api::{self, ErreurChargement};
use clef_domain::api::{CandidatureResume, OffreResume};
use clef_domain::demande::Demande;
use clef_domain::eligibilite::{Accessibles, Detail, Statut, accessibles, verifier};
use clef_domain::logement::Logement;
use clef_domain::offre::{Financement, Zone};
use clef_domain::plafonds;
use clef_domain::recherche::Recherche;
use clef_domain::territoire::ParametresTerritoire;
use clef_domain::{Euros, Jour};

#[derive(Debug, Clone, PartialEq)]
pub struct PourMoi {
    /// `None` while *Mon dossier* is not filled in.
    demande: Option<Demande>,
    parametres: ParametresTerritoire,
    candidatures: Vec<CandidatureResume>,
    /// The day verdicts are for (the ceilings of its year apply).
    aujourdhui: Jour,
}

/// What a card says to the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    Eligible,
    /// Over the income ceiling of the home's financing.
    NonEligiblePlafond,
    /// The home's size, as the territory applies it.
    NonEligibleTaille,
    /// This year's ceilings are not in Clef: nobody can apply for now.
    Inverifiable,
    DejaCandidat,
}

/// Why "only the homes I can apply to" lists nothing, without even asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aucun {
    /// *Mon dossier* is not filled in: nothing to check against.
    DossierIncomplet,
    /// As many applications at once as the territory allows.
    PlafondCandidatures { max: u8 },
    /// Over every financing's ceiling.
    AuDessusDesPlafonds,
    /// This year's ceilings are not in Clef: nothing can be checked.
    PlafondsInconnus { annee: i16 },
}

impl PourMoi {
    pub async fn charger() -> Result<PourMoi, ErreurChargement> {
        let dossier = api::dossier().lire().await?;
        let parametres = api::parametres().lire().await?;
        let candidatures = api::candidatures().lire().await?;
        let aujourdhui = dossier.aujourdhui;
        let demande = dossier
            .complet
            .then(|| Demande::depuis_saisie(dossier.saisie).ok())
            .flatten();
        Ok(PourMoi {
            demande,
            parametres,
            candidatures,
            aujourdhui,
        })
    }

    pub fn dossier_complet(&self) -> bool {
        self.demande.is_some()
    }

    /// What the card of `offre` says; `None` while *Mon dossier* is not filled in.
    pub fn badge(&self, offre: &OffreResume) -> Option<Badge> {
        if self.deja_candidat(offre.id) {
            return Some(Badge::DejaCandidat);
        }
        let demande = self.demande.as_ref()?;
        let verdict = verifier(
            demande,
            &Logement::le(offre, self.aujourdhui),
            &self.parametres,
            Euros::ZERO,
        );
        Some(match verdict.motifs_refus().next() {
            None => Badge::Eligible,
            Some(r) if r.statut == Statut::Inverifiable => Badge::Inverifiable,
            Some(r) if matches!(r.detail, Detail::PlafondRessources { .. }) => {
                Badge::NonEligiblePlafond
            }
            Some(_) => Badge::NonEligibleTaille,
        })
    }

    fn deja_candidat(&self, offre_id: i64) -> bool {
        self.candidatures
            .iter()
            .any(|c| c.offre.id == offre_id && c.etat != clef_domain::api::EtatCandidature::Retiree)
    }

    /// The search the server is asked for when `recherche` wants only the homes the
    /// applicant can apply to, or why there is none to ask for. The ceilings are today's
    /// (the table in force on the day of the verdict), in `zones`, the territory's.
    pub fn recherche(&self, recherche: &Recherche, zones: &[Zone]) -> Result<Recherche, Aucun> {
        let annee = self.aujourdhui.annee();
        let demande = self.demande.as_ref().ok_or(Aucun::DossierIncomplet)?;
        let en_cours = self.candidatures.iter().filter(|c| c.en_cours()).count();
        let max = self.parametres.candidatures_simultanees_max;
        if en_cours >= usize::from(max) {
            return Err(Aucun::PlafondCandidatures { max });
        }
        if zones
            .iter()
            .any(|&z| plafonds::bareme(Financement::Plus, annee, z).is_none())
        {
            return Err(Aucun::PlafondsInconnus { annee });
        }
        let tables: Vec<(i16, Zone)> = zones.iter().map(|&z| (annee, z)).collect();
        let criteres: Accessibles =
            accessibles(demande, &self.parametres, &tables).ok_or(Aucun::AuDessusDesPlafonds)?;
        let deja: Vec<i64> = self
            .candidatures
            .iter()
            .filter(|c| c.etat != clef_domain::api::EtatCandidature::Retiree)
            .filter(|c| c.offre.etat != clef_domain::offre::EtatOffre::Cloturee)
            .map(|c| c.offre.id)
            .collect();
        Ok(recherche.pour_le_serveur(&criteres, &deja))
    }
}
