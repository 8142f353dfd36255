//! The database: an embedded SQLite file in WAL mode, migrated on start.

pub mod brouillons;
pub mod candidatures;
pub mod communes;
pub mod comptes;
pub mod decisions;
pub mod demandeurs;
pub mod echecs_connexion;
mod erreur;
pub mod grilles;
pub mod images;
pub mod journal;
pub mod locations;
pub mod mandats;
pub mod notifications;
pub mod offres;
pub mod programmes;
pub mod projets;
pub mod qpv;
pub mod recherches;
pub mod reinitialisations;
pub mod resultats;
pub mod semis;
pub mod sessions;
pub mod sru;
pub mod tableau_de_bord;
pub mod territoires;
pub mod versions;

pub use erreur::Erreur;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// A transaction that writes, opened as a writer at once: what it reads stays true until
/// it commits (SQLite lets one writer in at a time; `BEGIN IMMEDIATE` takes that place
/// at the start instead of failing at the first write).
#[tracing::instrument(level = "debug", skip_all)]
pub async fn ecriture(
    base: &SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, Erreur> {
    Ok(base.begin_with("BEGIN IMMEDIATE").await?)
}

/// Whether the database answers.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn joignable(base: &SqlitePool) -> Result<(), Erreur> {
    sqlx::query("SELECT 1").execute(base).await?;
    Ok(())
}

/// Opens (creating the file and its folder if needed) and migrates the database.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn ouvrir(url: &str) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    if let Some(dossier) = options.get_filename().parent()
        && !dossier.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dossier)?;
    }
    let base = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&base).await?;
    Ok(base)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn sources(dossier: &Path, trouvees: &mut Vec<std::path::PathBuf>) {
        for entree in std::fs::read_dir(dossier).expect("src") {
            let chemin = entree.expect("entrée").path();
            if chemin.is_dir() {
                sources(&chemin, trouvees);
            } else if chemin.extension().is_some_and(|e| e == "rs") {
                trouvees.push(chemin);
            }
        }
    }

    /// `stockage/` is the only module that knows SQL (issue 14.3): a second database
    /// engine is a change in one place. Nor does any other module spell a stored state:
    /// states are the rules crate's codes.
    #[test]
    fn no_sql_and_no_stored_state_outside_the_storage_layer() {
        let racine = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut fichiers = Vec::new();
        sources(&racine, &mut fichiers);
        let interdits = [
            "sqlx::query",
            "QueryBuilder",
            "begin_with(",
            "'deposee'",
            "'retiree'",
            "'classee'",
            "'presentee'",
            "'attribuee'",
            "'non_retenue'",
        ];
        let mut fautes = Vec::new();
        for fichier in fichiers
            .iter()
            .filter(|f| !f.starts_with(racine.join("stockage")))
        {
            let texte = std::fs::read_to_string(fichier).expect("lecture");
            for interdit in interdits {
                if texte.contains(interdit) {
                    fautes.push(format!("{} : {interdit}", fichier.display()));
                }
            }
        }
        assert!(fichiers.len() > 50, "{} fichiers lus", fichiers.len());
        assert!(fautes.is_empty(), "{fautes:#?}");
    }
}
#[cfg(test)]
mod plans;
