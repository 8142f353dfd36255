//! Saved searches: a search of the listings page, kept so that new matching listings are
//! announced in the notifications.

use crate::application::Etat;
use crate::compte::Demandeur;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::api::{NouvelleRecherche, Probleme, RechercheSauvegardee};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::recherche::Recherche;

/// Saved searches per applicant, at most.
pub const MAX: i64 = 10;
pub const NOM_MAX: usize = 80;
pub const REQUETE_MAX: usize = 500;

/// My saved searches.
#[utoipa::path(
    get,
    path = "/moi/recherches",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mes recherches sauvegardées", body = Vec<RechercheSauvegardee>),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lister(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<Json<Vec<RechercheSauvegardee>>, ErreurApi> {
    Ok(Json(
        stockage::recherches::du_demandeur(&etat.base, moi.id).await?,
    ))
}

/// Save a search. Only listings added from now on are announced.
#[utoipa::path(
    post,
    path = "/moi/recherches",
    tag = "demandeur",
    request_body = NouvelleRecherche,
    responses(
        (status = 201, description = "Recherche sauvegardée", body = RechercheSauvegardee),
        (status = 400, description = "Nom ou critères invalides, ou déjà 10 recherches", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn sauvegarder(
    State(etat): State<Etat>,
    moi: Demandeur,
    Json(nouvelle): Json<NouvelleRecherche>,
) -> Result<(StatusCode, Json<RechercheSauvegardee>), ErreurApi> {
    let mut erreurs = Vec::new();
    let nom = nouvelle.nom.trim().to_owned();
    if nom.is_empty() {
        erreurs.push(ErreurChamp::new("nom", CodeErreur::Requis));
    } else if nom.chars().count() > NOM_MAX {
        erreurs.push(ErreurChamp::new(
            "nom",
            CodeErreur::HorsLimites {
                min: 1,
                max: NOM_MAX as i64,
            },
        ));
    }
    let requete = if nouvelle.requete.len() > REQUETE_MAX {
        erreurs.push(ErreurChamp::new("requete", CodeErreur::FormatInvalide));
        None
    } else {
        let paires: Vec<(String, String)> =
            form_urlencoded::parse(nouvelle.requete.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        match Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            Ok(r) => Some(r),
            Err(e) => {
                erreurs.extend(e.into_iter().map(|e| e.dans("requete")));
                None
            }
        }
    };
    let (Some(recherche), true) = (requete, erreurs.is_empty()) else {
        return Err(ErreurApi::Invalide(erreurs));
    };
    let requete = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(recherche.en_paires().iter().filter(|(k, _)| *k != "page"))
        .finish();
    let dernier = stockage::offres::dernier_id(&etat.base).await?;
    let id = stockage::recherches::sauvegarder(&etat.base, moi.id, &nom, &requete, dernier, MAX)
        .await?
        .ok_or_else(|| {
            ErreurApi::champ("recherches", CodeErreur::HorsLimites { min: 0, max: MAX })
        })?;
    Ok((
        StatusCode::CREATED,
        Json(RechercheSauvegardee { id, nom, requete }),
    ))
}

/// Delete one of my saved searches.
#[utoipa::path(
    delete,
    path = "/moi/recherches/{id}",
    tag = "demandeur",
    params(("id" = i64, Path, description = "Identifiant de la recherche")),
    responses(
        (status = 204, description = "Supprimée"),
        (status = 404, description = "Aucune de mes recherches n'a cet identifiant", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn supprimer(
    State(etat): State<Etat>,
    moi: Demandeur,
    Id(id): Id,
) -> Result<StatusCode, ErreurApi> {
    if !stockage::recherches::supprimer(&etat.base, moi.id, id).await? {
        return Err(ErreurApi::Introuvable);
    }
    Ok(StatusCode::NO_CONTENT)
}
