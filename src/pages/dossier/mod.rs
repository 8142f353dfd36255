//! `/mon-dossier`: the household, its resources, its current home and its situations, in
//! five short steps. Each step is checked in the browser by the rules crate before the
//! next; the whole request is saved at the end, and the server checks it again.

mod etapes;
pub mod formulaire;

use crate::api;
use crate::components::{ReserveAuDossier, ResumeErreurs, charger, focaliser, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::session::Session;
use clef_domain::ErreurChamp;
use clef_domain::api::Dossier;
use clef_domain::demande::{DemandeSaisie, Situation};
use formulaire::{Etape, Formulaire, MembreSaisi};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The form's fields, each its own signal (typing in one re-renders nothing else).
#[derive(Clone, Copy)]
pub struct Champs {
    pub membres: RwSignal<Vec<MembreSaisi>>,
    pub date_depot: RwSignal<String>,
    pub rfr_n2: RwSignal<String>,
    pub rfr_n1: RwSignal<String>,
    pub douze_derniers_mois: RwSignal<String>,
    pub loyer: RwSignal<String>,
    pub aide: RwSignal<String>,
    pub surface: RwSignal<String>,
    pub situations: RwSignal<BTreeSet<Situation>>,
    pub erreurs: RwSignal<Vec<ErreurChamp>>,
}

impl Champs {
    fn depuis(f: Formulaire) -> Champs {
        Champs {
            membres: RwSignal::new(f.membres),
            date_depot: RwSignal::new(f.date_depot),
            rfr_n2: RwSignal::new(f.rfr_n2),
            rfr_n1: RwSignal::new(f.rfr_n1),
            douze_derniers_mois: RwSignal::new(f.douze_derniers_mois),
            loyer: RwSignal::new(f.loyer),
            aide: RwSignal::new(f.aide),
            surface: RwSignal::new(f.surface),
            situations: RwSignal::new(f.situations),
            erreurs: RwSignal::new(Vec::new()),
        }
    }

    pub fn formulaire(&self) -> Formulaire {
        Formulaire {
            membres: self.membres.get_untracked(),
            date_depot: self.date_depot.get_untracked(),
            rfr_n2: self.rfr_n2.get_untracked(),
            rfr_n1: self.rfr_n1.get_untracked(),
            douze_derniers_mois: self.douze_derniers_mois.get_untracked(),
            loyer: self.loyer.get_untracked(),
            aide: self.aide.get_untracked(),
            surface: self.surface.get_untracked(),
            situations: self.situations.get_untracked(),
        }
    }
}

#[component]
pub fn PageDossier() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    // The session may still be loading: the title follows it.
    let titre = move || {
        if session.pour_un_tiers() {
            tu_string!(i18n, tiers.dossier_titre)
        } else {
            tu_string!(i18n, dossier.titre)
        }
    };
    titre_document(titre());
    view! {
        <div class="page page--formulaire">
            <h1>{titre}</h1>
            <ReserveAuDossier>
                <ChargerDossier />
            </ReserveAuDossier>
        </div>
    }
}

#[component]
fn ChargerDossier() -> impl IntoView {
    charger(
        |a| api::dossier().lire_annulable(a),
        |dossier: Dossier, _| view! { <FormulaireDossier dossier /> },
    )
}

#[component]
fn FormulaireDossier(dossier: Dossier) -> impl IntoView {
    let i18n = use_i18n();
    let numero = dossier.saisie.numero_unique.clone();
    let champs = Champs::depuis(Formulaire::depuis(&dossier.saisie));
    let etape = RwSignal::new(Etape::Menage);
    let enregistre = RwSignal::new(false);
    let numero_verif = numero.clone();

    // Errors found over the whole request (by the browser before saving, or by the
    // server): the step of the first one is shown with its own, and the summary focused.
    // `false` when there is none.
    let montrer_erreurs = move |erreurs: Vec<ErreurChamp>| -> bool {
        let Some(premiere) = erreurs.first() else {
            return false;
        };
        let vers = Etape::de_champ(&premiere.champ);
        champs.erreurs.set(
            erreurs
                .into_iter()
                .filter(|x| Etape::de_champ(&x.champ) == vers)
                .collect(),
        );
        etape.set(vers);
        request_animation_frame(|| focaliser("resume-erreurs"));
        true
    };
    let envoi = Envoi::new(
        move |saisie: DemandeSaisie| async move {
            let r = api::enregistrer_dossier(&saisie).await;
            // The server's field errors are shown as the browser's own.
            if let Err(e) = &r {
                montrer_erreurs(e.champs());
            }
            r
        },
        move |_| {
            enregistre.set(true);
            champs.erreurs.set(Vec::new());
            request_animation_frame(|| focaliser("confirmation"));
        },
    );
    let (message, en_cours) = (envoi.message, envoi.en_cours());

    // The errors of the current step, from the rules crate.
    let verifier_etape = move |e: Etape| -> bool {
        let (_, erreurs) = champs.formulaire().verifier(&numero_verif);
        let a_moi: Vec<ErreurChamp> = erreurs
            .into_iter()
            .filter(|err| Etape::de_champ(&err.champ) == e)
            .collect();
        let ok = a_moi.is_empty();
        champs.erreurs.set(a_moi);
        ok
    };
    // The errors shown are the current step's: moving to another step leaves them behind
    // (they come back, checked again, when the person goes on from that step).
    let aller = move |vers: Etape| {
        etape.set(vers);
        champs.erreurs.set(Vec::new());
        enregistre.set(false);
        message.set(None);
        request_animation_frame(|| focaliser("titre-etape"));
    };
    let continuer = {
        let verifier_etape = verifier_etape.clone();
        move |_| {
            let e = etape.get_untracked();
            if verifier_etape(e) {
                aller(e.suivante());
            } else {
                request_animation_frame(|| focaliser("resume-erreurs"));
            }
        }
    };
    let enregistrer = move |_| {
        let (saisie, erreurs) = champs.formulaire().verifier(&numero);
        if montrer_erreurs(erreurs) {
            return;
        }
        envoi.soumettre(saisie);
    };

    let titre_etape = move |e: Etape| titre_etape(i18n, e);

    view! {
        {(!dossier.complet).then(|| view! { <p class="encart">{tu_string!(i18n, dossier.intro_nouveau)}</p> })}
        <p class="aide">{move || if Session::utiliser().pour_un_tiers() { tu_string!(i18n, tiers.numero) } else { tu_string!(i18n, dossier.numero) }} " " <strong>{dossier.saisie.numero_unique.clone()}</strong></p>
        <ol class="progression" aria-label=tu_string!(i18n, dossier.etapes)>
            {Etape::TOUTES.into_iter().map(|e| {
                view! {
                    <li
                        class:progression__courante=move || etape.get() == e
                        class:progression__faite=move || { etape.get() > e }
                        aria-current=move || (etape.get() == e).then_some("step")
                    >{titre_etape(e)}</li>
                }
            }).collect_view()}
        </ol>
        <section class="etape" aria-labelledby="titre-etape">
            <h2 id="titre-etape" tabindex="-1">
                {move || {
                    let e = etape.get();
                    let numero = e.numero();
                    let total = Etape::TOUTES.len();
                    let titre = titre_etape(e);
                    tu_string!(i18n, dossier.etape_n, numero, total, titre).to_string()
                }}
            </h2>
            <ResumeErreurs erreurs=champs.erreurs titre=tu_string!(i18n, dossier.a_corriger) />
            {move || match etape.get() {
                Etape::Menage => view! { <etapes::EtapeMenage champs /> }.into_any(),
                Etape::Ressources => view! { <etapes::EtapeRessources champs /> }.into_any(),
                Etape::Logement => view! { <etapes::EtapeLogement champs /> }.into_any(),
                Etape::Situations => view! { <etapes::EtapeSituations champs /> }.into_any(),
                Etape::Verification => view! { <etapes::EtapeVerification champs aller=Callback::new(aller) /> }.into_any(),
            }}
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            {move || enregistre.get().then(|| view! {
                <div class="succes" id="confirmation" tabindex="-1" role="status">
                    <p><strong>{tu_string!(i18n, dossier.enregistre)}</strong></p>
                    <p class="actions">
                        <a class="bouton" href="/">{tu_string!(i18n, dossier.voir_logements)}</a>
                        <a class="bouton bouton--secondaire" href="/mon-score">{tu_string!(i18n, dossier.voir_score)}</a>
                    </p>
                </div>
            })}
            <div class="actions actions--etapes">
                {move || (etape.get() != Etape::Menage).then(|| view! {
                    <button type="button" class="bouton bouton--secondaire" on:click=move |_| aller(etape.get_untracked().precedente())>
                        {tu_string!(i18n, dossier.precedent)}
                    </button>
                })}
                {
                    let continuer = continuer.clone();
                    let enregistrer = enregistrer.clone();
                    move || if etape.get() == Etape::Verification {
                        view! {
                            <button type="button" class="bouton bouton--principal" on:click=enregistrer.clone() aria-disabled=move || en_cours.get().then_some("true")>
                                {move || if en_cours.get() { tu_string!(i18n, dossier.enregistrement) } else { tu_string!(i18n, dossier.enregistrer) }}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="bouton bouton--principal" on:click=continuer.clone()>
                                {tu_string!(i18n, dossier.continuer)}
                            </button>
                        }.into_any()
                    }
                }
            </div>
        </section>
    }
}

/// A step's name, in the applicant's words or, when an advisor acts for them, the advisor's.
pub fn titre_etape(i18n: leptos_i18n::I18nContext<Locale>, e: Etape) -> &'static str {
    let tiers = Session::utiliser().pour_un_tiers();
    match (e, tiers) {
        (Etape::Menage, false) => tu_string!(i18n, dossier.etape_menage),
        (Etape::Menage, true) => tu_string!(i18n, tiers.etape_menage),
        (Etape::Ressources, false) => tu_string!(i18n, dossier.etape_ressources),
        (Etape::Ressources, true) => tu_string!(i18n, tiers.etape_ressources),
        (Etape::Logement, false) => tu_string!(i18n, dossier.etape_logement),
        (Etape::Logement, true) => tu_string!(i18n, tiers.etape_logement),
        (Etape::Situations, false) => tu_string!(i18n, dossier.etape_situations),
        (Etape::Situations, true) => tu_string!(i18n, tiers.etape_situations),
        (Etape::Verification, _) => tu_string!(i18n, dossier.etape_verification),
    }
}
