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

impl TestApp {
    /// With the demonstration data and no built app.
    pub async fn demo() -> TestApp {
        TestApp::construire(true, None).await
    }

    pub async fn construire(avec_demo: bool, dist: Option<PathBuf>) -> TestApp {
        let dossier = tempfile::tempdir().expect("dossier temporaire");
        let url = format!("sqlite:{}", dossier.path().join("clef.db").display());
        let base = stockage::ouvrir(&url).await.expect("base de test");
        if avec_demo {
            demo::semer(&base, AUJOURDHUI).await.expect("semis");
        }
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
