//! Loading what a key designates (the search criteria in the URL), so that a page never
//! shows the answer to another key than its own: each new key aborts the request before
//! it, and each answer is kept with the key it answers.
//!
//! Leptos' `LocalResource` could show the answer to an older key when the key changed
//! twice in one gesture (a rent typed, then a box ticked at once): its refetch was lost
//! while the first answer was being delivered (issue 12, point 1). Here the request runs
//! from an effect, and what is shown is compared with the key, not trusted.

use crate::api::{Annulation, ErreurChargement, Lecture};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

/// An answer, with the key it answers.
#[derive(Debug, Clone)]
pub struct Reponse<K, T> {
    pub cle: K,
    pub resultat: Result<T, ErreurChargement>,
}

/// The answers for a key, as it changes.
pub struct Chargement<K: Send + Sync + 'static, T: Send + Sync + 'static> {
    /// The latest answer received (maybe for an older key while the new one loads).
    pub derniere: ReadSignal<Option<Reponse<K, T>>>,
    /// The key the page shows now.
    pub cle: Memo<K>,
    essai: RwSignal<u32>,
}

impl<K, T> Clone for Chargement<K, T>
where
    K: Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, T> Copy for Chargement<K, T>
where
    K: Send + Sync + 'static,
    T: Send + Sync + 'static,
{
}

impl<K, T> Chargement<K, T>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    /// Reads `lecture(key)` from the API each time `cle` changes (and on
    /// [`Self::reessayer`]); a key whose reading is `None` has nothing to load.
    pub fn selon(cle: Memo<K>, lecture: impl Fn(&K) -> Option<Lecture<T>> + 'static) -> Self {
        let (derniere, ecrire) = signal(None::<Reponse<K, T>>);
        let essai = RwSignal::new(0u32);
        Effect::new(move || {
            essai.track();
            let demandee = cle.get();
            let Some(lecture) = lecture(&demandee) else {
                return;
            };
            let annulation = Annulation::nouvelle();
            let suivie = annulation.clone();
            // Runs before the next request, and when the page is left.
            let annulation = SendWrapper::new(annulation);
            spawn_local(async move {
                let resultat = lecture.lire_annulable(suivie.clone()).await;
                if suivie.annulee() {
                    return;
                }
                if cle.with_untracked(|actuelle| *actuelle == demandee) {
                    ecrire.set(Some(Reponse {
                        cle: demandee,
                        resultat,
                    }));
                }
            });
            on_cleanup(move || annulation.annuler());
        });
        Chargement {
            derniere,
            cle,
            essai,
        }
    }

    /// The answer for the key shown now, if it has arrived.
    pub fn actuelle(&self) -> Option<Result<T, ErreurChargement>> {
        let cle = self.cle;
        self.derniere.with(|d| {
            d.as_ref()
                .filter(|r| cle.with(|c| *c == r.cle))
                .map(|r| r.resultat.clone())
        })
    }

    /// Waiting for the answer to the key shown now.
    pub fn en_cours(&self) -> bool {
        let cle = self.cle;
        self.derniere
            .with(|d| d.as_ref().is_none_or(|r| cle.with(|c| *c != r.cle)))
    }

    /// Asks again (after a failure).
    pub fn reessayer(&self) {
        self.essai.update(|n| *n += 1);
    }
}
