//! `/mon-score`: the territory's grid, with my points on each line, then my position
//! among similar requests and their average wait (décret n° 2019-1378).

use crate::api::{self, Annulation};
use crate::components::Defilant;
use crate::components::{ReserveAuDossier, charger_ou, empechement_de, pourquoi, titre_document};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::api::{Empechement, MonScore};
use clef_domain::cotation::{Grille, Regle};
use clef_domain::offre::{Code, Typologie};
use clef_domain::semblables::{CAS_MIN, Semblables};
use leptos::prelude::*;

#[component]
pub fn PageMonScore() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::session::Session::utiliser();
    let titre = move || {
        if session.pour_un_tiers() {
            tu_string!(i18n, tiers.mon_score_titre)
        } else {
            tu_string!(i18n, mon_score.titre)
        }
    };
    titre_document(titre());
    view! {
        <div class="page page--texte">
            <h1>{titre}</h1>
            <ReserveAuDossier>
                <Charger />
            </ReserveAuDossier>
        </div>
    }
}

#[component]
fn Charger() -> impl IntoView {
    let i18n = use_i18n();
    charger_ou(
        |a: Annulation| async move {
            let s = api::score().lire_annulable(a.clone()).await?;
            let g = api::grille(None).lire_annulable(a).await?;
            Ok((s, g))
        },
        |(s, g): (MonScore, Grille), _| view! { <TableMonScore s g /> },
        move |e| {
            (empechement_de(e) == Some(Empechement::DossierIncomplet)).then(|| {
                view! {
                    <div class="encart">
                        <p>{tu_string!(i18n, avant.dossier_incomplet)}</p>
                        <p><a class="bouton bouton--principal" href="/mon-dossier">{tu_string!(i18n, avant.remplir_dossier)}</a></p>
                    </div>
                }
                .into_any()
            })
        },
    )
}

#[component]
fn TableMonScore(s: MonScore, g: Grille) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let date = format::date_longue(balise, s.jour);
    let version = s.grille_version;
    let total = s.score.total();
    let intro = tu_string!(i18n, mon_score.intro, version, date).to_string();
    view! {
        <p>{intro}</p>
        <p class="position position--grande"><strong>{tu_string!(i18n, mon_score.total, total)}</strong></p>
        <Defilant libelle=tu_string!(i18n, mon_score.legende)>
            <table class="score">
                <caption>{tu_string!(i18n, mon_score.legende)}</caption>
                <thead><tr>
                    <th scope="col">{tu_string!(i18n, score.critere)}</th>
                    <th scope="col" class="nombre">{tu_string!(i18n, mon_score.mes_points)}</th>
                </tr></thead>
                <tbody>
                    {g.criteres.iter().map(|c| {
                        let ligne = s.score.lignes().iter().find(|l| l.critere == c.id);
                        let ecartee = s.score.ecartees().iter().any(|l| l.critere == c.id);
                        let selon_logement = matches!(c.regle, Regle::Contexte { .. });
                        let detail = match (ligne, selon_logement, ecartee) {
                            (Some(l), _, _) => pourquoi(i18n, balise, &l.pourquoi),
                            (None, true, _) => tu_string!(i18n, mon_score.selon_logement).to_string(),
                            (None, _, true) => tu_string!(i18n, mon_score.ecartee).to_string(),
                            (None, false, false) => tu_string!(i18n, mon_score.non_concerne).to_string(),
                        };
                        let points = ligne.map_or_else(|| if selon_logement { "—".to_owned() } else { "0".to_owned() }, |l| l.points.to_string());
                        view! {
                            <tr class:score__ligne--active=ligne.is_some()>
                                <th scope="row">{c.libelle.clone()}<span class="aide">{detail}</span></th>
                                <td class="nombre">{points}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </Defilant>
        <p><a href="/grille-de-cotation">{tu_string!(i18n, mon_score.voir_grille)}</a></p>
        <ParmiLesSemblables semblables=s.semblables />
    }
}

/// The average wait and my position among similar requests, as the cotation decree
/// requires, with the method in plain words; no figure on too few cases.
#[component]
fn ParmiLesSemblables(semblables: Semblables) -> impl IntoView {
    let i18n = use_i18n();
    let typologie = semblables.typologie.code();
    let n = semblables.typologie.pieces();
    let qui = match semblables.typologie {
        Typologie::T1 => tu_string!(i18n, mon_score.semblables_qui_un).to_string(),
        Typologie::T6 => tu_string!(i18n, mon_score.semblables_qui_six).to_string(),
        _ => tu_string!(i18n, mon_score.semblables_qui, n, typologie).to_string(),
    };
    let min = CAS_MIN;
    let p = semblables.position;
    let position = match (p.devant, p.a_egalite) {
        (Some(devant), Some(egalite)) => {
            let semblables = p.semblables;
            tu_string!(i18n, mon_score.position, semblables, devant, egalite).to_string()
        }
        _ => {
            let semblables = p.semblables;
            tu_string!(i18n, mon_score.position_trop_peu, semblables, min).to_string()
        }
    };
    let a = semblables.attente;
    let cas = a.cas;
    let attente = match a.mois {
        Some(mois) => tu_string!(i18n, mon_score.attente, mois, typologie, cas).to_string(),
        None => tu_string!(i18n, mon_score.attente_trop_peu, typologie, cas, min).to_string(),
    };
    view! {
        <section aria-labelledby="titre-semblables" id="semblables">
            <h2 id="titre-semblables">{tu_string!(i18n, mon_score.semblables_titre)}</h2>
            <p>{qui}</p>
            <p id="position-semblables">{position}</p>
            <p id="attente-semblables">{attente}</p>
            <details class="pourquoi">
                <summary>{tu_string!(i18n, mon_score.methode_titre)}</summary>
                <p>{tu_string!(i18n, mon_score.methode)}</p>
            </details>
        </section>
    }
}
