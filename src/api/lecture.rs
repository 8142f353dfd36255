//! A `GET` of the typed client: its path is written once, in the client, and the page
//! chooses how to run it (plainly, or stopped when the page is left).

use super::ErreurChargement;
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// What a `GET` answers: a `T`.
#[must_use = "a Lecture does nothing until it is read"]
pub struct Lecture<T> {
    chemin: String,
    reponse: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Lecture<T> {
    pub(super) fn new(chemin: String) -> Self {
        Lecture {
            chemin,
            reponse: PhantomData,
        }
    }

    /// Reads the answer.
    pub async fn lire(self) -> Result<T, ErreurChargement> {
        super::obtenir_annulable(&self.chemin, None).await
    }

    /// Reads the answer, unless `annulation` stops it first (the page was left, a newer
    /// request replaced it): the browser then drops the request.
    pub async fn lire_annulable(self, annulation: Annulation) -> Result<T, ErreurChargement> {
        let signal = annulation.0.as_ref().map(|a| a.signal());
        super::obtenir_annulable(&self.chemin, signal.as_ref()).await
    }
}

/// A way to stop requests under way (an `AbortController`).
#[derive(Clone)]
pub struct Annulation(Option<web_sys::AbortController>);

impl Annulation {
    pub fn nouvelle() -> Self {
        Annulation(web_sys::AbortController::new().ok())
    }

    /// Stops the requests run with it.
    pub fn annuler(&self) {
        if let Some(a) = &self.0 {
            a.abort();
        }
    }

    /// Whether it was stopped (an answer that arrives after is dropped).
    pub fn annulee(&self) -> bool {
        self.0.as_ref().is_some_and(|a| a.signal().aborted())
    }
}
