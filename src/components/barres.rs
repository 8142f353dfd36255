//! A horizontal bar chart of shares against a target, in SVG: one bar per row, the
//! target as a dashed line. The same figures are always in a table next to it, which is
//! what screen readers get; the chart says so in its description.

use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::mixite::Part;
use leptos::prelude::*;

const LARGEUR: f64 = 320.0;
const HAUTEUR_LIGNE: f64 = 38.0;
const MARGE_HAUTE: f64 = 18.0;

#[component]
pub fn Barres(
    /// Unique on the page: the chart's title and description ids derive from it.
    id: String,
    titre: String,
    lignes: Vec<(String, Part)>,
    /// The target, in percent.
    objectif: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let hauteur = MARGE_HAUTE + HAUTEUR_LIGNE * lignes.len() as f64 + 4.0;
    let echelle = LARGEUR - 60.0;
    let x_objectif = echelle * f64::from(objectif) / 100.0;
    let id_titre = format!("{id}-titre");
    let id_desc = format!("{id}-desc");
    let decrit_par = format!("{id_titre} {id_desc}");
    let barres = lignes
        .into_iter()
        .enumerate()
        .map(|(i, (libelle, part))| {
            let y = MARGE_HAUTE + HAUTEUR_LIGNE * i as f64;
            let largeur = part
                .pour_mille()
                .map_or(0.0, |pm| echelle * f64::from(pm) / 1000.0);
            let classe = if part.atteint(objectif) {
                "barre barre--atteint"
            } else {
                "barre"
            };
            let valeur = format::pourcentage(balise, part);
            view! {
                <text x="0" y=y + 11.0 class="barres__libelle">{libelle}</text>
                <rect x="0" y=y + 15.0 width=largeur height="14" class=classe />
                <text x=largeur + 4.0 y=y + 26.0 class="barres__valeur">{valeur}</text>
            }
        })
        .collect_view();
    let description = tu_string!(i18n, mixite.graphique_desc, objectif).to_string();
    let libelle_objectif = tu_string!(i18n, mixite.objectif_court, objectif).to_string();
    view! {
        <figure class="barres">
            <svg
                viewBox=format!("0 0 {LARGEUR} {hauteur}")
                role="img"
                aria-labelledby=decrit_par
            >
                <title id=id_titre>{titre.clone()}</title>
                <desc id=id_desc>{description}</desc>
                {barres}
                <line x1=x_objectif x2=x_objectif y1="12" y2=hauteur class="barres__objectif" />
                <text x=x_objectif + 3.0 y="10" class="barres__valeur">{libelle_objectif}</text>
            </svg>
            <figcaption>{titre}</figcaption>
        </figure>
    }
}
