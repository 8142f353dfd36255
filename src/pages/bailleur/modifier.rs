//! `/bailleur/offres/:id/modifier`: correct a published listing before it closes. Rent,
//! financing and typology are shown, not editable: applicants relied on them.

use super::formulaire::FormulaireOffre;
use super::resume_erreurs::{ID_RESUME, ResumeErreurs};
use super::saisie::SaisieOffre;
use crate::api::{self, OffreId};
use crate::components::{ReserveAuxBailleurs, charger, focaliser_apres_rendu, titre_document};
use crate::envoi::Envoi;
use crate::i18n::*;
use clef_domain::api::Commune;
use clef_domain::offre::ProjetOffre;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PageModifierOffre() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, publier.corriger_titre));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let retour = move || {
        let id = id.read().parse::<i64>().unwrap_or(0);
        format!("/bailleur/offres/{id}")
    };
    view! {
        <div class="page page--formulaire">
            <p class="retour"><a href=retour>{tu_string!(i18n, publier.retour_offre)}</a></p>
            <h1>{tu_string!(i18n, publier.corriger_titre)}</h1>
            <ReserveAuxBailleurs>
                {charger(
                    move |a| {
                        let id = OffreId::depuis_url(&id.get());
                        async move {
                            let id = id?;
                            let projet = api::projet(id).lire_annulable(a.clone()).await?;
                            let communes = api::communes().lire_annulable(a).await?;
                            Ok((id, projet, communes))
                        }
                    },
                    |(id, projet, communes): (OffreId, ProjetOffre, Vec<Commune>), _| {
                        view! { <Correction id projet communes /> }
                    },
                )}
            </ReserveAuxBailleurs>
        </div>
    }
}

#[component]
fn Correction(id: OffreId, projet: ProjetOffre, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let saisie = SaisieOffre::depuis(&projet);
    let naviguer = use_navigate();
    let envoi = Envoi::new(
        move |edition: ProjetOffre| async move { api::modifier_offre(id, &edition).await },
        move |_| naviguer(&format!("/bailleur/offres/{id}"), Default::default()),
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    // Field errors, found here or by the server, are listed above the form, and the focus
    // goes there.
    Effect::new(move || {
        if !erreurs.with(Vec::is_empty) {
            focaliser_apres_rendu(ID_RESUME);
        }
    });
    let enregistrer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (edition, illisibles) = saisie.projet();
        if !illisibles.is_empty() {
            erreurs.set(illisibles);
            return;
        }
        envoi.soumettre(edition);
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
