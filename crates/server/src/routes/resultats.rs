//! How lettings ended: public, anonymised. No name, no request: counts, the rank and score
//! of the household that got the home, the grid version, why higher-ranked candidates were
//! passed over, why fewer than three were examined if so, and each examined candidate's
//! decision in the categories of R.441-3.

use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage;
use axum::Json;
use axum::extract::State;
use clef_domain::Jour;
use clef_domain::api::{ExceptionTroisCandidats, MotifPassage, Passage, Probleme, Resultat};
use clef_domain::offre::Code;
use sqlx::SqlitePool;

#[derive(sqlx::FromRow)]
struct Ligne {
    offre_id: i64,
    titre: String,
    commune: String,
    typologie: String,
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

fn illisible(quoi: &str, valeur: impl std::fmt::Display) -> ErreurApi {
    ErreurApi::DonneeIllisible(format!("{quoi} = {valeur}"))
}

fn motif(code: &str) -> Result<MotifPassage, ErreurApi> {
    MotifPassage::depuis_code(code).ok_or_else(|| illisible("motif", code))
}

async fn en_resultat(base: &SqlitePool, l: Ligne) -> Result<Resultat, ErreurApi> {
    let passages: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT rang, score, motif, precision FROM passages WHERE offre_id = ? ORDER BY rang",
    )
    .bind(l.offre_id)
    .fetch_all(base)
    .await?;
    let jour = |quoi: &str, texte: &str| texte.parse::<Jour>().map_err(|_| illisible(quoi, texte));
    let nombre = |quoi: &str, n: i64| u32::try_from(n).map_err(|_| illisible(quoi, n));
    Ok(Resultat {
        offre_id: l.offre_id,
        typologie: Code::depuis_code(&l.typologie)
            .ok_or_else(|| illisible("typologie", &l.typologie))?,
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
            .collect::<Result<_, ErreurApi>>()?,
        exception: l
            .exception
            .as_deref()
            .map(|c| {
                ExceptionTroisCandidats::depuis_code(c).ok_or_else(|| illisible("exception", c))
            })
            .transpose()?,
        examens: stockage::decisions::examens(base, l.offre_id).await?,
        titre: l.titre,
        commune: l.commune,
    })
}

/// Decided lettings, the most recent first (at most 100).
#[utoipa::path(
    get,
    path = "/resultats",
    tag = "resultats",
    responses((status = 200, description = "Résultats publiés", body = Vec<Resultat>))
)]
pub async fn lister(State(etat): State<Etat>) -> Result<Json<Vec<Resultat>>, ErreurApi> {
    let lignes: Vec<Ligne> = sqlx::query_as(&format!(
        "{REQUETE} ORDER BY r.decide_le DESC, o.id DESC LIMIT 100"
    ))
    .fetch_all(&etat.base)
    .await?;
    let mut resultats = Vec::with_capacity(lignes.len());
    for l in lignes {
        resultats.push(en_resultat(&etat.base, l).await?);
    }
    Ok(Json(resultats))
}

/// How one letting ended.
#[utoipa::path(
    get,
    path = "/resultats/{id}",
    tag = "resultats",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Le résultat", body = Resultat),
        (status = 404, description = "Pas de résultat publié pour cette offre", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn detail(State(etat): State<Etat>, Id(id): Id) -> Result<Json<Resultat>, ErreurApi> {
    let ligne: Ligne = sqlx::query_as(&format!("{REQUETE} WHERE r.offre_id = ?"))
        .bind(id)
        .fetch_optional(&etat.base)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    Ok(Json(en_resultat(&etat.base, ligne).await?))
}
