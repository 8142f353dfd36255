use super::ChoixLangue;
use crate::i18n::*;
use leptos::prelude::*;

/// Footer: accessibility statement, legal notice, the open API.
#[component]
pub fn Pied() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="pied">
            <nav aria-label=tu_string!(i18n, pied.liens)>
                <ul>
                    <li>
                        <a href="/mixite">{tu_string!(i18n, nav.mixite)}</a>
                    </li>
                    <li>
                        <a href="/accessibilite">{tu_string!(i18n, pied.accessibilite)}</a>
                    </li>
                    <li>
                        <a href="/mentions-legales">{tu_string!(i18n, pied.mentions)}</a>
                    </li>
                    <li>
                        <a href="/api/v1/openapi.json" rel="external">
                            {tu_string!(i18n, pied.api)}
                        </a>
                    </li>
                    <li>
                        <ChoixLangue />
                    </li>
                </ul>
            </nav>
        </footer>
    }
}
