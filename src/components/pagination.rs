use crate::api;
use crate::i18n::*;
use clef_domain::recherche::Recherche;
use leptos::prelude::*;

/// Previous / next links that keep every criterion, and where we are.
#[component]
pub fn Pagination(recherche: Recherche, pages: u64) -> impl IntoView {
    let i18n = use_i18n();
    let page = recherche.page;
    let lien = move |n: u32| {
        api::url_recherche(&Recherche {
            page: n,
            ..recherche.clone()
        })
    };
    let precedente = (page > 1).then(|| lien(page - 1));
    let suivante = (u64::from(page) < pages).then(|| lien(page + 1));
    view! {
        <nav class="pagination" aria-label=tu_string!(i18n, pagination.nom)>
            {precedente
                .map(|href| {
                    view! {
                        <a class="bouton bouton--secondaire" href=href rel="prev">
                            {tu_string!(i18n, pagination.precedente)}
                        </a>
                    }
                })}
            <p class="pagination__position">{tu_string!(i18n, pagination.position, page, pages)}</p>
            {suivante
                .map(|href| {
                    view! {
                        <a class="bouton bouton--secondaire" href=href rel="next">
                            {tu_string!(i18n, pagination.suivante)}
                        </a>
                    }
                })}
        </nav>
    }
}
