//! Applications: filing and withdrawing, the ranking frozen at closing, what an applicant
//! reads of their own. States are `EtatCandidature` codes, never literals.

use super::Drapeau;
use super::{Erreur, demandeurs};
use clef_domain::Jour;
use clef_domain::api::{EtatCandidature, IdentiteCandidat};
use clef_domain::classement::Candidature;
use clef_domain::cotation::Score;
use clef_domain::eligibilite::Verdict;
use clef_domain::offre::Code;
use sqlx::{AnyConnection, AnyPool};

fn jour(colonne: &str, texte: &str) -> Result<Jour, Erreur> {
    texte.parse().map_err(|_| Erreur::illisible(colonne, texte))
}

fn etat(code: &str) -> Result<EtatCandidature, Erreur> {
    EtatCandidature::depuis_code(code).ok_or_else(|| Erreur::illisible("candidatures.etat", code))
}

fn en_json<T: serde::Serialize>(valeur: &T) -> Result<String, Erreur> {
    serde_json::to_string(valeur).map_err(|e| Erreur::Ecriture(format!("JSON : {e}")))
}

fn depuis_json<T: serde::de::DeserializeOwned>(quoi: &str, json: &str) -> Result<T, Erreur> {
    serde_json::from_str(json).map_err(|e| Erreur::Illisible(format!("{quoi} : {e}")))
}

/// Applications filed and not withdrawn on listings still open: what the cap counts.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn en_cours(
    connexion: &mut AnyConnection,
    demandeur_id: i64,
    aujourdhui: Jour,
) -> Result<u32, Erreur> {
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM candidatures c JOIN offres o ON o.id = c.offre_id
         WHERE c.demandeur_id = $1 AND c.etat = $2 AND o.cloture >= $3",
    )
    .bind(demandeur_id)
    .bind(EtatCandidature::Deposee.code())
    .bind(aujourdhui.to_string())
    .fetch_one(connexion)
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The applicant's application to the listing that is not withdrawn, if any.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, offre_id = offre_id))]
pub async fn existante(
    connexion: &mut AnyConnection,
    demandeur_id: i64,
    offre_id: i64,
) -> Result<Option<i64>, Erreur> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM candidatures WHERE demandeur_id = $1 AND offre_id = $2 AND etat != $3",
    )
    .bind(demandeur_id)
    .bind(offre_id)
    .bind(EtatCandidature::Retiree.code())
    .fetch_optional(connexion)
    .await?)
}

/// Writes a filed application; returns its id. A withdrawn one is filed again (one row
/// per applicant and listing).
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, offre_id = offre_id))]
pub async fn deposer(
    connexion: &mut AnyConnection,
    demandeur_id: i64,
    offre_id: i64,
    aujourdhui: Jour,
) -> Result<i64, Erreur> {
    Ok(sqlx::query_scalar(
        "INSERT INTO candidatures (offre_id, demandeur_id, etat, deposee_le) VALUES ($1, $2, $3, $4)
         ON CONFLICT (offre_id, demandeur_id)
         DO UPDATE SET etat = excluded.etat, deposee_le = excluded.deposee_le, retiree_le = NULL
         RETURNING id",
    )
    .bind(offre_id)
    .bind(demandeur_id)
    .bind(EtatCandidature::Deposee.code())
    .bind(aujourdhui.to_string())
    .fetch_one(connexion)
    .await?)
}

/// What withdrawing an application needs to know.
pub struct ARetirer {
    pub etat: EtatCandidature,
    pub offre_id: i64,
    pub cloture: Jour,
}

/// The applicant's application, for withdrawing it (another's is `None`).
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, candidature_id = candidature_id))]
pub async fn a_retirer(
    connexion: &mut AnyConnection,
    demandeur_id: i64,
    candidature_id: i64,
) -> Result<Option<ARetirer>, Erreur> {
    let ligne: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT c.etat, c.offre_id, o.cloture FROM candidatures c JOIN offres o ON o.id = c.offre_id
         WHERE c.id = $1 AND c.demandeur_id = $2",
    )
    .bind(candidature_id)
    .bind(demandeur_id)
    .fetch_optional(connexion)
    .await?;
    ligne
        .map(|(e, offre_id, cloture)| {
            Ok(ARetirer {
                etat: etat(&e)?,
                offre_id,
                cloture: jour("offres.cloture", &cloture)?,
            })
        })
        .transpose()
}

/// Marks an application withdrawn on this day.
#[tracing::instrument(level = "debug", skip_all, fields(candidature_id = candidature_id))]
pub async fn retirer(
    connexion: &mut AnyConnection,
    candidature_id: i64,
    aujourdhui: Jour,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE candidatures SET etat = $1, retiree_le = $2 WHERE id = $3")
        .bind(EtatCandidature::Retiree.code())
        .bind(aujourdhui.to_string())
        .bind(candidature_id)
        .execute(connexion)
        .await?;
    Ok(())
}

/// Moves an application to a new state (the commission's steps).
#[tracing::instrument(level = "debug", skip_all, fields(candidature_id = candidature_id))]
pub async fn passer(
    connexion: &mut AnyConnection,
    candidature_id: i64,
    etat: EtatCandidature,
) -> Result<(), Erreur> {
    sqlx::query("UPDATE candidatures SET etat = $1 WHERE id = $2")
        .bind(etat.code())
        .bind(candidature_id)
        .execute(connexion)
        .await?;
    Ok(())
}

/// A listing's applications not withdrawn, with their requests.
pub(super) const CANDIDATS: &str = "SELECT c.id, d.id, d.dossier FROM candidatures c
    JOIN demandeurs d ON d.id = c.demandeur_id WHERE c.offre_id = $1 AND c.etat != $2 ORDER BY c.id";

/// The listing's applications that are not withdrawn, as the rules crate sees them
/// (the candidate's id is the application's id).
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn candidats(base: &AnyPool, offre_id: i64) -> Result<Vec<Candidature>, Erreur> {
    let lignes: Vec<(i64, i64, Option<String>)> = sqlx::query_as(CANDIDATS)
        .bind(offre_id)
        .bind(EtatCandidature::Retiree.code())
        .fetch_all(base)
        .await?;
    let mut candidatures = Vec::with_capacity(lignes.len());
    for (id, demandeur_id, dossier) in lignes {
        // An application is only ever filed with a saved request.
        let Some(dossier) = dossier else { continue };
        let saisie = depuis_json(&format!("dossier {demandeur_id}"), &dossier)?;
        candidatures.push(Candidature {
            id: id as u64,
            demande: demandeurs::valider_stockee(demandeur_id, saisie)?,
            aide_estimee: clef_domain::Euros::ZERO,
        });
    }
    Ok(candidatures)
}

/// A frozen ranking: the grid version it used, its day, how many applied and how many
/// were eligible.
pub struct ClassementFige {
    pub grille_version: u32,
    pub classe_le: Jour,
    pub candidatures: u32,
    pub eligibles: u32,
}

/// The listing's frozen ranking, if it was ranked.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn classement_fige(
    base: &AnyPool,
    offre_id: i64,
) -> Result<Option<ClassementFige>, Erreur> {
    let fige: Option<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT grille_version, classe_le, candidatures, eligibles FROM classements
         WHERE offre_id = $1",
    )
    .bind(offre_id)
    .fetch_optional(base)
    .await?;
    let nombre =
        |colonne: &str, n: i64| u32::try_from(n).map_err(|_| Erreur::illisible(colonne, n));
    fige.map(|(version, classe_le, candidatures, eligibles)| {
        Ok(ClassementFige {
            grille_version: nombre("classements.grille_version", version)?,
            classe_le: jour("classements.classe_le", &classe_le)?,
            candidatures: nombre("classements.candidatures", candidatures)?,
            eligibles: nombre("classements.eligibles", eligibles)?,
        })
    })
    .transpose()
}

/// One application's place in a ranking being frozen.
pub struct Classee<'a> {
    pub candidature_id: i64,
    /// None when ineligible.
    pub rang: Option<u32>,
    pub verdict: &'a Verdict,
    pub score: &'a Score,
}

/// Stores a listing's frozen ranking: its summary, then each application's verdict, score
/// and rank, in the caller's transaction (the lifecycle said it may be ranked, and set
/// each application's state).
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn figer(
    connexion: &mut AnyConnection,
    offre_id: i64,
    grille_version: u32,
    jour: Jour,
    eligibles: u32,
    classees: &[Classee<'_>],
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO classements (offre_id, grille_version, classe_le, candidatures, eligibles)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(offre_id)
    .bind(i64::from(grille_version))
    .bind(jour.to_string())
    .bind(classees.len() as i64)
    .bind(i64::from(eligibles))
    .execute(&mut *connexion)
    .await?;
    for c in classees {
        sqlx::query(
            "UPDATE candidatures SET rang = $1, score = $2, verdict = $3, cotation = $4 WHERE id = $5",
        )
        .bind(c.rang.map(i64::from))
        .bind(i64::from(c.score.total()))
        .bind(en_json(c.verdict)?)
        .bind(en_json(c.score)?)
        .bind(c.candidature_id)
        .execute(&mut *connexion)
        .await?;
    }
    Ok(())
}

/// An application of a frozen ranking, as stored at closing.
pub struct Figee {
    pub id: i64,
    pub etat: EtatCandidature,
    pub rang: Option<u32>,
    pub score: Option<u32>,
    pub verdict: Verdict,
    pub cotation: Score,
}

/// The listing's frozen applications, by rank (ineligible ones last, by id).
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn figees(base: &AnyPool, offre_id: i64) -> Result<Vec<Figee>, Erreur> {
    type Ligne = (
        i64,
        String,
        Option<i64>,
        Option<i64>,
        String,
        Option<String>,
    );
    let lignes: Vec<Ligne> = sqlx::query_as(
        "SELECT id, etat, rang, score, verdict, cotation FROM candidatures
         WHERE offre_id = $1 AND verdict IS NOT NULL ORDER BY rang IS NULL, rang, id",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?;
    lignes
        .into_iter()
        .map(|(id, e, rang, score, verdict, cotation)| {
            Ok(Figee {
                id,
                etat: etat(&e)?,
                rang: rang.map(|r| r as u32),
                score: score.map(|s| s as u32),
                verdict: depuis_json("verdict", &verdict)?,
                cotation: depuis_json("cotation", cotation.as_deref().unwrap_or("null"))?,
            })
        })
        .collect()
}

/// One of an applicant's applications, as they read it.
#[derive(Debug, Clone)]
pub struct LigneCandidature {
    pub id: i64,
    pub offre_id: i64,
    pub etat: EtatCandidature,
    pub deposee_le: Jour,
    pub retiree_le: Option<Jour>,
    /// The day the listing's result was decided, once it was.
    pub decide_le: Option<Jour>,
}

#[derive(sqlx::FromRow)]
struct Brute {
    id: i64,
    offre_id: i64,
    etat: String,
    deposee_le: String,
    retiree_le: Option<String>,
    decide_le: Option<String>,
}

impl TryFrom<Brute> for LigneCandidature {
    type Error = Erreur;

    fn try_from(b: Brute) -> Result<Self, Erreur> {
        Ok(LigneCandidature {
            id: b.id,
            offre_id: b.offre_id,
            etat: etat(&b.etat)?,
            deposee_le: jour("candidatures.deposee_le", &b.deposee_le)?,
            retiree_le: b
                .retiree_le
                .map(|j| jour("candidatures.retiree_le", &j))
                .transpose()?,
            decide_le: b
                .decide_le
                .map(|j| jour("resultats.decide_le", &j))
                .transpose()?,
        })
    }
}

const COLONNES: &str = "c.id, c.offre_id, c.etat, c.deposee_le, c.retiree_le,
    (SELECT r.decide_le FROM resultats r WHERE r.offre_id = c.offre_id) AS decide_le";

/// One of the applicant's applications (another's is `None`).
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, candidature_id = candidature_id))]
pub async fn du_demandeur(
    base: &AnyPool,
    demandeur_id: i64,
    candidature_id: i64,
) -> Result<Option<LigneCandidature>, Erreur> {
    let brute: Option<Brute> = sqlx::query_as(&format!(
        "SELECT {COLONNES} FROM candidatures c WHERE c.id = $1 AND c.demandeur_id = $2"
    ))
    .bind(candidature_id)
    .bind(demandeur_id)
    .fetch_optional(base)
    .await?;
    brute.map(LigneCandidature::try_from).transpose()
}

/// The applicant's applications: the live ones first, the most recent first.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn du_demandeur_toutes(
    base: &AnyPool,
    demandeur_id: i64,
) -> Result<Vec<LigneCandidature>, Erreur> {
    let brutes: Vec<Brute> = sqlx::query_as(&format!(
        "SELECT {COLONNES} FROM candidatures c WHERE c.demandeur_id = $1
         ORDER BY c.etat = $2, c.deposee_le DESC, c.id DESC"
    ))
    .bind(demandeur_id)
    .bind(EtatCandidature::Retiree.code())
    .fetch_all(base)
    .await?;
    brutes.into_iter().map(LigneCandidature::try_from).collect()
}

/// An eligible candidate of a frozen ranking, with their request, in one read.
pub struct EligibleStocke {
    pub candidature_id: i64,
    pub demandeur_id: i64,
    pub rang: u32,
    pub score: u32,
    pub etat: EtatCandidature,
    /// The request as it is today (`None` if the applicant has since cleared it).
    pub demande: Option<clef_domain::demande::Demande>,
    /// Who the candidate is: shown to staff only once the candidate is presented.
    pub identite: IdentiteCandidat,
}

/// The eligible candidates of a ranked listing, in rank order: one query, whatever
/// their number.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn eligibles(
    base: impl sqlx::AnyExecutor<'_>,
    offre_id: i64,
) -> Result<Vec<EligibleStocke>, Erreur> {
    type Ligne = (i64, i64, i64, i64, String, Option<String>, String, String);
    let lignes: Vec<Ligne> = sqlx::query_as(
        "SELECT c.id, c.demandeur_id, c.rang, c.score, c.etat, d.dossier, d.numero_unique, k.email
         FROM candidatures c
         JOIN demandeurs d ON d.id = c.demandeur_id
         JOIN comptes k ON k.id = d.compte_id
         WHERE c.offre_id = $1 AND c.rang IS NOT NULL ORDER BY c.rang",
    )
    .bind(offre_id)
    .fetch_all(base)
    .await?;
    lignes
        .into_iter()
        .map(
            |(candidature_id, demandeur_id, rang, score, e, dossier, numero_unique, email)| {
                let demande = dossier
                    .map(|d| {
                        let saisie = depuis_json(&format!("dossier {demandeur_id}"), &d)?;
                        demandeurs::valider_stockee(demandeur_id, saisie)
                    })
                    .transpose()?;
                Ok(EligibleStocke {
                    candidature_id,
                    demandeur_id,
                    rang: u32::try_from(rang).map_err(|_| Erreur::illisible("rang", rang))?,
                    score: u32::try_from(score).map_err(|_| Erreur::illisible("score", score))?,
                    etat: etat(&e)?,
                    demande,
                    identite: IdentiteCandidat {
                        numero_unique,
                        email,
                    },
                })
            },
        )
        .collect()
}

/// Records what the commission examines: the exception to the three candidates if one
/// holds, and each higher-ranked candidate passed over with its motive (published with the
/// result, without names). The presented applications' state is the lifecycle's.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn presenter(
    connexion: &mut AnyConnection,
    offre_id: i64,
    exception: Option<clef_domain::api::ExceptionTroisCandidats>,
    passes: &[(clef_domain::commission::Passe, u32)],
) -> Result<(), Erreur> {
    sqlx::query("UPDATE classements SET exception = $1 WHERE offre_id = $2")
        .bind(exception.map(Code::code))
        .bind(offre_id)
        .execute(&mut *connexion)
        .await?;
    for (p, score) in passes {
        sqlx::query(
            "INSERT INTO passages (offre_id, rang, score, motif, precision) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(offre_id)
        .bind(i64::from(p.rang))
        .bind(i64::from(*score))
        .bind(p.motif.code())
        .bind(&p.precision)
        .execute(&mut *connexion)
        .await?;
    }
    Ok(())
}

/// The exception to the three candidates recorded for a listing, if any.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn exception(
    base: &AnyPool,
    offre_id: i64,
) -> Result<Option<clef_domain::api::ExceptionTroisCandidats>, Erreur> {
    let code: Option<String> =
        sqlx::query_scalar("SELECT exception FROM classements WHERE offre_id = $1")
            .bind(offre_id)
            .fetch_optional(base)
            .await?
            .flatten();
    code.map(|c| {
        clef_domain::api::ExceptionTroisCandidats::depuis_code(&c)
            .ok_or_else(|| Erreur::illisible("classements.exception", c))
    })
    .transpose()
}

/// A letting as its lifecycle sees it (`clef_domain::cycle`), read inside the caller's
/// transaction; `None` for no such listing.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn cycle(
    connexion: &mut AnyConnection,
    offre_id: i64,
) -> Result<Option<clef_domain::cycle::Location>, Erreur> {
    let offre: Option<(String, String, Drapeau, Drapeau)> = sqlx::query_as(
        "SELECT o.ouverture, o.cloture, o.retiree_le IS NOT NULL,
                EXISTS (SELECT 1 FROM classements k WHERE k.offre_id = o.id)
         FROM offres o WHERE o.id = $1",
    )
    .bind(offre_id)
    .fetch_optional(&mut *connexion)
    .await?;
    let Some((ouverture, cloture, Drapeau(retiree), Drapeau(classee))) = offre else {
        return Ok(None);
    };
    let lignes: Vec<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT id, etat, rang FROM candidatures WHERE offre_id = $1 ORDER BY id")
            .bind(offre_id)
            .fetch_all(&mut *connexion)
            .await?;
    let candidatures = lignes
        .into_iter()
        .map(|(id, e, rang)| {
            Ok(clef_domain::cycle::Candidature {
                id,
                etat: etat(&e)?,
                rang: rang
                    .map(|r| {
                        u32::try_from(r).map_err(|_| Erreur::illisible("candidatures.rang", r))
                    })
                    .transpose()?,
            })
        })
        .collect::<Result<_, Erreur>>()?;
    Ok(Some(clef_domain::cycle::Location {
        ouverture: jour("offres.ouverture", &ouverture)?,
        cloture: jour("offres.cloture", &cloture)?,
        retiree,
        classee,
        candidatures,
    }))
}
