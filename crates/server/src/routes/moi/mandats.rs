//! "Mes mandats" and "Qui a agi sur mon dossier": the applicant gives, sees and revokes
//! the mandates that let a support structure act for them, and reads what was done.

use crate::application::Etat;
use crate::compte::Demandeur;
use crate::horloge;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage::{journal, mandats};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::Regle;
use clef_domain::api::{
    ActeJournal, EntreeJournal, MandatVue, MesMandats, NouveauMandat, Probleme,
};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::mandat::{DemandeMandat, StatutMandat};

/// Journal lines shown, the most recent.
pub const JOURNAL_MAX: i64 = 500;

/// My mandates, newest first, with pending codes to give the advisor, and the structures I
/// may choose from.
#[utoipa::path(
    get,
    path = "/moi/mandats",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mes mandats", body = MesMandats),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un compte de demandeur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lister(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<Json<MesMandats>, ErreurApi> {
    let maintenant = etat.horloge.instant();
    let aujourdhui = etat.horloge.aujourdhui();
    let mut vues = Vec::new();
    for ligne in mandats::du_demandeur(&etat.base, moi.id).await? {
        vues.push(ligne.vue(maintenant, aujourdhui)?);
    }
    Ok(Json(MesMandats {
        mandats: vues,
        structures: mandats::structures(&etat.base).await?,
    }))
}

/// Give a structure a mandate, from today, valid at once.
#[utoipa::path(
    post,
    path = "/moi/mandats",
    tag = "demandeur",
    request_body = NouveauMandat,
    responses(
        (status = 201, description = "Mandat donné", body = MandatVue),
        (status = 400, description = "Structure inconnue, actes ou durée invalides, ou un mandat \
            déjà en cours pour cette structure", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn donner(
    State(etat): State<Etat>,
    moi: Demandeur,
    Json(nouveau): Json<NouveauMandat>,
) -> Result<(StatusCode, Json<MandatVue>), ErreurApi> {
    let maintenant = etat.horloge.instant();
    let aujourdhui = etat.horloge.aujourdhui();
    let demande = DemandeMandat {
        actes: nouveau.actes,
        duree_mois: nouveau.duree_mois,
    };
    let mut erreurs = Vec::new();
    let valide = demande
        .verifier(aujourdhui)
        .map_err(|e| erreurs.extend(e))
        .ok();
    let structures = mandats::structures(&etat.base).await?;
    if !structures.iter().any(|s| s.id == nouveau.structure_id) {
        erreurs.push(ErreurChamp::new("structure_id", CodeErreur::ValeurInconnue));
    } else {
        for ligne in mandats::du_demandeur(&etat.base, moi.id).await? {
            let en_cours = matches!(
                ligne.statut(maintenant, aujourdhui)?,
                StatutMandat::Actif | StatutMandat::EnAttente
            );
            if ligne.structure_id == nouveau.structure_id && en_cours {
                erreurs.push(ErreurChamp::incoherent(
                    "structure_id",
                    Regle::MandatDejaEnCours,
                ));
                break;
            }
        }
    }
    let (Some(valide), true) = (valide, erreurs.is_empty()) else {
        return Err(ErreurApi::Invalide(erreurs));
    };
    let mut connexion = etat.base.acquire().await?;
    let id = mandats::creer(
        &mut connexion,
        mandats::NouveauMandat {
            demandeur_id: moi.id,
            structure_id: nouveau.structure_id,
            valide: &valide,
            debut: aujourdhui,
            demande_par: None,
            code: None,
        },
        maintenant,
    )
    .await?;
    let ligne = mandats::par_id(&etat.base, id)
        .await?
        .ok_or_else(|| ErreurApi::DonneeIllisible(format!("mandat {id}")))?;
    Ok((
        StatusCode::CREATED,
        Json(ligne.vue(maintenant, aujourdhui)?),
    ))
}

/// Revoke one of my mandates (or refuse a pending one). It takes effect on the advisor's
/// next request.
#[utoipa::path(
    post,
    path = "/moi/mandats/{id}/revocation",
    tag = "demandeur",
    params(("id" = i64, Path, description = "Identifiant du mandat")),
    responses(
        (status = 200, description = "Mandat révoqué", body = MandatVue),
        (status = 404, description = "Aucun de mes mandats n'a cet identifiant", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn revoquer(
    State(etat): State<Etat>,
    moi: Demandeur,
    Id(id): Id,
) -> Result<Json<MandatVue>, ErreurApi> {
    let maintenant = etat.horloge.instant();
    if !mandats::revoquer(&etat.base, moi.id, id, maintenant).await? {
        return Err(ErreurApi::Introuvable);
    }
    let ligne = mandats::par_id(&etat.base, id)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    Ok(Json(ligne.vue(maintenant, etat.horloge.aujourdhui())?))
}

/// Who acted on my file: every act an advisor did for me, the most recent first.
#[utoipa::path(
    get,
    path = "/moi/journal",
    tag = "demandeur",
    responses(
        (status = 200, description = "Les actes faits pour moi sous mandat", body = Vec<EntreeJournal>),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn journal(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<Json<Vec<EntreeJournal>>, ErreurApi> {
    let lignes = journal::actes_pour_demandeur(&etat.base, moi.id, JOURNAL_MAX).await?;
    let mut entrees = Vec::with_capacity(lignes.len());
    for l in lignes {
        let illisible = || ErreurApi::DonneeIllisible(format!("journal : {} {}", l.a, l.acte));
        let (jour, heure) = horloge::jour_et_heure_a_paris(&l.a).ok_or_else(illisible)?;
        let acte = ActeJournal::depuis_code(&l.acte).ok_or_else(illisible)?;
        entrees.push(EntreeJournal {
            jour,
            heure,
            conseiller: l.conseiller,
            structure: l.structure,
            acte,
            mandat_id: l.mandat_id,
            offre_id: l.offre_id,
            offre: l.offre,
        });
    }
    Ok(Json(entrees))
}
