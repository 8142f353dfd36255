use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::offre::Code;
use clef_domain::plafonds::Bareme;
use leptos::prelude::*;

/// The income ceilings that apply to a listing, by household composition.
#[component]
pub fn TablePlafonds(bareme: Option<Bareme>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let Some(bareme) = bareme else {
        return view! { <p>{tu_string!(i18n, plafonds.non_publies)}</p> }.into_any();
    };
    let financement = bareme.financement.code();
    let annee = bareme.annee;
    let zone = libelles::zone(i18n, bareme.zone);
    let legende = tu_string!(i18n, plafonds.legende, financement, annee, zone).to_string();
    let etiquette = legende.clone();
    let lignes = bareme
        .categories
        .iter()
        .enumerate()
        .map(|(i, &plafond)| (libelles::categorie(i18n, i + 1), plafond))
        .chain([(
            tu_string!(i18n, plafonds.supplementaire).to_string(),
            bareme.par_personne_supplementaire,
        )]);
    view! {
        <div class="tableau-defilant" tabindex="0" role="group" aria-label=etiquette>
            <table class="plafonds">
                <caption>{legende}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tu_string!(i18n, plafonds.categorie)}</th>
                        <th scope="col" class="nombre">
                            {tu_string!(i18n, plafonds.plafond)}
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {lignes
                        .map(|(menage, plafond)| {
                            view! {
                                <tr>
                                    <th scope="row">{menage}</th>
                                    <td class="nombre">{format::euros(balise, plafond)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="aide">{tu_string!(i18n, plafonds.explication)}</p>
    }
    .into_any()
}
