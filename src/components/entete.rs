use crate::api;
use crate::components::{ChoixLangue, repartir_du_guichet};
use crate::i18n::*;
use crate::session::{EtatSession, Session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

fn focaliser_contenu() {
    if let Some(main) = document().get_element_by_id("contenu")
        && let Ok(main) = main.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = main.focus();
    }
}

/// The first link of the page: jumps over the header for keyboard and screen-reader users.
#[component]
pub fn LienEvitement() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a
            class="evitement"
            href="#contenu"
            on:click=|ev| {
                ev.prevent_default();
                focaliser_contenu();
            }
        >
            {tu_string!(i18n, service.aller_au_contenu)}
        </a>
    }
}

/// Service name and main navigation. After each client-side navigation, focus moves to the
/// new content, as a page load would.
#[component]
pub fn Entete() -> impl IntoView {
    let i18n = use_i18n();
    let chemin = use_location().pathname;
    let premier = StoredValue::new(true);
    let session = Session::utiliser();
    // `get`, not `track`: a memo only tracked is never recomputed, and stops notifying
    // after its first change.
    Effect::new(move || {
        let _ = chemin.get();
        if premier.get_value() {
            premier.set_value(false);
        } else {
            focaliser_contenu();
        }
    });
    // The unread count follows each navigation of a logged-in applicant.
    Effect::new(move || {
        let _ = chemin.get();
        if session.demandeur() {
            session.rafraichir_notifications();
        }
    });
    // On a small screen the navigation folds behind a "Menu" button; it folds again after
    // each navigation and on Escape.
    let menu_ouvert = RwSignal::new(false);
    Effect::new(move || {
        let _ = chemin.get();
        menu_ouvert.set(false);
    });
    let fermer_sur_echap = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_ouvert.get_untracked() {
            menu_ouvert.set(false);
            if let Some(bouton) = document().get_element_by_id("bouton-menu")
                && let Ok(bouton) = bouton.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = bouton.focus();
            }
        }
    };
    let naviguer = use_navigate();
    let deconnecter = move |_| {
        let naviguer = naviguer.clone();
        let conseiller = session.conseiller();
        spawn_local(async move {
            // Whatever the server answers, this browser forgets the person.
            let _ = api::deconnecter().await;
            if conseiller {
                // A shared computer: a full page load leaves nothing of anyone in memory.
                repartir_du_guichet("");
                return;
            }
            session.oublier();
            naviguer("/", Default::default());
        });
    };
    let deconnexion = move || {
        let deconnecter = deconnecter.clone();
        view! {
            <li>
                <button type="button" class="lien-bouton" on:click=deconnecter>
                    {tu_string!(i18n, compte.deconnexion)}
                </button>
            </li>
        }
    };
    let espace = move || {
        match session.etat.get() {
        EtatSession::Connecte(_) => view! {
            {session.demandeur().then(|| view! {
                <li><A href="/mes-candidatures">{tu_string!(i18n, nav.candidatures)}</A></li>
                <li><A href="/mon-dossier">{tu_string!(i18n, nav.dossier)}</A></li>
                <li>
                    <A href="/notifications">
                        {tu_string!(i18n, nav.notifications)}
                        {move || {
                            let n = session.non_lues.get();
                            (n > 0).then(|| {
                                let texte = tu_string!(i18n, nav.non_lues, n).to_string();
                                view! {
                                    " " <span class="pastille" aria-hidden="true">{n}</span>
                                    <span class="visuellement-cache">{texte}</span>
                                }
                            })
                        }}
                    </A>
                </li>
                <li><A href="/mes-mandats">{tu_string!(i18n, nav.mandats)}</A></li>
            })}
            {session.conseiller().then(|| view! {
                {session.accompagnement().is_some().then(|| view! {
                    <li><A href="/mes-candidatures">{tu_string!(i18n, tiers.nav_candidatures)}</A></li>
                    <li><A href="/mon-dossier">{tu_string!(i18n, tiers.nav_dossier)}</A></li>
                })}
                <li><A href="/conseiller">{tu_string!(i18n, nav.espace_conseiller)}</A></li>
            })}
            {session.territoire().then(|| view! {
                <li><A href="/territoire">{tu_string!(i18n, nav.espace_territoire)}</A></li>
            })}
            {session.bailleur().then(|| view! {
                <li><A href="/bailleur">{tu_string!(i18n, nav.espace_bailleur)}</A></li>
            })}
            {deconnexion()}
        }
        .into_any(),
        _ => {
            view! { <li><A href="/connexion">{tu_string!(i18n, nav.connexion)}</A></li> }.into_any()
        }
    }
    };
    view! {
        <header class="entete">
            <div class="entete__interieur">
                <a href="/" class="marque">
                    <span class="marque__nom">{tu_string!(i18n, service.nom)}</span>
                    <span class="marque__slogan">{tu_string!(i18n, service.slogan)}</span>
                </a>
                <nav aria-label=tu_string!(i18n, nav.principale) on:keydown=fermer_sur_echap>
                    <button
                        type="button"
                        id="bouton-menu"
                        class="entete__menu"
                        aria-expanded=move || menu_ouvert.get().to_string()
                        aria-controls="menu-principal"
                        on:click=move |_| menu_ouvert.update(|o| *o = !*o)
                    >
                        <span aria-hidden="true">"☰ "</span>
                        {tu_string!(i18n, nav.menu)}
                    </button>
                    <ul class="nav" id="menu-principal" class:nav--ouverte=move || menu_ouvert.get()>
                        <li>
                            <A href="/" exact=true>
                                {tu_string!(i18n, nav.logements)}
                            </A>
                        </li>
                        <li>
                            <A href="/comment-ca-marche">{tu_string!(i18n, nav.comment)}</A>
                        </li>
                        <li>
                            <A href="/resultats">{tu_string!(i18n, nav.resultats)}</A>
                        </li>
                        {espace}
                        <li><ChoixLangue /></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
