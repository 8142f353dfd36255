//! What a mandate covers and for how long: the same choice for the applicant in their
//! account and for the advisor at the counter.

use super::{Case, Choix, message_erreur};
use crate::i18n::*;
use crate::libelles;
use clef_domain::ErreurChamp;
use clef_domain::mandat::{Acte, DUREE_MAX_MOIS};
use leptos::prelude::*;

/// The choices of a mandate being written.
#[derive(Clone, Copy)]
pub struct SaisieMandat {
    pub remplir_foyer: RwSignal<bool>,
    pub candidater: RwSignal<bool>,
    /// Months, as the list's value (`"3"`).
    pub duree: RwSignal<String>,
}

impl SaisieMandat {
    pub fn new() -> SaisieMandat {
        SaisieMandat {
            remplir_foyer: RwSignal::new(false),
            candidater: RwSignal::new(false),
            duree: RwSignal::new("3".into()),
        }
    }

    pub fn actes(&self) -> Vec<Acte> {
        let mut actes = vec![Acte::Consulter];
        if self.remplir_foyer.get_untracked() {
            actes.push(Acte::RemplirFoyer);
        }
        if self.candidater.get_untracked() {
            actes.push(Acte::Candidater);
        }
        actes
    }

    /// The chosen months; 0 (refused by the server, with its message) when none is.
    pub fn duree_mois(&self) -> u8 {
        self.duree.get_untracked().parse().unwrap_or(0)
    }
}

impl Default for SaisieMandat {
    fn default() -> Self {
        SaisieMandat::new()
    }
}

#[component]
pub fn ChoixMandat(saisie: SaisieMandat, erreurs: RwSignal<Vec<ErreurChamp>>) -> impl IntoView {
    let i18n = use_i18n();
    let durees = Signal::derive(move || {
        [1, 3, 6, DUREE_MAX_MOIS]
            .into_iter()
            .map(|n| (n.to_string(), tu_string!(i18n, mandats.mois, n).to_string()))
            .collect::<Vec<_>>()
    });
    let erreur_actes = message_erreur(erreurs, "actes".into(), false);
    view! {
        <fieldset class="champ">
            <legend>{tu_string!(i18n, mandats.actes)}</legend>
            <div class="champ champ--case">
                <input type="checkbox" id="acte-consulter" checked=true disabled=true aria-describedby="acte-consulter-aide" />
                <label for="acte-consulter">{libelles::acte(i18n, Acte::Consulter)}</label>
                <p class="aide" id="acte-consulter-aide">{tu_string!(i18n, mandats.consulter_toujours)}</p>
            </div>
            <Case champ="acte_remplir_foyer" libelle=libelles::acte(i18n, Acte::RemplirFoyer) valeur=saisie.remplir_foyer />
            <Case champ="acte_candidater" libelle=libelles::acte(i18n, Acte::Candidater) valeur=saisie.candidater />
            {move || erreur_actes.get().map(|m| view! { <p class="champ__erreur">{m}</p> })}
        </fieldset>
        <Choix
            champ="duree_mois"
            libelle=tu_string!(i18n, mandats.duree).to_string()
            valeur=saisie.duree
            options=durees
            vide=tu_string!(i18n, mandats.duree_vide).to_string()
            erreurs
            aide=tu_string!(i18n, mandats.duree_aide).to_string()
        />
    }
}
