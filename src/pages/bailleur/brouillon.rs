//! `/bailleur/brouillons/:id`: write a listing, save it as often as needed, preview it,
//! publish it once complete.

use super::apercu::Apercu;
use super::formulaire::FormulaireOffre;
use super::resume_erreurs::{ID_RESUME, ResumeErreurs};
use super::saisie::SaisieOffre;
use crate::api::{self, Methode};
use crate::components::{
    Chargement, Confirmation, EtatErreur, ReserveAuxBailleurs, focaliser_apres_rendu,
    message_echec, titre_document,
};
use crate::i18n::*;
use clef_domain::ErreurChamp;
use clef_domain::api::{Brouillon, Commune, OffrePubliee};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PageBrouillon() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, publier.titre_page));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let donnees = LocalResource::new(move || {
        let chemin = format!(
            "/bailleur/brouillons/{}",
            String::from(js_sys::encode_uri_component(&id.get()))
        );
        async move {
            let brouillon = api::obtenir::<Brouillon>(&chemin).await?;
            let communes = api::obtenir::<Vec<Commune>>("/communes").await?;
            Ok::<_, api::ErreurChargement>((brouillon, communes))
        }
    });
    view! {
        <div class="page page--formulaire">
            <p class="retour"><a href="/bailleur">{tu_string!(i18n, bailleur.retour)}</a></p>
            <h1>{tu_string!(i18n, publier.titre_page)}</h1>
            <ReserveAuxBailleurs>
                <Transition fallback=Chargement>
                    {move || Suspend::new(async move {
                        match donnees.await {
                            Ok((brouillon, communes)) => view! { <Edition brouillon communes /> }.into_any(),
                            Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| donnees.refetch()) /> }.into_any(),
                        }
                    })}
                </Transition>
            </ReserveAuxBailleurs>
        </div>
    }
}

#[component]
fn Edition(brouillon: Brouillon, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = crate::langue::use_balise();
    let id = brouillon.id;
    let saisie = SaisieOffre::depuis(&brouillon.projet);
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let a_completer = RwSignal::new(brouillon.a_completer);
    let modifie_le = RwSignal::new(brouillon.modifie_le);
    let message = RwSignal::new(None::<String>);
    let enregistre = RwSignal::new(false);
    let en_cours = RwSignal::new(false);
    let apercu = RwSignal::new(None::<clef_domain::offre::ProjetOffre>);
    let naviguer = use_navigate();

    // Saves the draft; on success, `ensuite` runs with what is still to complete.
    let sauver = move |ensuite: Box<dyn FnOnce(bool)>| {
        let (projet, illisibles) = saisie.projet();
        if !illisibles.is_empty() {
            erreurs.set(illisibles);
            focaliser_apres_rendu(ID_RESUME);
            return;
        }
        en_cours.set(true);
        message.set(None);
        enregistre.set(false);
        spawn_local(async move {
            let r = api::envoyer::<_, Brouillon>(
                Methode::Put,
                &format!("/bailleur/brouillons/{id}"),
                &projet,
            )
            .await;
            en_cours.set(false);
            match r {
                Ok(b) => {
                    let complet = b.a_completer.is_empty();
                    saisie.qpv.set(b.projet.qpv);
                    a_completer.set(b.a_completer);
                    modifie_le.set(b.modifie_le);
                    ensuite(complet);
                }
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    };
    let enregistrer = move |_| {
        sauver(Box::new(move |_| {
            erreurs.set(Vec::new());
            enregistre.set(true);
            focaliser_apres_rendu("etat-enregistrement");
        }))
    };
    let voir_apercu = move |_| {
        let (projet, _) = saisie.projet();
        apercu.set(Some(projet));
        focaliser_apres_rendu("apercu-titre");
    };
    let publier = {
        let naviguer = naviguer.clone();
        Callback::new(move |()| {
            let naviguer = naviguer.clone();
            sauver(Box::new(move |complet| {
                if !complet {
                    erreurs.set(
                        a_completer
                            .get_untracked()
                            .into_iter()
                            .map(|e| e.erreur)
                            .collect(),
                    );
                    focaliser_apres_rendu(ID_RESUME);
                    return;
                }
                en_cours.set(true);
                spawn_local(async move {
                    let r = api::envoyer_sans_corps::<OffrePubliee>(
                        Methode::Post,
                        &format!("/bailleur/brouillons/{id}/publication"),
                    )
                    .await;
                    en_cours.set(false);
                    match r {
                        Ok(p) => naviguer(
                            &format!("/bailleur/offres/{}", p.offre_id),
                            Default::default(),
                        ),
                        Err(e) if !e.champs().is_empty() => {
                            erreurs.set(e.champs());
                            focaliser_apres_rendu(ID_RESUME);
                        }
                        Err(e) => message.set(Some(message_echec(i18n, e))),
                    }
                });
            }))
        })
    };
    let supprimer = Callback::new(move |()| {
        let naviguer = naviguer.clone();
        en_cours.set(true);
        spawn_local(async move {
            let r =
                api::envoyer_sans_reponse(Methode::Delete, &format!("/bailleur/brouillons/{id}"))
                    .await;
            en_cours.set(false);
            match r {
                Ok(()) => naviguer("/bailleur", Default::default()),
                Err(e) => message.set(Some(message_echec(i18n, e))),
            }
        });
    });
    let communes_apercu = communes.clone();
    view! {
        <p class="aide" id="etat-enregistrement" tabindex="-1" aria-live="polite">
            {move || if enregistre.get() {
                tu_string!(i18n, publier.enregistre).to_string()
            } else {
                let n = a_completer.with(Vec::len);
                match n { 0 => tu_string!(i18n, publier.pret).to_string(), 1 => tu_string!(i18n, publier.reste_un).to_string(), n => tu_string!(i18n, publier.reste, n).to_string() }
            }}
        </p>
        {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
        <ResumeErreurs erreurs />
        <form class="formulaire" novalidate=true on:submit=move |ev| ev.prevent_default()>
            <FormulaireOffre saisie erreurs communes />
            <p class="actions">
                <button type="button" class="bouton bouton--secondaire" on:click=enregistrer
                    aria-disabled=move || en_cours.get().then_some("true")>
                    {tu_string!(i18n, publier.enregistrer)}
                </button>
                <button type="button" class="bouton bouton--secondaire" on:click=voir_apercu>
                    {tu_string!(i18n, publier.voir_apercu)}
                </button>
            </p>
        </form>
        {move || apercu.get().map(|projet| view! { <Apercu projet communes=communes_apercu.clone() /> })}
        <div class="actions">
            <Confirmation
                id="confirmer-publication"
                libelle=tu_string!(i18n, publier.publier).to_string()
                titre=tu_string!(i18n, publier.confirmer_titre).to_string()
                texte=tu_string!(i18n, publier.confirmer_texte).to_string()
                confirmer=tu_string!(i18n, publier.confirmer).to_string()
                en_cours=en_cours.into()
                on_confirmer=publier
            />
            <Confirmation
                id="confirmer-suppression"
                libelle=tu_string!(i18n, publier.supprimer).to_string()
                titre=tu_string!(i18n, publier.supprimer_titre).to_string()
                texte=tu_string!(i18n, publier.supprimer_texte).to_string()
                confirmer=tu_string!(i18n, publier.supprimer).to_string()
                en_cours=en_cours.into()
                on_confirmer=supprimer
                danger=true
            />
        </div>
        <p class="aide">
            {move || {
                let jour = modifie_le.get().get(..10).and_then(|d| d.parse::<clef_domain::Jour>().ok());
                jour.map(|j| {
                    let date = crate::format::date_longue(balise, j);
                    tu_string!(i18n, publier.modifie_le, date).to_string()
                })
            }}
        </p>
    }
}
