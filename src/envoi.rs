//! One way to submit a form or run a mutation: a Leptos [`Action`] that sends one request
//! at a time, clears what the last attempt said before the next one, puts each field error
//! next to its field and says any other failure in one alert. The pages that use it keep
//! no "already sending?" flag of their own.

use crate::api::ErreurChargement;
use crate::components::message_echec;
use crate::i18n::*;
use clef_domain::ErreurChamp;
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

/// A form's sending.
pub struct Envoi<E: 'static> {
    action: Action<E, bool>,
    /// Whether a sending is under way (made once: `Action::pending` builds a new memo at
    /// each call).
    en_cours: Memo<bool>,
    /// The field errors of the last attempt, each shown next to its field.
    pub erreurs: RwSignal<Vec<ErreurChamp>>,
    /// What the last attempt said otherwise, in one alert.
    pub message: RwSignal<Option<String>>,
}

impl<E: 'static> Clone for Envoi<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: 'static> Copy for Envoi<E> {}

impl<E: Clone + 'static> Envoi<E> {
    /// `envoyer` sends; `reussite` takes the answer. A failure's field errors go next to
    /// their fields, anything else in the alert in plain words.
    pub fn new<S, F, Fu, R>(envoyer: F, reussite: R) -> Self
    where
        S: 'static,
        F: Fn(E) -> Fu + 'static,
        Fu: Future<Output = Result<S, ErreurChargement>> + 'static,
        R: Fn(S) + 'static,
    {
        Self::avec_message(envoyer, reussite, |_| None)
    }

    /// For a button with no fields of its own (revoke, withdraw, rank…): every failure is
    /// said in the one alert, in the server's own words when it gave some.
    pub fn sans_champ<S, F, Fu, R>(envoyer: F, reussite: R) -> Self
    where
        S: 'static,
        F: Fn(E) -> Fu + 'static,
        Fu: Future<Output = Result<S, ErreurChargement>> + 'static,
        R: Fn(S) + 'static,
    {
        let i18n = use_i18n();
        Self::avec_message(envoyer, reussite, move |e| {
            Some(message_echec(i18n, e.clone()))
        })
    }

    /// Like [`Envoi::new`], with the page's own words for some failures: `message` gives
    /// the alert's text, or `None` for the usual one.
    pub fn avec_message<S, F, Fu, R, M>(envoyer: F, reussite: R, message: M) -> Self
    where
        S: 'static,
        F: Fn(E) -> Fu + 'static,
        Fu: Future<Output = Result<S, ErreurChargement>> + 'static,
        R: Fn(S) + 'static,
        M: Fn(&ErreurChargement) -> Option<String> + 'static,
    {
        let i18n = use_i18n();
        let erreurs = RwSignal::new(Vec::new());
        let alerte = RwSignal::new(None::<String>);
        let envoyer = Rc::new(envoyer);
        let reussite = Rc::new(reussite);
        let message = Rc::new(message);
        let action = Action::new_local(move |entree: &E| {
            let (envoyer, reussite, message) = (envoyer.clone(), reussite.clone(), message.clone());
            let entree = entree.clone();
            async move {
                match envoyer(entree).await {
                    Ok(reponse) => {
                        reussite(reponse);
                        true
                    }
                    Err(e) => {
                        let champs = e.champs();
                        let texte = message(&e);
                        if !champs.is_empty() {
                            erreurs.set(champs);
                            alerte.set(texte);
                        } else {
                            alerte.set(Some(texte.unwrap_or_else(|| message_echec(i18n, e))));
                        }
                        false
                    }
                }
            }
        });
        Envoi {
            action,
            en_cours: action.pending(),
            erreurs,
            message: alerte,
        }
    }

    /// Sends `entree`, unless a sending is under way (a second tap does nothing). What the
    /// last attempt said is cleared first: no stale error stays next to a corrected field.
    pub fn soumettre(&self, entree: E) {
        if self.en_cours.get_untracked() {
            return;
        }
        self.erreurs.set(Vec::new());
        self.message.set(None);
        self.action.dispatch_local(entree);
    }

    /// Whether a sending is under way (the button says so and ignores taps).
    pub fn en_cours(&self) -> Memo<bool> {
        self.en_cours
    }
}
