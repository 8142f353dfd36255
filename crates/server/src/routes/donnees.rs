//! Open data: the anonymised letting results as CSV, one line per letting, columns
//! documented in `docs/donnees-ouvertes.md` and below. Nothing in it names or numbers a
//! person.

use crate::application::Etat;
use crate::probleme::ErreurApi;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

/// The columns, in order, as the file's first line names them.
pub const COLONNES: [&str; 18] = [
    "offre_id",
    "decide_le",
    "cloture",
    "commune",
    "qpv",
    "typologie",
    "financement",
    "reservataire",
    "bailleur",
    "candidatures",
    "eligibles",
    "grille_version",
    "attribue_rang",
    "attribue_score",
    "premier_quartile",
    "prioritaire",
    "candidats_passes",
    "motifs_passage",
];

#[derive(sqlx::FromRow)]
struct Ligne {
    offre_id: i64,
    decide_le: String,
    cloture: String,
    commune: String,
    qpv: Option<String>,
    typologie: String,
    financement: String,
    reservataire: String,
    bailleur: String,
    candidatures: i64,
    eligibles: i64,
    grille_version: i64,
    attribue_rang: i64,
    attribue_score: i64,
    premier_quartile: bool,
    prioritaire: bool,
    candidats_passes: i64,
    motifs_passage: Option<String>,
}

/// Every decided letting, oldest first, as CSV (UTF-8, comma-separated, RFC 4180).
#[utoipa::path(
    get,
    path = "/donnees/resultats.csv",
    tag = "resultats",
    responses((status = 200, description = "Une ligne par attribution : offre_id, decide_le, cloture, \\
        commune, qpv (nom, vide hors QPV), typologie, financement, reservataire, bailleur, \\
        candidatures, eligibles, grille_version, attribue_rang, attribue_score, premier_quartile \\
        (0/1), prioritaire (0/1), candidats_passes, motifs_passage (codes séparés par « | »)",
        content_type = "text/csv"))
)]
pub async fn resultats_csv(State(etat): State<Etat>) -> Result<impl IntoResponse, ErreurApi> {
    let lignes: Vec<Ligne> = sqlx::query_as(
        "SELECT o.id AS offre_id, r.decide_le, o.cloture, c.nom AS commune, q.nom AS qpv,
                o.typologie, o.financement, o.reservataire, b.nom AS bailleur,
                k.candidatures, k.eligibles, k.grille_version, r.attribue_rang, r.attribue_score,
                r.premier_quartile, r.prioritaire,
                (SELECT count(*) FROM passages p WHERE p.offre_id = r.offre_id) AS candidats_passes,
                (SELECT group_concat(p.motif, '|') FROM
                    (SELECT motif FROM passages WHERE offre_id = r.offre_id ORDER BY rang) p)
                    AS motifs_passage
         FROM resultats r JOIN classements k ON k.offre_id = r.offre_id
         JOIN offres o ON o.id = r.offre_id JOIN communes c ON c.id = o.commune_id
         JOIN bailleurs b ON b.id = o.bailleur_id LEFT JOIN qpv q ON q.id = o.qpv_id
         ORDER BY r.decide_le, o.id",
    )
    .fetch_all(&etat.base)
    .await?;
    let mut ecrivain = csv::Writer::from_writer(Vec::new());
    let interne = |e: csv::Error| ErreurApi::Interne(format!("csv : {e}"));
    ecrivain.write_record(COLONNES).map_err(interne)?;
    for l in lignes {
        ecrivain
            .write_record([
                l.offre_id.to_string(),
                l.decide_le,
                l.cloture,
                l.commune,
                l.qpv.unwrap_or_default(),
                l.typologie,
                l.financement,
                l.reservataire,
                l.bailleur,
                l.candidatures.to_string(),
                l.eligibles.to_string(),
                l.grille_version.to_string(),
                l.attribue_rang.to_string(),
                l.attribue_score.to_string(),
                u8::from(l.premier_quartile).to_string(),
                u8::from(l.prioritaire).to_string(),
                l.candidats_passes.to_string(),
                l.motifs_passage.unwrap_or_default(),
            ])
            .map_err(interne)?;
    }
    let octets = ecrivain
        .into_inner()
        .map_err(|e| ErreurApi::Interne(format!("csv : {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"clef-resultats.csv\"",
            ),
        ],
        octets,
    ))
}
