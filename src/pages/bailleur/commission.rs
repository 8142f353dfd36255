//! Preparing the commission: the ranked eligible candidates, anonymous, with how choosing
//! each would move the social-mix targets; the first three proposed; a motive for every
//! higher-ranked candidate left out. The rules crate checks the shortlist here as the
//! server will.

use crate::api::{self, OffreId};
use crate::components::Confirmation;
use crate::envoi::Envoi;
use crate::format::pourcentage;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::ExceptionTroisCandidats;
use clef_domain::api::{CandidatCommission, Commission, MotifPassage, PassageSaisi, Presentation};
use clef_domain::commission::presentation::{self, EXAMINES_MAX, EXAMINES_MIN, Vivier};
use clef_domain::commission::{self, Eligible};
use clef_domain::offre::Code;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use std::collections::BTreeMap;

pub fn libelle_motif(i18n: I18nContext<Locale>, m: MotifPassage) -> String {
    match m {
        MotifPassage::Desistement => tu_string!(i18n, commission.motif_desistement),
        MotifPassage::RefusDuLogement => tu_string!(i18n, commission.motif_refus_du_logement),
        MotifPassage::PlafondDepasse => tu_string!(i18n, commission.motif_plafond_depasse),
        MotifPassage::LogementInadapte => tu_string!(i18n, commission.motif_logement_inadapte),
        MotifPassage::TauxEffortExcessif => tu_string!(i18n, commission.motif_taux_effort),
        MotifPassage::DossierIncomplet => tu_string!(i18n, commission.motif_dossier_incomplet),
        MotifPassage::ObjectifMixite => tu_string!(i18n, commission.motif_mixite),
    }
    .to_string()
}

/// "1er quartile hors QPV : 19 % → 21 % (objectif 25 %)", one short line per target (the
/// table's caption says what the arrow means).
#[component]
fn Projection(candidat: CandidatCommission) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    view! {
        <ul class="projection">
            {candidat.projection.into_iter().map(|e| {
                let cible = cible_courte(i18n, e.cible);
                let avant = pourcentage(balise, e.avant);
                let apres = pourcentage(balise, e.apres);
                let objectif = e.objectif;
                view! { <li>{tu_string!(i18n, commission.projection_court, cible, avant, apres, objectif)}</li> }
            }).collect_view()}
        </ul>
    }
}

/// A target in a few words, for a table's cell.
fn cible_courte(i18n: I18nContext<Locale>, cible: clef_domain::mixite::Cible) -> String {
    use clef_domain::mixite::Cible;
    match cible {
        Cible::Q1HorsQpv => tu_string!(i18n, commission.cible_q1).to_string(),
        Cible::AutresQuartilesEnQpv => tu_string!(i18n, commission.cible_autres_qpv).to_string(),
        Cible::Prioritaires { reservataire } => {
            let qui = libelles::reservataire(i18n, reservataire);
            tu_string!(i18n, commission.cible_prioritaires, qui).to_string()
        }
    }
}

/// The anonymous ranking and the shortlist to send.
#[component]
pub fn PreparerCommission(commission: Commission, on_envoyee: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let offre_id = commission.offre_id;
    let candidats = commission.candidats;
    let plai = commission.plai;
    let eligibles: Vec<Eligible> = candidats
        .iter()
        .map(|c| Eligible {
            candidature_id: c.candidature_id,
            rang: c.rang,
            dalo: c.dalo,
        })
        .collect();
    let eligibles = StoredValue::new(eligibles);
    let exception = RwSignal::new(None::<ExceptionTroisCandidats>);
    let choisis = RwSignal::new(
        candidats
            .iter()
            .filter(|c| c.propose)
            .map(|c| c.candidature_id)
            .collect::<Vec<_>>(),
    );
    let motifs = RwSignal::new(BTreeMap::<i64, (Option<MotifPassage>, String)>::new());
    let rangs: BTreeMap<i64, u32> = candidats
        .iter()
        .map(|c| (c.candidature_id, c.rang))
        .collect();
    let rangs = StoredValue::new(rangs);
    // Fewer than three presented: which exception of R.441-3 applies.
    let moins_de_trois = Memo::new(move |_| choisis.with(|c| c.len() < EXAMINES_MIN));
    let exception_retenue = move || exception.get().filter(|_| moins_de_trois.get());
    // The candidates passed over, in rank order: each needs its motive, below the table.
    let passes = Memo::new(move |_| {
        let exception = exception_retenue();
        choisis.with(|c| {
            eligibles.with_value(|e| {
                presentation::a_motiver(e, c, exception)
                    .into_iter()
                    .map(|x| (x.candidature_id, x.rang))
                    .collect::<Vec<_>>()
            })
        })
    });
    let envoi = Envoi::new(
        move |p: Presentation| async move { api::presenter(OffreId(offre_id), &p).await },
        move |_| on_envoyee.run(()),
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let presentation = move || {
        let mut ids = choisis.get_untracked();
        ids.sort_by_key(|id| rangs.with_value(|r| r.get(id).copied().unwrap_or(u32::MAX)));
        let passages = motifs.with_untracked(|m| {
            passes
                .get_untracked()
                .into_iter()
                .filter_map(|(id, _)| {
                    let (motif, precision) = m.get(&id).cloned().unwrap_or_default();
                    Some(PassageSaisi {
                        candidature_id: id,
                        motif: motif?,
                        precision,
                    })
                })
                .collect()
        });
        let exception = exception
            .get_untracked()
            .filter(|_| ids.len() < EXAMINES_MIN);
        Presentation {
            candidatures: ids,
            passages,
            exception,
        }
    };
    let envoyer = Callback::new(move |()| {
        let p = presentation();
        let resultat =
            eligibles.with_value(|e| commission::verifier(Vivier { eligibles: e, plai }, &p));
        if let Err(e) = resultat {
            erreurs.set(e);
            return;
        }
        envoi.soumettre(p);
    });
    let max = EXAMINES_MAX;
    let balise = use_balise();
    // A refused shortlist says why next to the button, and the focus goes there.
    Effect::new(move || {
        if !erreurs.with(Vec::is_empty) {
            crate::components::focaliser_apres_rendu("erreurs-presentation");
        }
    });
    view! {
        <section aria-labelledby="commission-titre">
            <h2 id="commission-titre">{tu_string!(i18n, commission.titre)}</h2>
            <p>{tu_string!(i18n, commission.intro)}</p>
            <p class="encart">{tu_string!(i18n, commission.anonyme)}</p>
            <div class="tableau-defilant" tabindex="0" role="region" aria-labelledby="commission-titre">
                <table class="tableau-commission">
                    <caption>{tu_string!(i18n, commission.projection_legende)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tu_string!(i18n, commission.col_presenter)}</th>
                            <th scope="col">{tu_string!(i18n, commission.col_rang)}</th>
                            <th scope="col" class="nombre">{tu_string!(i18n, commission.col_score)}</th>
                            <th scope="col" class="nombre">{tu_string!(i18n, commission.col_menage)}</th>
                            <th scope="col" class="nombre">{tu_string!(i18n, commission.col_ressources_uc)}</th>
                            <th scope="col" class="nombre">{tu_string!(i18n, commission.col_taux_effort)}</th>
                            <th scope="col">{tu_string!(i18n, commission.col_mixite)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {candidats.into_iter().map(|c| {
                            let id = c.candidature_id;
                            let rang = c.rang;
                            let id_case = format!("presenter-{id}");
                            let coche = move || choisis.with(|l| l.contains(&id));
                            let etiquette = tu_string!(i18n, commission.presenter_n, rang = crate::libelles::ordinal(i18n, rang), dossier = id).to_string();
                            let (personnes, ressources, taux, reste) = match c.profil {
                                Some(p) => (
                                    p.personnes.to_string(),
                                    crate::format::euros(balise, p.ressources_par_uc),
                                    p.taux_effort_pour_mille.map_or_else(|| "–".to_owned(), |t| format!("{} %", crate::format::nombre(balise, f64::from(t) / 10.0))),
                                    p.reste_pour_vivre_par_uc.map(|r| {
                                        let montant = crate::format::euros(balise, r);
                                        tu_string!(i18n, commission.reste, montant).to_string()
                                    }),
                                ),
                                None => ("–".to_owned(), "–".to_owned(), "–".to_owned(), None),
                            };
                            view! {
                                <tr class:tableau-commission__coche=coche>
                                    <td>
                                        <input type="checkbox" id=id_case
                                            aria-label=etiquette
                                            prop:checked=coche
                                            disabled=move || !coche() && choisis.with(|l| l.len() >= max)
                                            on:change=move |ev| {
                                                let oui = event_target_checked(&ev);
                                                choisis.update(|l| {
                                                    l.retain(|x| *x != id);
                                                    if oui { l.push(id); }
                                                });
                                            } />
                                    </td>
                                    <th scope="row">
                                        {crate::libelles::ordinal(i18n, rang)}
                                        <span class="aide">{tu_string!(i18n, commission.dossier, id)}</span>
                                        {c.dalo.then(|| view! { <span class="etiquette">{tu_string!(i18n, commission.dalo)}</span> })}
                                    </th>
                                    <td class="nombre">{c.score}</td>
                                    <td class="nombre">{personnes}</td>
                                    <td class="nombre">{ressources}</td>
                                    <td class="nombre">{taux}{reste.map(|r| view! { <span class="aide">{r}</span> })}</td>
                                    <td>
                                        <Projection candidat=c.clone() />
                                        {c.contraire_aci.then(|| view! {
                                            <p class="alerte alerte--aci">{tu_string!(i18n, commission.contraire_aci)}</p>
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || moins_de_trois.get().then(|| view! { <ChoixException exception plai /> })}
            {move || {
                let liste = passes.get();
                (!liste.is_empty()).then(|| view! {
                    <h3>{tu_string!(i18n, commission.motifs_titre)}</h3>
                    <ul class="passages">
                        {liste.into_iter().map(|(id, rang)| view! { <Passage id rang motifs /> }).collect_view()}
                    </ul>
                })
            }}
            {move || (!erreurs.with(Vec::is_empty)).then(|| view! {
                <div class="resume-erreurs" id="erreurs-presentation" tabindex="-1" role="alert">
                    <ul>
                        {erreurs.get().iter().map(|e| {
                            let message = libelles::erreur_champ(i18n, e);
                            let texte = if e.champ.ends_with(".precision") {
                                format!("{} : {message}", tu_string!(i18n, commission.precision))
                            } else if e.champ.starts_with("candidatures") {
                                format!("{} : {message}", tu_string!(i18n, commission.presentes))
                            } else {
                                message
                            };
                            view! { <li>{texte}</li> }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            <Confirmation
                id="confirmer-presentation"
                libelle=tu_string!(i18n, commission.envoyer).to_string()
                titre=tu_string!(i18n, commission.confirmer_titre).to_string()
                texte=tu_string!(i18n, commission.confirmer_texte).to_string()
                confirmer=tu_string!(i18n, commission.envoyer).to_string()
                en_cours=en_cours.into()
                on_confirmer=envoyer
            />
        </section>
    }
}

/// The motive (fixed list) and its precision for a higher-ranked candidate left out.
#[component]
fn Passage(
    id: i64,
    rang: u32,
    motifs: RwSignal<BTreeMap<i64, (Option<MotifPassage>, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id_motif = format!("motif-{id}");
    let id_precision = format!("precision-{id}");
    let qui = tu_string!(
        i18n,
        commission.passe,
        rang = crate::libelles::ordinal(i18n, rang),
        dossier = id
    )
    .to_string();
    view! {
        <li class="passage">
            <p><strong>{qui}</strong></p>
            <div class="champ">
                <label for=id_motif.clone()>{tu_string!(i18n, commission.motif)}</label>
                <select id=id_motif on:change=move |ev| {
                    let code = event_target_value(&ev);
                    let motif = MotifPassage::depuis_code(&code);
                    motifs.update(|m| m.entry(id).or_default().0 = motif);
                }>
                    <option value="">{tu_string!(i18n, publier.choisir)}</option>
                    {MotifPassage::TOUS.iter().map(|&m| {
                        let choisi = motifs.with_untracked(|x| x.get(&id).and_then(|v| v.0) == Some(m));
                        view! { <option value=m.code() selected=choisi>{libelle_motif(i18n, m)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="champ">
                <label for=id_precision.clone()>{tu_string!(i18n, commission.precision)}</label>
                <p class="aide">{tu_string!(i18n, commission.precision_aide)}</p>
                <input type="text" id=id_precision maxlength="500"
                    prop:value=move || motifs.with(|m| m.get(&id).map(|v| v.1.clone()).unwrap_or_default())
                    on:change=move |ev| {
                        let texte = event_target_value(&ev);
                        motifs.update(|m| m.entry(id).or_default().1 = texte);
                    } />
            </div>
        </li>
    }
}

/// Why fewer than three candidates are presented: one of the exceptions of R.441-3, chosen
/// by staff and checked by the rules crate (the PLAI one only for a PLAI home).
#[component]
fn ChoixException(
    exception: RwSignal<Option<ExceptionTroisCandidats>>,
    plai: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let choix = ExceptionTroisCandidats::TOUS
        .iter()
        .copied()
        .filter(|e| plai || *e != ExceptionTroisCandidats::LogementPlaiAdapte);
    view! {
        <fieldset class="champ" id="exception-trois">
            <legend>{tu_string!(i18n, commission.exception_titre)}</legend>
            <p class="aide">{tu_string!(i18n, commission.exception_aide)}</p>
            {choix.map(|e| {
                let id = format!("exception-{}", e.code());
                view! {
                    <div class="champ champ--case">
                        <input type="radio" name="exception-trois" id=id.clone()
                            prop:checked=move || exception.get() == Some(e)
                            on:change=move |_| exception.set(Some(e)) />
                        <label for=id>{libelles::exception_trois(i18n, e)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
