//! The streets of each QPV, one per line: a listing published on one of them is in the
//! QPV. Published listings keep the status they were published with.

use crate::api::{self, QpvId};
use crate::components::charger;
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::libelles;
use clef_domain::api::{NouvellesVoies, QpvVoies};
use leptos::prelude::*;

#[component]
pub fn VoiesQpv() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="titre-qpv">
            <h2 id="titre-qpv" tabindex="-1">{tu_string!(i18n, territoire.qpv)}</h2>
            <p>{tu_string!(i18n, territoire.qpv_intro)}</p>
            {charger(
                |a| api::qpv().lire_annulable(a),
                |l: Vec<QpvVoies>, _| l.into_iter().map(|q| view! { <Qpv q /> }).collect_view(),
            )}
        </section>
    }
}

#[component]
fn Qpv(q: QpvVoies) -> impl IntoView {
    let i18n = use_i18n();
    let id = q.id;
    let texte = RwSignal::new(q.voies.join("\n"));
    let enregistre = RwSignal::new(false);
    let envoi = Envoi::new(
        move |voies: NouvellesVoies| async move { api::enregistrer_voies(QpvId(id), &voies).await },
        move |q: QpvVoies| {
            texte.set(q.voies.join("\n"));
            enregistre.set(true);
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let id_champ = format!("voies-qpv-{id}");
    let id_erreur = format!("{id_champ}-erreur");
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Blank lines are only spacing.
        let voies: Vec<String> = texte
            .get_untracked()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect();
        enregistre.set(false);
        envoi.soumettre(NouvellesVoies { voies });
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
