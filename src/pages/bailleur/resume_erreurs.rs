//! The list of what to correct before a listing can be saved or published, each linked to
//! its field; focused when it appears, so screen readers announce it.

use crate::i18n::*;
use crate::libelles;
use crate::saisie::id_de;
use clef_domain::ErreurChamp;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Where the summary is, to move focus to it.
pub const ID_RESUME: &str = "resume-erreurs";

#[component]
pub fn ResumeErreurs(erreurs: RwSignal<Vec<ErreurChamp>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (!erreurs.with(Vec::is_empty)).then(|| {
            view! {
                <div class="resume-erreurs" id=ID_RESUME tabindex="-1" role="alert">
                    <p class="resume-erreurs__titre">{tu_string!(i18n, publier.a_corriger)}</p>
                    <ul>
                        {erreurs.get().into_iter().map(|e| {
                            let cible = format!("#{}", id_de(&e.champ));
                            let texte = libelles::erreur_champ(i18n, &e);
                            view! { <li><a href=cible>{libelle_champ(i18n, &e.champ)} " : " {texte}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The name of a field, for the summary of errors.
fn libelle_champ(i18n: I18nContext<Locale>, champ: &str) -> String {
    let racine = champ.split('.').next().unwrap_or(champ);
    match racine {
        "titre" => tu_string!(i18n, publier.titre),
        "adresse" => tu_string!(i18n, publier.adresse),
        "commune" => tu_string!(i18n, publier.commune),
        "qpv" => tu_string!(i18n, publier.qpv),
        "typologie" => tu_string!(i18n, publier.typologie),
        "pieces" => tu_string!(i18n, publier.pieces),
        "surface" => tu_string!(i18n, publier.surface),
        "etage" => tu_string!(i18n, publier.etage),
        "loyer" => tu_string!(i18n, publier.loyer),
        "charges" => tu_string!(i18n, publier.charges),
        "financement" => tu_string!(i18n, publier.financement),
        "dpe" => tu_string!(i18n, publier.dpe),
        "reservataire" => tu_string!(i18n, publier.reservataire),
        "ouverture" => tu_string!(i18n, publier.ouverture),
        "cloture" => tu_string!(i18n, publier.cloture),
        "description" => tu_string!(i18n, publier.description),
        "photos" => tu_string!(i18n, publier.photos),
        _ => tu_string!(i18n, publier.champ),
    }
    .to_string()
}
