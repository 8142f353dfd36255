use crate::i18n::*;
use leptos::prelude::*;

/// Says plainly that what is shown is invented.
#[component]
pub fn BandeauDemo() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="bandeau-demo" role="note">
            <strong class="badge badge--demo">{tu_string!(i18n, demo.badge)}</strong>
            " "
            {tu_string!(i18n, demo.bandeau)}
        </p>
    }
}
