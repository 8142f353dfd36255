//! The logs say what an attack looks like (issue 14.7): refused log-ins, rate limiting,
//! forged requests and authorisation refusals are logged as security events, with the
//! route and the ids involved, and never with the person's e-mail or password.
//!
//! Its own test binary: the log subscriber is process-wide, and no other test runs
//! beside this one to write into it.

#[path = "api/aide.rs"]
#[allow(dead_code)]
mod aide;

use aide::{TestApp, dossier_simple};
use axum::http::StatusCode;
use clef_server::demo;
use serde_json::json;
use std::sync::{Arc, Mutex};

/// Everything logged while the guard lives, as text.
#[derive(Clone, Default)]
struct Journal(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Journal {
    fn write(&mut self, octets: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("verrou"))?
            .extend_from_slice(octets);
        Ok(octets.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Journal {
    fn texte(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("verrou")).into_owned()
    }

    fn capturer(&self) {
        let ecrivain = self.clone();
        let abonne = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::DEBUG)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .with_writer(move || ecrivain.clone())
            .finish();
        tracing::subscriber::set_global_default(abonne).expect("un seul abonné");
    }
}

fn lignes_avec<'a>(texte: &'a str, evenement: &str) -> Vec<&'a str> {
    texte
        .lines()
        .filter(|l| l.contains(&format!("evenement=\"{evenement}\"")))
        .collect()
}

#[tokio::test]
async fn attacks_are_logged_as_security_events_without_personal_data() {
    let app = TestApp::demo().await;
    let journal = Journal::default();
    journal.capturer();
    // Guessing a password until the rate limit answers.
    for _ in 0..6 {
        app.connecter(demo::AGENTS[0].0, "mauvais mot de passe secret")
            .await;
    }
    // A forged request: the session's CSRF token is not the one sent.
    let mut client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    client.csrf = Some("un-autre-jeton".into());
    let r = client
        .post("/api/v1/moi/candidatures", json!({"offre_id": 1}))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // An applicant at the landlords' door.
    let client = app.inscrire(2).await;
    let r = client.get("/api/v1/bailleur/offres/3/classement").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // An ordinary read: its span names the route and the listing's id, and the storage
    // calls under it are spans too.
    let r = client.get("/api/v1/offres/3").await;
    assert_eq!(r.status, StatusCode::OK);
    let texte = journal.texte();
    assert!(
        texte
            .lines()
            .any(|l| l.contains("route=\"/api/v1/offres/{id}\" id=3")
                && l.contains("clef_server::stockage::offres")
                && l.contains("{id=3}")),
        "{texte}"
    );
    assert!(
        !lignes_avec(&texte, "connexion_refusee").is_empty(),
        "{texte}"
    );
    assert!(
        !lignes_avec(&texte, "trop_de_tentatives").is_empty(),
        "{texte}"
    );
    // Which route, and which account (its internal id), made the request.
    let csrf = lignes_avec(&texte, "csrf_refuse");
    assert!(
        csrf.iter()
            .any(|l| l.contains("/api/v1/moi/candidatures") && l.contains("compte_id=")),
        "{texte}"
    );
    let interdit = lignes_avec(&texte, "acces_interdit");
    assert!(
        interdit.iter().any(|l| {
            l.contains("route=\"/api/v1/bailleur/offres/{id}/classement\"")
                && l.contains("compte_id=")
        }),
        "{texte}"
    );
    // Never the person: no e-mail, no password, no numéro unique, no token.
    for secret in [
        demo::AGENTS[0].0,
        "mauvais mot de passe secret",
        "un-autre-jeton",
        "@",
    ] {
        assert!(
            !texte.contains(secret),
            "« {secret} » est dans les journaux"
        );
    }
}
