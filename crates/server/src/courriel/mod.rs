//! E-mails: a real SMTP client (lettre) to the configured server, or, in demo mode and in
//! tests, each message written as an `.eml` file in a folder, which people and tests read.

pub mod alertes;
pub mod textes;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

/// Where e-mails go.
#[derive(Clone)]
pub enum Courrier {
    /// An SMTP server (`CLEF_SMTP_URL`, e.g. `smtps://user:password@smtp.example.org`).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in a folder (`data/courriels/` in demo mode).
    Dossier(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum ErreurCourrier {
    #[error("adresse : {0}")]
    Adresse(#[from] lettre::address::AddressError),
    #[error("message : {0}")]
    Message(#[from] lettre::error::Error),
    #[error("SMTP : {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("fichier : {0}")]
    Fichier(#[from] lettre::transport::file::Error),
    #[error("dossier des courriels : {0}")]
    Dossier(#[from] std::io::Error),
}

/// Where e-mails go, who sends them, and the address of the app their links lead to.
#[derive(Clone)]
pub struct Poste {
    pub courrier: Courrier,
    /// `Clef <ne-pas-repondre@example.org>`.
    pub expediteur: String,
    /// The app's public address, without a final `/` (`https://clef.example.org`).
    pub url_publique: String,
}

impl Poste {
    /// Writes e-mails as files in `dossier`: the demo and the tests.
    pub fn dossier(dossier: impl Into<PathBuf>, url_publique: &str) -> Poste {
        Poste {
            courrier: Courrier::dossier(dossier),
            expediteur: EXPEDITEUR_DEFAUT.to_owned(),
            url_publique: url_publique.trim_end_matches('/').to_owned(),
        }
    }

    pub async fn envoyer(&self, courriel: Courriel) -> Result<(), ErreurCourrier> {
        self.courrier.envoyer(&self.expediteur, courriel).await
    }

    /// A link into the app.
    pub fn lien(&self, chemin: &str) -> String {
        format!("{}{chemin}", self.url_publique)
    }
}

/// The sender when none is configured.
pub const EXPEDITEUR_DEFAUT: &str = "Clef <ne-pas-repondre@clef.invalid>";

/// A message to send: to whom, about what, in plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Courriel {
    pub a: String,
    pub objet: String,
    pub texte: String,
}

impl Courrier {
    /// The SMTP server of a URL (`smtp://host:587?tls=required`, `smtps://user:pw@host`).
    pub fn smtp(url: &str) -> Result<Courrier, ErreurCourrier> {
        Ok(Courrier::Smtp(
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build(),
        ))
    }

    pub fn dossier(dossier: impl Into<PathBuf>) -> Courrier {
        Courrier::Dossier(dossier.into())
    }

    /// Sends `courriel` from `expediteur` (`Clef <ne-pas-repondre@example.org>`).
    pub async fn envoyer(
        &self,
        expediteur: &str,
        courriel: Courriel,
    ) -> Result<(), ErreurCourrier> {
        // Lines end in CRLF, as e-mail wants. A file is read by people and tests: plain
        // UTF-8 (8 bits) rather than quoted-printable, which cuts long links; SMTP lets
        // lettre choose what any server accepts.
        let texte = courriel.texte.replace("\r\n", "\n").replace('\n', "\r\n");
        let corps = match self {
            // Our texts' lines are far under the 998 bytes 8 bits allow (lettre's check
            // stops at 78, which a reset link exceeds).
            Courrier::Dossier(_) if texte.lines().all(|l| l.len() < 998) => {
                Body::dangerous_pre_encoded(texte.into_bytes(), ContentTransferEncoding::EightBit)
            }
            Courrier::Dossier(_) | Courrier::Smtp(_) => Body::new(texte),
        };
        let message = Message::builder()
            .from(expediteur.parse::<Mailbox>()?)
            .to(courriel.a.parse::<Mailbox>()?)
            .subject(courriel.objet)
            .message_id(None)
            .header(ContentType::TEXT_PLAIN)
            .body(corps)?;
        match self {
            Courrier::Smtp(smtp) => {
                smtp.send(message).await?;
            }
            Courrier::Dossier(dossier) => {
                tokio::fs::create_dir_all(dossier).await?;
                AsyncFileTransport::<Tokio1Executor>::new(dossier)
                    .send(message)
                    .await?;
            }
        }
        Ok(())
    }
}
