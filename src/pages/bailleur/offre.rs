//! `/bailleur/offres/:id`: one of the organisation's listings, from publication to lease:
//! correct or withdraw it while open, close it early, rank it, prepare the commission and
//! record the outcome.

use super::commission::PreparerCommission;
use super::etape;
use super::issues::Issues as VueIssues;
use crate::api::{self, Methode};
use crate::components::{
    Chargement, Confirmation, EtatErreur, ReserveAuxBailleurs, message_echec, titre_document,
};
use crate::i18n::*;
use clef_domain::api::{
    Brouillon, ClassementOffre, ClotureAnticipee, Commission, Issues, OffreBailleur,
};
use clef_domain::suite::ActionOffre;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PageOffreBailleur() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, bailleur.offre_titre));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|i| i.parse::<i64>().ok()));
    // Each step done bumps this, and everything below loads again.
    let version = RwSignal::new(0u32);
    let recharger = Callback::new(move |()| version.update(|v| *v += 1));
    let offre = LocalResource::new(move || {
        version.track();
        let id = id.get();
        async move {
            let liste = api::obtenir::<Vec<OffreBailleur>>("/bailleur/offres").await?;
            Ok::<_, api::ErreurChargement>(liste.into_iter().find(|o| Some(o.offre.id) == id))
        }
    });
    view! {
        <div class="page">
            <p class="retour"><a href="/bailleur">{tu_string!(i18n, bailleur.retour)}</a></p>
            <ReserveAuxBailleurs>
                <Transition fallback=Chargement>
                    {move || Suspend::new(async move {
                        match offre.await {
                            Ok(Some(o)) => view! { <Suivi offre=o recharger /> }.into_any(),
                            Ok(None) => view! {
                                <div class="etat">
                                    <p class="etat__titre">{tu_string!(i18n, bailleur.introuvable)}</p>
                                </div>
                            }.into_any(),
                            Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| offre.refetch()) /> }.into_any(),
                        }
                    })}
                </Transition>
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

/// Start a new draft from this listing, at any stage: the same home vacant again, or a
/// similar one, without retyping it.
#[component]
fn Dupliquer(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let naviguer = use_navigate();
    let dupliquer = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        message.set(None);
        let naviguer = naviguer.clone();
        spawn_local(async move {
            let r = api::envoyer_sans_corps::<Brouillon>(
                Methode::Post,
                &format!("/bailleur/offres/{id}/copie"),
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(b) => naviguer(
                    &format!("/bailleur/brouillons/{}", b.id),
                    Default::default(),
                ),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <section aria-labelledby="dupliquer-titre">
            <h2 id="dupliquer-titre">{tu_string!(i18n, bailleur.dupliquer_titre)}</h2>
            <p>{tu_string!(i18n, bailleur.dupliquer_texte)}</p>
            <button type="button" class="bouton bouton--secondaire" on:click=dupliquer
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
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let naviguer = use_navigate();
    let retirer = Callback::new(move |()| {
        let naviguer = naviguer.clone();
        en_cours.set(true);
        spawn_local(async move {
            let r = api::envoyer_sans_corps::<Brouillon>(
                Methode::Post,
                &format!("/bailleur/offres/{id}/retrait"),
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(b) => naviguer(
                    &format!("/bailleur/brouillons/{}", b.id),
                    Default::default(),
                ),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    });
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
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let clore = Callback::new(move |()| {
        let corps = ClotureAnticipee {
            motif: motif.get_untracked(),
        };
        if corps.motif.trim().is_empty() {
            message.set(Some(tu_string!(i18n, bailleur.motif_requis).to_string()));
            return;
        }
        en_cours.set(true);
        message.set(None);
        spawn_local(async move {
            let r = api::envoyer::<_, OffreBailleur>(
                Methode::Post,
                &format!("/bailleur/offres/{id}/cloture"),
                &corps,
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(_) => recharger.run(()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
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
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let classer = move |_| {
        if en_cours.get_untracked() {
            return;
        }
        en_cours.set(true);
        spawn_local(async move {
            let r = api::envoyer_sans_corps::<ClassementOffre>(
                Methode::Post,
                &format!("/bailleur/offres/{id}/classement"),
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(_) => recharger.run(()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        <section aria-labelledby="classer-titre">
            <h2 id="classer-titre">{tu_string!(i18n, bailleur.classer_titre)}</h2>
            <p>{tu_string!(i18n, bailleur.classer_texte)}</p>
            <button type="button" class="bouton bouton--principal" on:click=classer
                aria-disabled=move || en_cours.get().then_some("true")>
                {tu_string!(i18n, bailleur.classer)}
            </button>
            {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        </section>
    }
}

#[component]
fn Commission(id: i64, recharger: Callback<()>) -> impl IntoView {
    let donnees = LocalResource::new(move || async move {
        let commission =
            api::obtenir::<Commission>(&format!("/bailleur/offres/{id}/commission")).await?;
        let issues = if commission.presentee {
            Some(api::obtenir::<Issues>(&format!("/bailleur/offres/{id}/issues")).await?)
        } else {
            None
        };
        Ok::<_, api::ErreurChargement>((commission, issues))
    });
    view! {
        <Transition fallback=Chargement>
            {move || Suspend::new(async move {
                match donnees.await {
                    Ok((commission, None)) => view! { <PreparerCommission commission on_envoyee=recharger /> }.into_any(),
                    Ok((commission, Some(issues))) => {
                        let presentes = commission.candidats.into_iter().filter(|c| c.presente).collect();
                        view! { <VueIssues issues presentes recharger /> }.into_any()
                    }
                    Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| donnees.refetch()) /> }.into_any(),
                }
            })}
        </Transition>
    }
}
