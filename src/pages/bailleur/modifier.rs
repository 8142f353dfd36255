//! `/bailleur/offres/:id/modifier`: correct a published listing before it closes. Rent,
//! financing and typology are shown, not editable: applicants relied on them.

use super::formulaire::FormulaireOffre;
use super::resume_erreurs::{ID_RESUME, ResumeErreurs};
use super::saisie::SaisieOffre;
use crate::api::{self, Methode};
use crate::components::{
    Chargement, EtatErreur, ReserveAuxBailleurs, focaliser_apres_rendu, message_echec,
    titre_document,
};
use crate::i18n::*;
use clef_domain::ErreurChamp;
use clef_domain::api::Commune;
use clef_domain::offre::ProjetOffre;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PageModifierOffre() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, publier.corriger_titre));
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let donnees = LocalResource::new(move || {
        let id = id.get();
        async move {
            let projet =
                api::obtenir::<ProjetOffre>(&format!("/bailleur/offres/{id}/projet")).await?;
            let communes = api::obtenir::<Vec<Commune>>("/communes").await?;
            Ok::<_, api::ErreurChargement>((projet, communes))
        }
    });
    view! {
        <div class="page page--formulaire">
            <p class="retour"><a href=move || format!("/bailleur/offres/{}", id.get())>{tu_string!(i18n, publier.retour_offre)}</a></p>
            <h1>{tu_string!(i18n, publier.corriger_titre)}</h1>
            <ReserveAuxBailleurs>
                <Transition fallback=Chargement>
                    {move || Suspend::new(async move {
                        match donnees.await {
                            Ok((projet, communes)) => view! { <Correction id=id.get_untracked() projet communes /> }.into_any(),
                            Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| donnees.refetch()) /> }.into_any(),
                        }
                    })}
                </Transition>
            </ReserveAuxBailleurs>
        </div>
    }
}

#[component]
fn Correction(id: i64, projet: ProjetOffre, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let saisie = SaisieOffre::depuis(&projet);
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<String>);
    let en_cours = RwSignal::new(false);
    let naviguer = use_navigate();
    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if en_cours.get_untracked() {
            return;
        }
        let (edition, illisibles) = saisie.projet();
        if !illisibles.is_empty() {
            erreurs.set(illisibles);
            focaliser_apres_rendu(ID_RESUME);
            return;
        }
        en_cours.set(true);
        message.set(None);
        let naviguer = naviguer.clone();
        spawn_local(async move {
            let r = api::envoyer::<_, ProjetOffre>(
                Methode::Put,
                &format!("/bailleur/offres/{id}/projet"),
                &edition,
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(_) => naviguer(&format!("/bailleur/offres/{id}"), Default::default()),
                Err(e) if !e.champs().is_empty() => {
                    erreurs.set(e.champs());
                    focaliser_apres_rendu(ID_RESUME);
                }
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    view! {
        {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        <ResumeErreurs erreurs />
        <form class="formulaire" novalidate=true on:submit=enregistrer>
            <FormulaireOffre saisie erreurs communes figee=true />
            <p class="actions">
                <button type="submit" class="bouton bouton--principal" aria-disabled=move || en_cours.get().then_some("true")>
                    {tu_string!(i18n, publier.enregistrer_correction)}
                </button>
            </p>
        </form>
    }
}
