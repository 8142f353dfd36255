//! Demonstration data (*données de démonstration*): the Béthune-Bruay territory with real
//! commune and QPV names, and invented landlords, addresses and listings. Every listing is
//! flagged `demo`, and the app says so. Seeding is idempotent: a second run adds nothing.

mod conseillers;
mod demandeurs;
mod generation;
mod territoire;

pub use conseillers::{CONSEILLERS, SECRET_TOTP_DEMO, STRUCTURES};
pub use demandeurs::{AGENTS, COMPTES, MENAGES, MOT_DE_PASSE, NUMERO_DEMO};
pub use generation::{OffreDemo, offres_demo};
pub use territoire::{BAILLEURS, COMMUNES, INVENTAIRES_SRU, PROGRAMMES, TERRITOIRE};

use clef_domain::Jour;
use sqlx::SqlitePool;

/// What a seeding run added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Semis {
    pub offres_ajoutees: u64,
    /// The demo accounts and applications were added (first run only).
    pub demandeurs_ajoutes: bool,
}

/// Fills the database with the demonstration data, windows placed around `aujourdhui`.
pub async fn semer(base: &SqlitePool, aujourdhui: Jour) -> anyhow::Result<Semis> {
    let mut tx = base.begin().await?;
    let (slug, nom) = TERRITOIRE;
    sqlx::query("INSERT INTO territoires (slug, nom) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
        .bind(slug)
        .bind(nom)
        .execute(&mut *tx)
        .await?;
    let territoire_id: i64 = sqlx::query_scalar("SELECT id FROM territoires WHERE slug = ?")
        .bind(slug)
        .fetch_one(&mut *tx)
        .await?;
    for commune in COMMUNES {
        sqlx::query(
            "INSERT INTO communes (territoire_id, slug, nom, zone) VALUES (?, ?, ?, 'autres_regions')
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(territoire_id)
        .bind(commune.slug)
        .bind(commune.nom)
        .execute(&mut *tx)
        .await?;
        for qpv in commune.qpv {
            sqlx::query(
                "INSERT INTO qpv (commune_id, nom) SELECT id, ? FROM communes WHERE slug = ?
                 ON CONFLICT (commune_id, nom) DO NOTHING",
            )
            .bind(qpv)
            .bind(commune.slug)
            .execute(&mut *tx)
            .await?;
            let voies = territoire::QPV_VOIES
                .iter()
                .filter(|(nom, _)| nom == qpv)
                .flat_map(|(_, voies)| voies.iter());
            for voie in voies {
                sqlx::query(
                    "INSERT INTO qpv_voies (qpv_id, voie)
                     SELECT q.id, ? FROM qpv q JOIN communes c ON c.id = q.commune_id
                     WHERE c.slug = ? AND q.nom = ? ON CONFLICT DO NOTHING",
                )
                .bind(voie)
                .bind(commune.slug)
                .bind(qpv)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    for (slug, nom) in BAILLEURS {
        sqlx::query(
            "INSERT INTO bailleurs (territoire_id, slug, nom) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(territoire_id)
        .bind(slug)
        .bind(nom)
        .execute(&mut *tx)
        .await?;
    }
    crate::stockage::grilles::publier(
        &mut tx,
        territoire_id,
        &clef_domain::cotation::grille_bethune(),
    )
    .await?;
    let parametres =
        serde_json::to_string(&clef_domain::territoire::ParametresTerritoire::bethune_demo())
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query("INSERT INTO parametres_territoire (territoire_id, contenu) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(territoire_id)
        .bind(parametres)
        .execute(&mut *tx)
        .await?;
    for (commune, nom, voie, fragilite) in territoire::PROGRAMMES {
        sqlx::query(
            "INSERT INTO programmes (commune_id, nom, voie, fragilite)
             SELECT id, ?, ?, ? FROM communes WHERE slug = ? ON CONFLICT DO NOTHING",
        )
        .bind(nom)
        .bind(voie)
        .bind(fragilite)
        .bind(commune)
        .execute(&mut *tx)
        .await?;
    }
    for (commune, annee, ls, rp, taux) in territoire::INVENTAIRES_SRU {
        sqlx::query(
            "INSERT INTO sru (commune_id, annee, logements_sociaux, residences_principales, taux_obligation)
             SELECT id, ?, ?, ?, ? FROM communes WHERE slug = ? ON CONFLICT DO NOTHING",
        )
        .bind(annee)
        .bind(ls)
        .bind(rp)
        .bind(taux)
        .bind(commune)
        .execute(&mut *tx)
        .await?;
    }
    let mut semis = Semis::default();
    for offre in offres_demo(aujourdhui) {
        if inserer_offre(&mut tx, &offre).await? {
            semis.offres_ajoutees += 1;
        }
    }
    tx.commit().await?;
    semis.demandeurs_ajoutes = demandeurs::semer(base, aujourdhui)
        .await
        .map_err(|e| anyhow::anyhow!("demandeurs de démonstration : {e}"))?;
    conseillers::lier(base, territoire_id)
        .await
        .map_err(|e| anyhow::anyhow!("conseillers de démonstration : {e}"))?;
    // The demo's past is not news: only what happens after reaches inboxes.
    sqlx::query("UPDATE notifications SET envoyee_le = cree_le WHERE envoyee_le IS NULL")
        .execute(base)
        .await?;
    Ok(semis)
}

/// Inserts a listing and its photos unless its reference is already there.
async fn inserer_offre(
    tx: &mut sqlx::SqliteConnection,
    o: &OffreDemo,
) -> Result<bool, sqlx::Error> {
    use clef_domain::offre::Code;
    let inseree = sqlx::query(
        "INSERT INTO offres (reference, bailleur_id, commune_id, qpv_id, titre, adresse, description,
            typologie, pieces, surface_dixiemes, etage, ascenseur, accessible_pmr, loyer_centimes,
            charges_centimes, financement, dpe, reservataire, ouverture, cloture, demo)
         SELECT ?, b.id, c.id, (SELECT q.id FROM qpv q WHERE q.commune_id = c.id AND q.nom = ?),
            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1
         FROM bailleurs b, communes c WHERE b.slug = ? AND c.slug = ?
         ON CONFLICT (reference) DO NOTHING",
    )
    .bind(&o.reference)
    .bind(o.qpv)
    .bind(&o.titre)
    .bind(&o.adresse)
    .bind(&o.description)
    .bind(o.typologie.code())
    .bind(i64::from(o.typologie.pieces()))
    .bind(i64::from(o.surface.dixiemes()))
    .bind(i64::from(o.etage))
    .bind(o.ascenseur)
    .bind(o.accessible_pmr)
    .bind(o.loyer.centimes())
    .bind(o.charges.centimes())
    .bind(o.financement.code())
    .bind(o.dpe.code())
    .bind(o.reservataire.code())
    .bind(o.fenetre.ouverture().to_string())
    .bind(o.fenetre.cloture().to_string())
    .bind(o.bailleur)
    .bind(o.commune)
    .execute(&mut *tx)
    .await?;
    if inseree.rows_affected() == 0 {
        return Ok(false);
    }
    let offre_id = inseree.last_insert_rowid();
    for (rang, photo) in o.photos.iter().enumerate() {
        sqlx::query(
            "INSERT INTO photos (offre_id, rang, url, texte_alternatif) VALUES (?, ?, ?, ?)",
        )
        .bind(offre_id)
        .bind(rang as i64)
        .bind(photo.url)
        .bind(photo.texte_alternatif)
        .execute(&mut *tx)
        .await?;
    }
    Ok(true)
}
