//! Mandates and support structures. Whether a mandate lets an advisor act is decided in
//! one place, the rules crate's [`FaitsMandat::statut`]; SQL only fetches the rows.

use super::Erreur;
use clef_domain::Jour;
use clef_domain::api::{Accompagnement, MandatVue, Structure};
use clef_domain::mandat::{Acte, Actes, CODE_ESSAIS_MAX, FaitsMandat, MandatValide, StatutMandat};
use sqlx::{AnyConnection, AnyPool};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LigneMandat {
    pub id: i64,
    pub demandeur_id: i64,
    pub numero_unique: String,
    pub structure_id: i64,
    pub structure: String,
    actes: String,
    debut: String,
    fin: String,
    confirme_a: Option<i64>,
    revoque_a: Option<i64>,
    code: Option<String>,
    code_expire_a: Option<i64>,
    pub essais: i64,
}

const COLONNES: &str = "m.id, m.demandeur_id, d.numero_unique, m.structure_id, s.nom AS structure,
    m.actes, m.debut, m.fin, m.confirme_a, m.revoque_a, m.code, m.code_expire_a, m.essais";
const JOINTURES: &str = "mandats m JOIN structures s ON s.id = m.structure_id JOIN demandeurs d ON d.id = m.demandeur_id";

fn jour(id: i64, texte: &str) -> Result<Jour, Erreur> {
    texte
        .parse()
        .map_err(|_| Erreur::Illisible(format!("mandat {id} : jour {texte}")))
}

impl LigneMandat {
    pub fn actes(&self) -> Result<Actes, Erreur> {
        let liste: Vec<Acte> = serde_json::from_str(&self.actes)
            .map_err(|e| Erreur::Illisible(format!("mandat {} : {e}", self.id)))?;
        Actes::depuis(liste).map_err(|e| Erreur::Illisible(format!("mandat {} : {e:?}", self.id)))
    }

    pub fn fin(&self) -> Result<Jour, Erreur> {
        jour(self.id, &self.fin)
    }

    /// The code of a counter-started mandate can still confirm it.
    fn code_utilisable(&self, maintenant: i64) -> bool {
        self.code.is_some()
            && self.code_expire_a.is_some_and(|a| maintenant < a)
            && self.essais < CODE_ESSAIS_MAX
    }

    pub fn statut(&self, maintenant: i64, aujourdhui: Jour) -> Result<StatutMandat, Erreur> {
        Ok(FaitsMandat {
            confirme: self.confirme_a.is_some(),
            revoque: self.revoque_a.is_some(),
            code_utilisable: self.code_utilisable(maintenant),
            fin: self.fin()?,
        }
        .statut(aujourdhui))
    }

    /// Whether `code` confirms this mandate now (compared in constant time).
    pub fn code_correspond(&self, code: &str, maintenant: i64) -> bool {
        self.code_utilisable(maintenant)
            && self.code.as_deref().is_some_and(|attendu| {
                attendu.len() == code.len()
                    && attendu
                        .bytes()
                        .zip(code.bytes())
                        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                        == 0
            })
    }

    pub fn accompagnement(&self) -> Result<Accompagnement, Erreur> {
        Ok(Accompagnement {
            numero_unique: self.numero_unique.clone(),
            mandat_id: self.id,
            fin: self.fin()?,
            actes: self.actes()?.liste().to_vec(),
        })
    }

    pub fn vue(&self, maintenant: i64, aujourdhui: Jour) -> Result<MandatVue, Erreur> {
        let statut = self.statut(maintenant, aujourdhui)?;
        Ok(MandatVue {
            id: self.id,
            structure: self.structure.clone(),
            actes: self.actes()?.liste().to_vec(),
            debut: jour(self.id, &self.debut)?,
            fin: self.fin()?,
            statut,
            code: (statut == StatutMandat::EnAttente)
                .then(|| self.code.clone())
                .flatten(),
        })
    }
}

/// An applicant's mandates, newest first.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id))]
pub async fn du_demandeur(base: &AnyPool, demandeur_id: i64) -> Result<Vec<LigneMandat>, Erreur> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLONNES} FROM {JOINTURES} WHERE m.demandeur_id = $1 ORDER BY m.id DESC"
    ))
    .bind(demandeur_id)
    .fetch_all(base)
    .await?)
}

#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn par_id(base: &AnyPool, id: i64) -> Result<Option<LigneMandat>, Erreur> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLONNES} FROM {JOINTURES} WHERE m.id = $1"
    ))
    .bind(id)
    .fetch_optional(base)
    .await?)
}

/// The mandates a structure holds (or awaits) for the applicant with this number, newest
/// first.
#[tracing::instrument(level = "debug", skip_all, fields(structure_id = structure_id))]
pub async fn de_la_structure(
    base: &AnyPool,
    structure_id: i64,
    numero_unique: &str,
) -> Result<Vec<LigneMandat>, Erreur> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLONNES} FROM {JOINTURES}
         WHERE m.structure_id = $1 AND d.numero_unique = $2 ORDER BY m.id DESC"
    ))
    .bind(structure_id)
    .bind(numero_unique)
    .fetch_all(base)
    .await?)
}

/// The structure's mandates that may still be live on `aujourdhui` (not revoked, not past
/// their last day), newest first; [`LigneMandat::statut`] says which are.
#[tracing::instrument(level = "debug", skip_all, fields(structure_id = structure_id))]
pub async fn en_cours_de_la_structure(
    base: &AnyPool,
    structure_id: i64,
    aujourdhui: Jour,
) -> Result<Vec<LigneMandat>, Erreur> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLONNES} FROM {JOINTURES}
         WHERE m.structure_id = $1 AND m.revoque_a IS NULL AND m.fin >= $2 ORDER BY m.id DESC"
    ))
    .bind(structure_id)
    .bind(aujourdhui.to_string())
    .fetch_all(base)
    .await?)
}

/// What a new mandate is made of.
pub struct NouveauMandat<'a> {
    pub demandeur_id: i64,
    pub structure_id: i64,
    pub valide: &'a MandatValide,
    pub debut: Jour,
    /// The advisor who started it at the counter.
    pub demande_par: Option<i64>,
    /// Counter-started: the one-time code and when it stops working.
    pub code: Option<(&'a str, i64)>,
}

/// Removes the structure's unconfirmed requests for this applicant (a new one replaces
/// them; never confirmed, they were never a mandate, and nothing was done under them).
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, structure_id = structure_id))]
pub async fn remplacer_demandes(
    connexion: &mut AnyConnection,
    demandeur_id: i64,
    structure_id: i64,
) -> Result<(), Erreur> {
    sqlx::query(
        "DELETE FROM mandats
         WHERE demandeur_id = $1 AND structure_id = $2 AND confirme_a IS NULL
           AND revoque_a IS NULL",
    )
    .bind(demandeur_id)
    .bind(structure_id)
    .execute(connexion)
    .await?;
    Ok(())
}

#[tracing::instrument(level = "debug", skip_all)]
pub async fn creer(
    connexion: &mut AnyConnection,
    mandat: NouveauMandat<'_>,
    maintenant: i64,
) -> Result<i64, Erreur> {
    let actes = serde_json::to_string(mandat.valide.actes.liste())
        .map_err(|e| Erreur::Ecriture(e.to_string()))?;
    Ok(sqlx::query_scalar(
        "INSERT INTO mandats (demandeur_id, structure_id, actes, debut, fin, cree_a, demande_par,
                              confirme_a, code, code_expire_a)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(mandat.demandeur_id)
    .bind(mandat.structure_id)
    .bind(actes)
    .bind(mandat.debut.to_string())
    .bind(mandat.valide.fin.to_string())
    .bind(maintenant)
    .bind(mandat.demande_par)
    .bind(mandat.code.is_none().then_some(maintenant))
    .bind(mandat.code.map(|(c, _)| c))
    .bind(mandat.code.map(|(_, a)| a))
    .fetch_one(connexion)
    .await?)
}

/// Counts a wrong code against a counter-started mandate.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn essai_manque(base: &AnyPool, id: i64) -> Result<(), Erreur> {
    sqlx::query("UPDATE mandats SET essais = essais + 1 WHERE id = $1")
        .bind(id)
        .execute(base)
        .await?;
    Ok(())
}

/// Confirms a counter-started mandate; its code is used up.
#[tracing::instrument(level = "debug", skip_all, fields(id = id))]
pub async fn confirmer(base: &AnyPool, id: i64, maintenant: i64) -> Result<(), Erreur> {
    sqlx::query(
        "UPDATE mandats SET confirme_a = $1, code = NULL, code_expire_a = NULL
         WHERE id = $2 AND confirme_a IS NULL",
    )
    .bind(maintenant)
    .bind(id)
    .execute(base)
    .await?;
    Ok(())
}

/// Ends one of the applicant's mandates (a pending one is refused the same way). Ending
/// it twice is harmless; another applicant's mandate is not found.
#[tracing::instrument(level = "debug", skip_all, fields(demandeur_id = demandeur_id, id = id))]
pub async fn revoquer(
    base: &AnyPool,
    demandeur_id: i64,
    id: i64,
    maintenant: i64,
) -> Result<bool, Erreur> {
    let trouve: Option<i64> = sqlx::query_scalar(
        "UPDATE mandats SET revoque_a = coalesce(revoque_a, $1), code = NULL
         WHERE id = $2 AND demandeur_id = $3 RETURNING id",
    )
    .bind(maintenant)
    .bind(id)
    .bind(demandeur_id)
    .fetch_optional(base)
    .await?;
    Ok(trouve.is_some())
}

/// The structures of the territory, by name.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn structures(base: &AnyPool) -> Result<Vec<Structure>, Erreur> {
    let lignes: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, nom, commune FROM structures ORDER BY nom")
            .fetch_all(base)
            .await?;
    Ok(lignes
        .into_iter()
        .map(|(id, nom, commune)| Structure { id, nom, commune })
        .collect())
}
