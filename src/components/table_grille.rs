use super::Defilant;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::cotation::{Grille, Regle};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// How many points a criterion gives, in words.
fn points(i18n: I18nContext<Locale>, regle: &Regle) -> String {
    let fixes = |n: u32| match n {
        1 => tu_string!(i18n, grille.points_un).to_string(),
        n => tu_string!(i18n, grille.points_n, n).to_string(),
    };
    match regle {
        Regle::Drapeau { points, .. } | Regle::Contexte { points, .. } => fixes(*points),
        Regle::Anciennete {
            points_par_mois,
            plafond,
        } => {
            let plafond = *plafond;
            match *points_par_mois {
                1 => tu_string!(i18n, grille.par_mois_un, plafond).to_string(),
                n => tu_string!(i18n, grille.par_mois_n, n, plafond).to_string(),
            }
        }
        Regle::Tranches { tranches, .. } => {
            let min = tranches.iter().map(|t| t.points).min().unwrap_or(0);
            let max = tranches.iter().map(|t| t.points).max().unwrap_or(0);
            if min == max {
                fixes(max)
            } else {
                tu_string!(i18n, grille.tranches, min, max).to_string()
            }
        }
    }
}

/// The published grid: every criterion, what it is worth, and what it means.
#[component]
pub fn TableGrille(grille: Grille) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let version = grille.version;
    let date = format::date_longue(balise, grille.en_vigueur_le);
    let legende = tu_string!(i18n, grille.legende, version, date).to_string();
    view! {
        <Defilant libelle=legende.clone()>
            <table class="grille">
                <caption>{legende}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tu_string!(i18n, grille.critere)}</th>
                        <th scope="col" class="nombre">{tu_string!(i18n, grille.points)}</th>
                    </tr>
                </thead>
                <tbody>
                    {grille
                        .criteres
                        .into_iter()
                        .map(|c| {
                            let points = points(i18n, &c.regle);
                            view! {
                                <tr id=format!("critere-{}", c.id)>
                                    <th scope="row">
                                        {c.libelle}
                                        <span class="aide">{c.explication}</span>
                                    </th>
                                    <td class="nombre">{points}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Defilant>
    }
}
