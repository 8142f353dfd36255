//! The contents of a long page: links to its sections, first thing under its title, so that
//! on a phone each part is one tap away rather than several screens down.

use super::focus::focaliser_apres_rendu;
use leptos::prelude::*;

/// `sections`: each section's heading id and its name as the link reads. The heading
/// takes the focus too (give it `tabindex="-1"`), so that the keyboard goes on from there.
#[component]
pub fn Sommaire(
    /// What the navigation landmark is called for screen readers.
    #[prop(into)]
    libelle: String,
    sections: Vec<(&'static str, String)>,
) -> impl IntoView {
    view! {
        <nav class="sommaire" aria-label=libelle>
            <ul>
                {sections.into_iter().map(|(id, nom)| view! {
                    <li><a href=format!("#{id}") on:click=move |_| focaliser_apres_rendu(id)>{nom}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
