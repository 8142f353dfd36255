//! What an applicant sees of an application: verdict, score, rank among the eligible
//! candidates, the others' scores without anything personal, the timeline.

use super::{OffreACoter, classement, depuis_json};
use crate::probleme::ErreurApi;
use clef_domain::Jour;
use clef_domain::api::{
    Barre, CandidatureDetail, CandidatureResume, DonneesSimulation, Etape, EtatCandidature,
    NomEtape, OffreResume, Position,
};
use clef_domain::classement::{CANDIDATS_PRESENTES, Candidature, Chance};
use clef_domain::cotation::{Score, coter};
use clef_domain::eligibilite::{Verdict, verifier};
use clef_domain::offre::Code;
use clef_domain::simulation::{Adversaire, Terrain};
use sqlx::SqlitePool;

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
    base: &SqlitePool,
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

/// An application of a frozen ranking.
#[derive(sqlx::FromRow)]
struct LigneFigee {
    id: i64,
    rang: Option<i64>,
    score: Option<i64>,
    verdict: Option<String>,
    cotation: Option<String>,
}

async fn place_figee(
    base: &SqlitePool,
    offre: &OffreACoter,
    candidature_id: i64,
    classe_le: Jour,
) -> Result<Place, ErreurApi> {
    let lignes: Vec<LigneFigee> = sqlx::query_as(
        "SELECT id, rang, score, verdict, cotation FROM candidatures
             WHERE offre_id = ? AND verdict IS NOT NULL ORDER BY rang",
    )
    .bind(offre.detail.resume.id)
    .fetch_all(base)
    .await?;
    let moi = lignes
        .iter()
        .find(|l| l.id == candidature_id)
        .ok_or(ErreurApi::Introuvable)?;
    let verdict: Verdict = depuis_json("verdict", moi.verdict.as_deref().unwrap_or("null"))?;
    let score: Score = depuis_json("cotation", moi.cotation.as_deref().unwrap_or("null"))?;
    let mon_rang = moi.rang.map(|r| r as u32);
    let adversaires: Vec<Adversaire> = lignes
        .iter()
        .filter(|l| l.id != candidature_id)
        .filter_map(|l| Some((l.rang? as u32, l.score? as u32)))
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

/// A stored application of the applicant.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LigneCandidature {
    pub id: i64,
    pub offre_id: i64,
    pub etat: String,
    pub deposee_le: String,
    pub retiree_le: Option<String>,
    pub decide_le: Option<String>,
}

pub const COLONNES: &str = "c.id, c.offre_id, c.etat, c.deposee_le, c.retiree_le,
    (SELECT r.decide_le FROM resultats r WHERE r.offre_id = c.offre_id) AS decide_le";

pub fn etat(code: &str) -> Result<EtatCandidature, ErreurApi> {
    EtatCandidature::depuis_code(code)
        .ok_or_else(|| ErreurApi::DonneeIllisible(format!("candidatures.etat = {code}")))
}

fn jour(colonne: &str, texte: &str) -> Result<Jour, ErreurApi> {
    texte
        .parse()
        .map_err(|_| ErreurApi::DonneeIllisible(format!("{colonne} = {texte}")))
}

impl LigneCandidature {
    pub fn resume(
        &self,
        offre: OffreResume,
        position: Option<Position>,
        aujourdhui: Jour,
    ) -> Result<CandidatureResume, ErreurApi> {
        let etat = etat(&self.etat)?;
        Ok(CandidatureResume {
            id: self.id,
            retrait_possible: etat == EtatCandidature::Deposee && aujourdhui <= offre.cloture,
            offre,
            etat,
            deposee_le: jour("deposee_le", &self.deposee_le)?,
            position: position.filter(|_| etat != EtatCandidature::Retiree),
        })
    }

    /// The steps from filing to the decision.
    pub fn etapes(
        &self,
        resume: &CandidatureResume,
        classe_le: Option<Jour>,
        aujourdhui: Jour,
    ) -> Result<Vec<Etape>, ErreurApi> {
        let mut etapes = vec![Etape {
            nom: NomEtape::Deposee,
            jour: Some(resume.deposee_le),
            faite: true,
        }];
        if resume.etat == EtatCandidature::Retiree {
            etapes.push(Etape {
                nom: NomEtape::Retiree,
                jour: self
                    .retiree_le
                    .as_deref()
                    .map(|j| jour("retiree_le", j))
                    .transpose()?,
                faite: true,
            });
            return Ok(etapes);
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
        let decide_le = self
            .decide_le
            .as_deref()
            .map(|j| jour("decide_le", j))
            .transpose()?;
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
        Ok(etapes)
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
    let etapes = ligne.etapes(&resume, offre.classe_le, aujourdhui)?;
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
