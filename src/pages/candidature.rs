//! `/mes-candidatures/{id}`: one application in full: rank, score line by line, the
//! points to move up, the other candidates' scores (anonymous), the timeline, a what-if
//! simulator computed in the browser by the rules crate, and withdrawal.

use crate::api::{self, Annulation, CandidatureId, ErreurChargement, OffreId};
use crate::components::Annonce;
use crate::components::Confirmation;
use crate::components::{
    DetailScore, DetailVerdict, Histogramme, ReserveAuDossier, charger, charger_ou, texte_position,
    titre_document,
};
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::pages::candidatures::{texte_chance, texte_etat};
use crate::session::Session;
use clef_domain::api::{CandidatureDetail, CandidatureResume, Etape, NomEtape};
use clef_domain::classement::Candidature;
use clef_domain::cotation::{Contexte, Grille};
use clef_domain::demande::{Demande, Ressources, Situation};
use clef_domain::logement::Logement;
use clef_domain::offre::Code;
use clef_domain::simulation::{Changement, Terrain, simuler};
use clef_domain::territoire::ParametresTerritoire;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PageCandidature() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(if Session::utiliser().pour_un_tiers() {
        tu_string!(i18n, tiers.detail_titre)
    } else {
        tu_string!(i18n, mes.detail_titre)
    });
    view! {
        <div class="page">
            <p class="retour"><a href="/mes-candidatures"><span aria-hidden="true">"← "</span>{tu_string!(i18n, mes.retour)}</a></p>
            <ReserveAuDossier>
                <ChargerCandidature />
            </ReserveAuDossier>
        </div>
    }
}

#[component]
fn ChargerCandidature() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    charger_ou(
        move |a| {
            let id = CandidatureId::depuis_url(&id.get());
            async move { api::candidature(id?).lire_annulable(a).await }
        },
        |d: CandidatureDetail, recharger| view! { <Detail d recharger /> },
        move |e| {
            matches!(e.status(), Some(400 | 404)).then(|| {
                view! {
                    <h1>{tu_string!(i18n, mes.introuvable)}</h1>
                    <p><a href="/mes-candidatures">{tu_string!(i18n, mes.retour)}</a></p>
                }
                .into_any()
            })
        },
    )
}

#[component]
fn Detail(d: CandidatureDetail, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let tiers = Session::utiliser().pour_un_tiers();
    let r = d.resume.clone();
    titre_document(&r.offre.titre);
    let cloturee = r.offre.etat == clef_domain::offre::EtatOffre::Cloturee;
    let etat = texte_etat(i18n, &r, cloturee);
    let grille_version = d.simulation.grille_version;
    let grille = LocalResource::new(move || api::grille(Some(grille_version)).lire());
    let points = d.points_pour_passer_devant;
    let score = d.score.clone();
    let etapes = d.etapes.clone();
    let histogramme = d.histogramme.clone();
    let verdict = d.verdict.clone();
    view! {
        <h1>{r.offre.titre.clone()}</h1>
        <p class="aide">{r.offre.commune.clone()} " · " <a href=format!("/logements/{}", r.offre.id)>{tu_string!(i18n, mes.voir_offre)}</a></p>
        <p><span class="etiquette">{etat}</span></p>
        {r.position.map(|p| {
            let rang = texte_position(i18n, p);
            // Chance and points to catch up only while the rank still decides something.
            let en_jeu = r.etat.rang_en_jeu();
            let chance = r.chance().map(|c| texte_chance(i18n, c));
            view! {
                <section class="bloc" aria-labelledby="h-rang">
                    <h2 id="h-rang">{if tiers { tu_string!(i18n, tiers.rang_titre) } else { tu_string!(i18n, mes.rang_titre) }}</h2>
                    <p class="position position--grande"><strong>{rang}</strong></p>
                    {chance.map(|c| view! { <p>{c}</p> })}
                    {points.filter(|_| en_jeu).map(|n| {
                        let points = crate::libelles::points(i18n, u64::from(n));
                        view! { <p>{tu_string!(i18n, mes.points_pour_passer, points)}</p> }
                    })}
                    {(!cloturee).then(|| view! { <p class="aide">{tu_string!(i18n, avant.position_aide)}</p> })}
                </section>
            }
        })}
        {r.position.is_none().then(|| (r.etat != clef_domain::api::EtatCandidature::Retiree).then(|| view! {
            <p class="alerte">{tu_string!(i18n, mes.non_classee)}</p>
        }))}
        <section class="bloc" aria-labelledby="h-etapes">
            <h2 id="h-etapes">{tu_string!(i18n, mes.etapes_titre)}</h2>
            <Chronologie etapes />
        </section>
        <section class="bloc" aria-labelledby="h-score">
            <h2 id="h-score">{if tiers { tu_string!(i18n, tiers.score_titre) } else { tu_string!(i18n, mes.score_titre) }}</h2>
            {move || grille.get().map(|grille| view! { <DetailScore score=score.clone() grille=grille.ok() /> })}
        </section>
        {(!histogramme.is_empty() && r.position.is_some()).then(|| view! {
            <section class="bloc" aria-labelledby="h-histogramme">
                <h2 id="h-histogramme">{tu_string!(i18n, mes.histogramme_titre)}</h2>
                <Histogramme barres=histogramme.clone() />
            </section>
        })}
        <section class="bloc" aria-labelledby="h-verdict">
            <h2 id="h-verdict">{if tiers { tu_string!(i18n, tiers.eligibilite_titre) } else { tu_string!(i18n, mes.eligibilite_titre) }}</h2>
            <DetailVerdict verdict />
        </section>
        {r.etat.rang_en_jeu().then(|| view! { <Simulateur d=d.clone() /> })}
        {r.retrait_possible.then(|| view! { <Retrait candidature=r.clone() recharger /> })}
    }
}

#[component]
fn Chronologie(etapes: Vec<Etape>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    view! {
        <ol class="chronologie">
            {etapes.into_iter().map(|e| {
                let nom = match e.nom {
                    NomEtape::Deposee => tu_string!(i18n, mes.etape_deposee),
                    NomEtape::Cloturee => tu_string!(i18n, mes.etape_cloturee),
                    NomEtape::Classee => tu_string!(i18n, mes.etape_classee),
                    NomEtape::PresenteeEnCommission => tu_string!(i18n, mes.etape_presentee),
                    NomEtape::Decision => tu_string!(i18n, mes.etape_decision),
                    NomEtape::Attribuee => tu_string!(i18n, mes.etape_attribuee),
                    NomEtape::NonRetenue => tu_string!(i18n, mes.etape_non_retenue),
                    NomEtape::Retiree => tu_string!(i18n, mes.etape_retiree),
                };
                let statut = if e.faite { tu_string!(i18n, mes.fait) } else { tu_string!(i18n, mes.a_venir) };
                let jour = e.jour.map(|j| format::date_longue(balise, j));
                view! {
                    <li class:chronologie__faite=e.faite>
                        <span class="chronologie__nom">{nom}</span>
                        " " <span class="visuellement-cache">{statut}</span>
                        {jour.map(|j| view! { " " <span class="aide">{j}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Everything the what-if needs, loaded once.
#[derive(Clone)]
struct Donnees {
    candidature: Candidature,
    grille: Grille,
    logement: Logement,
    territoire: ParametresTerritoire,
}

async fn charger_donnees(d: &CandidatureDetail, a: Annulation) -> Option<Donnees> {
    let dossier = api::dossier().lire_annulable(a.clone()).await.ok()?;
    let demande = Demande::depuis_saisie(dossier.saisie).ok()?;
    let grille = api::grille(Some(d.simulation.grille_version))
        .lire_annulable(a.clone())
        .await
        .ok()?;
    let offre = api::offre(OffreId(d.resume.offre.id))
        .lire_annulable(a.clone())
        .await
        .ok()?;
    let territoire = api::parametres().lire_annulable(a).await.ok()?;
    Some(Donnees {
        candidature: Candidature {
            id: d.resume.id as u64,
            demande,
            aide_estimee: d.simulation.aide_estimee,
        },
        grille,
        logement: Logement::le(&offre.resume, d.simulation.jour),
        territoire,
    })
}

#[component]
fn Simulateur(d: CandidatureDetail) -> impl IntoView {
    let i18n = use_i18n();
    let jour = d.simulation.jour;
    let terrain = Terrain::new(d.simulation.adversaires.clone());
    let mois = RwSignal::new(0u32);
    let ajoutees = RwSignal::new(std::collections::BTreeSet::<Situation>::new());
    let retirees = RwSignal::new(std::collections::BTreeSet::<Situation>::new());
    let revenu = RwSignal::new(String::new());
    view! {
        <section class="bloc" aria-labelledby="h-simulateur">
            <h2 id="h-simulateur">{tu_string!(i18n, simulateur.titre)}</h2>
            <p>{tu_string!(i18n, simulateur.intro)}</p>
            {charger(
                move |a| {
                    let d = d.clone();
                    async move { Ok::<_, ErreurChargement>(charger_donnees(&d, a).await) }
                },
                move |donnees: Option<Donnees>, _| {
                    let Some(donnees) = donnees else {
                        return view! { <p class="aide">{tu_string!(i18n, simulateur.indisponible)}</p> }.into_any();
                    };
                    let actuelles = donnees.candidature.demande.situations.clone();
                    let resultat = {
                        let donnees = donnees.clone();
                        let terrain = terrain.clone();
                        Memo::new(move |_| {
                            let mut changements = vec![Changement::MoisSupplementaires { mois: mois.get() }];
                            changements.extend(ajoutees.get().into_iter().map(|situation| Changement::AjouterSituation { situation }));
                            changements.extend(retirees.get().into_iter().map(|situation| Changement::RetirerSituation { situation }));
                            if let Ok(Some(c)) = crate::saisie::centimes(&revenu.get()) {
                                changements.push(Changement::AutresRessources {
                                    ressources: Ressources { rfr_n2: clef_domain::Euros::from_centimes(c), rfr_n1: None, douze_derniers_mois: None },
                                });
                            }
                            let contexte = Contexte { jour, logement: &donnees.logement, territoire: &donnees.territoire };
                            let s = simuler(&donnees.candidature, &changements, &terrain, &donnees.grille, &contexte);
                            (s.rang, s.sur, s.score.total())
                        })
                    };
                    view! {
                        <div class="champ">
                            <label for="simulation-mois">{tu_string!(i18n, simulateur.anciennete)}</label>
                            <select id="simulation-mois" on:change=move |ev| mois.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {[0u32, 6, 12, 24, 36].into_iter().map(|m| view! {
                                    <option value=m.to_string()>{if m == 0 { tu_string!(i18n, simulateur.aucune).to_string() } else { tu_string!(i18n, simulateur.mois_de_plus, m).to_string() }}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <fieldset class="situations">
                            <legend>{tu_string!(i18n, simulateur.situations)}</legend>
                            {Situation::TOUS.iter().copied().map(|s| {
                                let declaree = actuelles.contains(&s);
                                let id = format!("simulation-{}", s.code().replace('_', "-"));
                                view! {
                                    <div class="champ champ--case">
                                        <input type="checkbox" id=id.clone() checked=declaree on:change=move |ev| {
                                            let coche = event_target_checked(&ev);
                                            if declaree {
                                                retirees.update(|r| { if coche { r.remove(&s); } else { r.insert(s); } });
                                            } else {
                                                ajoutees.update(|a| { if coche { a.insert(s); } else { a.remove(&s); } });
                                            }
                                        } />
                                        <label for=id>{crate::libelles::situation(i18n, s)}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <div class="champ">
                            <label for="simulation-revenu">{tu_string!(i18n, simulateur.revenu)}</label>
                            <input id="simulation-revenu" inputmode="decimal" prop:value=move || revenu.get() on:input=move |ev| revenu.set(event_target_value(&ev)) />
                        </div>
                        <p class="resultat-simulation" aria-live="polite">
                            {move || {
                                let (rang, sur, total) = resultat.get();
                                match rang {
                                    Some(rang) => {
                                        let position = texte_position(i18n, clef_domain::api::Position { rang, sur, score: total, chance: clef_domain::classement::Chance::selon_rang(rang) });
                                        tu_string!(i18n, simulateur.resultat, position, total).to_string()
                                    }
                                    None => tu_string!(i18n, simulateur.non_eligible, total).to_string(),
                                }
                            }}
                        </p>
                        <p class="aide">{tu_string!(i18n, simulateur.avertissement)}</p>
                    }.into_any()
                },
            )}
        </section>
    }
}

#[component]
fn Retrait(candidature: CandidatureResume, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let id = CandidatureId(candidature.id);
    let cloture = format::date_longue(balise, candidature.offre.cloture);
    let aide = tu_string!(i18n, mes.retrait_aide, cloture).to_string();
    let annonce = Annonce::utiliser();
    let envoi = Envoi::new(api::retirer_candidature, move |_| {
        if let Some(annonce) = annonce {
            annonce.dire(
                &format!("/mes-candidatures/{id}"),
                tu_string!(i18n, mes.retiree).to_string(),
            );
        }
        recharger.run(())
    });
    let (en_cours, erreur) = (envoi.en_cours(), envoi.message);
    let retirer = Callback::new(move |()| envoi.soumettre(id));
    view! {
        <section class="bloc" aria-labelledby="h-retrait">
            <h2 id="h-retrait">{tu_string!(i18n, mes.retrait_titre)}</h2>
            <p>{aide}</p>
            <Confirmation
                id="confirmer-retrait"
                libelle=tu_string!(i18n, mes.retirer).to_string()
                titre=tu_string!(i18n, mes.retrait_question).to_string()
                confirmer=tu_string!(i18n, mes.retrait_confirmer).to_string()
                en_cours=en_cours.into()
                on_confirmer=retirer
                danger=true
            />
            {move || erreur.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </section>
    }
}
