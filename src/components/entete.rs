use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
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
    Effect::new(move || {
        chemin.track();
        if premier.get_value() {
            premier.set_value(false);
        } else {
            focaliser_contenu();
        }
    });
    view! {
        <header class="entete">
            <div class="entete__interieur">
                <a href="/" class="marque">
                    <span class="marque__nom">{tu_string!(i18n, service.nom)}</span>
                    <span class="marque__slogan">{tu_string!(i18n, service.slogan)}</span>
                </a>
                <nav aria-label=tu_string!(i18n, nav.principale)>
                    <ul class="nav">
                        <li>
                            <A href="/" exact=true>
                                {tu_string!(i18n, nav.logements)}
                            </A>
                        </li>
                        <li>
                            <A href="/comment-ca-marche">{tu_string!(i18n, nav.comment)}</A>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
