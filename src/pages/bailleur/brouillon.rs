//! `/bailleur/brouillons/:id`: write a listing, save it as often as needed, preview it,
//! publish it once complete.

use super::apercu::Apercu;
use super::formulaire::FormulaireOffre;
use super::resume_erreurs::{ID_RESUME, ResumeErreurs};
use super::saisie::SaisieOffre;
use crate::api::{self, BrouillonId, ErreurChargement};
use crate::components::{
    Confirmation, ReserveAuxBailleurs, charger, focaliser_apres_rendu, titre_document,
};
use crate::envoi::Envoi;
use crate::i18n::*;
use clef_domain::api::{Brouillon, Commune, ErreurChampExpliquee, OffrePubliee, Probleme};
use clef_domain::offre::ProjetOffre;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PageBrouillon() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, publier.titre_page));
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <div class="page page--formulaire">
            <p class="retour"><a href="/bailleur">{tu_string!(i18n, bailleur.retour)}</a></p>
            <h1>{tu_string!(i18n, publier.titre_page)}</h1>
            <ReserveAuxBailleurs>
                {charger(
                    move |a| {
                        let id = BrouillonId::depuis_url(&id.get());
                        async move {
                            let brouillon = api::brouillon(id?).lire_annulable(a.clone()).await?;
                            let communes = api::communes().lire_annulable(a).await?;
                            Ok((brouillon, communes))
                        }
                    },
                    |(brouillon, communes): (Brouillon, Vec<Commune>), _| {
                        view! { <Edition brouillon communes /> }
                    },
                )}
            </ReserveAuxBailleurs>
        </div>
    }
}

/// What a button asks of the draft.
#[derive(Clone)]
enum Demande {
    Enregistrer(ProjetOffre),
    /// Save it, then publish it if nothing is missing.
    Publier(ProjetOffre),
    Supprimer,
}

/// What came of it.
enum Suite {
    Enregistre,
    Publiee(OffrePubliee),
    Supprime,
}

/// Publishing refused without asking: what the saved draft still misses, each next to its
/// field, as the server would say it.
fn incomplet(a_completer: Vec<ErreurChampExpliquee>) -> ErreurChargement {
    ErreurChargement::Probleme(Probleme {
        type_: String::new(),
        title: String::new(),
        status: 400,
        detail: None,
        errors: a_completer,
    })
}

#[component]
fn Edition(brouillon: Brouillon, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = crate::langue::use_balise();
    let id = BrouillonId(brouillon.id);
    let saisie = SaisieOffre::depuis(&brouillon.projet);
    let a_completer = RwSignal::new(brouillon.a_completer);
    let modifie_le = RwSignal::new(brouillon.modifie_le);
    let enregistre = RwSignal::new(false);
    let apercu = RwSignal::new(None::<ProjetOffre>);
    let naviguer = use_navigate();

    // The draft as saved: its QPV (found from the address), what it still misses, when.
    let retenir = move |b: Brouillon| {
        saisie.qpv.set(b.projet.qpv);
        a_completer.set(b.a_completer);
        modifie_le.set(b.modifie_le);
    };
    let envoi = Envoi::new(
        move |demande: Demande| async move {
            match demande {
                Demande::Enregistrer(projet) => {
                    retenir(api::enregistrer_brouillon(id, &projet).await?);
                    Ok(Suite::Enregistre)
                }
                Demande::Publier(projet) => {
                    let b = api::enregistrer_brouillon(id, &projet).await?;
                    let manquants = b.a_completer.clone();
                    retenir(b);
                    if !manquants.is_empty() {
                        return Err(incomplet(manquants));
                    }
                    api::publier_brouillon(id).await.map(Suite::Publiee)
                }
                Demande::Supprimer => api::supprimer_brouillon(id).await.map(|()| Suite::Supprime),
            }
        },
        move |suite| match suite {
            Suite::Enregistre => {
                enregistre.set(true);
                focaliser_apres_rendu("etat-enregistrement");
            }
            Suite::Publiee(p) => naviguer(
                &format!("/bailleur/offres/{}", p.offre_id),
                Default::default(),
            ),
            Suite::Supprime => naviguer("/bailleur", Default::default()),
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    // Field errors, found here or by the server, are listed above the form, and the focus
    // goes there.
    Effect::new(move || {
        if !erreurs.with(Vec::is_empty) {
            focaliser_apres_rendu(ID_RESUME);
        }
    });

    // Saves the draft (`publier`: then publishes it), unless some field cannot be read.
    let sauver = move |publier: bool| {
        let (projet, illisibles) = saisie.projet();
        if !illisibles.is_empty() {
            erreurs.set(illisibles);
            return;
        }
        enregistre.set(false);
        envoi.soumettre(if publier {
            Demande::Publier(projet)
        } else {
            Demande::Enregistrer(projet)
        });
    };
    let enregistrer = move |_| sauver(false);
    let voir_apercu = move |_| {
        let (projet, _) = saisie.projet();
        apercu.set(Some(projet));
        focaliser_apres_rendu("apercu-titre");
    };
    let publier = Callback::new(move |()| sauver(true));
    let supprimer = Callback::new(move |()| envoi.soumettre(Demande::Supprimer));
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
