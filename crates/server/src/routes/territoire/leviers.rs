//! The territory's other levers, as data it maintains and everyone reads the effects of:
//! housing programmes' fragility classes (ACI), each commune's SRU inventory, and the
//! streets of each QPV (which decide whether a listing is in one).

use crate::application::Etat;
use crate::compte::AgentTerritoire;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage::journal;
use crate::stockage::{self, programmes};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use clef_domain::Regle;
use clef_domain::adresse;
use clef_domain::api::{LigneSru, NouveauProgramme, NouvellesVoies, Probleme, Programme, QpvVoies};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::sru::InventaireSru;
use serde_json::json;

/// Programmes per territory, at most.
pub const PROGRAMMES_MAX: i64 = 2_000;
/// Streets per QPV, at most.
pub const VOIES_MAX: usize = 500;
/// The longest name or street.
pub const TEXTE_MAX: usize = 120;

/// The commune with this identifier, if it belongs to the territory.
async fn commune(
    etat: &Etat,
    agent: &AgentTerritoire,
    slug: &str,
) -> Result<Option<(i64, String)>, ErreurApi> {
    Ok(stockage::communes::du_territoire(&etat.base, agent.territoire_id, slug).await?)
}

fn texte(champ: &str, valeur: &str, erreurs: &mut Vec<ErreurChamp>) -> String {
    let valeur = valeur.trim();
    if valeur.is_empty() {
        erreurs.push(ErreurChamp::new(champ, CodeErreur::Requis));
    } else if !clef_domain::texte::propre(valeur, false) {
        erreurs.push(ErreurChamp::new(champ, CodeErreur::CaracteresInterdits));
    } else if valeur.chars().count() > TEXTE_MAX {
        erreurs.push(ErreurChamp::new(
            champ,
            CodeErreur::TropLong {
                max: TEXTE_MAX as u32,
            },
        ));
    }
    valeur.to_owned()
}

fn programme(l: programmes::LigneProgramme) -> Result<Programme, ErreurApi> {
    Ok(Programme {
        fragilite: l.fragilite()?,
        id: l.id,
        commune: l.commune,
        nom: l.nom,
        voie: l.voie,
    })
}

/// The territory's programmes and their fragility class.
#[utoipa::path(
    get,
    path = "/territoire/programmes",
    tag = "territoire",
    responses(
        (status = 200, description = "Les programmes classés", body = Vec<Programme>),
        (status = 403, description = "Pas un agent du territoire", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn programmes(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
) -> Result<Json<Vec<Programme>>, ErreurApi> {
    programmes::lister(&etat.base, agent.territoire_id)
        .await?
        .into_iter()
        .map(programme)
        .collect::<Result<_, _>>()
        .map(Json)
}

/// Class a programme: listings on its street are matched to it from now on.
#[utoipa::path(
    post,
    path = "/territoire/programmes",
    tag = "territoire",
    request_body = NouveauProgramme,
    responses(
        (status = 201, description = "Programme classé", body = Programme),
        (status = 400, description = "Commune inconnue, nom ou rue manquants, rue déjà classée", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn ajouter_programme(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Json(nouveau): Json<NouveauProgramme>,
) -> Result<(StatusCode, Json<Programme>), ErreurApi> {
    let mut erreurs = Vec::new();
    let commune = commune(&etat, &agent, &nouveau.commune).await?;
    if commune.is_none() {
        erreurs.push(ErreurChamp::new("commune", CodeErreur::ValeurInconnue));
    }
    let nom = texte("nom", &nouveau.nom, &mut erreurs);
    let voie = texte("voie", &nouveau.voie, &mut erreurs);
    if !voie.is_empty() && adresse::voie(&voie).is_empty() {
        erreurs.push(ErreurChamp::new("voie", CodeErreur::FormatInvalide));
    }
    let existants = programmes::lister(&etat.base, agent.territoire_id).await?;
    if let Some((commune_id, _)) = &commune
        && existants
            .iter()
            .any(|p| p.commune_id == *commune_id && adresse::voie(&p.voie) == adresse::voie(&voie))
    {
        erreurs.push(ErreurChamp::incoherent("voie", Regle::VoieDejaClassee));
    }
    if existants.len() as i64 >= PROGRAMMES_MAX {
        erreurs.push(ErreurChamp::new(
            "nom",
            CodeErreur::HorsLimites {
                min: 0,
                max: PROGRAMMES_MAX,
            },
        ));
    }
    let (Some((commune_id, nom_commune)), true) = (commune, erreurs.is_empty()) else {
        return Err(ErreurApi::Invalide(erreurs));
    };
    let mut tx = etat.base.begin().await?;
    // Two staff classing the same street at once: the database settles it.
    let id = programmes::ajouter(&mut tx, commune_id, &nom, &voie, nouveau.fragilite)
        .await?
        .ok_or_else(|| {
            ErreurApi::Invalide(vec![ErreurChamp::incoherent(
                "voie",
                Regle::VoieDejaClassee,
            )])
        })?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "programme_classe",
        None,
        &json!({ "programme": id, "fragilite": nouveau.fragilite.code() }),
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(Programme {
            id,
            commune: nom_commune,
            nom,
            voie,
            fragilite: nouveau.fragilite,
        }),
    ))
}

/// Remove a programme from the classification.
#[utoipa::path(
    delete,
    path = "/territoire/programmes/{id}",
    tag = "territoire",
    params(("id" = i64, Path, description = "Identifiant du programme")),
    responses(
        (status = 204, description = "Programme retiré du classement"),
        (status = 404, description = "Aucun programme du territoire n'a cet identifiant", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn retirer_programme(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Id(id): Id,
) -> Result<StatusCode, ErreurApi> {
    let mut tx = etat.base.begin().await?;
    if !programmes::retirer(&mut tx, agent.territoire_id, id).await? {
        return Err(ErreurApi::Introuvable);
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "programme_declasse",
        None,
        &json!({ "programme": id }),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Each commune's SRU inventory, with the lettings and listings of the current year.
pub(crate) async fn lignes_sru(
    etat: &Etat,
    slug_territoire: &str,
) -> Result<Vec<LigneSru>, ErreurApi> {
    let annee = etat.horloge.aujourdhui().annee();
    let lignes = stockage::sru::par_commune(&etat.base, slug_territoire, annee).await?;
    let illisible = |quoi: &str| ErreurApi::DonneeIllisible(format!("sru : {quoi}"));
    lignes
        .into_iter()
        .map(|l| {
            let inventaire = match (
                l.annee,
                l.logements_sociaux,
                l.residences_principales,
                l.taux_obligation,
            ) {
                (Some(annee), Some(ls), Some(rp), Some(taux)) => Some(InventaireSru {
                    annee: i16::try_from(annee).map_err(|_| illisible("annee"))?,
                    logements_sociaux: u32::try_from(ls).map_err(|_| illisible("ls"))?,
                    residences_principales: u32::try_from(rp).map_err(|_| illisible("rp"))?,
                    taux_obligation: u8::try_from(taux).map_err(|_| illisible("taux"))?,
                }),
                _ => None,
            };
            Ok(LigneSru {
                taux: inventaire.map(|i| i.taux()),
                manque: inventaire.map(|i| i.manque()),
                inventaire,
                commune: l.nom,
                slug: l.slug,
                attributions_annee: u32::try_from(l.attributions).unwrap_or(0),
                offres_annee: u32::try_from(l.offres).unwrap_or(0),
            })
        })
        .collect()
}

/// Enter a commune's SRU inventory.
#[utoipa::path(
    put,
    path = "/territoire/sru/{commune}",
    tag = "territoire",
    params(("commune" = String, Path, description = "Identifiant de la commune (`bethune`)")),
    request_body = InventaireSru,
    responses(
        (status = 200, description = "Inventaire enregistré", body = LigneSru),
        (status = 400, description = "Valeurs incohérentes", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Commune inconnue du territoire", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn enregistrer_sru(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Path(slug): Path<String>,
    Json(inventaire): Json<InventaireSru>,
) -> Result<Json<LigneSru>, ErreurApi> {
    let (commune_id, _) = commune(&etat, &agent, &slug)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    inventaire.verifier().map_err(ErreurApi::Invalide)?;
    let mut tx = etat.base.begin().await?;
    stockage::sru::enregistrer(&mut tx, commune_id, &inventaire).await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "inventaire_sru",
        None,
        &json!({ "commune": slug, "inventaire": inventaire }),
    )
    .await?;
    tx.commit().await?;
    lignes_sru(&etat, &agent.slug)
        .await?
        .into_iter()
        .find(|l| l.slug == slug)
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}

async fn qpv_du_territoire(etat: &Etat, territoire_id: i64) -> Result<Vec<QpvVoies>, ErreurApi> {
    Ok(stockage::qpv::du_territoire(&etat.base, territoire_id).await?)
}

/// The territory's QPVs and the streets each covers.
#[utoipa::path(
    get,
    path = "/territoire/qpv",
    tag = "territoire",
    responses((status = 200, description = "Les QPV et leurs rues", body = Vec<QpvVoies>))
)]
pub async fn qpv(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
) -> Result<Json<Vec<QpvVoies>>, ErreurApi> {
    Ok(Json(qpv_du_territoire(&etat, agent.territoire_id).await?))
}

/// Replace a QPV's streets. Listings published from now on are matched against them;
/// a published listing keeps the QPV status it was published with.
#[utoipa::path(
    put,
    path = "/territoire/qpv/{id}/voies",
    tag = "territoire",
    params(("id" = i64, Path, description = "Identifiant du QPV")),
    request_body = NouvellesVoies,
    responses(
        (status = 200, description = "Rues enregistrées", body = QpvVoies),
        (status = 400, description = "Rue vide, trop longue, ou trop de rues", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "QPV inconnu du territoire", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn enregistrer_voies(
    State(etat): State<Etat>,
    agent: AgentTerritoire,
    Id(id): Id,
    Json(nouvelles): Json<NouvellesVoies>,
) -> Result<Json<QpvVoies>, ErreurApi> {
    if !stockage::qpv::est_du_territoire(&etat.base, agent.territoire_id, id).await? {
        return Err(ErreurApi::Introuvable);
    }
    let mut erreurs = Vec::new();
    if nouvelles.voies.len() > VOIES_MAX {
        erreurs.push(ErreurChamp::new(
            "voies",
            CodeErreur::HorsLimites {
                min: 0,
                max: VOIES_MAX as i64,
            },
        ));
    }
    let mut voies: Vec<String> = Vec::new();
    for (i, v) in nouvelles.voies.iter().enumerate() {
        let v = texte(&format!("voies.{i}"), v, &mut erreurs);
        if !v.is_empty() && adresse::voie(&v).is_empty() {
            erreurs.push(ErreurChamp::new(
                &format!("voies.{i}"),
                CodeErreur::FormatInvalide,
            ));
        }
        // The same street written twice counts once.
        if !voies.iter().any(|d| adresse::voie(d) == adresse::voie(&v)) {
            voies.push(v);
        }
    }
    if !erreurs.is_empty() {
        return Err(ErreurApi::Invalide(erreurs));
    }
    let mut tx = etat.base.begin().await?;
    stockage::qpv::remplacer_voies(&mut tx, id, &voies).await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "voies_qpv",
        None,
        &json!({ "qpv": id, "voies": voies }),
    )
    .await?;
    tx.commit().await?;
    qpv_du_territoire(&etat, agent.territoire_id)
        .await?
        .into_iter()
        .find(|q| q.id == id)
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}
