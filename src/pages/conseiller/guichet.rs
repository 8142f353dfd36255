//! The counter once logged in: open an applicant's file under a mandate, or start a
//! mandate with the applicant present; then the ways into their file.

use crate::api::{self, Methode};
use crate::components::{
    ChampTexte, Chargement, ChoixMandat, EtatErreur, SaisieMandat, message_echec, message_erreur,
};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use crate::session::{EtatSession, Session};
use clef_domain::api::{Accompagnement, ConfirmationMandat, DebutAccompagnement, MandatAuGuichet};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
    let liste = LocalResource::new(|| api::obtenir::<Vec<Accompagnement>>("/conseiller/dossiers"));
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let ouvrir_dossier = move |numero_unique: String| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        spawn_local(async move {
            let r = api::envoyer::<_, Accompagnement>(
                Methode::Post,
                "/conseiller/accompagnement",
                &DebutAccompagnement { numero_unique },
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(a) => ouvrir(session, a),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <section aria-labelledby="titre-dossiers">
            <h2 id="titre-dossiers">{tu_string!(i18n, conseiller.dossiers_titre)}</h2>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            <Transition fallback=Chargement>
                {move || Suspend::new(async move {
                    match liste.await {
                        Ok(liste) if liste.is_empty() => view! {
                            <p class="etat etat--vide">{tu_string!(i18n, conseiller.aucun_dossier)}</p>
                        }.into_any(),
                        Ok(liste) => view! {
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
                        }.into_any(),
                        Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| liste.refetch()) /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OuvrirDossier() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let numero = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        erreurs.set(Vec::new());
        let corps = DebutAccompagnement {
            numero_unique: numero.get_untracked(),
        };
        spawn_local(async move {
            let r = api::envoyer::<_, Accompagnement>(
                Methode::Post,
                "/conseiller/accompagnement",
                &corps,
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(a) => ouvrir(session, a),
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
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

#[component]
fn MandatAuGuichetFormulaire() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let numero = RwSignal::new(String::new());
    let saisie = SaisieMandat::new();
    let code = RwSignal::new(String::new());
    let erreurs = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    // Once asked: the applicant reads the code in their account.
    let demande = RwSignal::new(false);
    let demander = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        erreurs.set(Vec::new());
        let corps = MandatAuGuichet {
            numero_unique: numero.get_untracked(),
            actes: saisie.actes(),
            duree_mois: saisie.duree_mois(),
        };
        spawn_local(async move {
            let r =
                api::envoyer_sans_reponse_avec(Methode::Post, "/conseiller/mandats", &corps).await;
            en_cours.set(false);
            match r {
                Ok(()) => demande.set(true),
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    let confirmer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        erreurs.set(Vec::new());
        let corps = ConfirmationMandat {
            numero_unique: numero.get_untracked(),
            code: code.get_untracked(),
        };
        spawn_local(async move {
            let r = api::envoyer::<_, Accompagnement>(
                Methode::Post,
                "/conseiller/mandats/confirmation",
                &corps,
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(a) => ouvrir(session, a),
                // A field's error goes next to it, and only there.
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
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
