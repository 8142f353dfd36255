//! The territory's settings: first-quartile threshold and its year, the social-mix targets
//! (never below the law), the rent-burden threshold and the cap on applications.

use crate::api;
use crate::components::{
    ChampTexte, Confirmation, ResumeErreurs, charger, focaliser_apres_rendu, message_erreur,
};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::saisie::{centimes, en_texte_euros, id_de};
use clef_domain::Euros;
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::territoire::{AccordLocal, ObjectifsMixite, ParametresTerritoire};
use leptos::prelude::*;

/// Where the list of errors is.
const ID_ERREURS: &str = "resume-erreurs-parametres";

#[component]
pub fn Parametres() -> impl IntoView {
    charger(
        |a| api::parametres().lire_annulable(a),
        |p: ParametresTerritoire, _| view! { <Formulaire p /> },
    )
}

/// A whole number typed in a field, or the field's error.
fn entier<T: TryFrom<i64>>(champ: &str, texte: &str, erreurs: &mut Vec<ErreurChamp>) -> Option<T> {
    let valeur = texte
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|n| T::try_from(n).ok());
    if valeur.is_none() {
        erreurs.push(ErreurChamp::new(champ, CodeErreur::PasUnNombre));
    }
    valeur
}

/// A setting's name, as its field's label says it.
fn nom_du_champ(i18n: leptos_i18n::I18nContext<Locale>, champ: &str) -> String {
    match champ {
        "seuil_premier_quartile" => tu_string!(i18n, territoire.seuil_q1),
        "annee_seuil_premier_quartile" => tu_string!(i18n, territoire.annee_q1),
        "objectifs.q1_hors_qpv" => tu_string!(i18n, territoire.objectif_q1),
        "objectifs.autres_quartiles_en_qpv" => tu_string!(i18n, territoire.objectif_en_qpv),
        "objectifs.prioritaires_par_reservataire" => {
            tu_string!(i18n, territoire.objectif_prioritaires)
        }
        "objectifs.accord.nom" => tu_string!(i18n, territoire.accord_nom),
        "objectifs.accord.date" => tu_string!(i18n, territoire.accord_date),
        "seuil_taux_effort" => tu_string!(i18n, territoire.taux_effort),
        "candidatures_simultanees_max" => tu_string!(i18n, territoire.plafond),
        _ => return champ.to_owned(),
    }
    .to_string()
}

/// The local agreement as typed: none when both fields are empty, an error on the one
/// missing or unreadable otherwise (`None` then: the current one is kept while the rules
/// crate checks the rest).
fn lire_accord(
    nom: &str,
    date: &str,
    erreurs: &mut Vec<ErreurChamp>,
) -> Option<Option<AccordLocal>> {
    let (nom, date) = (nom.trim(), date.trim());
    if nom.is_empty() && date.is_empty() {
        return Some(None);
    }
    if nom.is_empty() {
        erreurs.push(ErreurChamp::new("objectifs.accord.nom", CodeErreur::Requis));
    }
    let jour = match date.parse::<clef_domain::Jour>() {
        Ok(jour) => Some(jour),
        Err(_) => {
            erreurs.push(ErreurChamp::new(
                "objectifs.accord.date",
                if date.is_empty() {
                    CodeErreur::Requis
                } else {
                    CodeErreur::FormatInvalide
                },
            ));
            None
        }
    };
    match jour {
        Some(date) if !nom.is_empty() => Some(Some(AccordLocal {
            nom: nom.to_owned(),
            date,
        })),
        _ => None,
    }
}

#[component]
fn Formulaire(p: ParametresTerritoire) -> impl IntoView {
    let i18n = use_i18n();
    let base = StoredValue::new(p.clone());
    let seuil = RwSignal::new(en_texte_euros(Some(p.seuil_premier_quartile.centimes())));
    let annee = RwSignal::new(p.annee_seuil_premier_quartile.to_string());
    let q1 = RwSignal::new(p.objectifs.q1_hors_qpv.to_string());
    let en_qpv = RwSignal::new(p.objectifs.autres_quartiles_en_qpv.to_string());
    let prioritaires = RwSignal::new(p.objectifs.prioritaires_par_reservataire.to_string());
    let accord_nom = RwSignal::new(
        p.objectifs
            .accord
            .as_ref()
            .map(|a| a.nom.clone())
            .unwrap_or_default(),
    );
    let accord_date = RwSignal::new(
        p.objectifs
            .accord
            .as_ref()
            .map(|a| a.date.to_string())
            .unwrap_or_default(),
    );
    let taux_effort = RwSignal::new(p.seuil_taux_effort.to_string());
    let plafond = RwSignal::new(p.candidatures_simultanees_max.to_string());
    let publie = RwSignal::new(false);
    let envoi = Envoi::new(
        |parametres: ParametresTerritoire| async move {
            let r = api::publier_parametres(&parametres).await;
            // The server's errors go in the list too, and focus with them.
            if r.as_ref().is_err_and(|e| !e.champs().is_empty()) {
                focaliser_apres_rendu(ID_ERREURS);
            }
            r
        },
        move |p| {
            base.set_value(p);
            publie.set(true);
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let publier = Callback::new(move |_| {
        let mut locales = Vec::new();
        let seuil = match centimes(&seuil.get_untracked()) {
            Ok(Some(c)) => Some(Euros::from_centimes(c)),
            Ok(None) => {
                locales.push(ErreurChamp::new(
                    "seuil_premier_quartile",
                    CodeErreur::Requis,
                ));
                None
            }
            Err(code) => {
                locales.push(ErreurChamp::new("seuil_premier_quartile", code));
                None
            }
        };
        let annee = entier::<i16>(
            "annee_seuil_premier_quartile",
            &annee.get_untracked(),
            &mut locales,
        );
        let q1 = entier::<u8>("objectifs.q1_hors_qpv", &q1.get_untracked(), &mut locales);
        let en_qpv = entier::<u8>(
            "objectifs.autres_quartiles_en_qpv",
            &en_qpv.get_untracked(),
            &mut locales,
        );
        let prioritaires = entier::<u8>(
            "objectifs.prioritaires_par_reservataire",
            &prioritaires.get_untracked(),
            &mut locales,
        );
        let taux_effort = entier::<u8>(
            "seuil_taux_effort",
            &taux_effort.get_untracked(),
            &mut locales,
        );
        let plafond = entier::<u8>(
            "candidatures_simultanees_max",
            &plafond.get_untracked(),
            &mut locales,
        );
        let accord = lire_accord(
            &accord_nom.get_untracked(),
            &accord_date.get_untracked(),
            &mut locales,
        );
        // What does not parse keeps its current value, so that the rules crate checks the
        // rest now: every error shows at once, never one more after each correction.
        let actuels = base.get_value();
        let parametres = ParametresTerritoire {
            seuil_taux_effort: taux_effort.unwrap_or(actuels.seuil_taux_effort),
            seuil_premier_quartile: seuil.unwrap_or(actuels.seuil_premier_quartile),
            annee_seuil_premier_quartile: annee.unwrap_or(actuels.annee_seuil_premier_quartile),
            objectifs: ObjectifsMixite {
                q1_hors_qpv: q1.unwrap_or(actuels.objectifs.q1_hors_qpv),
                autres_quartiles_en_qpv: en_qpv
                    .unwrap_or(actuels.objectifs.autres_quartiles_en_qpv),
                prioritaires_par_reservataire: prioritaires
                    .unwrap_or(actuels.objectifs.prioritaires_par_reservataire),
                accord: accord.unwrap_or_else(|| actuels.objectifs.accord.clone()),
            },
            candidatures_simultanees_max: plafond.unwrap_or(actuels.candidatures_simultanees_max),
            ..actuels
        };
        if let Some(aujourdhui) = crate::saisie::aujourdhui()
            && let Err(regles) = parametres.verifier(aujourdhui)
        {
            for e in regles {
                if !locales.iter().any(|x| x.champ == e.champ) {
                    locales.push(e);
                }
            }
        }
        if !locales.is_empty() {
            erreurs.set(locales);
            focaliser_apres_rendu(ID_ERREURS);
            return;
        }
        publie.set(false);
        envoi.soumettre(parametres);
    });
    let champ =
        move |champ: &'static str, libelle: String, valeur: RwSignal<String>, aide: String| {
            view! {
                <ChampTexte
                    id=id_de(champ)
                    libelle
                    valeur
                    erreur=message_erreur(erreurs, champ.to_owned(), false)
                    aide
                    inputmode="numeric"
                    requis=true
                />
            }
        };
    view! {
        <section aria-labelledby="titre-parametres">
            <h2 id="titre-parametres" tabindex="-1">{tu_string!(i18n, territoire.parametres)}</h2>
            <form class="formulaire" novalidate=true on:submit=|ev| ev.prevent_default()>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <ResumeErreurs erreurs id=ID_ERREURS titre=tu_string!(i18n, territoire.erreurs_parametres)
                    libelle=Callback::new(move |champ: String| nom_du_champ(i18n, &champ)) />
                {champ("seuil_premier_quartile", tu_string!(i18n, territoire.seuil_q1).to_string(), seuil, tu_string!(i18n, territoire.seuil_q1_aide).to_string())}
                {champ("annee_seuil_premier_quartile", tu_string!(i18n, territoire.annee_q1).to_string(), annee, tu_string!(i18n, territoire.annee_q1_aide).to_string())}
                <fieldset class="champ">
                    <legend>{tu_string!(i18n, territoire.objectifs)}</legend>
                    <p class="aide">{tu_string!(i18n, territoire.objectifs_aide)}</p>
                    {champ("objectifs.q1_hors_qpv", tu_string!(i18n, territoire.objectif_q1).to_string(), q1, tu_string!(i18n, territoire.chiffre_legal, n = 25).to_string())}
                    {champ("objectifs.autres_quartiles_en_qpv", tu_string!(i18n, territoire.objectif_en_qpv).to_string(), en_qpv, tu_string!(i18n, territoire.chiffre_legal, n = 50).to_string())}
                    {champ("objectifs.prioritaires_par_reservataire", tu_string!(i18n, territoire.objectif_prioritaires).to_string(), prioritaires, tu_string!(i18n, territoire.minimum_legal, n = 25).to_string())}
                    <ChampTexte
                        id=id_de("objectifs.accord.nom")
                        libelle=tu_string!(i18n, territoire.accord_nom).to_string()
                        valeur=accord_nom
                        erreur=message_erreur(erreurs, "objectifs.accord.nom".to_owned(), false)
                        aide=tu_string!(i18n, territoire.accord_nom_aide).to_string()
                    />
                    <ChampTexte
                        id=id_de("objectifs.accord.date")
                        libelle=tu_string!(i18n, territoire.accord_date).to_string()
                        valeur=accord_date
                        erreur=message_erreur(erreurs, "objectifs.accord.date".to_owned(), false)
                        aide=tu_string!(i18n, territoire.accord_date_aide).to_string()
                        type_="date"
                    />
                </fieldset>
                {champ("seuil_taux_effort", tu_string!(i18n, territoire.taux_effort).to_string(), taux_effort, tu_string!(i18n, territoire.taux_effort_aide).to_string())}
                {champ("candidatures_simultanees_max", tu_string!(i18n, territoire.plafond).to_string(), plafond, tu_string!(i18n, territoire.plafond_aide).to_string())}
                <Confirmation
                    id="publier-parametres"
                    libelle=tu_string!(i18n, territoire.publier_parametres).to_string()
                    titre=tu_string!(i18n, territoire.publier_parametres_titre).to_string()
                    texte=tu_string!(i18n, territoire.publier_parametres_texte).to_string()
                    confirmer=tu_string!(i18n, territoire.publier).to_string()
                    en_cours=en_cours.into()
                    on_confirmer=publier
                />
                {move || publie.get().then(|| view! { <p class="succes" id="parametres-publies" role="status">{tu_string!(i18n, territoire.parametres_publies)}</p> })}
            </form>
        </section>
    }
}
