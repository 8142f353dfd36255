use super::focaliser;
use crate::i18n::*;
use leptos::prelude::*;

/// A button for an act that cannot be undone: it first opens a panel that says what will
/// happen, with "confirm" and "cancel". Focus moves to the panel, and back to the button on
/// cancel (or Escape), so keyboard and screen-reader users follow. Confirming closes the panel and runs
/// the act, which shows its own outcome.
#[component]
pub fn Confirmation(
    /// A unique id for the panel (its title is `{id}-titre`).
    #[prop(into)]
    id: String,
    /// The button's text.
    libelle: String,
    /// The panel's question and, if there is more to say, what will happen.
    titre: String,
    #[prop(optional)] texte: String,
    /// The confirming button's text.
    confirmer: String,
    en_cours: Signal<bool>,
    on_confirmer: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let ouvert = RwSignal::new(false);
    let id_titre = format!("{id}-titre");
    let id_bouton = format!("{id}-bouton");
    let focaliser = |id: String| request_animation_frame(move || focaliser(&id));
    let classe = if danger {
        "bouton bouton--danger"
    } else {
        "bouton bouton--principal"
    };
    move || {
        if ouvert.get() {
            let (id_titre, id_bouton) = (id_titre.clone(), id_bouton.clone());
            let (titre, texte, confirmer) = (titre.clone(), texte.clone(), confirmer.clone());
            let id_retour = id_bouton.clone();
            // Escape cancels, as on any dialog.
            let echap = move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    ouvert.set(false);
                    focaliser(id_retour.clone());
                }
            };
            view! {
                <div class="confirmation" id=id.clone() tabindex="-1" role="group" aria-labelledby=id_titre.clone() on:keydown=echap>
                    <p id=id_titre.clone()><strong>{titre}</strong></p>
                    {(!texte.is_empty()).then(|| view! { <p>{texte}</p> })}
                    <p class="actions">
                        <button
                            type="button"
                            class=classe
                            aria-disabled=move || en_cours.get().then_some("true")
                            on:click=move |_| {
                                if !en_cours.get_untracked() {
                                    // The act reports its own outcome (errors, next page).
                                    ouvert.set(false);
                                    on_confirmer.run(());
                                }
                            }
                        >
                            {move || if en_cours.get() { tu_string!(i18n, avant.envoi).to_string() } else { confirmer.clone() }}
                        </button>
                        <button
                            type="button"
                            class="bouton bouton--secondaire"
                            on:click=move |_| {
                                ouvert.set(false);
                                focaliser(id_bouton.clone());
                            }
                        >
                            {tu_string!(i18n, avant.annuler)}
                        </button>
                    </p>
                </div>
            }
            .into_any()
        } else {
            let libelle = libelle.clone();
            let id = id.clone();
            view! {
                <button
                    type="button"
                    id=id_bouton.clone()
                    class=if danger { "bouton bouton--secondaire" } else { classe }
                    aria-disabled=move || en_cours.get().then_some("true")
                    on:click=move |_| {
                        if !en_cours.get_untracked() {
                            ouvert.set(true);
                            focaliser(id.clone());
                        }
                    }
                >
                    {move || if en_cours.get() { tu_string!(i18n, avant.envoi).to_string() } else { libelle.clone() }}
                </button>
            }
            .into_any()
        }
    }
}
