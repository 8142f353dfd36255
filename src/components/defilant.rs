//! A wide table that scrolls sideways on a phone: the keyboard reaches it and scrolls it
//! (WCAG 2.1.1), and screen readers name the region after the table's caption.

use leptos::prelude::*;

#[component]
pub fn Defilant(
    /// The table's caption, as the region's name.
    #[prop(into)]
    libelle: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="tableau-defilant" tabindex="0" role="region" aria-label=libelle>
            {children()}
        </div>
    }
}
