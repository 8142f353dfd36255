//! The figures of a landlord's dashboard, counted by the database.

use super::Erreur;
use clef_domain::Jour;
use clef_domain::api::EtatCandidature;
use clef_domain::offre::Code;
use sqlx::AnyPool;

/// What a landlord's dashboard counts.
pub struct Chiffres {
    pub a_venir: i64,
    pub ouvertes: i64,
    pub a_classer: i64,
    pub en_commission: i64,
    pub attribuees: i64,
    /// Applications not withdrawn, and the listings that have some.
    pub candidatures: i64,
    pub offres_avec: i64,
    /// Opening and decision days of each let home.
    pub delais: Vec<(Jour, Jour)>,
    /// Answers to an attribution: refusals, and all.
    pub refus: i64,
    pub reponses: i64,
}

/// The landlord's figures on `aujourdhui`.
#[tracing::instrument(level = "debug", skip_all, fields(bailleur_id = bailleur_id))]
pub async fn du_bailleur(
    base: &AnyPool,
    bailleur_id: i64,
    aujourdhui: Jour,
) -> Result<Chiffres, Erreur> {
    let (a_venir, ouvertes, a_classer, en_commission, attribuees): (i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT
                count(*) FILTER (WHERE o.ouverture > $1),
                count(*) FILTER (WHERE o.ouverture <= $1 AND o.cloture >= $1),
                count(*) FILTER (WHERE o.cloture < $1 AND k.offre_id IS NULL),
                count(*) FILTER (WHERE k.offre_id IS NOT NULL AND r.offre_id IS NULL),
                count(*) FILTER (WHERE r.offre_id IS NOT NULL)
             FROM offres o LEFT JOIN classements k ON k.offre_id = o.id
             LEFT JOIN resultats r ON r.offre_id = o.id
             WHERE o.bailleur_id = $2",
        )
        .bind(aujourdhui.to_string())
        .bind(bailleur_id)
        .fetch_one(base)
        .await?;
    let (candidatures, offres_avec): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT c.offre_id) FROM candidatures c
         JOIN offres o ON o.id = c.offre_id
         WHERE o.bailleur_id = $1 AND c.etat != $2",
    )
    .bind(bailleur_id)
    .bind(EtatCandidature::Retiree.code())
    .fetch_one(base)
    .await?;
    let delais: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.ouverture, r.decide_le FROM resultats r JOIN offres o ON o.id = r.offre_id
         WHERE o.bailleur_id = $1",
    )
    .bind(bailleur_id)
    .fetch_all(base)
    .await?;
    let delais = delais
        .into_iter()
        .map(|(ouverture, decide)| {
            Ok((
                ouverture
                    .parse()
                    .map_err(|_| Erreur::illisible("offres.ouverture", &ouverture))?,
                decide
                    .parse()
                    .map_err(|_| Erreur::illisible("resultats.decide_le", &decide))?,
            ))
        })
        .collect::<Result<_, Erreur>>()?;
    let (refus, reponses): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE d.reponse = $1), count(d.reponse)
         FROM decisions d JOIN offres o ON o.id = d.offre_id WHERE o.bailleur_id = $2",
    )
    .bind(super::decisions::REFUSE)
    .bind(bailleur_id)
    .fetch_one(base)
    .await?;
    Ok(Chiffres {
        a_venir,
        ouvertes,
        a_classer,
        en_commission,
        attribuees,
        candidatures,
        offres_avec,
        delais,
        refus,
        reponses,
    })
}
