//! Open data: the anonymised letting results as CSV, one line per letting, columns
//! documented in `docs/donnees-ouvertes.md` and below. Nothing in it names or numbers a
//! person.

use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::stockage;
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
    let lignes = stockage::resultats::donnees_ouvertes(&etat.base).await?;
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
