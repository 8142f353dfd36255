use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::Jour;
use clef_domain::offre::EtatOffre;
use leptos::prelude::*;

/// How long is left to apply, or when applications open or closed.
#[component]
pub fn Delai(
    etat: EtatOffre,
    jours_restants: Option<u32>,
    ouverture: Jour,
    cloture: Jour,
) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let urgent = etat == EtatOffre::Ouverte && jours_restants.is_some_and(|j| j <= 2);
    // The closing day, always: it is what people plan with; the days left say how soon.
    let date = format::date_longue(balise, cloture);
    let texte = match (etat, jours_restants) {
        (EtatOffre::Ouverte, Some(0)) => tu_string!(i18n, delai.dernier_jour, date).to_string(),
        (EtatOffre::Ouverte, Some(1)) => tu_string!(i18n, delai.un_jour, date).to_string(),
        (EtatOffre::Ouverte, Some(n)) => tu_string!(i18n, delai.jours, date, n).to_string(),
        (EtatOffre::AVenir, _) => {
            let date = format::date_longue(balise, ouverture);
            tu_string!(i18n, delai.a_venir, date).to_string()
        }
        (EtatOffre::Cloturee, _) | (EtatOffre::Ouverte, None) => {
            tu_string!(i18n, delai.cloturee, date).to_string()
        }
    };
    let classe = match (etat, urgent) {
        (EtatOffre::Ouverte, true) => "delai delai--urgent",
        (EtatOffre::Ouverte, false) => "delai",
        _ => "delai delai--close",
    };
    view! { <p class=classe>{texte}</p> }
}
