//! My applications: the verdict before applying, apply, the list, one in full, withdraw.

use crate::application::Etat;
use crate::candidatures::vue;
use crate::candidatures::{OffreACoter, depot};
use crate::compte::{Candidater, Demandeur, PourDemandeur};
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage;
use crate::stockage::candidatures::{self as stockees, LigneCandidature};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{HeaderName, LOCATION};
use clef_domain::Jour;
use clef_domain::api::{
    AvantCandidature, CandidatureDeposee, CandidatureDetail, CandidatureResume, Empechement,
    EtatCandidature, NouvelleCandidature, Probleme,
};
use clef_domain::classement::Candidature;
use clef_domain::erreur::CodeErreur;
use clef_domain::suite::{Conditions, empechement};
use sqlx::AnyPool;

/// My request as a candidate of the rules crate (`id` 0 when not filed yet: it sorts after
/// any real application at equal score and date).
async fn moi_candidat(base: &AnyPool, moi: &Demandeur, id: i64) -> Result<Candidature, ErreurApi> {
    let demande = stockage::demandeurs::demande(base, moi.id)
        .await?
        .ok_or(ErreurApi::Candidature(Empechement::DossierIncomplet))?;
    Ok(Candidature {
        id: if id > 0 { id as u64 } else { u64::MAX },
        demande,
        aide_estimee: clef_domain::Euros::ZERO,
    })
}

/// My verdict, score and would-be rank for a listing, and whether I can apply.
#[utoipa::path(
    get,
    path = "/moi/offres/{id}/avant-candidature",
    tag = "demandeur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Éligibilité, score et rang", body = AvantCandidature),
        (status = 404, description = "Aucune offre avec cet identifiant", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Dossier non rempli (`/problemes/candidature/dossier_incomplet`)", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn avant(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur,
    Id(id): Id,
) -> Result<Json<AvantCandidature>, ErreurApi> {
    let offre_id = id;
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::charger(&etat.base, offre_id, aujourdhui)
        .await?
        .filter(|o| !o.retiree)
        .ok_or(ErreurApi::Introuvable)?;
    let mut connexion = etat.base.acquire().await?;
    let existante = stockees::existante(&mut connexion, moi.id, offre_id).await?;
    let en_cours = stockees::en_cours(&mut connexion, moi.id, aujourdhui).await?;
    drop(connexion);
    let candidat = moi_candidat(&etat.base, &moi, existante.unwrap_or(0)).await?;
    let place = vue::place(&etat.base, &offre, &candidat, aujourdhui).await?;
    let empechement = empechement(Conditions {
        dossier_rempli: true,
        etat: offre.detail.resume.etat,
        deja_candidat: existante.is_some(),
        eligibilite: Some(place.verdict.eligibilite()),
        candidatures_en_cours: en_cours,
        max: offre.territoire.candidatures_simultanees_max,
    });
    Ok(Json(AvantCandidature {
        position: place.position(),
        verdict: place.verdict,
        score: place.score,
        candidature: existante,
        empechement,
    }))
}

/// The resume of one of my applications, with its place when it counts.
async fn resume(
    etat: &Etat,
    moi: &Demandeur,
    ligne: &LigneCandidature,
    aujourdhui: Jour,
) -> Result<(CandidatureResume, Option<(OffreACoter, vue::Place)>), ErreurApi> {
    let offre = OffreACoter::charger(&etat.base, ligne.offre_id, aujourdhui)
        .await?
        .ok_or_else(|| ErreurApi::DonneeIllisible(format!("offre {}", ligne.offre_id)))?;
    let place = if ligne.etat == EtatCandidature::Retiree {
        None
    } else {
        let candidat = moi_candidat(&etat.base, moi, ligne.id).await?;
        Some(vue::place(&etat.base, &offre, &candidat, aujourdhui).await?)
    };
    let resume = ligne.resume(
        offre.detail.resume.clone(),
        place.as_ref().and_then(vue::Place::position),
        aujourdhui,
    );
    Ok((resume, place.map(|p| (offre, p))))
}

async fn ligne(base: &AnyPool, moi: &Demandeur, id: i64) -> Result<LigneCandidature, ErreurApi> {
    // Another's application is "not found".
    stockees::du_demandeur(base, moi.id, id)
        .await?
        .ok_or(ErreurApi::Introuvable)
}

/// Apply to a listing. The answer does not wait for the listing's ranking: the place among
/// the candidates is read with `GET /moi/candidatures/{id}` (its `Location`).
#[utoipa::path(
    post,
    path = "/moi/candidatures",
    tag = "demandeur",
    request_body = NouvelleCandidature,
    responses(
        (status = 201, description = "Candidature déposée", body = CandidatureDeposee,
         headers(("Location" = String, description = "`/api/v1/moi/candidatures/{id}`"))),
        (status = 404, description = "Aucune offre avec cet identifiant", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Refusée : `type` dit pourquoi (`/problemes/candidature/plafond_atteint`, \
            `deja_candidat`, `non_eligible`, `cloturee`, `pas_encore_ouverte`, `dossier_incomplet`)",
         body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn deposer(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur<Candidater>,
    Json(nouvelle): Json<NouvelleCandidature>,
) -> Result<
    (
        StatusCode,
        [(HeaderName, String); 1],
        Json<CandidatureDeposee>,
    ),
    ErreurApi,
> {
    if nouvelle.offre_id <= 0 {
        return Err(ErreurApi::champ("offre_id", CodeErreur::PasUnNombre));
    }
    let deposee = depot::deposer(
        &etat.base,
        moi.id,
        moi.mandataire.as_ref(),
        nouvelle.offre_id,
        etat.horloge.aujourdhui(),
    )
    .await?;
    let adresse = format!("/api/v1/moi/candidatures/{}", deposee.id);
    Ok((StatusCode::CREATED, [(LOCATION, adresse)], Json(deposee)))
}

/// My applications, the most recent first.
#[utoipa::path(
    get,
    path = "/moi/candidatures",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mes candidatures", body = Vec<CandidatureResume>),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lister(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur,
) -> Result<Json<Vec<CandidatureResume>>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let lignes = stockees::du_demandeur_toutes(&etat.base, moi.id).await?;
    let mut resumes = Vec::with_capacity(lignes.len());
    for l in &lignes {
        resumes.push(resume(&etat, &moi, l, aujourdhui).await?.0);
    }
    Ok(Json(resumes))
}

/// One of my applications in full: rank, score, histogram, timeline, what-if data.
#[utoipa::path(
    get,
    path = "/moi/candidatures/{id}",
    tag = "demandeur",
    params(("id" = i64, Path, description = "Identifiant de la candidature")),
    responses(
        (status = 200, description = "La candidature", body = CandidatureDetail),
        (status = 404, description = "Aucune de mes candidatures n'a cet identifiant", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn detail(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur,
    Id(id): Id,
) -> Result<Json<CandidatureDetail>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let ligne = ligne(&etat.base, &moi, id).await?;
    let offre = OffreACoter::charger(&etat.base, ligne.offre_id, aujourdhui)
        .await?
        .ok_or_else(|| ErreurApi::DonneeIllisible(format!("offre {}", ligne.offre_id)))?;
    let candidat = moi_candidat(&etat.base, &moi, ligne.id).await?;
    let place = vue::place(&etat.base, &offre, &candidat, aujourdhui).await?;
    let position = (ligne.etat != EtatCandidature::Retiree)
        .then(|| place.position())
        .flatten();
    let resume = ligne.resume(offre.detail.resume.clone(), position, aujourdhui);
    Ok(Json(vue::detail(
        &ligne, resume, place, &offre, aujourdhui,
    )?))
}

/// Withdraw one of my applications (until the closing day, included).
#[utoipa::path(
    post,
    path = "/moi/candidatures/{id}/retrait",
    tag = "demandeur",
    params(("id" = i64, Path, description = "Identifiant de la candidature")),
    responses(
        (status = 200, description = "Candidature retirée", body = CandidatureResume),
        (status = 404, description = "Aucune de mes candidatures n'a cet identifiant", body = Probleme,
         content_type = "application/problem+json"),
        (status = 409, description = "Trop tard : l'offre est clôturée", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn retirer(
    State(etat): State<Etat>,
    PourDemandeur { moi, .. }: PourDemandeur<Candidater>,
    Id(id): Id,
) -> Result<Json<CandidatureResume>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    depot::retirer(&etat.base, moi.id, moi.mandataire.as_ref(), id, aujourdhui).await?;
    let ligne = ligne(&etat.base, &moi, id).await?;
    Ok(Json(resume(&etat, &moi, &ligne, aujourdhui).await?.0))
}
