//! Applicants' requests ("Mon dossier"), stored as the JSON of the form, checked by the
//! rules crate on the way in and on the way out.

use super::Erreur;
use clef_domain::demande::{Demande, DemandeSaisie};
use sqlx::AnyConnection;
use sqlx::AnyPool;

/// The saved form, if any.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn saisie(
    base: impl sqlx::AnyExecutor<'_>,
    demandeur_id: i64,
) -> Result<Option<DemandeSaisie>, Erreur> {
    let contenu: Option<Option<String>> =
        sqlx::query_scalar("SELECT dossier FROM demandeurs WHERE id = $1")
            .bind(demandeur_id)
            .fetch_optional(base)
            .await?;
    contenu
        .flatten()
        .map(|c| {
            serde_json::from_str(&c)
                .map_err(|e| Erreur::Illisible(format!("dossier {demandeur_id} : {e}")))
        })
        .transpose()
}

/// The checked request, if the form was saved.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn demande(
    base: impl sqlx::AnyExecutor<'_>,
    demandeur_id: i64,
) -> Result<Option<Demande>, Erreur> {
    saisie(base, demandeur_id)
        .await?
        .map(|s| valider_stockee(demandeur_id, s))
        .transpose()
}

/// The request behind an application, read inside the caller's transaction.
#[tracing::instrument(level = "debug", skip_all, fields(candidature_id = candidature_id))]
pub async fn demande_de_candidature(
    connexion: &mut AnyConnection,
    candidature_id: i64,
) -> Result<Option<Demande>, Erreur> {
    let ligne: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT d.id, d.dossier FROM candidatures c JOIN demandeurs d ON d.id = c.demandeur_id
         WHERE c.id = $1",
    )
    .bind(candidature_id)
    .fetch_optional(connexion)
    .await?;
    let Some((demandeur_id, Some(contenu))) = ligne else {
        return Ok(None);
    };
    let saisie = serde_json::from_str(&contenu)
        .map_err(|e| Erreur::Illisible(format!("dossier {demandeur_id} : {e}")))?;
    valider_stockee(demandeur_id, saisie).map(Some)
}

pub fn valider_stockee(demandeur_id: i64, saisie: DemandeSaisie) -> Result<Demande, Erreur> {
    Demande::depuis_saisie(saisie)
        .map_err(|e| Erreur::Illisible(format!("dossier {demandeur_id} : {e:?}")))
}

/// Writes a form that the rules crate accepted.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn enregistrer(
    connexion: &mut AnyConnection,
    demandeur_id: i64,
    saisie: &DemandeSaisie,
    maj_le: &str,
) -> Result<(), Erreur> {
    let contenu = serde_json::to_string(saisie)
        .map_err(|e| Erreur::Ecriture(format!("dossier en JSON : {e}")))?;
    sqlx::query("UPDATE demandeurs SET dossier = $1, dossier_maj_le = $2 WHERE id = $3")
        .bind(contenu)
        .bind(maj_le)
        .bind(demandeur_id)
        .execute(connexion)
        .await?;
    Ok(())
}

/// The open requests of households of `personnes` people (`personnes` or more when
/// `et_plus`), other than `sauf`: saved, and not yet let a home through Clef. A stored
/// request the rules crate no longer accepts is left out and logged, so that one bad row
/// never hides the figures from everyone else.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn ouvertes_de_taille(
    base: &AnyPool,
    personnes: usize,
    et_plus: bool,
    sauf: i64,
) -> Result<Vec<Demande>, Erreur> {
    let personnes = i64::try_from(personnes).unwrap_or(i64::MAX);
    let membres = super::longueur_json(super::Moteur::de(base), "d.dossier", "membres");
    let lignes: Vec<(i64, String)> = sqlx::query_as(&format!(
        "SELECT d.id, d.dossier FROM demandeurs d
         WHERE d.dossier IS NOT NULL AND d.id != $1
           AND ({membres} = $2 OR ($3 AND {membres} > $2))
           AND NOT EXISTS (
               SELECT 1 FROM resultats r JOIN candidatures k
                 ON k.offre_id = r.offre_id AND k.rang = r.attribue_rang
               WHERE k.demandeur_id = d.id)"
    ))
    .bind(sauf)
    .bind(personnes)
    .bind(et_plus)
    .fetch_all(base)
    .await?;
    Ok(lignes
        .into_iter()
        .filter_map(|(id, contenu)| {
            let lue = serde_json::from_str::<DemandeSaisie>(&contenu)
                .map_err(|e| Erreur::Illisible(format!("dossier {id} : {e}")))
                .and_then(|s| valider_stockee(id, s));
            match lue {
                Ok(demande) => Some(demande),
                Err(e) => {
                    tracing::warn!("demande semblable ignorée : {e:?}");
                    None
                }
            }
        })
        .collect())
}

/// The applicant holding this numéro unique, if any.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn par_numero(base: &AnyPool, numero_unique: &str) -> Result<Option<i64>, Erreur> {
    Ok(
        sqlx::query_scalar("SELECT id FROM demandeurs WHERE numero_unique = $1")
            .bind(numero_unique)
            .fetch_optional(base)
            .await?,
    )
}

/// The e-mail address of an applicant's account.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn email(base: &AnyPool, demandeur_id: i64) -> Result<Option<String>, Erreur> {
    Ok(sqlx::query_scalar(
        "SELECT c.email FROM demandeurs d JOIN comptes c ON c.id = d.compte_id WHERE d.id = $1",
    )
    .bind(demandeur_id)
    .fetch_optional(base)
    .await?)
}
