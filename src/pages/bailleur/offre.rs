//! `/bailleur/offres/:id`: one of the organisation's listings, from publication to lease:
//! correct or withdraw it while open, close it early, rank it, prepare the commission and
//! record the outcome.

use super::commission::PreparerCommission;
use super::etape;
use super::issues::Issues as VueIssues;
use crate::api::{self, OffreId};
use crate::components::{Confirmation, ReserveAuxBailleurs, charger, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use clef_domain::api::{Brouillon, ClotureAnticipee, Commission, Issues, OffreBailleur};
use clef_domain::suite::ActionOffre;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PageOffreBailleur() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, bailleur.offre_titre));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <div class="page">
            <p class="retour"><a href="/bailleur">{tu_string!(i18n, bailleur.retour)}</a></p>
            <ReserveAuxBailleurs>
                // Each step done loads everything below again (`recharger`).
                {charger(
                    move |a| {
                        let id = OffreId::depuis_url(&id.get());
                        async move {
                            // An address that names no listing finds none in the list.
                            let Ok(id) = id else { return Ok(None) };
                            let liste = api::offres_du_bailleur().lire_annulable(a).await?;
                            Ok(liste.into_iter().find(|o| o.offre.id == id.0))
                        }
                    },
                    move |offre: Option<OffreBailleur>, recharger| match offre {
                        Some(o) => view! { <Suivi offre=o recharger /> }.into_any(),
                        None => view! {
                            <div class="etat">
                                <p class="etat__titre">{tu_string!(i18n, bailleur.introuvable)}</p>
                            </div>
                        }.into_any(),
                    },
                )}
            </ReserveAuxBailleurs>
        </div>
    }
}

#[component]
fn Suivi(offre: OffreBailleur, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = offre.offre.id;
    let n = offre.candidatures;
    // What the listing's stage allows today, as the server decides it.
    let permise = |a: ActionOffre| offre.actions.contains(&a);
    view! {
        <h1>{offre.offre.titre.clone()}</h1>
        <p>
            <span class="etiquette">{etape(i18n, &offre)}</span> " · "
            {tu_string!(i18n, bailleur.n_candidatures, n)} " · "
            <a href=format!("/logements/{id}")>{tu_string!(i18n, bailleur.voir_publique)}</a>
        </p>
        {permise(ActionOffre::Corriger).then(|| view! { <Corriger id /> })}
        {permise(ActionOffre::CloreMaintenant).then(|| view! { <CloreMaintenant id recharger /> })}
        {permise(ActionOffre::Classer).then(|| view! { <Classer id recharger /> })}
        {permise(ActionOffre::SuivreCommission).then(|| view! { <Commission id recharger /> })}
        <Dupliquer id />
    }
}

/// Opens a draft just made (a copy, a withdrawn listing).
fn vers_brouillon(naviguer: impl Fn(&str, leptos_router::NavigateOptions)) -> impl Fn(Brouillon) {
    move |b| {
        naviguer(
            &format!("/bailleur/brouillons/{}", b.id),
            Default::default(),
        )
    }
}

/// Start a new draft from this listing, at any stage: the same home vacant again, or a
/// similar one, without retyping it.
#[component]
fn Dupliquer(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let envoi = Envoi::sans_champ(api::copier_offre, vers_brouillon(use_navigate()));
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    view! {
        <section aria-labelledby="dupliquer-titre">
            <h2 id="dupliquer-titre">{tu_string!(i18n, bailleur.dupliquer_titre)}</h2>
            <p>{tu_string!(i18n, bailleur.dupliquer_texte)}</p>
            <button type="button" class="bouton bouton--secondaire" on:click=move |_| envoi.soumettre(OffreId(id))
                aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, bailleur.dupliquer)}
            </button>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </section>
    }
}

/// Correct the listing, or withdraw it to change what cannot change in place.
#[component]
fn Corriger(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let envoi = Envoi::sans_champ(api::retirer_offre, vers_brouillon(use_navigate()));
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    let retirer = Callback::new(move |()| envoi.soumettre(OffreId(id)));
    view! {
        <section aria-labelledby="corriger-titre">
            <h2 id="corriger-titre">{tu_string!(i18n, bailleur.corriger_titre)}</h2>
            <p>{tu_string!(i18n, bailleur.corriger_texte)}</p>
            <p class="actions">
                <a class="bouton bouton--secondaire" href=format!("/bailleur/offres/{id}/modifier")>{tu_string!(i18n, bailleur.corriger)}</a>
            </p>
            <Confirmation
                id="confirmer-retrait"
                libelle=tu_string!(i18n, bailleur.retirer).to_string()
                titre=tu_string!(i18n, bailleur.retirer_titre).to_string()
                texte=tu_string!(i18n, bailleur.retirer_texte).to_string()
                confirmer=tu_string!(i18n, bailleur.retirer).to_string()
                en_cours=en_cours.into()
                on_confirmer=retirer
                danger=true
            />
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </section>
    }
}

#[component]
fn CloreMaintenant(id: i64, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let motif = RwSignal::new(String::new());
    let envoi = Envoi::sans_champ(
        move |corps: ClotureAnticipee| async move { api::clore(OffreId(id), &corps).await },
        move |_| recharger.run(()),
    );
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    let clore = Callback::new(move |()| {
        let corps = ClotureAnticipee {
            motif: motif.get_untracked(),
        };
        if corps.motif.trim().is_empty() {
            message.set(Some(tu_string!(i18n, bailleur.motif_requis).to_string()));
            return;
        }
        envoi.soumettre(corps);
    });
    view! {
        <section aria-labelledby="clore-titre">
            <h2 id="clore-titre">{tu_string!(i18n, bailleur.clore_titre)}</h2>
            <p>{tu_string!(i18n, bailleur.clore_texte)}</p>
            <div class="champ">
                <label for="motif-cloture">{tu_string!(i18n, bailleur.motif_cloture)}</label>
                <textarea id="motif-cloture" rows="2" maxlength="500"
                    prop:value=move || motif.get()
                    on:input=move |ev| motif.set(event_target_value(&ev))></textarea>
            </div>
            <Confirmation
                id="confirmer-cloture"
                libelle=tu_string!(i18n, bailleur.clore).to_string()
                titre=tu_string!(i18n, bailleur.clore_confirmer_titre).to_string()
                texte=tu_string!(i18n, bailleur.clore_confirmer_texte).to_string()
                confirmer=tu_string!(i18n, bailleur.clore).to_string()
                en_cours=en_cours.into()
                on_confirmer=clore
                danger=true
            />
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </section>
    }
}

#[component]
fn Classer(id: i64, recharger: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let envoi = Envoi::sans_champ(api::classer, move |_| recharger.run(()));
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    view! {
        <section aria-labelledby="classer-titre">
            <h2 id="classer-titre">{tu_string!(i18n, bailleur.classer_titre)}</h2>
            <p>{tu_string!(i18n, bailleur.classer_texte)}</p>
            <button type="button" class="bouton bouton--principal" on:click=move |_| envoi.soumettre(OffreId(id))
                aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, bailleur.classer)}
            </button>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </section>
    }
}

#[component]
fn Commission(id: i64, recharger: Callback<()>) -> impl IntoView {
    let id = OffreId(id);
    charger(
        move |a| async move {
            let commission = api::commission(id).lire_annulable(a.clone()).await?;
            let issues = if commission.presentee {
                Some(api::issues(id).lire_annulable(a).await?)
            } else {
                None
            };
            Ok((commission, issues))
        },
        // A step done here loads the whole listing again (`recharger`), not this part only.
        move |(commission, issues): (Commission, Option<Issues>), _| match issues {
            None => view! { <PreparerCommission commission on_envoyee=recharger /> }.into_any(),
            Some(issues) => {
                let presentes = commission
                    .candidats
                    .into_iter()
                    .filter(|c| c.presente)
                    .collect();
                view! { <VueIssues issues presentes recharger /> }.into_any()
            }
        },
    )
}
