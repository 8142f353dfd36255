//! Recorded lettings as the social-mix targets count them: the rules crate's
//! [`Location`], read once here for the landlord's commission, their dashboard and the
//! territory's.

use super::Drapeau;
use super::Erreur;
use crate::stockage::programmes;
use clef_domain::mixite::Attribution;
use clef_domain::offre::Code;
use clef_domain::semblables::AttenteConstatee;
use clef_domain::ventilation::Location;
use sqlx::AnyPool;

#[derive(sqlx::FromRow)]
struct Ligne {
    #[sqlx(try_from = "Drapeau")]
    dans_qpv: bool,
    #[sqlx(try_from = "Drapeau")]
    premier_quartile: bool,
    #[sqlx(try_from = "Drapeau")]
    prioritaire: bool,
    relogement: Option<String>,
    reservataire: String,
    commune: String,
    commune_id: i64,
    adresse: String,
    bailleur: String,
    decide_le: String,
}

/// Every letting decided in the territory, or by one landlord's commission.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn lister(base: &AnyPool, bailleur: Option<i64>) -> Result<Vec<Location>, Erreur> {
    let lignes: Vec<Ligne> = sqlx::query_as(
        "SELECT o.qpv_id IS NOT NULL AS dans_qpv, r.premier_quartile, r.prioritaire, r.relogement,
                o.reservataire, c.nom AS commune, o.commune_id, o.adresse, b.nom AS bailleur,
                r.decide_le
         FROM resultats r JOIN offres o ON o.id = r.offre_id
         JOIN communes c ON c.id = o.commune_id JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE $1 IS NULL OR o.bailleur_id = $1",
    )
    .bind(bailleur)
    .fetch_all(base)
    .await?;
    let classes = programmes::Classes::charger(base).await?;
    lignes
        .into_iter()
        .map(|l| {
            let illisible =
                |quoi: &str, valeur: &str| Erreur::Illisible(format!("{quoi} = {valeur}"));
            Ok(Location {
                attribution: Attribution {
                    dans_qpv: l.dans_qpv,
                    premier_quartile: l.premier_quartile,
                    relogement: l
                        .relogement
                        .as_deref()
                        .map(|r| Code::depuis_code(r).ok_or_else(|| illisible("relogement", r)))
                        .transpose()?,
                    prioritaire: l.prioritaire,
                    reservataire: Code::depuis_code(&l.reservataire)
                        .ok_or_else(|| illisible("reservataire", &l.reservataire))?,
                },
                fragilite: classes.de(l.commune_id, &l.adresse),
                jour: l
                    .decide_le
                    .parse()
                    .map_err(|_| illisible("decide_le", &l.decide_le))?,
                commune: l.commune,
                bailleur: l.bailleur,
            })
        })
        .collect()
}

/// The same lettings, only what the targets count.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn attributions(
    base: &AnyPool,
    bailleur: Option<i64>,
) -> Result<Vec<Attribution>, Erreur> {
    Ok(lister(base, bailleur)
        .await?
        .into_iter()
        .map(|l| l.attribution)
        .collect())
}

/// Every letting's typology, the chosen household's filing day and the letting day: what
/// the average waiting time for similar requests is computed from.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn attentes(base: &AnyPool) -> Result<Vec<AttenteConstatee>, Erreur> {
    let depot = super::champ_json(super::Moteur::de(base), "d.dossier", "date_depot");
    let lignes: Vec<(String, Option<String>, String)> = sqlx::query_as(&format!(
        "SELECT o.typologie, {depot}, r.decide_le
         FROM resultats r JOIN offres o ON o.id = r.offre_id
         JOIN candidatures k ON k.offre_id = r.offre_id AND k.rang = r.attribue_rang
         JOIN demandeurs d ON d.id = k.demandeur_id
         ORDER BY r.offre_id"
    ))
    .fetch_all(base)
    .await?;
    lignes
        .into_iter()
        .filter_map(|(typologie, depot, decide_le)| {
            // A household whose request was since emptied tells nothing of its wait.
            let depot = depot?;
            let illisible =
                |quoi: &str, valeur: &str| Erreur::Illisible(format!("{quoi} = {valeur}"));
            Some((|| {
                Ok(AttenteConstatee {
                    typologie: Code::depuis_code(&typologie)
                        .ok_or_else(|| illisible("typologie", &typologie))?,
                    depot: depot.parse().map_err(|_| illisible("date_depot", &depot))?,
                    attribue_le: decide_le
                        .parse()
                        .map_err(|_| illisible("decide_le", &decide_le))?,
                })
            })())
        })
        .collect()
}
