use crate::i18n::*;
use leptos::prelude::*;

/// Grey placeholders in the shape of result cards while they load.
#[component]
pub fn SqueletteCartes(#[prop(default = 4)] nombre: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="squelette" aria-busy="true">
            <p class="visuellement-cache" role="status">
                {tu_string!(i18n, chargement.en_cours)}
            </p>
            <ul class="cartes" aria-hidden="true">
                {(0..nombre)
                    .map(|_| {
                        view! {
                            <li class="carte carte--squelette">
                                <article>
                                    <div class="carte__corps">
                                        <div class="ligne-squelette ligne-squelette--titre"></div>
                                        <div class="ligne-squelette"></div>
                                        <div class="ligne-squelette ligne-squelette--courte"></div>
                                    </div>
                                    <div class="carte__photo"></div>
                                </article>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// A grey line while something loads, announced to screen readers.
#[component]
pub fn Chargement() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="squelette" aria-busy="true">
            <p class="visuellement-cache" role="status">{tu_string!(i18n, chargement.en_cours)}</p>
            <div class="ligne-squelette ligne-squelette--titre" aria-hidden="true"></div>
        </div>
    }
}
