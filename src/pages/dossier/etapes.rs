//! The five steps of "Mon dossier".

use super::Champs;
use super::formulaire::{Etape, MembreSaisi};
use crate::components::{ChampTexte, message_erreur};
use crate::i18n::*;
use crate::libelles;
use crate::saisie::id_de;
use crate::session::Session;
use clef_domain::demande::{Lien, Situation};
use clef_domain::offre::Code;
use leptos::prelude::*;

fn erreur(champs: Champs, champ: &str) -> Signal<Option<String>> {
    message_erreur(champs.erreurs, champ.to_owned(), false)
}

/// The current year, from the browser's clock (labels only: the server owns dates).
fn annee_courante() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[component]
pub fn EtapeMenage(champs: Champs) -> impl IntoView {
    let i18n = use_i18n();
    let nombre = Memo::new(move |_| champs.membres.with(Vec::len));
    let general = message_erreur(champs.erreurs, "membres".into(), false);
    view! {
        <p>{move || if Session::utiliser().pour_un_tiers() { tu_string!(i18n, tiers.menage_intro) } else { tu_string!(i18n, dossier.menage_intro) }}</p>
        <div id="membres" tabindex="-1">
            {move || general.get().map(|m| view! { <p class="champ__erreur">{m}</p> })}
            {move || (0..nombre.get()).map(|i| view! { <LigneMembre champs i /> }).collect_view()}
        </div>
        <button
            type="button"
            class="bouton bouton--secondaire"
            disabled=move || champs.membres.with(|m| m.len() >= clef_domain::demande::MEMBRES_MAX)
            on:click=move |_| champs.membres.update(|m| m.push(MembreSaisi::nouveau(Lien::Enfant)))
        >
            {tu_string!(i18n, dossier.ajouter_personne)}
        </button>
    }
}

#[component]
fn LigneMembre(champs: Champs, i: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lire = move |f: fn(&MembreSaisi) -> String| {
        champs.membres.with(|m| m.get(i).map(f).unwrap_or_default())
    };
    let age = RwSignal::new(lire(|m| m.age.clone()));
    Effect::new(move || {
        let valeur = age.get();
        champs.membres.update(|m| {
            if let Some(membre) = m.get_mut(i) {
                membre.age = valeur;
            }
        });
    });
    let premier = i == 0;
    let numero = i + 1;
    let titre = if premier {
        if Session::utiliser().pour_un_tiers() {
            tu_string!(i18n, tiers.personne_vous).to_string()
        } else {
            tu_string!(i18n, dossier.personne_vous).to_string()
        }
    } else {
        tu_string!(i18n, dossier.personne_n, numero).to_string()
    };
    let prefixe = format!("membres.{i}");
    let id_lien = id_de(&format!("{prefixe}.lien"));
    let id_charge = id_de(&format!("{prefixe}.a_charge"));
    let id_handicap = id_de(&format!("{prefixe}.carte_invalidite"));
    let id_aide_charge = format!("{id_charge}-aide");
    let id_aide_handicap = format!("{id_handicap}-aide");
    let erreur_charge = erreur(champs, &format!("{prefixe}.a_charge"));
    let erreur_lien = erreur(champs, &format!("{prefixe}.lien"));
    let coche = move |f: fn(&MembreSaisi) -> bool| champs.membres.with(|m| m.get(i).is_some_and(f));
    view! {
        <fieldset class="membre">
            <legend>{titre}</legend>
            {(!premier).then(|| {
                let id_lien = id_lien.clone();
                view! {
                    <div class="champ" class:champ--erreur=move || erreur_lien.get().is_some()>
                        <label for=id_lien.clone()>{move || if Session::utiliser().pour_un_tiers() { tu_string!(i18n, tiers.lien) } else { tu_string!(i18n, dossier.lien) }}</label>
                        <select id=id_lien on:change=move |ev| {
                            let lien = match event_target_value(&ev).as_str() {
                                "conjoint" => Lien::Conjoint,
                                "ascendant" => Lien::Ascendant,
                                "autre" => Lien::Autre,
                                _ => Lien::Enfant,
                            };
                            champs.membres.update(|m| if let Some(x) = m.get_mut(i) { x.lien = lien; });
                        }>
                            {[Lien::Conjoint, Lien::Enfant, Lien::Ascendant, Lien::Autre].into_iter().map(|l| {
                                let code = match l { Lien::Conjoint => "conjoint", Lien::Ascendant => "ascendant", Lien::Autre => "autre", _ => "enfant" };
                                let choisi = champs.membres.with_untracked(|m| m.get(i).is_some_and(|x| x.lien == l));
                                view! { <option value=code selected=choisi>{libelles::lien(i18n, l)}</option> }
                            }).collect_view()}
                        </select>
                        {move || erreur_lien.get().map(|m| view! { <p class="champ__erreur">{m}</p> })}
                    </div>
                }
            })}
            <ChampTexte
                id=id_de(&format!("{prefixe}.age"))
                libelle=tu_string!(i18n, dossier.age).to_string()
                valeur=age
                erreur=erreur(champs, &format!("{prefixe}.age"))
                inputmode="numeric"
                requis=true
            />
            {(!premier).then(|| view! {
                <div class="champ champ--case" class:champ--erreur=move || erreur_charge.get().is_some()>
                    <input type="checkbox" id=id_charge.clone() aria-describedby=id_aide_charge.clone()
                        prop:checked=move || coche(MembreSaisi::a_charge)
                        on:change=move |ev| {
                            let v = event_target_checked(&ev);
                            champs.membres.update(|m| if let Some(x) = m.get_mut(i) { x.a_charge = Some(v); });
                        } />
                    <label for=id_charge.clone()>{tu_string!(i18n, dossier.a_charge)}</label>
                    <p class="aide" id=id_aide_charge.clone()>{tu_string!(i18n, dossier.a_charge_aide)}</p>
                    {move || erreur_charge.get().map(|m| view! { <p class="champ__erreur">{m}</p> })}
                </div>
            })}
            <div class="champ champ--case">
                <input type="checkbox" id=id_handicap.clone() aria-describedby=id_aide_handicap.clone()
                    prop:checked=move || coche(|m| m.carte_invalidite)
                    on:change=move |ev| {
                        let v = event_target_checked(&ev);
                        champs.membres.update(|m| if let Some(x) = m.get_mut(i) { x.carte_invalidite = v; });
                    } />
                <label for=id_handicap>
                    {tu_string!(i18n, dossier.carte_invalidite)}
                    " " <span class="badge badge--protege">{tu_string!(i18n, dossier.protege)}</span>
                </label>
                <p class="aide" id=id_aide_handicap>{tu_string!(i18n, dossier.carte_invalidite_aide)}</p>
            </div>
            {(!premier).then(|| view! {
                <button type="button" class="lien-bouton" on:click=move |_| champs.membres.update(|m| { if i < m.len() { m.remove(i); } })>
                    {tu_string!(i18n, dossier.retirer_personne)}
                </button>
            })}
        </fieldset>
    }
}

/// One person's monthly resources, on the resources step.
#[component]
fn RessourcesDe(champs: Champs, i: usize) -> impl IntoView {
    let i18n = use_i18n();
    let valeur = RwSignal::new(
        champs
            .membres
            .with_untracked(|m| m.get(i).map(|x| x.ressources.clone()).unwrap_or_default()),
    );
    Effect::new(move || {
        let texte = valeur.get();
        champs.membres.update(|m| {
            if let Some(membre) = m.get_mut(i) {
                membre.ressources = texte;
            }
        });
    });
    let numero = i + 1;
    let qui = champs.membres.with_untracked(|m| {
        m.get(i)
            .map(|x| (x.lien, x.age.trim().to_owned()))
            .unwrap_or((Lien::Autre, String::new()))
    });
    let libelle = if i == 0 {
        tu_string!(i18n, dossier.mensuelles_vous).to_string()
    } else {
        let lien = libelles::lien(i18n, qui.0);
        let age = qui.1;
        tu_string!(i18n, dossier.mensuelles_personne, numero, lien, age).to_string()
    };
    let champ = format!("membres.{i}.ressources_mensuelles");
    view! {
        <ChampTexte
            id=id_de(&champ)
            libelle
            valeur
            erreur=erreur(champs, &champ)
            inputmode="decimal"
        />
    }
}

#[component]
pub fn EtapeRessources(champs: Champs) -> impl IntoView {
    let i18n = use_i18n();
    let annee = annee_courante();
    let (n2, n1) = (annee - 2, annee - 1);
    let libelle_n2 = {
        let annee = n2;
        tu_string!(i18n, dossier.rfr_n2, annee).to_string()
    };
    let aide_n2 = {
        let annee = n1;
        tu_string!(i18n, dossier.rfr_aide, annee).to_string()
    };
    let libelle_n1 = {
        let annee = n1;
        tu_string!(i18n, dossier.rfr_n1, annee).to_string()
    };
    let nombre = Memo::new(move |_| champs.membres.with(Vec::len));
    view! {
        <p>{tu_string!(i18n, dossier.ressources_intro)}</p>
        <fieldset class="champ" id="ressources-mensuelles">
            <legend>{tu_string!(i18n, dossier.mensuelles_titre)}</legend>
            <p class="aide">{tu_string!(i18n, dossier.mensuelles_aide)}</p>
            {move || (0..nombre.get()).map(|i| view! { <RessourcesDe champs i /> }).collect_view()}
        </fieldset>
        <ChampTexte
            id="date-depot".into()
            libelle=tu_string!(i18n, dossier.date_depot).to_string()
            aide=tu_string!(i18n, dossier.date_depot_aide).to_string()
            valeur=champs.date_depot
            erreur=erreur(champs, "date_depot")
            type_="date"
            requis=true
        />
        <ChampTexte
            id="rfr-n2".into()
            libelle=libelle_n2
            aide=aide_n2
            valeur=champs.rfr_n2
            erreur=erreur(champs, "rfr_n2")
            inputmode="decimal"
            requis=true
        />
        <ChampTexte
            id="rfr-n1".into()
            libelle=libelle_n1
            aide=tu_string!(i18n, dossier.rfr_n1_aide).to_string()
            valeur=champs.rfr_n1
            erreur=erreur(champs, "rfr_n1")
            inputmode="decimal"
        />
        <ChampTexte
            id="douze-derniers-mois".into()
            libelle=tu_string!(i18n, dossier.douze_derniers_mois).to_string()
            aide=tu_string!(i18n, dossier.douze_derniers_mois_aide).to_string()
            valeur=champs.douze_derniers_mois
            erreur=erreur(champs, "douze_derniers_mois")
            inputmode="decimal"
        />
    }
}

#[component]
pub fn EtapeLogement(champs: Champs) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{tu_string!(i18n, dossier.logement_intro)}</p>
        <ChampTexte
            id="logement-actuel-loyer-charges".into()
            libelle=tu_string!(i18n, dossier.loyer).to_string()
            aide=tu_string!(i18n, dossier.loyer_aide).to_string()
            valeur=champs.loyer
            erreur=erreur(champs, "logement_actuel.loyer_charges")
            inputmode="decimal"
        />
        <ChampTexte
            id="logement-actuel-aide-logement".into()
            libelle=tu_string!(i18n, dossier.aide).to_string()
            valeur=champs.aide
            erreur=erreur(champs, "logement_actuel.aide_logement")
            inputmode="decimal"
        />
        <ChampTexte
            id="logement-actuel-surface".into()
            libelle=tu_string!(i18n, dossier.surface).to_string()
            valeur=champs.surface
            erreur=erreur(champs, "logement_actuel.surface")
            inputmode="decimal"
        />
    }
}

/// One checkbox per situation: the priorities of the law, or the others.
fn cases(champs: Champs, prioritaires: bool) -> impl IntoView {
    let i18n = use_i18n();
    Situation::TOUS
        .iter()
        .copied()
        .filter(|s| s.prioritaire() == prioritaires)
        .map(|s| {
            let id = format!("situation-{}", s.code().replace('_', "-"));
            let sensible = s.sensible();
            view! {
                <div class="champ champ--case">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || champs.situations.with(|set| set.contains(&s))
                        on:change=move |ev| {
                            let v = event_target_checked(&ev);
                            champs.situations.update(|set| { if v { set.insert(s); } else { set.remove(&s); } });
                        } />
                    <label for=id>
                        {libelles::situation(i18n, s)}
                        {sensible.then(|| view! { " " <span class="badge badge--protege">{tu_string!(i18n, dossier.protege)}</span> })}
                    </label>
                </div>
            }
        })
        .collect_view()
}

#[component]
pub fn EtapeSituations(champs: Champs) -> impl IntoView {
    let i18n = use_i18n();
    let general = message_erreur(champs.erreurs, "situations".into(), true);
    view! {
        <p>{tu_string!(i18n, dossier.situations_intro)}</p>
        <fieldset id="situations" tabindex="-1" class="situations">
            <legend>{tu_string!(i18n, dossier.situations_legende)}</legend>
            <p class="aide">{tu_string!(i18n, dossier.situations_loi)}</p>
            {move || general.get().map(|m| view! { <p class="champ__erreur">{m}</p> })}
            {cases(champs, true)}
        </fieldset>
        <fieldset class="situations">
            <legend>{tu_string!(i18n, dossier.situations_autres)}</legend>
            {cases(champs, false)}
        </fieldset>
        <details class="pourquoi">
            <summary>{tu_string!(i18n, dossier.pourquoi_titre)}</summary>
            <p>{tu_string!(i18n, dossier.pourquoi_points)}</p>
            <p>{tu_string!(i18n, dossier.pourquoi_protege)}</p>
            <p>{tu_string!(i18n, dossier.pourquoi_justificatifs)}</p>
        </details>
    }
}

#[component]
pub fn EtapeVerification(champs: Champs, aller: Callback<Etape>) -> impl IntoView {
    let i18n = use_i18n();
    let f = champs.formulaire();
    let vide = || tu_string!(i18n, dossier.non_renseigne).to_string();
    let ou_vide = move |t: &str| {
        if t.trim().is_empty() {
            vide()
        } else {
            t.to_owned()
        }
    };
    let personnes = f
        .membres
        .iter()
        .map(|m| {
            let lien = libelles::lien(i18n, m.lien);
            let age = m.age.clone();
            tu_string!(i18n, dossier.resume_personne, lien, age).to_string()
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let situations = if f.situations.is_empty() {
        tu_string!(i18n, dossier.aucune_situation).to_string()
    } else {
        f.situations
            .iter()
            .map(|s| libelles::situation(i18n, *s))
            .collect::<Vec<_>>()
            .join(" ; ")
    };
    let modifier = move |e: Etape| {
        view! {
            <button type="button" class="lien-bouton" on:click=move |_| aller.run(e)>
                {tu_string!(i18n, dossier.modifier)}
            </button>
        }
    };
    view! {
        <p>{tu_string!(i18n, dossier.verification_intro)}</p>
        <dl class="recapitulatif">
            <div><dt>{super::titre_etape(i18n, Etape::Menage)}</dt><dd>{personnes} " " {modifier(Etape::Menage)}</dd></div>
            <div><dt>{tu_string!(i18n, dossier.date_depot)}</dt><dd>{ou_vide(&f.date_depot)} " " {modifier(Etape::Ressources)}</dd></div>
            <div><dt>{tu_string!(i18n, dossier.revenus)}</dt><dd>{ou_vide(&f.rfr_n2)} " € / " {ou_vide(&f.rfr_n1)} " € / " {ou_vide(&f.douze_derniers_mois)} " " {modifier(Etape::Ressources)}</dd></div>
            <div><dt>{super::titre_etape(i18n, Etape::Logement)}</dt><dd>{ou_vide(&f.loyer)} " € ; " {ou_vide(&f.surface)} " m² " {modifier(Etape::Logement)}</dd></div>
            <div><dt>{super::titre_etape(i18n, Etape::Situations)}</dt><dd>{situations} " " {modifier(Etape::Situations)}</dd></div>
        </dl>
    }
}
