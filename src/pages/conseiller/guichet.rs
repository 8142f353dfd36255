//! The counter once logged in: open an applicant's file under a mandate, or start a
//! mandate with the applicant present; then the ways into their file.

use crate::api;
use crate::components::{
    ChampTexte, ChoixMandat, SaisieMandat, charger, message_echec, message_erreur,
};
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use crate::session::{EtatSession, Session};
use clef_domain::api::{Accompagnement, ConfirmationMandat, DebutAccompagnement, MandatAuGuichet};
use leptos::prelude::*;

/// The session now acts for this applicant: the banner appears, the file's pages open.
fn ouvrir(session: Session, accompagnement: Accompagnement) {
    session.etat.update(|etat| {
        if let EtatSession::Connecte(s) = etat {
            s.accompagnement = Some(accompagnement);
        }
    });
}

#[component]
pub fn Guichet(structure: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{tu_string!(i18n, conseiller.vous_etes, structure)}</p>
        <DossiersSousMandat />
        <OuvrirDossier />
        <MandatAuGuichetFormulaire />
    }
}

/// The structure's files under a live mandate: one tap opens one.
#[component]
fn DossiersSousMandat() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let session = Session::utiliser();
    let envoi = Envoi::avec_message(
        |debut: DebutAccompagnement| async move { api::commencer_accompagnement(&debut).await },
        move |a| ouvrir(session, a),
        // No field here: whatever went wrong is said in the alert.
        move |e| Some(message_echec(i18n, e.clone())),
    );
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    let ouvrir_dossier =
        move |numero_unique: String| envoi.soumettre(DebutAccompagnement { numero_unique });
    view! {
        <section aria-labelledby="titre-dossiers">
            <h2 id="titre-dossiers">{tu_string!(i18n, conseiller.dossiers_titre)}</h2>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            {charger(
                |a| api::dossiers().lire_annulable(a),
                move |liste: Vec<Accompagnement>, _| {
                    if liste.is_empty() {
                        return view! {
                            <p class="etat etat--vide">{tu_string!(i18n, conseiller.aucun_dossier)}</p>
                        }.into_any();
                    }
                    view! {
                        <p class="aide">{tu_string!(i18n, conseiller.dossiers_aide)}</p>
                        <ul class="dossiers-sous-mandat">
                            {liste.into_iter().map(|a| {
                                let fin = format::date_longue(balise, a.fin);
                                let actes = a.actes.iter().map(|&acte| libelles::acte(i18n, acte)).collect::<Vec<_>>().join(", ");
                                let numero = a.numero_unique.clone();
                                view! {
                                    <li class="carte-candidature">
                                        <button type="button" class="bouton bouton--secondaire"
                                            aria-disabled=move || en_cours.get().then_some("true")
                                            on:click=move |_| ouvrir_dossier(numero.clone())>
                                            {tu_string!(i18n, conseiller.ouvrir_numero, numero = a.numero_unique.clone())}
                                        </button>
                                        <p class="aide">{tu_string!(i18n, conseiller.jusquau, fin, actes)}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                },
            )}
        </section>
    }
}

#[component]
fn OuvrirDossier() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let numero = RwSignal::new(String::new());
    let envoi = Envoi::new(
        |debut: DebutAccompagnement| async move { api::commencer_accompagnement(&debut).await },
        move |a| ouvrir(session, a),
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(DebutAccompagnement {
            numero_unique: numero.get_untracked(),
        });
    };
    view! {
        <section aria-labelledby="titre-ouvrir">
            <h2 id="titre-ouvrir">{tu_string!(i18n, conseiller.ouvrir_titre)}</h2>
            <form class="formulaire" on:submit=soumettre novalidate=true>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <ChampTexte
                    id="numero-unique".into()
                    libelle=tu_string!(i18n, conseiller.numero).to_string()
                    valeur=numero
                    erreur=message_erreur(erreurs, "numero_unique".into(), false)
                    aide=tu_string!(i18n, conseiller.ouvrir_aide).to_string()
                    autocomplete="off"
                    requis=true
                />
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                    {tu_string!(i18n, conseiller.ouvrir)}
                </button>
            </form>
        </section>
    }
}

/// The two steps of a mandate started at the counter: ask for it (the applicant receives a
/// code), then confirm it with that code (the file opens).
#[derive(Clone)]
enum EtapeMandat {
    Demander(MandatAuGuichet),
    Confirmer(ConfirmationMandat),
}

#[component]
fn MandatAuGuichetFormulaire() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let numero = RwSignal::new(String::new());
    let saisie = SaisieMandat::new();
    let code = RwSignal::new(String::new());
    // Once asked: the applicant reads the code in their account.
    let demande = RwSignal::new(false);
    // A field's error goes next to it, and only there.
    let envoi = Envoi::new(
        |etape: EtapeMandat| async move {
            match etape {
                EtapeMandat::Demander(corps) => api::demander_mandat(&corps).await.map(|()| None),
                EtapeMandat::Confirmer(corps) => api::confirmer_mandat(&corps).await.map(Some),
            }
        },
        move |ouvert: Option<Accompagnement>| match ouvert {
            None => demande.set(true),
            Some(a) => ouvrir(session, a),
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let demander = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(EtapeMandat::Demander(MandatAuGuichet {
            numero_unique: numero.get_untracked(),
            actes: saisie.actes(),
            duree_mois: saisie.duree_mois(),
        }));
    };
    let confirmer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        envoi.soumettre(EtapeMandat::Confirmer(ConfirmationMandat {
            numero_unique: numero.get_untracked(),
            code: code.get_untracked(),
        }));
    };
    view! {
        <section aria-labelledby="titre-guichet">
            <h2 id="titre-guichet">{tu_string!(i18n, conseiller.guichet_titre)}</h2>
            <p>{tu_string!(i18n, conseiller.guichet_texte)}</p>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            {move || if demande.get() {
                view! {
                    <form class="formulaire" on:submit=confirmer novalidate=true>
                        <p class="succes" role="status">{tu_string!(i18n, conseiller.code_demande)}</p>
                        <ChampTexte
                            id="code-mandat".into()
                            libelle=tu_string!(i18n, conseiller.code_mandat).to_string()
                            valeur=code
                            erreur=message_erreur(erreurs, "code".into(), false)
                            autocomplete="off"
                            inputmode="numeric"
                            requis=true
                        />
                        <p class="actions">
                            <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                                {tu_string!(i18n, conseiller.confirmer_mandat)}
                            </button>
                            <button type="button" class="bouton bouton--secondaire" on:click=move |_| {
                                message.set(None);
                                erreurs.set(Vec::new());
                                code.set(String::new());
                                demande.set(false);
                            }>
                                {tu_string!(i18n, conseiller.recommencer)}
                            </button>
                        </p>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <form class="formulaire" on:submit=demander novalidate=true>
                        <ChampTexte
                            id="numero-mandat".into()
                            libelle=tu_string!(i18n, conseiller.numero).to_string()
                            valeur=numero
                            erreur=message_erreur(erreurs, "numero_unique".into(), false)
                            autocomplete="off"
                            requis=true
                        />
                        <ChoixMandat saisie erreurs />
                        <button type="submit" class="bouton bouton--secondaire" aria-disabled=move || en_cours.get().then_some("true")>
                            {tu_string!(i18n, conseiller.demander_mandat)}
                        </button>
                    </form>
                }
                .into_any()
            }}
        </section>
    }
}

/// The file is open: what the mandate covers, and the ways in.
#[component]
pub fn DossierOuvert() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let session = Session::utiliser();
    move || {
        session.accompagnement().map(|a| {
            let fin = format::date_longue(balise, a.fin);
            let actes = a
                .actes
                .iter()
                .map(|&acte| view! { <li>{libelles::acte(i18n, acte)}</li> })
                .collect_view();
            view! {
                <p>{tu_string!(i18n, conseiller.dossier_ouvert, numero = a.numero_unique, fin)}</p>
                <h2>{tu_string!(i18n, conseiller.mandat_couvre)}</h2>
                <ul>{actes}</ul>
                <nav aria-label=tu_string!(i18n, conseiller.dossier_nav)>
                    <ul class="liens-dossier">
                        <li><a href="/mon-dossier">{tu_string!(i18n, nav.dossier)}</a></li>
                        <li><a href="/mes-candidatures">{tu_string!(i18n, nav.candidatures)}</a></li>
                        <li><a href="/">{tu_string!(i18n, conseiller.chercher)}</a></li>
                        <li><a href="/mon-score">{tu_string!(i18n, conseiller.score)}</a></li>
                        <li><a href="/recapitulatif">{tu_string!(i18n, nav.recapitulatif)}</a></li>
                    </ul>
                </nav>
            }
        })
    }
}
