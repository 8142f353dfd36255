//! `/notifications`: what changed for my applications, new listings for my saved
//! searches, and the saved searches themselves.

use crate::api::{self, RechercheId};
use crate::components::{ReserveAuxDemandeurs, charger, titre_document};
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::session::Session;
use clef_domain::api::{
    Alertes, GenreNotification, Notification, Notifications, RechercheSauvegardee,
};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

fn texte(i18n: I18nContext<Locale>, n: &Notification) -> String {
    let titre = n.titre_offre.clone().unwrap_or_default();
    match n.genre {
        GenreNotification::CandidatureDeposee => tu_string!(i18n, notifications.deposee, titre),
        GenreNotification::CandidatureRetiree => tu_string!(i18n, notifications.retiree, titre),
        GenreNotification::OffreCloturee => tu_string!(i18n, notifications.cloturee, titre),
        GenreNotification::CandidatureClassee => tu_string!(i18n, notifications.classee, titre),
        GenreNotification::PresenteeEnCommission => {
            tu_string!(i18n, notifications.presentee, titre)
        }
        GenreNotification::AttribueeSousCondition => {
            tu_string!(i18n, notifications.sous_condition, titre)
        }
        GenreNotification::Proposee => tu_string!(i18n, notifications.proposee, titre),
        GenreNotification::Attribuee => tu_string!(i18n, notifications.attribuee, titre),
        GenreNotification::NonRetenue => tu_string!(i18n, notifications.non_retenue, titre),
        GenreNotification::NouvelleOffre => {
            let recherche = n.recherche.clone().unwrap_or_default();
            tu_string!(i18n, notifications.nouvelle_offre, titre, recherche)
        }
    }
    .to_string()
}

fn lien(n: &Notification) -> Option<String> {
    match (n.candidature_id, n.offre_id) {
        (Some(c), _) => Some(format!("/mes-candidatures/{c}")),
        (None, Some(o)) => Some(format!("/logements/{o}")),
        _ => None,
    }
}

#[component]
pub fn PageNotifications() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, notifications.titre));
    view! {
        <div class="page page--texte">
            <h1>{tu_string!(i18n, notifications.titre)}</h1>
            <ReserveAuxDemandeurs>
                <AlertesCourriel />
                <Liste />
                <Recherches />
            </ReserveAuxDemandeurs>
        </div>
    }
}

/// Whether notifications also come by e-mail: a box saved as soon as it changes.
#[component]
fn AlertesCourriel() -> impl IntoView {
    let i18n = use_i18n();
    let alertes = LocalResource::new(|| api::alertes().lire());
    let envoi = Envoi::new(
        |alertes: Alertes| async move { api::changer_alertes(&alertes).await },
        // The box then shows what is saved (a tick while the last one was being saved is
        // not sent: it would otherwise stay shown as saved).
        move |_| alertes.refetch(),
    );
    let erreur = envoi.message;
    let changer = move |ev: leptos::ev::Event| {
        envoi.soumettre(Alertes {
            courriel: event_target_checked(&ev),
        });
    };
    view! {
        <div class="champ champ--case" id="alertes">
            <input
                type="checkbox"
                id="alertes-courriel"
                aria-describedby="alertes-courriel-aide"
                prop:checked=move || alertes.get().and_then(Result::ok).is_some_and(|a| a.courriel)
                disabled=move || alertes.get().is_none()
                on:change=changer
            />
            <label for="alertes-courriel">{tu_string!(i18n, notifications.alertes)}</label>
            <p class="aide" id="alertes-courriel-aide">{tu_string!(i18n, notifications.alertes_aide)}</p>
            {move || erreur.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </div>
    }
}

#[component]
fn Liste() -> impl IntoView {
    let i18n = use_i18n();
    let balise = crate::langue::use_balise();
    let session = Session::utiliser();
    let lues = Envoi::new(|()| api::marquer_lues(), move |()| session.non_lues.set(0));
    charger(
        |a| api::notifications().lire_annulable(a),
        move |n: Notifications, _| {
            if n.non_lues > 0 {
                // Seen now: marked read on the server, the header's count goes.
                lues.soumettre(());
            }
            if n.notifications.is_empty() {
                return view! { <p class="etat">{tu_string!(i18n, notifications.aucune)}</p> }
                    .into_any();
            }
            view! {
                <ul class="notifications">
                    {n.notifications.iter().map(|x| {
                        let t = texte(i18n, x);
                        let nouvelle = !x.lue;
                        let date = x.cree_le.get(..10)
                            .and_then(|j| j.parse::<clef_domain::Jour>().ok())
                            .map(|j| format::date_longue(balise, j))
                            .unwrap_or_default();
                        view! {
                            <li class:notification--nouvelle=nouvelle>
                                {nouvelle.then(|| view! { <span class="badge">{tu_string!(i18n, notifications.nouveau)}</span> " " })}
                                {match lien(x) {
                                    Some(href) => view! { <a href=href>{t}</a> }.into_any(),
                                    None => t.into_any(),
                                }}
                                " " <span class="aide">{date}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        },
    )
}

#[component]
fn Recherches() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="bloc" aria-labelledby="h-recherches">
            <h2 id="h-recherches">{tu_string!(i18n, notifications.recherches)}</h2>
            <p>{tu_string!(i18n, notifications.recherches_aide)}</p>
            {charger(
                |a| api::recherches().lire_annulable(a),
                move |l: Vec<RechercheSauvegardee>, recharger| {
                    if l.is_empty() {
                        return view! { <p class="aide">{tu_string!(i18n, notifications.aucune_recherche)}</p> }.into_any();
                    }
                    // Whether it worked or not, the list is read again.
                    let supprimer = Envoi::new(
                        |id: RechercheId| async move {
                            let _ = api::supprimer_recherche(id).await;
                            Ok::<_, api::ErreurChargement>(())
                        },
                        move |()| recharger.run(()),
                    );
                    view! {
                        <ul class="recherches">
                            {l.into_iter().map(|r| {
                                let href = if r.requete.is_empty() { "/".to_owned() } else { format!("/?{}", r.requete) };
                                let id = RechercheId(r.id);
                                let nom = r.nom.clone();
                                let aria = tu_string!(i18n, notifications.supprimer_aria, nom).to_string();
                                view! {
                                    <li>
                                        <a href=href>{r.nom}</a> " "
                                        <button type="button" class="lien-bouton" aria-label=aria on:click=move |_| supprimer.soumettre(id)>
                                            {tu_string!(i18n, notifications.supprimer)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                },
            )}
        </section>
    }
}
