use crate::i18n::*;
use clef_domain::api::Photo;
use leptos::prelude::*;

/// Photos one at a time, with previous / next buttons, thumbnails, the arrow keys, and the
/// position announced to screen readers. Every photo has its text alternative.
#[component]
pub fn Galerie(photos: Vec<Photo>) -> impl IntoView {
    let i18n = use_i18n();
    let total = photos.len();
    if total == 0 {
        return view! { <p class="galerie galerie--vide">{tu_string!(i18n, galerie.aucune)}</p> }
            .into_any();
    }
    let photos = StoredValue::new(photos);
    let (rang, set_rang) = signal(0usize);
    let aller = move |decalage: isize| {
        set_rang.update(|r| *r = (*r as isize + decalage).rem_euclid(total as isize) as usize);
    };
    let actuelle = move || photos.with_value(|p| p[rang.get()].clone());
    let n = move || rang.get() + 1;
    view! {
        <section
            class="galerie"
            aria-label=tu_string!(i18n, galerie.nom)
            on:keydown=move |ev| match ev.key().as_str() {
                "ArrowLeft" => aller(-1),
                "ArrowRight" => aller(1),
                _ => {}
            }
        >
            <figure class="galerie__cadre">
                <img
                    class="galerie__photo"
                    src=move || actuelle().url
                    alt=move || actuelle().texte_alternatif
                    width="640"
                    height="400"
                />
                <figcaption class="galerie__position" aria-live="polite">
                    {move || tu_string!(i18n, galerie.position, n = n(), total).to_string()}
                </figcaption>
            </figure>
            {(total > 1)
                .then(|| {
                    view! {
                        <div class="galerie__commandes">
                            <button
                                type="button"
                                class="bouton bouton--secondaire"
                                on:click=move |_| aller(-1)
                            >
                                <span aria-hidden="true">"← "</span>
                                {tu_string!(i18n, galerie.precedente)}
                            </button>
                            <button
                                type="button"
                                class="bouton bouton--secondaire"
                                on:click=move |_| aller(1)
                            >
                                {tu_string!(i18n, galerie.suivante)}
                                <span aria-hidden="true">" →"</span>
                            </button>
                        </div>
                        <ul class="galerie__vignettes">
                            {(0..total)
                                .map(|i| {
                                    let photo = photos.with_value(|p| p[i].clone());
                                    let numero = i + 1;
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="galerie__vignette"
                                                aria-pressed=move || (rang.get() == i).to_string()
                                                aria-label=move || {
                                                    tu_string!(i18n, galerie.vignette, n = numero).to_string()
                                                }
                                                on:click=move |_| set_rang.set(i)
                                            >
                                                <img src=photo.url alt="" width="96" height="60" loading="lazy" />
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </section>
    }
    .into_any()
}
