//! Applicants' requests ("Mon dossier"), stored as the JSON of the form, checked by the
//! rules crate on the way in and on the way out.

use crate::probleme::ErreurApi;
use clef_domain::demande::{Demande, DemandeSaisie};
use sqlx::SqliteConnection;
use sqlx::SqlitePool;

/// The saved form, if any.
pub async fn saisie(
    base: &SqlitePool,
    demandeur_id: i64,
) -> Result<Option<DemandeSaisie>, ErreurApi> {
    let contenu: Option<Option<String>> =
        sqlx::query_scalar("SELECT dossier FROM demandeurs WHERE id = ?")
            .bind(demandeur_id)
            .fetch_optional(base)
            .await?;
    contenu
        .flatten()
        .map(|c| {
            serde_json::from_str(&c)
                .map_err(|e| ErreurApi::DonneeIllisible(format!("dossier {demandeur_id} : {e}")))
        })
        .transpose()
}

/// The checked request, if the form was saved.
pub async fn demande(base: &SqlitePool, demandeur_id: i64) -> Result<Option<Demande>, ErreurApi> {
    saisie(base, demandeur_id)
        .await?
        .map(|s| valider_stockee(demandeur_id, s))
        .transpose()
}

pub fn valider_stockee(demandeur_id: i64, saisie: DemandeSaisie) -> Result<Demande, ErreurApi> {
    Demande::depuis_saisie(saisie)
        .map_err(|e| ErreurApi::DonneeIllisible(format!("dossier {demandeur_id} : {e:?}")))
}

/// Writes a form that the rules crate accepted.
pub async fn enregistrer(
    connexion: &mut SqliteConnection,
    demandeur_id: i64,
    saisie: &DemandeSaisie,
    maj_le: &str,
) -> Result<(), ErreurApi> {
    let contenu = serde_json::to_string(saisie)
        .map_err(|e| ErreurApi::Interne(format!("dossier en JSON : {e}")))?;
    sqlx::query("UPDATE demandeurs SET dossier = ?, dossier_maj_le = ? WHERE id = ?")
        .bind(contenu)
        .bind(maj_le)
        .bind(demandeur_id)
        .execute(connexion)
        .await?;
    Ok(())
}
