//! Housing programmes and their fragility class (ACI), kept by the territory; a listing's
//! programme is found from its address, as its QPV is.

use super::Erreur;
use clef_domain::adresse;
use clef_domain::fragilite::Fragilite;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LigneProgramme {
    pub id: i64,
    pub commune_id: i64,
    pub commune: String,
    pub nom: String,
    pub voie: String,
    fragilite: String,
}

impl LigneProgramme {
    pub fn fragilite(&self) -> Result<Fragilite, Erreur> {
        Fragilite::depuis_code(&self.fragilite)
            .ok_or_else(|| Erreur::Illisible(format!("fragilite = {}", self.fragilite)))
    }
}

/// The territory's programmes, by commune and name.
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id))]
pub async fn lister(base: &AnyPool, territoire_id: i64) -> Result<Vec<LigneProgramme>, Erreur> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.commune_id, c.nom AS commune, p.nom, p.voie, p.fragilite
         FROM programmes p JOIN communes c ON c.id = p.commune_id
         WHERE c.territoire_id = $1 ORDER BY c.nom, p.nom",
    )
    .bind(territoire_id)
    .fetch_all(base)
    .await?)
}

/// Every programme's class with its commune and street: to match many addresses at once.
pub struct Classes(Vec<(i64, (Fragilite, String))>);

impl Classes {
    pub async fn charger(base: &AnyPool) -> Result<Classes, Erreur> {
        let lignes: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT commune_id, fragilite, voie FROM programmes")
                .fetch_all(base)
                .await?;
        lignes
            .into_iter()
            .map(|(commune, code, voie)| {
                let classe = Fragilite::depuis_code(&code)
                    .ok_or_else(|| Erreur::Illisible(format!("fragilite = {code}")))?;
                Ok((commune, (classe, voie)))
            })
            .collect::<Result<_, _>>()
            .map(Classes)
    }

    /// The class of the programme at `adresse` in the commune, if the territory classed it.
    pub fn de(&self, commune_id: i64, adresse: &str) -> Option<Fragilite> {
        let voies: Vec<(Fragilite, String)> = self
            .0
            .iter()
            .filter(|(c, _)| *c == commune_id)
            .map(|(_, p)| p.clone())
            .collect();
        adresse::de_l_adresse(adresse, &voies).copied()
    }
}

/// Classes a programme; `None` when the commune already has one on that street (the
/// database's unique index settles two staff classing it at once).
#[tracing::instrument(level = "debug", skip_all, fields(commune_id = commune_id))]
pub async fn ajouter(
    connexion: &mut sqlx::AnyConnection,
    commune_id: i64,
    nom: &str,
    voie: &str,
    fragilite: Fragilite,
) -> Result<Option<i64>, Erreur> {
    // A programme already on that street: nothing inserted (and, on PostgreSQL, the
    // transaction still usable).
    Ok(sqlx::query_scalar(
        "INSERT INTO programmes (commune_id, nom, voie, fragilite) VALUES ($1, $2, $3, $4)
         ON CONFLICT (commune_id, voie) DO NOTHING RETURNING id",
    )
    .bind(commune_id)
    .bind(nom)
    .bind(voie)
    .bind(fragilite.code())
    .fetch_optional(connexion)
    .await?)
}

/// Removes one of the territory's programmes; false when there is no such programme.
#[tracing::instrument(level = "debug", skip_all, fields(territoire_id = territoire_id, id = id))]
pub async fn retirer(
    connexion: &mut sqlx::AnyConnection,
    territoire_id: i64,
    id: i64,
) -> Result<bool, Erreur> {
    let fait = sqlx::query(
        "DELETE FROM programmes WHERE id = $1
         AND commune_id IN (SELECT id FROM communes WHERE territoire_id = $2)",
    )
    .bind(id)
    .bind(territoire_id)
    .execute(connexion)
    .await?;
    Ok(fait.rows_affected() > 0)
}
