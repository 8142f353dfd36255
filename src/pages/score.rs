//! `/mon-score`: the territory's grid, with my points on each line.

use crate::api;
use crate::components::Chargement;
use crate::components::Defilant;
use crate::components::{EtatErreur, ReserveAuDossier, empechement_de, pourquoi, titre_document};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::api::{Empechement, MonScore};
use clef_domain::cotation::{Grille, Regle};
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
    let score = LocalResource::new(|| api::obtenir::<MonScore>("/moi/score"));
    let grille = LocalResource::new(|| async {
        api::obtenir::<Grille>(&format!("/territoires/{}/grille", api::TERRITOIRE)).await
    });
    view! {
        <Transition fallback=Chargement>
            {move || Suspend::new(async move {
                match (score.await, grille.await) {
                    (Ok(s), Ok(g)) => view! { <TableMonScore s g /> }.into_any(),
                    (Err(e), _) if empechement_de(&e) == Some(Empechement::DossierIncomplet) => view! {
                        <div class="encart">
                            <p>{tu_string!(i18n, avant.dossier_incomplet)}</p>
                            <p><a class="bouton bouton--principal" href="/mon-dossier">{tu_string!(i18n, avant.remplir_dossier)}</a></p>
                        </div>
                    }.into_any(),
                    (Err(erreur), _) | (_, Err(erreur)) => view! {
                        <EtatErreur erreur reessayer=Callback::new(move |_| { score.refetch(); grille.refetch(); }) />
                    }.into_any(),
                }
            })}
        </Transition>
    }
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
    }
}
