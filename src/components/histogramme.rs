use crate::i18n::*;
use clef_domain::api::Barre;
use leptos::prelude::*;

/// The drawing, in SVG units: the plot sits right of the count axis and above the score
/// axis.
const LARGEUR: f64 = 320.0;
const HAUTEUR: f64 = 170.0;
const GAUCHE: f64 = 30.0;
const HAUT: f64 = 22.0;
const BAS: f64 = 130.0;
const DROITE: f64 = 312.0;

/// The other candidates' scores as bars, with axes, my band hatched and named ("Vous"),
/// not told by colour alone; the same data as a table for screen readers and print.
#[component]
pub fn Histogramme(barres: Vec<Barre>) -> impl IntoView {
    let i18n = use_i18n();
    let plus_haute = barres
        .iter()
        .map(|b| b.autres + u32::from(b.moi))
        .max()
        .unwrap_or(1)
        .max(1);
    let largeur = (DROITE - GAUCHE) / barres.len().max(1) as f64;
    let x = move |i: usize| GAUCHE + i as f64 * largeur;
    let description = tu_string!(i18n, mes.histogramme_description).to_string();
    let score_max = barres.last().map_or(0, |b| b.max);
    view! {
        <figure class="histogramme">
            <svg viewBox=format!("0 0 {LARGEUR} {HAUTEUR}") role="img" aria-labelledby="histo-titre">
                <title id="histo-titre">{description.clone()}</title>
                <defs>
                    <pattern id="hachures-moi" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="histogramme__fond-moi" />
                        <line x1="0" y1="0" x2="0" y2="6" class="histogramme__hachure" />
                    </pattern>
                </defs>
                <text class="histogramme__axe-y" x="2" y="12">{tu_string!(i18n, mes.axe_candidats)}</text>
                <line class="histogramme__axe" x1=GAUCHE y1=HAUT x2=GAUCHE y2=BAS />
                <line class="histogramme__axe" x1=GAUCHE y1=BAS x2=DROITE y2=BAS />
                <g class="histogramme__graduations">
                    <text x=GAUCHE - 4.0 y=BAS text-anchor="end">"0"</text>
                    <text x=GAUCHE - 4.0 y=HAUT + 8.0 text-anchor="end">{plus_haute}</text>
                    {barres.iter().enumerate().map(|(i, b)| view! {
                        <text x=x(i) y=BAS + 12.0 text-anchor="middle">{b.min}</text>
                    }).collect_view()}
                    <text x=DROITE y=BAS + 12.0 text-anchor="end">{score_max}</text>
                </g>
                {barres.iter().enumerate().map(|(i, b)| {
                    let total = b.autres + u32::from(b.moi);
                    let hauteur = (BAS - HAUT) * f64::from(total) / f64::from(plus_haute);
                    let (gauche, haut) = (x(i) + 1.5, BAS - hauteur);
                    let milieu = x(i) + largeur / 2.0;
                    view! {
                        <rect
                            class=if b.moi { "barre barre--moi" } else { "barre" }
                            fill=b.moi.then_some("url(#hachures-moi)")
                            x=format!("{gauche:.1}")
                            y=format!("{haut:.1}")
                            width=format!("{:.1}", (largeur - 3.0).max(1.0))
                            height=format!("{hauteur:.1}")
                        />
                        {b.moi.then(|| view! {
                            <text class="histogramme__vous" x=format!("{milieu:.1}") y=format!("{:.1}", (haut - 4.0).max(HAUT - 6.0)) text-anchor="middle">
                                {tu_string!(i18n, mes.vous)}
                            </text>
                        })}
                    }
                }).collect_view()}
                <text class="histogramme__axe-x" x=(GAUCHE + DROITE) / 2.0 y=HAUTEUR - 6.0 text-anchor="middle">
                    {tu_string!(i18n, mes.axe_score)}
                </text>
            </svg>
            <figcaption>{tu_string!(i18n, mes.histogramme_legende)}</figcaption>
        </figure>
        <details class="pourquoi">
            <summary>{tu_string!(i18n, mes.histogramme_tableau)}</summary>
            <table class="score">
                <thead><tr>
                    <th scope="col">{tu_string!(i18n, mes.tranche)}</th>
                    <th scope="col" class="nombre">{tu_string!(i18n, mes.autres)}</th>
                </tr></thead>
                <tbody>
                    {barres.into_iter().map(|b| {
                        let (min, max) = (b.min, b.max);
                        view! {
                            <tr>
                                <th scope="row">
                                    {tu_string!(i18n, mes.tranche_de_a, min, max)}
                                    {b.moi.then(|| view! { " " <strong>{tu_string!(i18n, mes.vous_ici)}</strong> })}
                                </th>
                                <td class="nombre">{b.autres}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
