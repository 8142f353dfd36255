//! The territory is told when the income ceilings of this year, or, from 1 October, of
//! next year, are missing in Clef for the financings of its zones: without them, no
//! verdict can be checked and nobody can apply (the rules crate decides when).

use crate::api;
use crate::i18n::*;
use clef_domain::api::Commune;
use clef_domain::offre::Code;
use clef_domain::plafonds::AlertePlafonds;
use leptos::prelude::*;

#[component]
pub fn AlertePlafondsManquants() -> impl IntoView {
    let i18n = use_i18n();
    let communes = LocalResource::new(|| api::communes().lire());
    let alerte = move || {
        let communes = communes.get()?.ok()?;
        let aujourdhui = crate::saisie::aujourdhui()?;
        AlertePlafonds::sur(aujourdhui, &Commune::zones(&communes))
    };
    move || {
        alerte().map(|a| {
            let (annee, financements, en_cours) = match a {
                AlertePlafonds::AnneeEnCours {
                    annee,
                    financements,
                } => (annee, financements, true),
                AlertePlafonds::AnneeProchaine {
                    annee,
                    financements,
                } => (annee, financements, false),
            };
            let financements = financements
                .iter()
                .map(|f| f.code())
                .collect::<Vec<_>>()
                .join(", ");
            let message = if en_cours {
                tu_string!(i18n, territoire.plafonds_manquants, annee, financements)
            } else {
                tu_string!(i18n, territoire.plafonds_a_venir, annee, financements)
            };
            view! {
                <div class="alerte" role="alert" id="alerte-plafonds">
                    <p><strong>{tu_string!(i18n, territoire.plafonds_titre)}</strong></p>
                    <p>{message.to_string()}</p>
                </div>
            }
        })
    }
}
