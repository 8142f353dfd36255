//! Each commune's SRU inventory, entered by the territory; the rates are public on the
//! social-mix dashboard.

use crate::api;
use crate::components::{ChampTexte, charger, message_erreur};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::saisie::id_de;
use clef_domain::api::LigneSru;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::sru::InventaireSru;
use leptos::prelude::*;

#[component]
pub fn InventairesSru() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="titre-inventaires">
            <h2 id="titre-inventaires" tabindex="-1">{tu_string!(i18n, territoire.sru)}</h2>
            <p>{tu_string!(i18n, territoire.sru_intro)}</p>
            {charger(
                |a| api::sru().lire_annulable(a),
                |l: Vec<LigneSru>, _| l.into_iter().map(|ligne| view! { <Inventaire ligne /> }).collect_view(),
            )}
        </section>
    }
}

#[component]
fn Inventaire(ligne: LigneSru) -> impl IntoView {
    let i18n = use_i18n();
    let slug = ligne.slug.clone();
    let i = ligne.inventaire;
    let texte = |n: Option<String>| RwSignal::new(n.unwrap_or_default());
    let annee = texte(i.map(|i| i.annee.to_string()));
    let ls = texte(i.map(|i| i.logements_sociaux.to_string()));
    let rp = texte(i.map(|i| i.residences_principales.to_string()));
    let taux = texte(Some(i.map_or(25, |i| i.taux_obligation).to_string()));
    let enregistre = RwSignal::new(false);
    let envoi = Envoi::new(
        move |inventaire: InventaireSru| {
            let slug = slug.clone();
            async move { api::enregistrer_sru(&slug, &inventaire).await }
        },
        move |_| enregistre.set(true),
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let prefixe = format!("sru-{}", ligne.slug);
    let soumettre = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut locales = Vec::new();
        let mut nombre = |champ: &str, s: RwSignal<String>| -> u32 {
            s.get_untracked()
                .trim()
                .replace(' ', "")
                .parse()
                .unwrap_or_else(|_| {
                    locales.push(ErreurChamp::new(champ, CodeErreur::PasUnNombre));
                    0
                })
        };
        let inventaire = InventaireSru {
            annee: i16::try_from(nombre("annee", annee)).unwrap_or(0),
            logements_sociaux: nombre("logements_sociaux", ls),
            residences_principales: nombre("residences_principales", rp),
            taux_obligation: u8::try_from(nombre("taux_obligation", taux)).unwrap_or(0),
        };
        if !locales.is_empty() {
            erreurs.set(locales);
            return;
        }
        enregistre.set(false);
        envoi.soumettre(inventaire);
    };
    let champ = move |nom: &'static str, libelle: String, valeur: RwSignal<String>| {
        view! {
            <ChampTexte id=id_de(&format!("{prefixe}-{nom}")) libelle valeur
                erreur=message_erreur(erreurs, nom.to_owned(), false) inputmode="numeric" requis=true />
        }
    };
    view! {
        <details class="inventaire">
        <summary>{ligne.commune.clone()}</summary>
        <form class="formulaire" on:submit=soumettre novalidate=true>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
            {champ("annee", tu_string!(i18n, territoire.sru_annee).to_string(), annee)}
            {champ("logements_sociaux", tu_string!(i18n, territoire.sru_ls).to_string(), ls)}
            {champ("residences_principales", tu_string!(i18n, territoire.sru_rp).to_string(), rp)}
            {champ("taux_obligation", tu_string!(i18n, territoire.sru_taux).to_string(), taux)}
            <button type="submit" class="bouton bouton--secondaire" aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, territoire.enregistrer)}
            </button>
            {move || enregistre.get().then(|| view! { <p class="succes" role="status">{tu_string!(i18n, territoire.enregistre)}</p> })}
        </form>
        </details>
    }
}
