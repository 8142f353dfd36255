//! `/mixite`: the social-mix dashboard, open to all. The legal attribution targets over the
//! recorded lettings, counted by the rules crate the same way for everyone: for the whole
//! territory, then by commune, inside or outside a QPV, by réservataire, by landlord and
//! by quarter; each chart has its table.

use crate::api;
use crate::components::Defilant;
use crate::components::{Barres, charger, titre_document};
use crate::format::pourcentage;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles::{self, libelle_cible};
use clef_domain::api::LigneSru;
use clef_domain::fragilite::Fragilite;
use clef_domain::mixite::{Cible, Indicateur, Part};
use clef_domain::offre::Code;
use clef_domain::ventilation::{Axe, Groupe, TableauMixite};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

#[component]
pub fn PageMixite() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, mixite.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, mixite.titre)}</h1>
            <p>{tu_string!(i18n, mixite.intro)}</p>
            {charger(|a| api::mixite().lire_annulable(a), |t: TableauMixite, _| view! { <Tableau t /> })}
            <Sru />
            <h2>{tu_string!(i18n, mixite.donnees_titre)}</h2>
            <p>
                {tu_string!(i18n, mixite.donnees_texte)} " "
                <a href="/api/v1/donnees/resultats.csv" download="clef-resultats.csv">{tu_string!(i18n, mixite.telecharger)}</a>
            </p>
        </div>
    }
}

fn part(indicateurs: &[Indicateur], cible: Cible) -> Part {
    indicateurs
        .iter()
        .find(|i| i.cible == cible)
        .map(|i| i.part)
        .unwrap_or_default()
}

fn libelle_axe(i18n: I18nContext<Locale>, axe: Axe) -> String {
    match axe {
        Axe::Commune => tu_string!(i18n, mixite.axe_commune),
        Axe::Qpv => tu_string!(i18n, mixite.axe_qpv),
        Axe::Reservataire => tu_string!(i18n, mixite.axe_reservataire),
        Axe::Bailleur => tu_string!(i18n, mixite.axe_bailleur),
        Axe::Trimestre => tu_string!(i18n, mixite.axe_trimestre),
        Axe::Fragilite => tu_string!(i18n, mixite.axe_fragilite),
    }
    .to_string()
}

fn libelle_groupe(i18n: I18nContext<Locale>, axe: Axe, g: &Groupe) -> String {
    match (axe, g.cle.as_str()) {
        (Axe::Qpv, "en_qpv") => tu_string!(i18n, mixite.en_qpv).to_string(),
        (Axe::Qpv, _) => tu_string!(i18n, mixite.hors_qpv).to_string(),
        (Axe::Fragilite, code) => match Fragilite::depuis_code(code) {
            Some(f) => libelles::fragilite(i18n, f),
            None => tu_string!(i18n, mixite.non_classe).to_string(),
        },
        (Axe::Reservataire, code) => Code::depuis_code(code)
            .map(|r| libelles::reservataire(i18n, r))
            .unwrap_or_else(|| code.to_owned()),
        _ => g.cle.clone(),
    }
}

#[component]
fn Tableau(t: TableauMixite) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    if t.locations == 0 {
        return view! { <p class="etat">{tu_string!(i18n, mixite.aucune)}</p> }.into_any();
    }
    let objectifs = t.objectifs;
    let source = match &objectifs.accord {
        Some(accord) => {
            let nom = accord.nom.clone();
            let date = crate::format::date_longue(balise, accord.date);
            tu_string!(i18n, mixite.objectifs_accord, nom, date).to_string()
        }
        None => tu_string!(i18n, mixite.objectifs_loi).to_string(),
    };
    let n = t.locations;
    let lignes = t
        .ensemble
        .iter()
        .map(|i| {
            let atteint = if i.part.total == 0 {
                tu_string!(i18n, mixite.sans_objet)
            } else if i.part.atteint(i.objectif) {
                tu_string!(i18n, mixite.atteint)
            } else {
                tu_string!(i18n, mixite.non_atteint)
            };
            view! {
                <tr>
                    <th scope="row">{libelle_cible(i18n, i.cible)}</th>
                    <td>{pourcentage(balise, i.part)} <span class="aide">{format!(" ({}/{})", i.part.nombre, i.part.total)}</span></td>
                    <td>{format!("{} %", i.objectif)}</td>
                    <td>{atteint}</td>
                </tr>
            }
        })
        .collect_view();
    let ensemble = t.ensemble.clone();
    let axe = RwSignal::new(Axe::Commune);
    let ventilations = StoredValue::new(t.ventilations);
    view! {
        <p>{if n == 1 { tu_string!(i18n, mixite.calcul_un).to_string() } else { tu_string!(i18n, mixite.calcul, n).to_string() }}</p>
        <section aria-labelledby="titre-ensemble">
            <h2 id="titre-ensemble">{tu_string!(i18n, mixite.ensemble)}</h2>
            <Barres
                id="graphique-q1".into()
                titre=libelle_cible(i18n, Cible::Q1HorsQpv)
                lignes=vec![(tu_string!(i18n, mixite.territoire).to_string(), part(&ensemble, Cible::Q1HorsQpv))]
                objectif=objectifs.q1_hors_qpv
            />
            <Defilant libelle=tu_string!(i18n, mixite.tableau_ensemble)>
                <table>
                    <caption>{tu_string!(i18n, mixite.tableau_ensemble)}</caption>
                    <thead><tr>
                        <th scope="col">{tu_string!(i18n, mixite.indicateur)}</th>
                        <th scope="col">{tu_string!(i18n, mixite.part)}</th>
                        <th scope="col">{tu_string!(i18n, mixite.objectif)}</th>
                        <th scope="col">{tu_string!(i18n, mixite.resultat)}</th>
                    </tr></thead>
                    <tbody>{lignes}</tbody>
                </table>
            </Defilant>
            <p id="objectifs-source">{source}</p>
        </section>
        <section aria-labelledby="titre-detail">
            <h2 id="titre-detail">{tu_string!(i18n, mixite.detail)}</h2>
            <div class="champ">
                <label for="axe">{tu_string!(i18n, mixite.par)}</label>
                <select id="axe" on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(a) = Axe::TOUS.into_iter().find(|a| format!("{a:?}") == code) {
                        axe.set(a);
                    }
                }>
                    {Axe::TOUS.into_iter().map(|a| view! {
                        <option value=format!("{a:?}") selected=move || axe.get() == a>{libelle_axe(i18n, a)}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || {
                let a = axe.get();
                ventilations.with_value(|vs| vs.iter().find(|v| v.axe == a).cloned()).map(|v| {
                    let q1: Vec<(String, Part)> = v.groupes.iter().map(|g| (libelle_groupe(i18n, a, g), part(&g.indicateurs, Cible::Q1HorsQpv))).collect();
                    let prio: Vec<(String, Part)> = v.groupes.iter().map(|g| (libelle_groupe(i18n, a, g), g.prioritaires)).collect();
                    let lignes = v.groupes.iter().map(|g| {
                        let en_qpv = part(&g.indicateurs, Cible::AutresQuartilesEnQpv);
                        view! {
                            <tr>
                                <th scope="row">{libelle_groupe(i18n, a, g)}</th>
                                <td>{g.locations}</td>
                                <td>{pourcentage(balise, part(&g.indicateurs, Cible::Q1HorsQpv))}</td>
                                <td>{pourcentage(balise, en_qpv)}</td>
                                <td>{pourcentage(balise, g.prioritaires)}</td>
                                <td>{pourcentage(balise, g.premier_quartile)}</td>
                            </tr>
                        }
                    }).collect_view();
                    let titre_q1 = format!("{} — {}", libelle_cible(i18n, Cible::Q1HorsQpv), libelle_axe(i18n, a));
                    let titre_prio = format!("{} — {}", tu_string!(i18n, mixite.prioritaires_tous), libelle_axe(i18n, a));
                    view! {
                        <Barres id="graphique-detail-q1".into() titre=titre_q1 lignes=q1 objectif=objectifs.q1_hors_qpv />
                        <Barres id="graphique-detail-prio".into() titre=titre_prio lignes=prio objectif=objectifs.prioritaires_par_reservataire />
                        <Defilant libelle=format!("{} {}", tu_string!(i18n, mixite.tableau_detail), libelle_axe(i18n, a))>
                            <table>
                                <caption>{tu_string!(i18n, mixite.tableau_detail)} " " {libelle_axe(i18n, a)}</caption>
                                <thead><tr>
                                    <th scope="col">{libelle_axe(i18n, a)}</th>
                                    <th scope="col">{tu_string!(i18n, mixite.attributions)}</th>
                                    <th scope="col">{tu_string!(i18n, mixite.col_q1)}</th>
                                    <th scope="col">{tu_string!(i18n, mixite.col_en_qpv)}</th>
                                    <th scope="col">{tu_string!(i18n, mixite.col_prioritaires)}</th>
                                    <th scope="col">{tu_string!(i18n, mixite.col_q1_toutes)}</th>
                                </tr></thead>
                                <tbody>{lignes}</tbody>
                            </table>
                        </Defilant>
                    }
                })
            }}
        </section>
    }
    .into_any()
}

/// Each commune's social housing against its SRU obligation, with this year's activity.
#[component]
fn Sru() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    view! {
        <section aria-labelledby="titre-sru">
            <h2 id="titre-sru">{tu_string!(i18n, mixite.sru_titre)}</h2>
            <p>{tu_string!(i18n, mixite.sru_intro)}</p>
            {charger(|a| api::sru().lire_annulable(a), move |l: Vec<LigneSru>, _| {
                            let rangs = l.into_iter().map(|l| {
                                let (taux, obligation, manque) = match l.inventaire {
                                    Some(i) => (
                                        format!("{} ({} / {})", pourcentage(balise, i.taux()), i.logements_sociaux, i.residences_principales),
                                        format!("{} %", i.taux_obligation),
                                        i.manque().to_string(),
                                    ),
                                    None => {
                                        let inconnu = tu_string!(i18n, mixite.sru_inconnu).to_string();
                                        (inconnu, "–".into(), "–".into())
                                    }
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{l.commune}</th>
                                        <td>{taux}</td>
                                        <td>{obligation}</td>
                                        <td>{manque}</td>
                                        <td>{l.attributions_annee}</td>
                                        <td>{l.offres_annee}</td>
                                    </tr>
                                }
                            }).collect_view();
                            view! {
                                <Defilant libelle=tu_string!(i18n, mixite.sru_legende)>
                                    <table id="tableau-sru">
                                        <caption>{tu_string!(i18n, mixite.sru_legende)}</caption>
                                        <thead><tr>
                                            <th scope="col">{tu_string!(i18n, mixite.axe_commune)}</th>
                                            <th scope="col">{tu_string!(i18n, mixite.sru_taux)}</th>
                                            <th scope="col">{tu_string!(i18n, mixite.sru_obligation)}</th>
                                            <th scope="col">{tu_string!(i18n, mixite.sru_manque)}</th>
                                            <th scope="col">{tu_string!(i18n, mixite.sru_attributions)}</th>
                                            <th scope="col">{tu_string!(i18n, mixite.sru_offres)}</th>
                                        </tr></thead>
                                        <tbody>{rangs}</tbody>
                                    </table>
                                </Defilant>
                            }
            })}
        </section>
    }
}
