use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::stockage;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use clef_domain::api::{LigneSru, Probleme};
use clef_domain::cotation::Grille;
use clef_domain::erreur::CodeErreur;
use clef_domain::territoire::ParametresTerritoire;
use clef_domain::ventilation::{self, TableauMixite};
use utoipa::IntoParams;

#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParametresGrille {
    /// A given version (to read how a closed listing was ranked); by default, the version
    /// in force today.
    version: Option<u32>,
}

/// The published scoring grid of a territory: every criterion, its points and its plain
/// French explanation.
#[utoipa::path(
    get,
    path = "/territoires/{slug}/grille",
    tag = "territoire",
    params(("slug" = String, Path, description = "Identifiant du territoire (`bethune-bruay`)"), ParametresGrille),
    responses(
        (status = 200, description = "La grille de cotation", body = Grille),
        (status = 400, description = "Version invalide", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Territoire ou version inconnus", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn grille(
    State(etat): State<Etat>,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<Grille>, ErreurApi> {
    let mut version = None;
    for (cle, valeur) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        if cle == "version" {
            version = Some(
                valeur
                    .parse::<u32>()
                    .ok()
                    .filter(|&v| v > 0)
                    .ok_or_else(|| {
                        ErreurApi::champ(
                            "version",
                            CodeErreur::HorsLimites {
                                min: 1,
                                max: i64::from(u32::MAX),
                            },
                        )
                    })?,
            );
        }
    }
    stockage::grilles::en_vigueur(&etat.base, &slug, etat.horloge.aujourdhui(), version)
        .await?
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}

/// A territory's published settings: rent-burden threshold, size rules, first-quartile
/// threshold, social-mix targets, and the cap on applications open at once.
#[utoipa::path(
    get,
    path = "/territoires/{slug}/parametres",
    tag = "territoire",
    params(("slug" = String, Path, description = "Identifiant du territoire (`bethune-bruay`)")),
    responses(
        (status = 200, description = "Les paramètres du territoire", body = ParametresTerritoire),
        (status = 404, description = "Territoire inconnu", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn parametres(
    State(etat): State<Etat>,
    Path(slug): Path<String>,
) -> Result<Json<ParametresTerritoire>, ErreurApi> {
    stockage::territoires::parametres(&etat.base, &slug)
        .await?
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}

/// The social-mix dashboard, open to all: the three CIA indicators over the recorded
/// lettings against the territory's targets, whole and by commune, inside or outside a
/// QPV, by réservataire, by landlord and by quarter.
#[utoipa::path(
    get,
    path = "/territoires/{slug}/mixite",
    tag = "territoire",
    params(("slug" = String, Path, description = "Identifiant du territoire (`bethune-bruay`)")),
    responses(
        (status = 200, description = "Les indicateurs de mixité sociale", body = TableauMixite),
        (status = 404, description = "Territoire inconnu", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn mixite(
    State(etat): State<Etat>,
    Path(slug): Path<String>,
) -> Result<Json<std::sync::Arc<TableauMixite>>, ErreurApi> {
    let tableau = etat
        .memoires
        .mixite(&etat.base, &slug, async || {
            // Read after the version, as the lettings are: settings changed meanwhile are
            // never kept under a number that already counts their change.
            let parametres = stockage::territoires::parametres(&etat.base, &slug)
                .await?
                .ok_or(ErreurApi::Introuvable)?;
            let locations = stockage::locations::lister(&etat.base, None).await?;
            Ok::<_, ErreurApi>(ventilation::tableau(&locations, parametres.objectifs))
        })
        .await?;
    Ok(Json(tableau))
}

/// Each commune's social-housing rate against its SRU obligation, open to all, with the
/// year's lettings and new listings.
#[utoipa::path(
    get,
    path = "/territoires/{slug}/sru",
    tag = "territoire",
    params(("slug" = String, Path, description = "Identifiant du territoire (`bethune-bruay`)")),
    responses((status = 200, description = "Une ligne par commune", body = Vec<LigneSru>))
)]
pub async fn sru(
    State(etat): State<Etat>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<LigneSru>>, ErreurApi> {
    Ok(Json(
        crate::routes::territoire::leviers::lignes_sru(&etat, &slug).await?,
    ))
}
