//! The listing's photos: upload (the server checks and cleans each), a text alternative for
//! each, order, removal.

use crate::api::{self, ErreurChargement};
use crate::components::{message_echec, message_erreur};
use crate::envoi::Envoi;
use crate::i18n::*;
use clef_domain::ErreurChamp;
use clef_domain::api::{ImageTeleversee, Photo};
use clef_domain::offre::PHOTOS_MAX;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Photos(photos: RwSignal<Vec<Photo>>, erreurs: RwSignal<Vec<ErreurChamp>>) -> impl IntoView {
    let i18n = use_i18n();
    // While sending: the photo being sent and how many were chosen.
    let progression = RwSignal::new(None::<(usize, usize)>);
    // One line per photo refused (its name and why), and how many were left out.
    let echecs = RwSignal::new(Vec::<String>::new());
    let envoyees = RwSignal::new(None::<usize>);
    // Each photo refused is said in its own line, so the sending as a whole never fails:
    // it answers how many were taken.
    let envoi = Envoi::new(
        move |fichiers: Vec<web_sys::File>| async move {
            let total = fichiers.len();
            let mut reussies = 0;
            // One after the other: a cheap phone on a slow line sends one at a time anyway,
            // and the order chosen is kept.
            for (i, fichier) in fichiers.into_iter().enumerate() {
                progression.set(Some((i + 1, total)));
                match envoyer_une(&fichier).await {
                    Ok(image) => {
                        reussies += 1;
                        photos.update(|p| {
                            p.push(Photo {
                                url: image.url,
                                texte_alternatif: String::new(),
                            })
                        });
                    }
                    Err(e) => {
                        let motif = e
                            .champs()
                            .first()
                            .map(|c| crate::libelles::erreur_champ(i18n, c))
                            .unwrap_or_else(|| message_echec(i18n, e));
                        let nom = fichier.name();
                        echecs.update(|l| {
                            l.push(tu_string!(i18n, publier.photo_refusee, nom, motif).to_string())
                        });
                    }
                }
            }
            progression.set(None);
            Ok::<_, ErreurChargement>(reussies)
        },
        move |reussies| envoyees.set(Some(reussies)),
    );
    let en_cours = envoi.en_cours();
    let envoyer = move |ev: leptos::ev::Event| {
        let Some(entree) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(liste) = entree.files() else {
            return;
        };
        let fichiers: Vec<web_sys::File> =
            (0..liste.length()).filter_map(|i| liste.get(i)).collect();
        entree.set_value("");
        if fichiers.is_empty() {
            return;
        }
        let place = PHOTOS_MAX.saturating_sub(photos.with_untracked(Vec::len));
        let en_trop = fichiers.len().saturating_sub(place);
        let fichiers: Vec<_> = fichiers.into_iter().take(place).collect();
        echecs.set(Vec::new());
        envoyees.set(None);
        if en_trop > 0 {
            let n = en_trop as u64;
            echecs.update(|e| {
                e.push(if crate::libelles::singulier(i18n, n) {
                    tu_string!(i18n, publier.photos_en_trop_une).to_string()
                } else {
                    tu_string!(i18n, publier.photos_en_trop, n).to_string()
                })
            });
        }
        if fichiers.is_empty() {
            return;
        }
        envoi.soumettre(fichiers);
    };
    let erreur_liste = message_erreur(erreurs, "photos".to_owned(), false);
    view! {
        <div class="champ" class:champ--erreur=move || echecs.with(|e| !e.is_empty()) || erreur_liste.get().is_some()>
            <label for="photo-fichier">{tu_string!(i18n, publier.ajouter_photo)}</label>
            <p class="aide" id="photo-aide">{tu_string!(i18n, publier.photo_aide)}</p>
            <input
                type="file"
                id="photo-fichier"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby="photo-aide photo-erreur"
                multiple
                disabled=move || en_cours.get() || photos.with(|p| p.len() >= PHOTOS_MAX)
                on:change=envoyer
            />
            <p aria-live="polite" class="aide" id="photo-progression">
                {move || match (progression.get(), envoyees.get()) {
                    (Some((n, total)), _) => Some(tu_string!(i18n, publier.envoi_photo, n, total).to_string()),
                    (None, Some(n)) if n > 0 => Some(tu_string!(i18n, publier.photos_envoyees, n).to_string()),
                    _ => None,
                }}
            </p>
            <div class="champ__erreur" id="photo-erreur" role="alert">
                {move || erreur_liste.get().map(|m| view! { <p>{m}</p> })}
                {move || echecs.get().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
            </div>
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

/// Sends one photo; the server checks it, strips its hidden data and answers its address.
async fn envoyer_une(fichier: &web_sys::File) -> Result<ImageTeleversee, ErreurChargement> {
    let formulaire = web_sys::FormData::new().map_err(|_| ErreurChargement::Reseau)?;
    formulaire
        .append_with_blob("fichier", fichier)
        .map_err(|_| ErreurChargement::Reseau)?;
    api::televerser_image(formulaire).await
}
