//! The list of what to correct before a listing can be saved or published, each line
//! naming its field.

use crate::i18n::*;
use clef_domain::ErreurChamp;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

pub use crate::components::ID_RESUME;

#[component]
pub fn ResumeErreurs(erreurs: RwSignal<Vec<ErreurChamp>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <crate::components::ResumeErreurs
            erreurs
            titre=tu_string!(i18n, publier.a_corriger)
            libelle=Callback::new(move |champ: String| libelle_champ(i18n, &champ))
        />
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
