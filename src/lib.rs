//! # clef: the app
//!
//! A Leptos single-page app, French first, phone first. `App` holds the router; one module
//! per page under [`pages`] (named after its URL), shared widgets under [`components`].
//! Every string goes through the generated [`i18n`] module (`locales/fr.json`).

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod api;
pub mod chargement;
pub mod components;
pub mod envoi;
pub mod format;
pub mod langue;
pub mod libelles;
pub mod pages;
pub mod pour_moi;
pub mod premier_rendu;
pub mod saisie;
pub mod session;

use components::{
    Annonce, AnnonceSucces, BandeauAccompagnement, EnSuite, Entete, LienEvitement, Pied,
    VeilleInactivite,
};
use i18n::{I18nContextProvider, use_i18n};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
/// The two apps Clef is built as, each its own wasm: applicants' phones never download
/// the staff screens. The server sends `/bailleur...` and `/territoire...` to the
/// professional app and every other page to the public one; a link from one to the other
/// loads the other app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Espace {
    Public,
    Bailleur,
}

impl Espace {
    /// The app that serves `chemin`.
    pub fn de_chemin(chemin: &str) -> Espace {
        if clef_domain::api::page_professionnelle(chemin) {
            Espace::Bailleur
        } else {
            Espace::Public
        }
    }
}

/// A year, in milliseconds (the cookie options' unit).
const ANNEE_MS: i64 = 365 * 24 * 3600 * 1000;

#[component]
pub fn App(espace: Espace, routes: fn() -> AnyView) -> impl IntoView {
    provide_context(espace);
    view! {
        // The language chosen is kept a year (a session cookie would forget it), for the
        // whole site (by default a cookie is only for the path it was set on).
        <I18nContextProvider cookie_options=leptos_i18n::context::CookieOptions::default()
            .max_age(ANNEE_MS)
            .path("/".to_owned())>
            <ParLangue routes />
        </I18nContextProvider>
    }
}

/// The app is built for one language at a time, and built again when it changes. Only a
/// real change counts: the i18n context sets its locale once at start to the same value,
/// which rendered everything twice (two requests of each kind on the first load).
#[component]
fn ParLangue(routes: fn() -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let langue = Memo::new(move |_| i18n.get_locale());
    move || {
        let _ = langue.get();
        view! { <Application routes /> }
    }
}

/// The idle watch runs only while an advisor is logged in.
#[component]
fn VeilleConseiller() -> impl IntoView {
    let session = session::Session::utiliser();
    move || session.conseiller().then(|| view! { <VeilleInactivite /> })
}

#[component]
fn Application(routes: fn() -> AnyView) -> impl IntoView {
    pages::DerniereRecherche::fournir();
    session::Session::fournir();
    Annonce::fournir();
    view! {
            <Router>
                <EnSuite>
                    <LienEvitement />
                    <Entete />
                    <BandeauAccompagnement />
                    <VeilleConseiller />
                </EnSuite>
                <main id="contenu" tabindex="-1">
                    <AnnonceSucces />
                    <EnSuite>{routes()}</EnSuite>
                </main>
                <EnSuite>
                    <Pied />
                </EnSuite>
            </Router>
    }
}

/// The public app's pages: search, listings, the applicant's space, results, information.
pub fn routes_publiques() -> AnyView {
    view! {
        <Routes fallback=pages::introuvable::PageIntrouvable>
            <Route path=path!("/") view=pages::accueil::PageAccueil />
            <Route path=path!("/logements/:id") view=pages::logement::PageLogement />
            <Route path=path!("/connexion") view=pages::connexion::PageConnexion />
            <Route path=path!("/inscription") view=pages::inscription::PageInscription />
            <Route path=path!("/mot-de-passe-oublie") view=pages::mot_de_passe::PageMotDePasseOublie />
            <Route path=path!("/mot-de-passe/nouveau") view=pages::mot_de_passe::PageNouveauMotDePasse />
            <Route path=path!("/mon-dossier") view=pages::dossier::PageDossier />
            <Route path=path!("/mes-candidatures") view=pages::candidatures::PageCandidatures />
            <Route path=path!("/mes-candidatures/:id") view=pages::candidature::PageCandidature />
            <Route path=path!("/mon-score") view=pages::score::PageMonScore />
            <Route path=path!("/notifications") view=pages::notifications::PageNotifications />
            <Route path=path!("/mes-mandats") view=pages::mandats::PageMandats />
            <Route path=path!("/qui-a-agi") view=pages::journal::PageJournal />
            <Route path=path!("/recapitulatif") view=pages::recapitulatif::PageRecapitulatif />
            <Route path=path!("/conseiller") view=pages::conseiller::PageConseiller />
            <Route path=path!("/resultats") view=pages::resultats::PageResultats />
            <Route path=path!("/mixite") view=pages::mixite::PageMixite />
            <Route path=path!("/resultats/:id") view=pages::resultats::PageResultat />
            <Route path=path!("/comment-ca-marche") view=pages::comment::PageComment />
            <Route path=path!("/grille-de-cotation") view=pages::grille::PageGrille />
            <Route path=path!("/accessibilite") view=pages::accessibilite::PageAccessibilite />
            <Route path=path!("/mentions-legales") view=pages::mentions_legales::PageMentionsLegales />
        </Routes>
    }
    .into_any()
}

/// The landlord app's pages.
pub fn routes_bailleur() -> AnyView {
    view! {
        <Routes fallback=pages::introuvable::PageIntrouvable>
            <Route path=path!("/bailleur") view=pages::bailleur::PageEspaceBailleur />
            <Route path=path!("/territoire") view=pages::territoire::PageTerritoire />
            <Route path=path!("/bailleur/brouillons/:id") view=pages::bailleur::brouillon::PageBrouillon />
            <Route path=path!("/bailleur/offres/:id") view=pages::bailleur::offre::PageOffreBailleur />
            <Route path=path!("/bailleur/offres/:id/modifier") view=pages::bailleur::modifier::PageModifierOffre />
        </Routes>
    }
    .into_any()
}

/// Mounts one of the two apps: `main.rs` starts the public one, `bailleur.rs` the landlord one.
pub fn demarrer(espace: Espace, routes: fn() -> AnyView) {
    if let Some(attente) = document().get_element_by_id("chargement-initial") {
        attente.remove();
    }
    if !premier_rendu::rendu_par_le_serveur(&window().location().pathname().unwrap_or_default()) {
        premier_rendu::remplacer();
    }
    leptos::mount::mount_to_body(move || view! { <App espace routes /> });
}
