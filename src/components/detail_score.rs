use super::Defilant;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::cotation::{Condition, Fait, Grille, Ligne, Mesure, Pourquoi, Score};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Why a line gives its points, in plain French.
pub fn pourquoi(i18n: I18nContext<Locale>, balise: &'static str, p: &Pourquoi) -> String {
    match p {
        Pourquoi::Fait {
            fait: Fait::Situation(s),
        } => {
            let situation = libelles::situation(i18n, *s);
            tu_string!(i18n, score.declare, situation).to_string()
        }
        Pourquoi::Fait {
            fait: Fait::ParentIsole,
        } => tu_string!(i18n, score.parent_isole).to_string(),
        Pourquoi::Anciennete {
            mois,
            plafond_atteint,
        } => {
            let mois = *mois;
            if *plafond_atteint {
                tu_string!(i18n, score.anciennete_plafond, mois).to_string()
            } else {
                tu_string!(i18n, score.anciennete, mois).to_string()
            }
        }
        Pourquoi::Tranche {
            mesure: Mesure::TauxEffortActuel,
            valeur,
            ..
        } => {
            let taux = format::nombre(balise, *valeur as f64 / 10.0);
            tu_string!(i18n, score.taux_effort_actuel, taux).to_string()
        }
        Pourquoi::Tranche {
            mesure: Mesure::SurfaceParPersonne,
            valeur,
            ..
        } => {
            let surface = format::nombre(balise, *valeur as f64 / 10.0);
            tu_string!(i18n, score.surface_par_personne, surface).to_string()
        }
        Pourquoi::Contexte {
            condition: Condition::PremierQuartileHorsQpv,
        } => tu_string!(i18n, score.q1_hors_qpv).to_string(),
        Pourquoi::Contexte {
            condition: Condition::AutreQuartileEnQpv,
        } => tu_string!(i18n, score.autre_quartile_en_qpv).to_string(),
        Pourquoi::Protege => tu_string!(i18n, score.protege).to_string(),
    }
}

/// The criterion's name as the territory's grid words it. Without the grid (it could not
/// be loaded), the line's reason names it: never the criterion's internal id.
fn libelle(
    i18n: I18nContext<Locale>,
    balise: &'static str,
    grille: Option<&Grille>,
    ligne: &Ligne,
) -> String {
    grille
        .and_then(|g| g.criteres.iter().find(|c| c.id == ligne.critere))
        .map_or_else(
            || pourquoi(i18n, balise, &ligne.pourquoi),
            |c| c.libelle.clone(),
        )
}

/// A score line by line, with its total; criteria that apply but do not count (a higher
/// one of their group does) are listed apart.
#[component]
pub fn DetailScore(
    score: Score,
    #[prop(optional_no_strip)] grille: Option<Grille>,
) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let total = score.total();
    let ecartees: Vec<String> = score
        .ecartees()
        .iter()
        .map(|l| libelle(i18n, balise, grille.as_ref(), l))
        .collect();
    let legende = if crate::session::Session::utiliser().pour_un_tiers() {
        tu_string!(i18n, tiers.score_legende)
    } else {
        tu_string!(i18n, score.legende)
    };
    view! {
        <Defilant libelle=legende>
            <table class="score">
                <caption>{legende}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tu_string!(i18n, score.critere)}</th>
                        <th scope="col" class="nombre">{tu_string!(i18n, score.points)}</th>
                    </tr>
                </thead>
                <tbody>
                    {score.lignes().iter().map(|l| {
                        let nom = libelle(i18n, balise, grille.as_ref(), l);
                        let raison = pourquoi(i18n, balise, &l.pourquoi);
                        view! {
                            <tr>
                                <th scope="row">{nom}<span class="aide">{raison}</span></th>
                                <td class="nombre">{l.points}</td>
                            </tr>
                        }
                    }).collect_view()}
                    {score.lignes().is_empty().then(|| view! {
                        <tr><td colspan="2">{tu_string!(i18n, score.aucun_point)}</td></tr>
                    })}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{tu_string!(i18n, score.total)}</th>
                        <td class="nombre"><strong>{total}</strong></td>
                    </tr>
                </tfoot>
            </table>
        </Defilant>
        {(!ecartees.is_empty()).then(|| view! {
            <p class="aide">
                {tu_string!(i18n, score.ecartees)} " "
                {ecartees.join(", ")}
            </p>
        })}
    }
}
