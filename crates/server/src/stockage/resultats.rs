//! Published results: how each letting ended, anonymised (counts, the rank and score of
//! the household that got the home, the passed-over ranks with their motive, the
//! commission's examinations). Nothing here names or numbers a person.

use super::Drapeau;
use super::Erreur;
use clef_domain::Jour;
use clef_domain::api::{ExceptionTroisCandidats, MotifPassage, Passage, Resultat};
use clef_domain::offre::Code;
use sqlx::AnyPool;

#[derive(sqlx::FromRow)]
struct Ligne {
    offre_id: i64,
    titre: String,
    commune: String,
    typologie: String,
    #[sqlx(try_from = "Drapeau")]
    dans_qpv: bool,
    cloture: String,
    decide_le: String,
    candidatures: i64,
    eligibles: i64,
    grille_version: i64,
    attribue_rang: i64,
    attribue_score: i64,
    exception: Option<String>,
}

const REQUETE: &str = "SELECT o.id AS offre_id, o.titre, c.nom AS commune, o.typologie,
    o.qpv_id IS NOT NULL AS dans_qpv, o.cloture, r.decide_le, k.candidatures, k.eligibles,
    k.grille_version, r.attribue_rang, r.attribue_score, k.exception
    FROM resultats r JOIN classements k ON k.offre_id = r.offre_id
    JOIN offres o ON o.id = r.offre_id JOIN communes c ON c.id = o.commune_id";

fn motif(code: &str) -> Result<MotifPassage, Erreur> {
    MotifPassage::depuis_code(code).ok_or_else(|| Erreur::illisible("motif", code))
}

async fn en_resultat(base: &AnyPool, l: Ligne) -> Result<Resultat, Erreur> {
    let passages: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT rang, score, motif, precision FROM passages WHERE offre_id = $1 ORDER BY rang",
    )
    .bind(l.offre_id)
    .fetch_all(base)
    .await?;
    let jour = |quoi: &str, texte: &str| {
        texte
            .parse::<Jour>()
            .map_err(|_| Erreur::illisible(quoi, texte))
    };
    let nombre = |quoi: &str, n: i64| u32::try_from(n).map_err(|_| Erreur::illisible(quoi, n));
    Ok(Resultat {
        offre_id: l.offre_id,
        typologie: Code::depuis_code(&l.typologie)
            .ok_or_else(|| Erreur::illisible("typologie", &l.typologie))?,
        dans_qpv: l.dans_qpv,
        cloture: jour("cloture", &l.cloture)?,
        decide_le: jour("decide_le", &l.decide_le)?,
        candidatures: nombre("candidatures", l.candidatures)?,
        eligibles: nombre("eligibles", l.eligibles)?,
        grille_version: nombre("grille_version", l.grille_version)?,
        attribue_rang: nombre("attribue_rang", l.attribue_rang)?,
        attribue_score: nombre("attribue_score", l.attribue_score)?,
        passages: passages
            .into_iter()
            .map(|(rang, score, m, precision)| {
                Ok(Passage {
                    rang: nombre("rang", rang)?,
                    score: nombre("score", score)?,
                    motif: motif(&m)?,
                    precision,
                })
            })
            .collect::<Result<_, Erreur>>()?,
        exception: l
            .exception
            .as_deref()
            .map(|c| {
                ExceptionTroisCandidats::depuis_code(c)
                    .ok_or_else(|| Erreur::illisible("exception", c))
            })
            .transpose()?,
        examens: super::decisions::examens(base, l.offre_id).await?,
        titre: l.titre,
        commune: l.commune,
    })
}

/// Decided lettings, the most recent first, at most `max`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn derniers(base: &AnyPool, max: i64) -> Result<Vec<Resultat>, Erreur> {
    let lignes: Vec<Ligne> = sqlx::query_as(&format!(
        "{REQUETE} ORDER BY r.decide_le DESC, o.id DESC LIMIT $1"
    ))
    .bind(max)
    .fetch_all(base)
    .await?;
    let mut resultats = Vec::with_capacity(lignes.len());
    for l in lignes {
        resultats.push(en_resultat(base, l).await?);
    }
    Ok(resultats)
}

/// How one letting ended, once decided.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = offre_id))]
pub async fn de_l_offre(base: &AnyPool, offre_id: i64) -> Result<Option<Resultat>, Erreur> {
    let ligne: Option<Ligne> = sqlx::query_as(&format!("{REQUETE} WHERE r.offre_id = $1"))
        .bind(offre_id)
        .fetch_optional(base)
        .await?;
    match ligne {
        Some(l) => Ok(Some(en_resultat(base, l).await?)),
        None => Ok(None),
    }
}

/// How a letting ended, as published.
pub struct ResultatAPublier {
    pub offre_id: i64,
    pub decide_le: Jour,
    /// The rank and score of the household that got the home.
    pub rang: i64,
    pub score: i64,
    /// What the letting counts for in the social-mix targets.
    pub premier_quartile: bool,
    pub prioritaire: bool,
    pub relogement: Option<clef_domain::demande::OperationRelogement>,
}

/// Publishes how a letting ended, when the lease is signed.
#[tracing::instrument(level = "debug", skip_all, fields(offre_id = r.offre_id))]
pub async fn publier(
    connexion: &mut sqlx::AnyConnection,
    r: &ResultatAPublier,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO resultats (offre_id, decide_le, attribue_rang, attribue_score,
                                premier_quartile, prioritaire, relogement)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(r.offre_id)
    .bind(r.decide_le.to_string())
    .bind(r.rang)
    .bind(r.score)
    .bind(Drapeau(r.premier_quartile))
    .bind(Drapeau(r.prioritaire))
    .bind(r.relogement.map(Code::code))
    .execute(connexion)
    .await?;
    Ok(())
}

/// One decided letting as the open-data file writes it (codes as stored).
#[derive(sqlx::FromRow)]
pub struct LigneOuverte {
    /// `AAAA-MM`: the month of the commission's decision.
    pub mois: String,
    pub commune: String,
    pub qpv: Option<String>,
    pub typologie: String,
    pub financement: String,
    pub reservataire: String,
    pub bailleur: String,
    #[sqlx(try_from = "Drapeau")]
    pub premier_quartile: bool,
    #[sqlx(try_from = "Drapeau")]
    pub prioritaire: bool,
}

/// Every decided letting, in an order that says nothing more than its columns: the open
/// data (`docs/donnees-ouvertes.md` says why these columns and no others).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn donnees_ouvertes(base: &AnyPool) -> Result<Vec<LigneOuverte>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT substr(r.decide_le, 1, 7) AS mois, c.nom AS commune, q.nom AS qpv,
                o.typologie, o.financement, o.reservataire, b.nom AS bailleur,
                r.premier_quartile, r.prioritaire
         FROM resultats r JOIN offres o ON o.id = r.offre_id
         JOIN communes c ON c.id = o.commune_id
         JOIN bailleurs b ON b.id = o.bailleur_id LEFT JOIN qpv q ON q.id = o.qpv_id
         ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
    )
    .fetch_all(base)
    .await?)
}
