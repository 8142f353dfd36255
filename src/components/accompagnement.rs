//! An advisor acting for an applicant: a banner that never leaves the screen, the way out,
//! and the watch that ends the session of help on a shared computer left alone.

use crate::api;
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::session::Session;
use leptos::prelude::*;

/// An advisor idle this long is taken back to the counter page (the server ends the
/// session at the same time).
const INACTIVITE_MAX_MS: f64 = 15.0 * 60.0 * 1000.0;

/// Leaves for the counter page with a full page load: nothing the app held in memory about
/// the applicant survives it (and nothing was ever written to the browser's storage).
pub fn repartir_du_guichet(motif: &str) {
    let cible = if motif.is_empty() {
        "/conseiller".to_owned()
    } else {
        format!("/conseiller?fin={motif}")
    };
    let _ = window().location().replace(&cible);
}

/// "Vous agissez pour …", on every page while an advisor acts for an applicant.
#[component]
pub fn BandeauAccompagnement() -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let session = Session::utiliser();
    let envoi = Envoi::avec_message(
        |()| api::terminer_accompagnement(),
        |()| repartir_du_guichet("accompagnement"),
        move |_| Some(tu_string!(i18n, conseiller.terminer_echec).to_string()),
    );
    let (echec, en_cours) = (envoi.message, envoi.en_cours());
    let terminer = move |_| envoi.soumettre(());
    move || {
        session.accompagnement().map(|a| {
            let fin = format::date_longue(balise, a.fin);
            let texte = tu_string!(i18n, conseiller.vous_agissez_pour, numero = a.numero_unique, fin).to_string();
            view! {
                <section class="accompagnement" aria-label=tu_string!(i18n, conseiller.bandeau)>
                    <p class="accompagnement__texte">{texte}</p>
                    <button type="button" class="bouton bouton--secondaire" on:click=terminer
                        aria-disabled=move || en_cours.get().then_some("true")>
                        {tu_string!(i18n, conseiller.terminer)}
                    </button>
                    {move || echec.with(Option::is_some).then(|| view! {
                        <p class="alerte" role="alert">{tu_string!(i18n, conseiller.terminer_echec)}</p>
                    })}
                </section>
            }
        })
    }
}

/// While an advisor is logged in: after 15 minutes without a key or a touch, back to the
/// counter page, the screen cleared.
#[component]
pub fn VeilleInactivite() -> impl IntoView {
    let session = Session::utiliser();
    let derniere = StoredValue::new(js_sys::Date::now());
    let noter = move || derniere.set_value(js_sys::Date::now());
    let clavier = window_event_listener(leptos::ev::keydown, move |_| noter());
    let toucher = window_event_listener(leptos::ev::pointerdown, move |_| noter());
    let veille = set_interval_with_handle(
        move || {
            let inactif = js_sys::Date::now() - derniere.get_value() > INACTIVITE_MAX_MS;
            if inactif && session.conseiller() {
                repartir_du_guichet("inactivite");
            }
        },
        std::time::Duration::from_secs(20),
    )
    .ok();
    on_cleanup(move || {
        clavier.remove();
        toucher.remove();
        if let Some(v) = veille {
            v.clear();
        }
    });
}
