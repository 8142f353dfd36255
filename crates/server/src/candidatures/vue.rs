//! What an applicant sees of an application: verdict, score, rank among the eligible
//! candidates, the others' scores without anything personal, the timeline.

use super::{OffreACoter, classement};
use crate::probleme::ErreurApi;
use crate::stockage;
use crate::stockage::candidatures::LigneCandidature;
use clef_domain::Jour;
use clef_domain::api::{
    Barre, CandidatureDetail, CandidatureResume, DonneesSimulation, Etape, EtatCandidature,
    NomEtape, OffreResume, Position,
};
use clef_domain::classement::{CANDIDATS_PRESENTES, Candidature, Chance};
use clef_domain::cotation::{Score, coter};
use clef_domain::eligibilite::{Verdict, verifier};
use clef_domain::simulation::{Adversaire, Terrain};
use sqlx::AnyPool;

/// Where a household stands, or would stand, among a listing's candidates.
pub struct Place {
    pub verdict: Verdict,
    pub score: Score,
    pub rang: Option<u32>,
    /// Eligible candidates, the household included when eligible.
    pub sur: u32,
    pub adversaires: Vec<Adversaire>,
    pub points_pour_passer_devant: Option<u32>,
    pub jour: Jour,
}

impl Place {
    pub fn position(&self) -> Option<Position> {
        self.rang.map(|rang| Position {
            rang,
            sur: self.sur,
            score: self.score.total(),
            chance: Chance::selon_rang(rang),
        })
    }

    pub fn histogramme(&self) -> Vec<Barre> {
        let autres: Vec<u32> = self.adversaires.iter().map(|a| a.total).collect();
        Barre::histogramme(&autres, self.rang.map(|_| self.score.total()))
    }
}

/// The place of `candidature` (filed or not) in the listing's ranking: live while not
/// frozen, from the stored ranking after.
pub async fn place(
    base: &AnyPool,
    offre: &OffreACoter,
    candidature: &Candidature,
    aujourdhui: Jour,
) -> Result<Place, ErreurApi> {
    if let Some(classe_le) = offre.classe_le {
        return place_figee(base, offre, candidature.id as i64, classe_le).await;
    }
    let jour = offre.jour_de_cotation(aujourdhui);
    let contexte = offre.contexte(jour);
    let (classement, _) = classement::en_direct(base, offre, aujourdhui).await?;
    let verdict = verifier(
        &candidature.demande,
        &offre.logement,
        &offre.territoire,
        candidature.aide_estimee,
    );
    let score = coter(&offre.grille, &candidature.demande, &contexte);
    let terrain = Terrain::depuis(&classement, candidature);
    let eligible = verdict.eligible();
    let rang = eligible.then(|| terrain.rang(score.total()));
    let points_pour_passer_devant = rang.filter(|&r| r > 1).and_then(|r| {
        terrain.adversaires().get(r as usize - 2).map(|devant| {
            devant.total - score.total().min(devant.total) + u32::from(devant.devant_a_egalite)
        })
    });
    Ok(Place {
        sur: u32::try_from(terrain.len()).unwrap_or(u32::MAX) + u32::from(eligible),
        adversaires: terrain.adversaires().to_vec(),
        verdict,
        score,
        rang,
        points_pour_passer_devant,
        jour,
    })
}

async fn place_figee(
    base: &AnyPool,
    offre: &OffreACoter,
    candidature_id: i64,
    classe_le: Jour,
) -> Result<Place, ErreurApi> {
    let lignes = stockage::candidatures::figees(base, offre.detail.resume.id).await?;
    let moi = lignes
        .iter()
        .find(|l| l.id == candidature_id)
        .ok_or(ErreurApi::Introuvable)?;
    let verdict = moi.verdict.clone();
    let score = moi.cotation.clone();
    let mon_rang = moi.rang;
    let adversaires: Vec<Adversaire> = lignes
        .iter()
        .filter(|l| l.id != candidature_id)
        .filter_map(|l| Some((l.rang?, l.score?)))
        .map(|(rang, total)| Adversaire {
            total,
            devant_a_egalite: rang < mon_rang.unwrap_or(u32::MAX),
        })
        .collect();
    let terrain = Terrain::new(adversaires);
    let points_pour_passer_devant = mon_rang.filter(|&r| r > 1).and_then(|r| {
        terrain
            .adversaires()
            .get(r as usize - 2)
            .map(|devant| devant.total - score.total().min(devant.total) + 1)
    });
    Ok(Place {
        sur: lignes.iter().filter(|l| l.rang.is_some()).count() as u32,
        adversaires: terrain.adversaires().to_vec(),
        verdict,
        score,
        rang: mon_rang,
        points_pour_passer_devant,
        jour: classe_le.min(offre.detail.resume.cloture),
    })
}

impl LigneCandidature {
    pub fn resume(
        &self,
        offre: OffreResume,
        position: Option<Position>,
        aujourdhui: Jour,
    ) -> CandidatureResume {
        let etat = self.etat;
        CandidatureResume {
            id: self.id,
            retrait_possible: etat == EtatCandidature::Deposee && aujourdhui <= offre.cloture,
            offre,
            etat,
            deposee_le: self.deposee_le,
            position: position.filter(|_| etat != EtatCandidature::Retiree),
        }
    }

    /// The steps from filing to the decision.
    pub fn etapes(
        &self,
        resume: &CandidatureResume,
        classe_le: Option<Jour>,
        aujourdhui: Jour,
    ) -> Vec<Etape> {
        let mut etapes = vec![Etape {
            nom: NomEtape::Deposee,
            jour: Some(resume.deposee_le),
            faite: true,
        }];
        if resume.etat == EtatCandidature::Retiree {
            etapes.push(Etape {
                nom: NomEtape::Retiree,
                jour: self.retiree_le,
                faite: true,
            });
            return etapes;
        }
        let cloture = resume.offre.cloture;
        etapes.push(Etape {
            nom: NomEtape::Cloturee,
            jour: Some(cloture),
            faite: aujourdhui > cloture,
        });
        etapes.push(Etape {
            nom: NomEtape::Classee,
            jour: classe_le,
            faite: classe_le.is_some(),
        });
        let presentee = matches!(
            resume.etat,
            EtatCandidature::Presentee | EtatCandidature::Attribuee
        ) || (resume.etat == EtatCandidature::NonRetenue
            && resume
                .position
                .is_some_and(|p| p.rang <= CANDIDATS_PRESENTES));
        etapes.push(Etape {
            nom: NomEtape::PresenteeEnCommission,
            jour: None,
            faite: presentee,
        });
        let decide_le = self.decide_le;
        etapes.push(match resume.etat {
            EtatCandidature::Attribuee => Etape {
                nom: NomEtape::Attribuee,
                jour: decide_le,
                faite: true,
            },
            EtatCandidature::NonRetenue => Etape {
                nom: NomEtape::NonRetenue,
                jour: decide_le,
                faite: true,
            },
            _ => Etape {
                nom: NomEtape::Decision,
                jour: None,
                faite: false,
            },
        });
        etapes
    }
}

/// The full view of an application.
pub fn detail(
    ligne: &LigneCandidature,
    resume: CandidatureResume,
    place: Place,
    offre: &OffreACoter,
    aujourdhui: Jour,
) -> Result<CandidatureDetail, ErreurApi> {
    let etapes = ligne.etapes(&resume, offre.classe_le, aujourdhui);
    Ok(CandidatureDetail {
        histogramme: place.histogramme(),
        simulation: DonneesSimulation {
            jour: place.jour,
            adversaires: place.adversaires,
            aide_estimee: clef_domain::Euros::ZERO,
            grille_version: offre.grille.version,
        },
        points_pour_passer_devant: place.points_pour_passer_devant,
        verdict: place.verdict,
        score: place.score,
        etapes,
        resume,
    })
}
