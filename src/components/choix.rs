//! A list of choices and a checkbox, each labelled, errors tied to the field.

use super::{decrit_par, message_erreur};
use crate::saisie::id_de;
use clef_domain::ErreurChamp;
use leptos::prelude::*;

/// A labelled list of choices with an empty first option, its error tied to it.
#[component]
pub fn Choix(
    champ: &'static str,
    libelle: String,
    valeur: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
    vide: String,
    erreurs: RwSignal<Vec<ErreurChamp>>,
    #[prop(optional)] aide: Option<String>,
) -> impl IntoView {
    let id = id_de(champ);
    let id_erreur = format!("{id}-erreur");
    let id_aide = format!("{id}-aide");
    let erreur = message_erreur(erreurs, champ.to_owned(), false);
    let decrit = decrit_par(id_aide.clone(), id_erreur.clone(), aide.is_some(), erreur);
    view! {
        <div class="champ" class:champ--erreur=move || erreur.get().is_some()>
            <label for=id.clone()>{libelle}</label>
            {aide.map(|a| view! { <p class="aide" id=id_aide.clone()>{a}</p> })}
            <select
                id=id
                aria-invalid=move || erreur.get().is_some().then_some("true")
                aria-describedby=decrit
                on:change=move |ev| valeur.set(event_target_value(&ev))
            >
                <option value="" selected=move || valeur.get().is_empty()>{vide}</option>
                {move || options.get().into_iter().map(|(code, texte)| {
                    let choisi = code.clone();
                    view! { <option value=code selected=move || valeur.get() == choisi>{texte}</option> }
                }).collect_view()}
            </select>
            {move || erreur.get().map(|m| view! { <p class="champ__erreur" id=id_erreur.clone()>{m}</p> })}
        </div>
    }
}

/// A checkbox.
#[component]
pub fn Case(champ: &'static str, libelle: String, valeur: RwSignal<bool>) -> impl IntoView {
    let id = id_de(champ);
    view! {
        <div class="champ champ--case">
            <input type="checkbox" id=id.clone()
                prop:checked=move || valeur.get()
                on:change=move |ev| valeur.set(event_target_checked(&ev)) />
            <label for=id>{libelle}</label>
        </div>
    }
}
