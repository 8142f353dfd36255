use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage;
use axum::Json;
use axum::extract::{RawQuery, State};
use clef_domain::api::{OffreDetail, PageOffres, Probleme};
use clef_domain::erreur::CodeErreur;
use clef_domain::offre::{Financement, Reservataire, Typologie};
use clef_domain::recherche::{Recherche, champ};
use std::sync::Arc;
use utoipa::IntoParams;

/// The query parameters of `GET /offres`, as documented. Parsing is done by
/// `clef_domain::recherche::Recherche`, which the app uses too.
#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParametresRecherche {
    /// Commune, par son identifiant (`bethune`) : voir `GET /communes`.
    commune: Option<String>,
    typologie: Option<Typologie>,
    /// Loyer charges comprises maximal, en euros par mois (1 à 5000).
    loyer_max: Option<u32>,
    financement: Option<Financement>,
    /// `oui` : seulement les logements accessibles aux personnes à mobilité réduite.
    pmr: Option<String>,
    /// `dans` ou `hors` d'un quartier prioritaire de la politique de la ville.
    qpv: Option<String>,
    reservataire: Option<Reservataire>,
    /// `ouvertes` (par défaut), `a_venir`, `cloturees` ou `toutes`.
    etat: Option<String>,
    /// `cloture` (par défaut), `recentes`, `loyer`, `loyer_desc` ou `surface_desc`.
    tri: Option<String>,
    /// Page, à partir de 1 (au plus 1000).
    page: Option<u32>,
    /// Offres par page, de 1 à 50 (12 par défaut).
    par_page: Option<u32>,
    /// Ce financement ou un plus élevé (PLAI < PLUS < PLS) : l'application le calcule à
    /// partir du dossier du demandeur pour « seulement les logements où je peux candidater ».
    financement_min: Option<Financement>,
    /// Surface habitable minimale, en m² (1 à 1000).
    surface_min: Option<u32>,
    /// Nombre de pièces principales maximal (1 à 20).
    pieces_max: Option<u32>,
    /// Offres à écarter, par identifiant, séparées par des virgules (au plus 20).
    sauf: Option<String>,
    /// Refusé : critère de l'application, qui envoie à sa place `financement_min`,
    /// `surface_min`, `pieces_max` et `sauf` (le serveur ne sait pas qui cherche).
    pour_moi: Option<String>,
}

/// Search the listings: filters, sorting, stable pagination, total count.
#[utoipa::path(
    get,
    path = "/offres",
    tag = "offres",
    params(ParametresRecherche),
    responses(
        (status = 200, description = "Une page d'offres", body = PageOffres),
        (status = 400, description = "Un filtre a une valeur invalide : `errors` nomme chaque champ",
         body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lister(
    State(etat): State<Etat>,
    RawQuery(query): RawQuery,
) -> Result<Json<Arc<PageOffres>>, ErreurApi> {
    let query = query.unwrap_or_default();
    let paires: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let recherche = Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(ErreurApi::Invalide)?;
    if recherche.pour_moi {
        return Err(ErreurApi::champ(
            champ::POUR_MOI,
            CodeErreur::ValeurInconnue,
        ));
    }
    if let Some(commune) = &recherche.commune
        && !stockage::communes::existe(&etat.base, commune).await?
    {
        return Err(ErreurApi::champ(champ::COMMUNE, CodeErreur::ValeurInconnue));
    }
    let page = etat
        .memoires
        .page(&etat.base, &recherche, etat.horloge.aujourdhui())
        .await?;
    Ok(Json(page))
}

/// One listing, with everything an applicant needs to decide.
#[utoipa::path(
    get,
    path = "/offres/{id}",
    tag = "offres",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "L'offre", body = OffreDetail),
        (status = 400, description = "L'identifiant n'est pas un nombre", body = Probleme,
         content_type = "application/problem+json"),
        (status = 404, description = "Aucune offre avec cet identifiant", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn detail(State(etat): State<Etat>, Id(id): Id) -> Result<Json<OffreDetail>, ErreurApi> {
    let offre = stockage::offres::detail(&etat.base, id, etat.horloge.aujourdhui()).await?;
    offre.map(Json).ok_or(ErreurApi::Introuvable)
}
