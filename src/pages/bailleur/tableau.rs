//! The organisation's dashboard: listings by stage, applications, time to let, refusals
//! after an offer, and the social-mix targets over its lettings and the territory's.

use crate::format::{self, pourcentage};
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles::libelle_cible;
use clef_domain::api::TableauDeBord;
use clef_domain::mixite::Indicateur;
use leptos::prelude::*;

#[component]
pub fn Tableau(tableau: TableauDeBord) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let o = tableau.offres;
    let par_offre = tableau
        .candidatures_par_offre_dixiemes
        .map(|d| format::nombre(balise, f64::from(d) / 10.0))
        .unwrap_or_else(|| "–".to_owned());
    let delai = tableau
        .delai_median_jours
        .map(|n| {
            if crate::libelles::singulier(i18n, u64::from(n)) {
                tu_string!(i18n, bailleur.jours_un, n).to_string()
            } else {
                tu_string!(i18n, bailleur.jours, n).to_string()
            }
        })
        .unwrap_or_else(|| "–".to_owned());
    let refus = pourcentage(balise, tableau.refus_apres_proposition);
    let territoire = tableau.mixite_territoire.clone();
    view! {
        <section aria-labelledby="tableau-titre">
            <h2 id="tableau-titre" tabindex="-1">{tu_string!(i18n, bailleur.tableau)}</h2>
            <dl class="faits chiffres">
                <dt>{tu_string!(i18n, bailleur.a_venir)}</dt><dd>{o.a_venir}</dd>
                <dt>{tu_string!(i18n, bailleur.ouvertes)}</dt><dd>{o.ouvertes}</dd>
                <dt>{tu_string!(i18n, bailleur.a_classer)}</dt><dd>{o.a_classer}</dd>
                <dt>{tu_string!(i18n, bailleur.en_commission)}</dt><dd>{o.en_commission}</dd>
                <dt>{tu_string!(i18n, bailleur.attribuees)}</dt><dd>{o.attribuees}</dd>
                <dt>{tu_string!(i18n, bailleur.candidatures)}</dt><dd>{tableau.candidatures}</dd>
                <dt>{tu_string!(i18n, bailleur.par_offre)}</dt><dd>{par_offre}</dd>
                <dt>{tu_string!(i18n, bailleur.delai_median)}</dt><dd>{delai}</dd>
                <dt>{tu_string!(i18n, bailleur.refus)}</dt><dd>{refus}</dd>
            </dl>
            <div class="tableau-defilant" tabindex="0" role="region" aria-labelledby="mixite-titre">
                <table>
                    <caption id="mixite-titre">{tu_string!(i18n, bailleur.mixite)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tu_string!(i18n, bailleur.objectif_colonne)}</th>
                            <th scope="col">{tu_string!(i18n, bailleur.nos_attributions)}</th>
                            <th scope="col">{tu_string!(i18n, bailleur.territoire)}</th>
                            <th scope="col">{tu_string!(i18n, bailleur.cible)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {tableau.mixite_bailleur.into_iter().map(|i: Indicateur| {
                            let du_territoire = territoire.iter().find(|t| t.cible == i.cible).map(|t| t.part);
                            let nous = format!("{} ({}/{})", pourcentage(balise, i.part), i.part.nombre, i.part.total);
                            view! {
                                <tr>
                                    <th scope="row">{libelle_cible(i18n, i.cible)}</th>
                                    <td>{nous}</td>
                                    <td>{du_territoire.map(|p| pourcentage(balise, p)).unwrap_or_else(|| "–".into())}</td>
                                    <td>{format!("{} %", i.objectif)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
