//! The streets of each QPV, one per line: a listing published on one of them is in the
//! QPV. Published listings keep the status they were published with.

use crate::api::{self, Methode};
use crate::components::{Chargement, EtatErreur, message_echec};
use crate::i18n::*;
use crate::libelles;
use clef_domain::api::{NouvellesVoies, QpvVoies};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn VoiesQpv() -> impl IntoView {
    let i18n = use_i18n();
    let liste = LocalResource::new(|| api::obtenir::<Vec<QpvVoies>>("/territoire/qpv"));
    view! {
        <section aria-labelledby="titre-qpv">
            <h2 id="titre-qpv" tabindex="-1">{tu_string!(i18n, territoire.qpv)}</h2>
            <p>{tu_string!(i18n, territoire.qpv_intro)}</p>
            <Transition fallback=Chargement>
                {move || Suspend::new(async move {
                    match liste.await {
                        Ok(l) => l.into_iter().map(|q| view! { <Qpv q /> }).collect_view().into_any(),
                        Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| liste.refetch()) /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Qpv(q: QpvVoies) -> impl IntoView {
    let i18n = use_i18n();
    let id = q.id;
    let texte = RwSignal::new(q.voies.join("\n"));
    let erreurs = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<String>);
    let enregistre = RwSignal::new(false);
    let en_cours = RwSignal::new(false);
    let id_champ = format!("voies-qpv-{id}");
    let id_erreur = format!("{id_champ}-erreur");
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        // Blank lines are only spacing.
        let voies: Vec<String> = texte
            .get_untracked()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect();
        en_cours.set(true);
        enregistre.set(false);
        message.set(None);
        erreurs.set(Vec::new());
        spawn_local(async move {
            let r = api::envoyer::<_, QpvVoies>(
                Methode::Put,
                &format!("/territoire/qpv/{id}/voies"),
                &NouvellesVoies { voies },
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(q) => {
                    texte.set(q.voies.join("\n"));
                    enregistre.set(true);
                }
                Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <form class="formulaire" on:submit=soumettre novalidate=true>
            <div class="champ" class:champ--erreur=move || !erreurs.with(Vec::is_empty)>
                <label for=id_champ.clone()>{tu_string!(i18n, territoire.qpv_voies, qpv = q.nom.clone(), commune = q.commune.clone())}</label>
                <textarea id=id_champ rows="5"
                    aria-invalid=move || (!erreurs.with(Vec::is_empty)).then_some("true")
                    aria-describedby=move || (!erreurs.with(Vec::is_empty)).then(|| id_erreur.clone())
                    prop:value=move || texte.get()
                    on:input=move |ev| texte.set(event_target_value(&ev))></textarea>
                {move || {
                    let e = erreurs.get();
                    (!e.is_empty()).then(|| view! {
                        <ul class="champ__erreur" id=format!("voies-qpv-{id}-erreur")>
                            {e.into_iter().map(|e| {
                                let ligne = e.champ.strip_prefix("voies.").and_then(|n| n.parse::<usize>().ok()).map(|n| n + 1);
                                let texte = libelles::erreur_champ(i18n, &e);
                                view! { <li>{match ligne {
                                    Some(n) => tu_string!(i18n, territoire.ligne, n).to_string(),
                                    None => String::new(),
                                }} {texte}</li> }
                            }).collect_view()}
                        </ul>
                    })
                }}
            </div>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            <button type="submit" class="bouton bouton--secondaire" aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, territoire.enregistrer_voies, qpv = q.nom.clone())}
            </button>
            {move || enregistre.get().then(|| view! { <p class="succes" id=format!("voies-enregistrees-{id}") role="status">{tu_string!(i18n, territoire.voies_enregistrees)}</p> })}
        </form>
    }
}
