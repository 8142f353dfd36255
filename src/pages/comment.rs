//! `/comment-ca-marche`: how choice-based letting works, step by step.

use crate::components::titre_document;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PageComment() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, comment.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, comment.titre)}</h1>
            <ol class="etapes">
                <li>
                    <h2>{tu_string!(i18n, comment.etape1_titre)}</h2>
                    <p>{tu_string!(i18n, comment.etape1)}</p>
                </li>
                <li>
                    <h2>{tu_string!(i18n, comment.etape2_titre)}</h2>
                    <p>{tu_string!(i18n, comment.etape2)}</p>
                </li>
                <li>
                    <h2>{tu_string!(i18n, comment.etape3_titre)}</h2>
                    <p>{tu_string!(i18n, comment.etape3)}</p>
                    <p>
                        <a href="/grille-de-cotation">{tu_string!(i18n, comment.voir_grille)}</a>
                    </p>
                </li>
                <li>
                    <h2>{tu_string!(i18n, comment.etape4_titre)}</h2>
                    <p>{tu_string!(i18n, comment.etape4)}</p>
                </li>
            </ol>
        </div>
    }
}
