//! Notifications: written when an event happens (by the step that causes it) or found by
//! the periodic round (what comes with time); read by the applicant; e-mailed by the round.

use super::Drapeau;
use super::Erreur;
use clef_domain::api::{EtatCandidature, GenreNotification, Notification};
use clef_domain::jour::Jour;
use clef_domain::offre::Code;
use sqlx::{AnyConnection, AnyPool};

/// Tells the applicant of this application that `genre` happened to it.
#[tracing::instrument(level = "debug", skip_all, fields(candidature_id = candidature_id))]
pub async fn annoncer(
    connexion: &mut AnyConnection,
    candidature_id: i64,
    genre: GenreNotification,
) -> Result<(), Erreur> {
    sqlx::query(
        "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id)
         SELECT demandeur_id, $1, offre_id, id FROM candidatures WHERE id = $2
         ON CONFLICT DO NOTHING",
    )
    .bind(genre.code())
    .bind(candidature_id)
    .execute(connexion)
    .await?;
    Ok(())
}

/// Announces, once, every listing that closed before `aujourdhui` to each applicant whose
/// application is still deposited there. Returns how many were announced.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn annoncer_clotures(base: &AnyPool, aujourdhui: Jour) -> Result<u64, Erreur> {
    Ok(sqlx::query(
        "INSERT INTO notifications (demandeur_id, genre, offre_id, candidature_id)
         SELECT c.demandeur_id, $1, c.offre_id, c.id
         FROM candidatures c JOIN offres o ON o.id = c.offre_id
         WHERE c.etat = $2 AND o.cloture < $3 ON CONFLICT DO NOTHING",
    )
    .bind(GenreNotification::OffreCloturee.code())
    .bind(EtatCandidature::Deposee.code())
    .bind(aujourdhui.to_string())
    .execute(base)
    .await?
    .rows_affected())
}

/// A saved search and the last listing it has announced.
#[derive(Debug, sqlx::FromRow)]
pub struct RechercheSuivie {
    pub id: i64,
    pub demandeur_id: i64,
    /// The query string, as saved (it was checked then).
    pub requete: String,
    pub derniere_offre: i64,
}

/// The saved searches that have not yet seen listing `dernier_offre`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn recherches_en_retard(
    base: &AnyPool,
    derniere_offre: i64,
) -> Result<Vec<RechercheSuivie>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT id, demandeur_id, requete, derniere_offre FROM recherches
         WHERE derniere_offre < $1 ORDER BY id",
    )
    .bind(derniere_offre)
    .fetch_all(base)
    .await?)
}

/// Announces these new listings for this saved search, which has now seen every listing
/// up to `derniere_offre`.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn annoncer_nouvelles(
    base: &AnyPool,
    recherche: &RechercheSuivie,
    offres: &[i64],
    derniere_offre: i64,
) -> Result<(), Erreur> {
    let mut tx = super::ecriture(base).await?;
    for offre_id in offres {
        sqlx::query(
            "INSERT INTO notifications (demandeur_id, genre, offre_id, recherche_id)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(recherche.demandeur_id)
        .bind(GenreNotification::NouvelleOffre.code())
        .bind(offre_id)
        .bind(recherche.id)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE recherches SET derniere_offre = $1 WHERE id = $2")
        .bind(derniere_offre)
        .bind(recherche.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Ligne {
    id: i64,
    genre: String,
    cree_le: String,
    #[sqlx(try_from = "Drapeau")]
    lue: bool,
    offre_id: Option<i64>,
    titre_offre: Option<String>,
    candidature_id: Option<i64>,
    recherche: Option<String>,
}

fn genre(code: &str) -> Result<GenreNotification, Erreur> {
    GenreNotification::depuis_code(code)
        .ok_or_else(|| Erreur::illisible("notifications.genre", code))
}

/// An applicant's notifications, newest first, at most `max`.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn lister(
    base: &AnyPool,
    demandeur_id: i64,
    max: i64,
) -> Result<Vec<Notification>, Erreur> {
    let lignes: Vec<Ligne> = sqlx::query_as(
        "SELECT n.id, n.genre, n.cree_le, n.lue, n.offre_id, o.titre AS titre_offre,
                n.candidature_id, r.nom AS recherche
         FROM notifications n
         LEFT JOIN offres o ON o.id = n.offre_id
         LEFT JOIN recherches r ON r.id = n.recherche_id
         WHERE n.demandeur_id = $1 ORDER BY n.id DESC LIMIT $2",
    )
    .bind(demandeur_id)
    .bind(max)
    .fetch_all(base)
    .await?;
    lignes
        .into_iter()
        .map(|l| {
            Ok(Notification {
                id: l.id,
                genre: genre(&l.genre)?,
                cree_le: l.cree_le,
                lue: l.lue,
                offre_id: l.offre_id,
                titre_offre: l.titre_offre,
                candidature_id: l.candidature_id,
                recherche: l.recherche,
            })
        })
        .collect()
}

/// How many of an applicant's notifications are unread.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn non_lues(base: &AnyPool, demandeur_id: i64) -> Result<u32, Erreur> {
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE demandeur_id = $1 AND lue = 0",
    )
    .bind(demandeur_id)
    .fetch_one(base)
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Marks all of an applicant's notifications read.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn marquer_lues(base: &AnyPool, demandeur_id: i64) -> Result<(), Erreur> {
    sqlx::query("UPDATE notifications SET lue = 1 WHERE demandeur_id = $1 AND lue = 0")
        .bind(demandeur_id)
        .execute(base)
        .await?;
    Ok(())
}

/// A notification not yet e-mailed, with where to send it.
#[derive(Debug, sqlx::FromRow)]
pub struct AEnvoyer {
    pub id: i64,
    pub demandeur_id: i64,
    pub email: String,
    /// Whether the applicant keeps e-mail alerts on.
    #[sqlx(try_from = "Drapeau")]
    pub alertes: bool,
    genre: String,
    pub titre: Option<String>,
    pub recherche: Option<String>,
}

impl AEnvoyer {
    pub fn genre(&self) -> Result<GenreNotification, Erreur> {
        genre(&self.genre)
    }
}

/// Takes the oldest notifications not yet e-mailed, by applicant, at most `max`: they are
/// marked sent at `instant` in the same writing transaction, so that a round running on
/// another instance at the same moment takes others, never these. Those that could not go
/// are given back with [`rendre`]. (A crash between the two loses an e-mail, never sends
/// one twice; the notifications page still shows everything.)
#[tracing::instrument(level = "debug", skip_all)]
pub async fn reserver(base: &AnyPool, max: i64, instant: i64) -> Result<Vec<AEnvoyer>, Erreur> {
    let mut tx = super::ecriture(base).await?;
    let lignes: Vec<AEnvoyer> = sqlx::query_as(
        "SELECT n.id, n.demandeur_id, c.email, c.alertes_courriel AS alertes, n.genre,
                o.titre, r.nom AS recherche
         FROM notifications n
         JOIN demandeurs d ON d.id = n.demandeur_id
         JOIN comptes c ON c.id = d.compte_id
         LEFT JOIN offres o ON o.id = n.offre_id
         LEFT JOIN recherches r ON r.id = n.recherche_id
         WHERE n.envoyee_le IS NULL
         ORDER BY n.demandeur_id, n.id LIMIT $1",
    )
    .bind(max)
    .fetch_all(&mut *tx)
    .await?;
    for ligne in &lignes {
        sqlx::query("UPDATE notifications SET envoyee_le = $1 WHERE id = $2")
            .bind(instant.to_string())
            .bind(ligne.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(lignes)
}

/// Gives back notifications taken by [`reserver`] whose e-mail could not be sent: the next
/// round takes them again.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn rendre(base: &AnyPool, ids: &[i64]) -> Result<(), Erreur> {
    let mut tx = super::ecriture(base).await?;
    for id in ids {
        sqlx::query("UPDATE notifications SET envoyee_le = NULL WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
