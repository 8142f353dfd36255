//! The fields of a listing, grouped as the listing page shows them. Each error is shown
//! next to its field and tied to it for screen readers.

use super::photos::Photos;
use super::saisie::SaisieOffre;
use crate::components::{Case, ChampTexte, Choix, message_erreur};
use crate::i18n::*;
use crate::libelles;
use crate::saisie::id_de;
use clef_domain::ErreurChamp;
use clef_domain::api::Commune;
use clef_domain::offre::{Code, EtiquetteDpe, Financement, Reservataire, Typologie};
use leptos::prelude::*;

fn codes<T: Code>(libelle: impl Fn(T) -> String) -> Vec<(String, String)> {
    T::TOUS
        .iter()
        .map(|&v| (v.code().to_owned(), libelle(v)))
        .collect()
}

#[component]
pub fn FormulaireOffre(
    saisie: SaisieOffre,
    erreurs: RwSignal<Vec<ErreurChamp>>,
    communes: Vec<Commune>,
    /// Rent, financing and typology of a published listing cannot change here.
    #[prop(optional)]
    figee: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let e = move |champ: &str| message_erreur(erreurs, champ.to_owned(), false);
    let liste_communes: Vec<(String, String)> = communes
        .iter()
        .map(|c| (c.slug.clone(), c.nom.clone()))
        .collect();
    let typologies = codes::<Typologie>(move |v| libelles::typologie(i18n, v));
    let financements = codes::<Financement>(move |v| libelles::financement(i18n, v));
    let reservataires = codes::<Reservataire>(move |v| libelles::reservataire(i18n, v));
    let dpes = codes::<EtiquetteDpe>(|v| v.code().to_owned());
    let choisir = tu_string!(i18n, publier.choisir).to_string();
    view! {
        <fieldset>
            <legend>{tu_string!(i18n, publier.groupe_lieu)}</legend>
            <ChampTexte id=id_de("titre") libelle=tu_string!(i18n, publier.titre).to_string()
                aide=tu_string!(i18n, publier.titre_aide).to_string()
                valeur=saisie.titre erreur=e("titre") requis=true />
            <ChampTexte id=id_de("adresse") libelle=tu_string!(i18n, publier.adresse).to_string()
                valeur=saisie.adresse erreur=e("adresse") autocomplete="street-address" requis=true />
            <Choix champ="commune" libelle=tu_string!(i18n, publier.commune).to_string()
                valeur=saisie.commune options=Signal::stored(liste_communes) vide=choisir.clone() erreurs />
            <p class="encart" aria-live="polite">
                <strong>{tu_string!(i18n, publier.qpv)}</strong> " : "
                {move || {
                    let qpv = saisie.qpv.get();
                    if qpv.is_empty() {
                        tu_string!(i18n, publier.est_hors_qpv).to_string()
                    } else {
                        tu_string!(i18n, publier.est_en_qpv, qpv).to_string()
                    }
                }}
                <br />
                <span class="aide">{tu_string!(i18n, publier.qpv_aide)}</span>
            </p>
        </fieldset>
        <fieldset>
            <legend>{tu_string!(i18n, publier.groupe_logement)}</legend>
            {figee.then(|| view! { <p class="encart">{tu_string!(i18n, publier.figes)}</p> })}
            {if figee {
                view! {
                    <p>
                        <strong>{tu_string!(i18n, publier.typologie)}</strong> " : " {move || saisie.typologie.get()}
                    </p>
                }.into_any()
            } else {
                view! {
                    <Choix champ="typologie" libelle=tu_string!(i18n, publier.typologie).to_string()
                        valeur=saisie.typologie options=Signal::stored(typologies) vide=choisir.clone() erreurs />
                }.into_any()
            }}
            <ChampTexte id=id_de("pieces") libelle=tu_string!(i18n, publier.pieces).to_string()
                valeur=saisie.pieces erreur=e("pieces") inputmode="numeric" requis=true />
            <ChampTexte id=id_de("surface") libelle=tu_string!(i18n, publier.surface).to_string()
                aide=tu_string!(i18n, publier.surface_aide).to_string()
                valeur=saisie.surface erreur=e("surface") inputmode="decimal" requis=true />
            <ChampTexte id=id_de("etage") libelle=tu_string!(i18n, publier.etage).to_string()
                aide=tu_string!(i18n, publier.etage_aide).to_string()
                valeur=saisie.etage erreur=e("etage") inputmode="numeric" requis=true />
            <Case champ="ascenseur" libelle=tu_string!(i18n, publier.ascenseur).to_string() valeur=saisie.ascenseur />
            <Case champ="accessible_pmr" libelle=tu_string!(i18n, publier.pmr).to_string() valeur=saisie.accessible_pmr />
            <Choix champ="dpe" libelle=tu_string!(i18n, publier.dpe).to_string()
                valeur=saisie.dpe options=Signal::stored(dpes) vide=choisir.clone() erreurs />
        </fieldset>
        <fieldset>
            <legend>{tu_string!(i18n, publier.groupe_loyer)}</legend>
            {if figee {
                view! {
                    <p><strong>{tu_string!(i18n, publier.loyer)}</strong> " : " {move || saisie.loyer.get()} " €"</p>
                    <p><strong>{tu_string!(i18n, publier.financement)}</strong> " : " {move || saisie.financement.get()}</p>
                }.into_any()
            } else {
                view! {
                    <Choix champ="financement" libelle=tu_string!(i18n, publier.financement).to_string()
                        aide=tu_string!(i18n, financement.explication).to_string()
                        valeur=saisie.financement options=Signal::stored(financements) vide=choisir.clone() erreurs />
                    <ChampTexte id=id_de("loyer") libelle=tu_string!(i18n, publier.loyer).to_string()
                        aide=tu_string!(i18n, publier.loyer_aide).to_string()
                        valeur=saisie.loyer erreur=e("loyer") inputmode="decimal" requis=true />
                }.into_any()
            }}
            <ChampTexte id=id_de("charges") libelle=tu_string!(i18n, publier.charges).to_string()
                valeur=saisie.charges erreur=e("charges") inputmode="decimal" requis=true />
            <Choix champ="reservataire" libelle=tu_string!(i18n, publier.reservataire).to_string()
                aide=tu_string!(i18n, publier.reservataire_aide).to_string()
                valeur=saisie.reservataire options=Signal::stored(reservataires) vide=choisir erreurs />
        </fieldset>
        <fieldset>
            <legend>{tu_string!(i18n, publier.groupe_fenetre)}</legend>
            <p class="aide">{tu_string!(i18n, publier.fenetre_aide)}</p>
            <ChampTexte id=id_de("ouverture") libelle=tu_string!(i18n, publier.ouverture).to_string()
                valeur=saisie.ouverture erreur=e("ouverture") type_="date" requis=true />
            <ChampTexte id=id_de("cloture") libelle=tu_string!(i18n, publier.cloture).to_string()
                valeur=saisie.cloture erreur=e("cloture") type_="date" requis=true />
        </fieldset>
        <fieldset>
            <legend>{tu_string!(i18n, publier.groupe_description)}</legend>
            <Description valeur=saisie.description erreurs />
            <Photos photos=saisie.photos erreurs />
        </fieldset>
    }
}

#[component]
fn Description(valeur: RwSignal<String>, erreurs: RwSignal<Vec<ErreurChamp>>) -> impl IntoView {
    let i18n = use_i18n();
    let erreur = message_erreur(erreurs, "description".to_owned(), false);
    view! {
        <div class="champ" class:champ--erreur=move || erreur.get().is_some()>
            <label for="description">{tu_string!(i18n, publier.description)}</label>
            <p class="aide" id="description-aide">{tu_string!(i18n, publier.description_aide)}</p>
            <textarea
                id="description"
                rows="6"
                maxlength="4000"
                aria-describedby=move || if erreur.get().is_some() { "description-aide description-erreur" } else { "description-aide" }
                aria-invalid=move || erreur.get().is_some().then_some("true")
                prop:value=move || valeur.get()
                on:input=move |ev| valeur.set(event_target_value(&ev))
            ></textarea>
            {move || erreur.get().map(|m| view! { <p class="champ__erreur" id="description-erreur">{m}</p> })}
        </div>
    }
}
