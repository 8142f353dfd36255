//! Open data: the anonymised letting results as CSV, one line per letting, columns
//! documented in `docs/donnees-ouvertes.md` and below. Nothing in it names or numbers a
//! person.

use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::stockage;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

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
        content_type = "text/csv"),
        (status = 304, description = "Inchangé depuis la version nommée par `If-None-Match` (l'`ETag` reçu)"))
)]
pub async fn resultats_csv(
    State(etat): State<Etat>,
    entetes: HeaderMap,
) -> Result<Response, ErreurApi> {
    let fichier = etat
        .memoires
        .donnees_ouvertes(&etat.base, async || ecrire(&etat).await)
        .await?;
    // The digest of the content says which file it is, on any instance and after a restore.
    let etiquette = format!("\"resultats-{}\"", fichier.empreinte);
    let etiquette =
        HeaderValue::from_str(&etiquette).map_err(|e| ErreurApi::Interne(format!("etag : {e}")))?;
    if entetes
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etiquette.as_bytes())
    {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etiquette)]).into_response());
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"clef-resultats.csv\""),
            ),
            (header::ETAG, etiquette),
        ],
        fichier.octets,
    )
        .into_response())
}

async fn ecrire(etat: &Etat) -> Result<Vec<u8>, ErreurApi> {
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
    ecrivain
        .into_inner()
        .map_err(|e| ErreurApi::Interne(format!("csv : {e}")))
}
