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
pub const COLONNES: [&str; 9] = [
    "mois",
    "commune",
    "qpv",
    "typologie",
    "financement",
    "reservataire",
    "bailleur",
    "premier_quartile",
    "prioritaire",
];

/// Every decided letting as CSV (UTF-8, comma-separated, RFC 4180): what the social-mix
/// targets need, at a granularity that leads to no household (no listing id, no day, no
/// rank or score that the letting's own result page would match).
#[utoipa::path(
    get,
    path = "/donnees/resultats.csv",
    tag = "resultats",
    responses((status = 200, description = "Une ligne par attribution : mois (AAAA-MM), commune, \
        qpv (nom, vide hors QPV), typologie, financement, reservataire, bailleur, \
        premier_quartile (0/1), prioritaire (0/1)",
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
                l.mois,
                l.commune,
                l.qpv.unwrap_or_default(),
                l.typologie,
                l.financement,
                l.reservataire,
                l.bailleur,
                u8::from(l.premier_quartile).to_string(),
                u8::from(l.prioritaire).to_string(),
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
