//! The database: an embedded SQLite file in WAL mode, migrated on start.

pub mod brouillons;
pub mod candidatures;
pub mod communes;
pub mod comptes;
pub mod decisions;
pub mod demandeurs;
mod drapeau;
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
mod requete;
pub mod resultats;
pub mod semis;
pub mod sessions;
pub mod sru;
pub mod tableau_de_bord;
pub mod territoires;
pub mod versions;

pub use drapeau::Drapeau;
pub use erreur::Erreur;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, Executor};
use std::str::FromStr;

/// The engine behind a pool, for the few things that differ (how a writing transaction
/// begins, connection settings, which migrations run).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moteur {
    Sqlite,
    Postgres,
}

impl Moteur {
    /// The engine a database URL names (`sqlite:…`, `postgres://…`), if Clef knows it.
    pub fn de_l_url(url: &str) -> Option<Moteur> {
        if url.starts_with("sqlite:") {
            Some(Moteur::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Moteur::Postgres)
        } else {
            None
        }
    }

    /// The engine behind an open pool.
    pub fn de(base: &AnyPool) -> Moteur {
        match base.connect_options().database_url.scheme() {
            "sqlite" => Moteur::Sqlite,
            _ => Moteur::Postgres,
        }
    }
}

/// SQL for the text field `champ` of the JSON object stored as text in `colonne`.
fn champ_json(moteur: Moteur, colonne: &str, champ: &str) -> String {
    match moteur {
        Moteur::Sqlite => format!("json_extract({colonne}, '$.{champ}')"),
        Moteur::Postgres => format!("(CAST({colonne} AS json) ->> '{champ}')"),
    }
}

/// SQL for the length of the array `champ` of the JSON object stored as text in `colonne`.
fn longueur_json(moteur: Moteur, colonne: &str, champ: &str) -> String {
    match moteur {
        Moteur::Sqlite => format!("json_array_length({colonne}, '$.{champ}')"),
        Moteur::Postgres => format!("json_array_length(CAST({colonne} AS json) -> '{champ}')"),
    }
}

/// The key of the advisory lock every writing transaction takes on PostgreSQL.
const VERROU_ECRITURE: i64 = 0x436c_6566; // "Clef"

/// A transaction that writes, opened as the only writer at once: what it reads stays true
/// until it commits, so no cap is exceeded, no application or decision made twice.
/// SQLite lets one writer in at a time and `BEGIN IMMEDIATE` takes that place at the start
/// instead of failing at the first write. PostgreSQL does the same with one transaction-
/// scoped advisory lock, shared by every instance on the database; statements then read
/// the latest committed rows (READ COMMITTED), and no other writer can commit meanwhile.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn ecriture(base: &AnyPool) -> Result<sqlx::Transaction<'static, sqlx::Any>, Erreur> {
    match Moteur::de(base) {
        Moteur::Sqlite => Ok(base.begin_with("BEGIN IMMEDIATE").await?),
        Moteur::Postgres => {
            let mut tx = base.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(VERROU_ECRITURE)
                .execute(&mut *tx)
                .await?;
            Ok(tx)
        }
    }
}

/// Whether the database answers.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn joignable(base: &AnyPool) -> Result<(), Erreur> {
    sqlx::query("SELECT 1").execute(base).await?;
    Ok(())
}

/// SQLite's settings for each connection: write-ahead log, fsync at checkpoints only,
/// foreign keys checked, five seconds' patience for the writer's place.
const REGLAGES_SQLITE: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

/// Opens (creating the file and its folder if needed) and migrates the database.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn ouvrir(url: &str) -> anyhow::Result<AnyPool> {
    sqlx::any::install_default_drivers();
    let moteur = Moteur::de_l_url(url)
        .ok_or_else(|| anyhow::anyhow!("CLEF_DATABASE_URL : sqlite:… ou postgres://… attendu"))?;
    let options = match moteur {
        Moteur::Sqlite => {
            let sqlite = SqliteConnectOptions::from_str(url)?.create_if_missing(true);
            if let Some(dossier) = sqlite.get_filename().parent()
                && !dossier.as_os_str().is_empty()
            {
                std::fs::create_dir_all(dossier)?;
            }
            // The Any driver reads its options from a URL: the file is created here first.
            sqlx::Connection::close(sqlx::ConnectOptions::connect(&sqlite).await?).await?;
            AnyConnectOptions::from_str(url)?
        }
        Moteur::Postgres => AnyConnectOptions::from_str(url)?,
    };
    let base = AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(move |connexion, _| {
            Box::pin(async move {
                match moteur {
                    Moteur::Sqlite => {
                        connexion.execute(REGLAGES_SQLITE).await?;
                    }
                    Moteur::Postgres => {}
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    match moteur {
        Moteur::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&base).await?,
        Moteur::Postgres => sqlx::migrate!("./migrations/postgres").run(&base).await?,
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Through the `Any` driver, SQLite's settings are run on each new connection: every
    /// connection of the pool writes ahead to the log and checks foreign keys.
    #[tokio::test]
    async fn each_sqlite_connection_has_the_wal_and_foreign_keys() {
        let dossier = tempfile::tempdir().expect("dossier");
        let url = format!(
            "sqlite:{}",
            dossier.path().join("sous/dossier/r.db").display()
        );
        let base = super::ouvrir(&url).await.expect("base");
        let mut connexions = Vec::new();
        for _ in 0..3 {
            let mut c = base.acquire().await.expect("connexion");
            let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&mut *c)
                .await
                .expect("journal");
            let cles: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&mut *c)
                .await
                .expect("clés");
            let synchrone: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut *c)
                .await
                .expect("synchronous");
            // synchronous = 1: NORMAL, fsync at checkpoints only.
            assert_eq!((journal.as_str(), cles, synchrone), ("wal", 1, 1));
            connexions.push(c);
        }
    }

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
