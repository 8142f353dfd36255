//! The list of everything to correct in a form, at its top, each line linked to its field:
//! shown all at once (never one error per attempt), focused when it appears so that screen
//! readers announce it, and a tap on a line puts the cursor in the field.

use super::focus::focaliser;
use crate::libelles;
use crate::saisie::id_de;
use clef_domain::ErreurChamp;
use leptos::prelude::*;

/// Where the summary is, to move focus to it.
pub const ID_RESUME: &str = "resume-erreurs";

#[component]
pub fn ResumeErreurs(
    erreurs: RwSignal<Vec<ErreurChamp>>,
    /// What the list is, above it ("Pour publier, corrigez : ").
    #[prop(into)]
    titre: String,
    /// The name of a field from its path, to start its line; without it, the message alone.
    #[prop(optional)]
    libelle: Option<Callback<String, String>>,
    /// Its element id, when a page has more than one form.
    #[prop(default = ID_RESUME)]
    id: &'static str,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    move || {
        let liste = erreurs.get();
        (!liste.is_empty()).then(|| {
            view! {
                <div class="resume-erreurs" id=id tabindex="-1" role="alert">
                    <p class="resume-erreurs__titre">{titre.clone()}</p>
                    <ul>
                        {liste.into_iter().map(|e| {
                            let message = libelles::erreur_champ(i18n, &e);
                            let texte = match libelle {
                                Some(l) => format!("{} : {message}", l.run(e.champ.clone())),
                                None => message,
                            };
                            let cible = id_de(&e.champ);
                            let cible_clic = cible.clone();
                            view! {
                                <li><a href=format!("#{cible}") on:click=move |ev| {
                                    ev.prevent_default();
                                    focaliser(&cible_clic);
                                }>{texte}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
