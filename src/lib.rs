//! # clef: the app
//!
//! A Leptos single-page app, French first, phone first. `App` holds the router; one module
//! per page under [`pages`] (named after its URL), shared widgets under [`components`].
//! Every string goes through the generated [`i18n`] module (`locales/fr.json`).

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
pub mod components;
pub mod format;
pub mod langue;
pub mod libelles;
pub mod pages;
pub mod saisie;
pub mod session;

use components::{Entete, LienEvitement, Pied};
use i18n::{I18nContextProvider, use_i18n};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <ParLangue />
        </I18nContextProvider>
    }
}

/// Texts are read once when a view is built, not watched one by one (hundreds of reactive
/// text nodes weigh on the wasm a phone downloads): a change of language builds the app
/// again, as a whole.
#[component]
fn ParLangue() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let _ = i18n.get_locale();
        view! { <Application /> }
    }
}

#[component]
fn Application() -> impl IntoView {
    pages::DerniereRecherche::fournir();
    session::Session::fournir();
    view! {
            <Router>
                <LienEvitement />
                <Entete />
                <main id="contenu" tabindex="-1">
                    <Routes fallback=pages::introuvable::PageIntrouvable>
                        <Route path=path!("/") view=pages::accueil::PageAccueil />
                        <Route path=path!("/logements/:id") view=pages::logement::PageLogement />
                        <Route path=path!("/connexion") view=pages::connexion::PageConnexion />
                        <Route path=path!("/inscription") view=pages::inscription::PageInscription />
                        <Route path=path!("/mon-dossier") view=pages::dossier::PageDossier />
                        <Route path=path!("/mes-candidatures") view=pages::candidatures::PageCandidatures />
                        <Route path=path!("/mes-candidatures/:id") view=pages::candidature::PageCandidature />
                        <Route path=path!("/mon-score") view=pages::score::PageMonScore />
                        <Route path=path!("/notifications") view=pages::notifications::PageNotifications />
                        <Route path=path!("/resultats") view=pages::resultats::PageResultats />
                        <Route path=path!("/resultats/:id") view=pages::resultats::PageResultat />
                        <Route path=path!("/bailleur") view=pages::bailleur::PageEspaceBailleur />
                        <Route path=path!("/bailleur/brouillons/:id") view=pages::bailleur::brouillon::PageBrouillon />
                        <Route path=path!("/bailleur/offres/:id") view=pages::bailleur::offre::PageOffreBailleur />
                        <Route path=path!("/bailleur/offres/:id/modifier") view=pages::bailleur::modifier::PageModifierOffre />
                        <Route path=path!("/comment-ca-marche") view=pages::comment::PageComment />
                        <Route path=path!("/grille-de-cotation") view=pages::grille::PageGrille />
                        <Route path=path!("/accessibilite") view=pages::accessibilite::PageAccessibilite />
                        <Route path=path!("/mentions-legales") view=pages::mentions_legales::PageMentionsLegales />
                    </Routes>
                </main>
                <Pied />
            </Router>
    }
}

/// Replaces the static "loading" placeholder of `index.html` with the app.
pub fn demarrer() {
    if let Some(attente) = document().get_element_by_id("chargement-initial") {
        attente.remove();
    }
    leptos::mount::mount_to_body(App);
}
