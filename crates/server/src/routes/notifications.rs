//! In-app notifications. Events the server causes (filing, withdrawal, ranking, decision)
//! are written when they happen; events that come with time (a listing closing, a new
//! listing matching a saved search) are found when the applicant looks, once each.

use crate::application::Etat;
use crate::compte::Demandeur;
use crate::probleme::ErreurApi;
use crate::stockage;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use clef_domain::api::{GenreNotification, Notification, Notifications, Probleme};
use clef_domain::recherche::Recherche;

/// At most this many notifications are returned, newest first.
pub const MAX: i64 = 100;

pub(crate) fn genre(code: &str) -> Result<GenreNotification, ErreurApi> {
    use GenreNotification::*;
    Ok(match code {
        "candidature_deposee" => CandidatureDeposee,
        "candidature_retiree" => CandidatureRetiree,
        "offre_cloturee" => OffreCloturee,
        "candidature_classee" => CandidatureClassee,
        "presentee_en_commission" => PresenteeEnCommission,
        "attribuee_sous_condition" => AttribueeSousCondition,
        "proposee" => Proposee,
        "attribuee" => Attribuee,
        "non_retenue" => NonRetenue,
        "nouvelle_offre" => NouvelleOffre,
        autre => return Err(ErreurApi::DonneeIllisible(format!("genre = {autre}"))),
    })
}

/// Announces what came with time since the applicant last looked.
pub(crate) async fn rattraper(etat: &Etat, demandeur_id: i64) -> Result<(), ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    sqlx::query(
        "INSERT OR IGNORE INTO notifications (demandeur_id, genre, offre_id, candidature_id)
         SELECT c.demandeur_id, 'offre_cloturee', c.offre_id, c.id
         FROM candidatures c JOIN offres o ON o.id = c.offre_id
         WHERE c.demandeur_id = ? AND c.etat = 'deposee' AND o.cloture < ?",
    )
    .bind(demandeur_id)
    .bind(aujourdhui.to_string())
    .execute(&etat.base)
    .await?;
    let recherches: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT id, requete, derniere_offre FROM recherches WHERE demandeur_id = ?")
            .bind(demandeur_id)
            .fetch_all(&etat.base)
            .await?;
    if recherches.is_empty() {
        return Ok(());
    }
    let dernier = stockage::offres::dernier_id(&etat.base).await?;
    for (id, requete, derniere_offre) in recherches {
        let paires: Vec<(String, String)> = form_urlencoded::parse(requete.as_bytes())
            .into_owned()
            .collect();
        // Stored searches were checked when saved; one that no longer parses is skipped.
        let Ok(recherche) =
            Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        else {
            continue;
        };
        let nouvelles = stockage::offres::nouvelles_correspondances(
            &etat.base,
            &recherche,
            derniere_offre,
            aujourdhui,
        )
        .await?;
        let mut tx = etat.base.begin().await?;
        for (offre_id, _) in nouvelles {
            sqlx::query(
                "INSERT OR IGNORE INTO notifications (demandeur_id, genre, offre_id, recherche_id)
                 VALUES (?, 'nouvelle_offre', ?, ?)",
            )
            .bind(demandeur_id)
            .bind(offre_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE recherches SET derniere_offre = ? WHERE id = ?")
            .bind(dernier)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// My notifications, newest first, and how many are unread.
#[utoipa::path(
    get,
    path = "/moi/notifications",
    tag = "demandeur",
    responses(
        (status = 200, description = "Mes notifications", body = Notifications),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lister(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<Json<Notifications>, ErreurApi> {
    rattraper(&etat, moi.id).await?;
    type Ligne = (
        i64,
        String,
        String,
        bool,
        Option<i64>,
        Option<String>,
        Option<i64>,
        Option<String>,
    );
    let lignes: Vec<Ligne> = sqlx::query_as(
        "SELECT n.id, n.genre, n.cree_le, n.lue, n.offre_id, o.titre, n.candidature_id, r.nom
         FROM notifications n
         LEFT JOIN offres o ON o.id = n.offre_id
         LEFT JOIN recherches r ON r.id = n.recherche_id
         WHERE n.demandeur_id = ? ORDER BY n.id DESC LIMIT ?",
    )
    .bind(moi.id)
    .bind(MAX)
    .fetch_all(&etat.base)
    .await?;
    let non_lues: i64 =
        sqlx::query_scalar("SELECT count(*) FROM notifications WHERE demandeur_id = ? AND lue = 0")
            .bind(moi.id)
            .fetch_one(&etat.base)
            .await?;
    let notifications = lignes
        .into_iter()
        .map(
            |(id, g, cree_le, lue, offre_id, titre_offre, candidature_id, recherche)| {
                Ok(Notification {
                    id,
                    genre: genre(&g)?,
                    cree_le,
                    lue,
                    offre_id,
                    titre_offre,
                    candidature_id,
                    recherche,
                })
            },
        )
        .collect::<Result<_, ErreurApi>>()?;
    Ok(Json(Notifications {
        non_lues: u32::try_from(non_lues).unwrap_or(0),
        notifications,
    }))
}

/// Mark all my notifications read.
#[utoipa::path(
    post,
    path = "/moi/notifications/lues",
    tag = "demandeur",
    responses(
        (status = 204, description = "Toutes lues"),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn marquer_lues(
    State(etat): State<Etat>,
    moi: Demandeur,
) -> Result<StatusCode, ErreurApi> {
    sqlx::query("UPDATE notifications SET lue = 1 WHERE demandeur_id = ? AND lue = 0")
        .bind(moi.id)
        .execute(&etat.base)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
