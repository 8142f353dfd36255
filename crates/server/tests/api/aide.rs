//! `TestApp`: the application on a fresh database, with the clock stopped on a known day.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use clef_domain::Jour;
use clef_server::{Etat, HorlogeFixe, application, demo, stockage};
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use sqlx::SqlitePool;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

/// The day the test clock shows; the demo windows are placed around it.
pub const AUJOURDHUI: Jour = clef_domain::jour!(2026, 11, 22);

pub struct TestApp {
    pub app: Router,
    pub base: SqlitePool,
    _dossier: tempfile::TempDir,
}

pub struct Reponse {
    pub status: StatusCode,
    pub entetes: HeaderMap,
    pub corps: Vec<u8>,
}

impl Reponse {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.corps).unwrap_or_else(|e| {
            panic!(
                "JSON illisible ({e}) : {}",
                String::from_utf8_lossy(&self.corps)
            )
        })
    }

    pub fn type_contenu(&self) -> &str {
        self.entetes
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// A database seeded with the demo data once per test run; each test gets its own copy
/// (seeding takes most of a test's time otherwise).
async fn modele_demo() -> &'static PathBuf {
    static MODELE: tokio::sync::OnceCell<PathBuf> = tokio::sync::OnceCell::const_new();
    MODELE
        .get_or_init(|| async {
            let dossier = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
            let chemin = dossier.join(format!("modele-demo-{}.db", std::process::id()));
            // Templates of earlier runs (older code) are never reused.
            if let Ok(entrees) = std::fs::read_dir(&dossier) {
                for e in entrees.flatten() {
                    if e.file_name().to_string_lossy().starts_with("modele-demo-") {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
            let base = stockage::ouvrir(&format!("sqlite:{}", chemin.display()))
                .await
                .expect("base modèle");
            demo::semer(&base, AUJOURDHUI).await.expect("semis");
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&base)
                .await
                .expect("checkpoint");
            base.close().await;
            chemin
        })
        .await
}

impl TestApp {
    /// With the demonstration data and no built app.
    pub async fn demo() -> TestApp {
        TestApp::construire(true, None).await
    }

    pub async fn construire(avec_demo: bool, dist: Option<PathBuf>) -> TestApp {
        let dossier = tempfile::tempdir().expect("dossier temporaire");
        let fichier = dossier.path().join("clef.db");
        if avec_demo {
            std::fs::copy(modele_demo().await, &fichier).expect("copie du modèle");
        }
        let url = format!("sqlite:{}", fichier.display());
        let base = stockage::ouvrir(&url).await.expect("base de test");
        let app = application(
            Etat {
                base: base.clone(),
                horloge: Arc::new(HorlogeFixe::new(AUJOURDHUI)),
                cookies_securises: false,
            },
            dist,
        );
        TestApp {
            app,
            base,
            _dossier: dossier,
        }
    }

    pub async fn get(&self, uri: &str) -> Reponse {
        self.requete(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn requete(&self, requete: Request<Body>) -> Reponse {
        let reponse = self.app.clone().oneshot(requete).await.expect("réponse");
        let status = reponse.status();
        let entetes = reponse.headers().clone();
        let corps = reponse
            .into_body()
            .collect()
            .await
            .expect("corps")
            .to_bytes()
            .to_vec();
        Reponse {
            status,
            entetes,
            corps,
        }
    }
}
