//! The listing's photos: upload (the server checks and cleans each), a text alternative for
//! each, order, removal.

use crate::api;
use crate::components::{message_echec, message_erreur};
use crate::i18n::*;
use clef_domain::ErreurChamp;
use clef_domain::api::{ImageTeleversee, Photo};
use clef_domain::offre::PHOTOS_MAX;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[component]
pub fn Photos(photos: RwSignal<Vec<Photo>>, erreurs: RwSignal<Vec<ErreurChamp>>) -> impl IntoView {
    let i18n = use_i18n();
    let en_cours = RwSignal::new(false);
    let echec = RwSignal::new(None::<String>);
    let envoyer = move |ev: leptos::ev::Event| {
        let Some(entree) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(fichier) = entree.files().and_then(|f| f.get(0)) else {
            return;
        };
        entree.set_value("");
        let Ok(formulaire) = web_sys::FormData::new() else {
            return;
        };
        if formulaire.append_with_blob("fichier", &fichier).is_err() {
            return;
        }
        en_cours.set(true);
        echec.set(None);
        spawn_local(async move {
            let r = api::televerser::<ImageTeleversee>("/bailleur/images", formulaire).await;
            en_cours.set(false);
            match r {
                Ok(image) => photos.update(|p| {
                    p.push(Photo {
                        url: image.url,
                        texte_alternatif: String::new(),
                    })
                }),
                Err(e) => {
                    let message = e
                        .champs()
                        .first()
                        .map(|c| crate::libelles::erreur_champ(i18n, c))
                        .unwrap_or_else(|| message_echec(i18n, e));
                    echec.set(Some(message));
                }
            }
        });
    };
    let erreur_liste = message_erreur(erreurs, "photos".to_owned(), false);
    view! {
        <div class="champ" class:champ--erreur=move || echec.get().is_some() || erreur_liste.get().is_some()>
            <label for="photo-fichier">{tu_string!(i18n, publier.ajouter_photo)}</label>
            <p class="aide" id="photo-aide">{tu_string!(i18n, publier.photo_aide)}</p>
            <input
                type="file"
                id="photo-fichier"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby="photo-aide photo-erreur"
                disabled=move || en_cours.get() || photos.with(|p| p.len() >= PHOTOS_MAX)
                on:change=envoyer
            />
            <p aria-live="polite" class="aide">
                {move || en_cours.get().then(|| tu_string!(i18n, publier.envoi_photo))}
            </p>
            <p class="champ__erreur" id="photo-erreur" role="alert">
                {move || echec.get().or_else(|| erreur_liste.get())}
            </p>
        </div>
        <ol class="photos-saisies">
            {move || photos.get().into_iter().enumerate().map(|(i, photo)| {
                let champ = format!("photos.{i}.texte_alternatif");
                let id = format!("photos-{i}-texte-alternatif");
                let id_erreur = format!("{id}-erreur");
                let erreur = message_erreur(erreurs, champ, false);
                let n = i + 1;
                view! {
                    <li class="photo-saisie">
                        <img src=photo.url.clone() alt="" width="120" loading="lazy" />
                        <div class="champ" class:champ--erreur=move || erreur.get().is_some()>
                            <label for=id.clone()>{tu_string!(i18n, publier.texte_alternatif, n)}</label>
                            <p class="aide">{tu_string!(i18n, publier.texte_alternatif_aide)}</p>
                            <input
                                id=id.clone()
                                type="text"
                                maxlength="250"
                                aria-invalid=move || erreur.get().is_some().then_some("true")
                                aria-describedby=id_erreur.clone()
                                prop:value=photo.texte_alternatif.clone()
                                on:change=move |ev| {
                                    let texte = event_target_value(&ev);
                                    photos.update(|p| if let Some(x) = p.get_mut(i) { x.texte_alternatif = texte; });
                                }
                            />
                            <p class="champ__erreur" id=id_erreur>{move || erreur.get()}</p>
                        </div>
                        <p class="actions">
                            {(i > 0).then(|| view! {
                                <button type="button" class="bouton bouton--secondaire"
                                    on:click=move |_| photos.update(|p| p.swap(i - 1, i))>
                                    {tu_string!(i18n, publier.avancer_photo, n)}
                                </button>
                            })}
                            <button type="button" class="bouton bouton--secondaire"
                                on:click=move |_| photos.update(|p| { p.remove(i); })>
                                {tu_string!(i18n, publier.retirer_photo, n)}
                            </button>
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
