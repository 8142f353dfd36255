//! One way to show what a page loads: a skeleton while it comes, the page once it is
//! there, and a failure said once, the same everywhere ([`EtatErreur`], with its retry and
//! its way back to the log-in page). The request is stopped when the page is left, or
//! when what it depends on changes (a route parameter read in `requete`) before it
//! answers.

use crate::api::{Annulation, ErreurChargement};
use crate::components::{Chargement, EtatErreur};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::future::Future;

/// Loads with `requete` and shows `vue` of the answer; `vue` gets a callback that loads
/// again (after a change the page made).
pub fn charger<T, Fu, V>(
    requete: impl Fn(Annulation) -> Fu + 'static,
    vue: impl Fn(T, Callback<()>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fu: Future<Output = Result<T, ErreurChargement>> + 'static,
    V: IntoView + 'static,
{
    charger_ou(requete, vue, |_| None)
}

/// Like [`charger`], with the page's own view of some failures (`autrement` gives it, or
/// `None` for the usual one): a request that is not complete yet, say.
pub fn charger_ou<T, Fu, V>(
    requete: impl Fn(Annulation) -> Fu + 'static,
    vue: impl Fn(T, Callback<()>) -> V + Send + Sync + 'static,
    autrement: impl Fn(&ErreurChargement) -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fu: Future<Output = Result<T, ErreurChargement>> + 'static,
    V: IntoView + 'static,
{
    let (reponse, ecrire) = signal(None::<Result<T, ErreurChargement>>);
    let essai = RwSignal::new(0u32);
    Effect::new(move || {
        essai.track();
        let annulation = Annulation::nouvelle();
        let attente = requete(annulation.clone());
        let suivie = annulation.clone();
        spawn_local(async move {
            let resultat = attente.await;
            if !suivie.annulee() {
                ecrire.set(Some(resultat));
            }
        });
        // Runs before the next request, and when the page is left.
        let annulation = SendWrapper::new(annulation);
        on_cleanup(move || annulation.annuler());
    });
    let recharger = Callback::new(move |()| essai.update(|n| *n += 1));
    // A page the server rendered first shows the app's own once it has its answer.
    crate::premier_rendu::remplacer_quand(move || reponse.with(Option::is_some));
    move || match reponse.get() {
        None => view! { <Chargement /> }.into_any(),
        Some(Ok(t)) => vue(t, recharger).into_any(),
        Some(Err(erreur)) => autrement(&erreur)
            .unwrap_or_else(|| view! { <EtatErreur erreur reessayer=recharger /> }.into_any()),
    }
}
