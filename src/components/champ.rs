use crate::i18n::*;
use crate::libelles;
use clef_domain::ErreurChamp;
use leptos::prelude::*;

/// The French message of the first error on `champ` (or on one of its sub-fields when
/// `prefixe` is true), if any.
pub fn message_erreur(
    erreurs: RwSignal<Vec<ErreurChamp>>,
    champ: String,
    prefixe: bool,
) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        erreurs.with(|liste| {
            liste
                .iter()
                .find(|e| {
                    e.champ == champ || (prefixe && e.champ.starts_with(&format!("{champ}.")))
                })
                .map(|e| libelles::erreur_champ(i18n, e))
        })
    })
}

/// A field's `aria-describedby`: its hint if it has one, and its error while there is one.
pub fn decrit_par(
    id_aide: String,
    id_erreur: String,
    a_aide: bool,
    erreur: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if a_aide {
            ids.push(id_aide.clone());
        }
        if erreur.get().is_some() {
            ids.push(id_erreur.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled text input with its hint and its error message, tied together for screen
/// readers (`aria-describedby`, `aria-invalid`).
#[component]
pub fn ChampTexte(
    id: String,
    libelle: String,
    valeur: RwSignal<String>,
    erreur: Signal<Option<String>>,
    #[prop(optional)] aide: Option<String>,
    #[prop(default = "text")] type_: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] requis: bool,
) -> impl IntoView {
    let id_aide = format!("{id}-aide");
    let id_erreur = format!("{id}-erreur");
    let decrit = decrit_par(id_aide.clone(), id_erreur.clone(), aide.is_some(), erreur);
    view! {
        <div class="champ" class:champ--erreur=move || erreur.get().is_some()>
            <label for=id.clone()>{libelle}</label>
            {aide.map(|a| view! { <p class="aide" id=id_aide.clone()>{a}</p> })}
            <input
                id=id
                type=type_
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                required=requis
                aria-invalid=move || erreur.get().is_some().then_some("true")
                aria-describedby=decrit
                prop:value=move || valeur.get()
                on:input=move |ev| valeur.set(event_target_value(&ev))
            />
            {move || {
                erreur
                    .get()
                    .map(|m| view! { <p class="champ__erreur" id=id_erreur.clone()>{m}</p> })
            }}
        </div>
    }
}
