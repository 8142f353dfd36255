//! Recording the outcome: the commission's decision on each presented candidate, the
//! answer of the one the home is offered to (a refusal offers it to the next), then the
//! signed lease, which publishes the anonymised result.

use crate::api::{self, Methode};
use crate::components::{Confirmation, message_echec};
use crate::i18n::*;
use clef_domain::api::{
    BailSigne, CandidatCommission, Decision, DecisionSaisie, Issue, Issues, MotifRefus,
    ReponseSaisie,
};
use clef_domain::suite::ActionIssue;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::I18nContext;

fn libelle_refus(i18n: I18nContext<Locale>, m: MotifRefus) -> String {
    match m {
        MotifRefus::PlafondDepasse => tu_string!(i18n, issues.refus_plafond),
        MotifRefus::DossierIncomplet => tu_string!(i18n, issues.refus_dossier),
        MotifRefus::LogementInadapte => tu_string!(i18n, issues.refus_inadapte),
        MotifRefus::TauxEffortExcessif => tu_string!(i18n, issues.refus_taux_effort),
    }
    .to_string()
}

const MOTIFS_REFUS: [MotifRefus; 4] = [
    MotifRefus::PlafondDepasse,
    MotifRefus::DossierIncomplet,
    MotifRefus::LogementInadapte,
    MotifRefus::TauxEffortExcessif,
];

/// Sends one step and reloads on success; a refusal's message shows next to the step,
/// and the focus goes to it (`id_message`).
fn etape<C: serde::Serialize + 'static>(
    i18n: I18nContext<Locale>,
    chemin: String,
    corps: C,
    en_cours: RwSignal<bool>,
    message: RwSignal<Option<String>>,
    recharger: Callback<()>,
    id_message: String,
) {
    en_cours.set(true);
    message.set(None);
    spawn_local(async move {
        let r = api::envoyer::<_, Issues>(Methode::Post, &chemin, &corps).await;
        en_cours.set(false);
        match r {
            Ok(_) => recharger.run(()),
            Err(e) => {
                let texte = e
                    .champs()
                    .first()
                    .map(|c| crate::libelles::erreur_champ(i18n, c))
                    .unwrap_or_else(|| message_echec(i18n, e));
                message.set(Some(texte));
                request_animation_frame(move || crate::components::focaliser(&id_message));
            }
        }
    });
}

#[component]
pub fn Issues(
    issues: Issues,
    presentes: Vec<CandidatCommission>,
    recharger: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let offre_id = issues.offre_id;
    let attribuee = issues.attribuee;
    // What each candidate's state allows: the same rule the server enforces.
    let actions = |id: i64| issues.actions(id);
    let candidats: Vec<(Issue, Vec<ActionIssue>)> = issues
        .candidats
        .iter()
        .map(|c| (c.clone(), actions(c.candidature_id)))
        .collect();
    view! {
        <section aria-labelledby="issues-titre">
            <h2 id="issues-titre">{tu_string!(i18n, issues.titre)}</h2>
            {attribuee.then(|| view! {
                <p class="succes" role="status">
                    {tu_string!(i18n, issues.attribuee)} " "
                    <a href=format!("/resultats/{offre_id}")>{tu_string!(i18n, issues.voir_resultat)}</a>
                </p>
            })}
            <ol class="commission">
                {candidats.into_iter().map(|(issue, actions)| {
                    let candidat = presentes.iter().find(|c| c.candidature_id == issue.candidature_id).cloned();
                    view! { <UnCandidat issue candidat offre_id actions recharger /> }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn UnCandidat(
    issue: Issue,
    candidat: Option<CandidatCommission>,
    offre_id: i64,
    actions: Vec<ActionIssue>,
    recharger: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = issue.candidature_id;
    let rang = issue.rang;
    let en_cours = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let identite = candidat.and_then(|c| c.identite);
    let permise = |a: ActionIssue| actions.contains(&a);
    let balise = crate::langue::use_balise();
    let date = |j: Option<clef_domain::Jour>| {
        j.map(|j| {
            let jour = crate::format::date_longue(balise, j);
            tu_string!(i18n, issues.le, jour).to_string()
        })
        .unwrap_or_default()
    };
    let (decide_le, repondu_le) = (date(issue.decide_le), date(issue.repondu_le));
    let id_message = format!("message-issue-{id}");
    let statut = match (issue.decision, issue.reponse) {
        (None, _) if permise(ActionIssue::Decider) => {
            tu_string!(i18n, issues.a_decider).to_string()
        }
        (None, _) => tu_string!(i18n, issues.sans_decision).to_string(),
        (Some(Decision::Refuse { motif }), _) => {
            let motif = libelle_refus(i18n, motif);
            format!("{}{decide_le}", tu_string!(i18n, issues.refuse, motif))
        }
        (Some(Decision::Attribue { rang }), None) => {
            format!(
                "{}{decide_le}",
                tu_string!(i18n, issues.attribue_rang, rang)
            )
        }
        (Some(Decision::Attribue { .. }), Some(true)) => {
            format!("{}{repondu_le}", tu_string!(i18n, issues.accepte))
        }
        (Some(Decision::Attribue { .. }), Some(false)) => {
            format!("{}{repondu_le}", tu_string!(i18n, issues.a_refuse))
        }
    };
    view! {
        <li class="commission__candidat">
            <p class="commission__entete">
                <strong>{crate::libelles::ordinal(i18n, rang)}</strong>
                " · " {tu_string!(i18n, commission.dossier, id)}
            </p>
            {identite.map(|i| view! {
                <p>{tu_string!(i18n, issues.numero)} " " <strong>{i.numero_unique}</strong> " · "
                   <a href=format!("mailto:{}", i.email)>{i.email.clone()}</a></p>
            })}
            <p><span class="etiquette">{statut}</span></p>
            {permise(ActionIssue::Decider).then(|| view! { <Decider id offre_id en_cours message recharger /> })}
            {permise(ActionIssue::EnregistrerReponse).then(|| view! { <Repondre id offre_id en_cours message recharger /> })}
            {permise(ActionIssue::SignerBail).then(|| {
                let id_message = id_message.clone();
                let signer = Callback::new(move |()| {
                    etape(i18n, format!("/bailleur/offres/{offre_id}/bail"), BailSigne { candidature_id: id }, en_cours, message, recharger, id_message.clone())
                });
                view! {
                    <Confirmation
                        id="confirmer-bail"
                        libelle=tu_string!(i18n, issues.bail).to_string()
                        titre=tu_string!(i18n, issues.bail_titre).to_string()
                        texte=tu_string!(i18n, issues.bail_texte).to_string()
                        confirmer=tu_string!(i18n, issues.bail).to_string()
                        en_cours=en_cours.into()
                        on_confirmer=signer
                    />
                }
            })}
            {move || message.get().map(|m| view! { <p class="alerte" id=id_message.clone() tabindex="-1" role="alert">{m}</p> })}
        </li>
    }
}

#[component]
fn Decider(
    id: i64,
    offre_id: i64,
    en_cours: RwSignal<bool>,
    message: RwSignal<Option<String>>,
    recharger: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choix = RwSignal::new(String::new());
    let le = RwSignal::new(String::new());
    let id_choix = format!("decision-{id}");
    let id_date = format!("decision-le-{id}");
    let decider = move |_| {
        let decision = match choix.get_untracked().as_str() {
            "1" => Decision::Attribue { rang: 1 },
            "2" => Decision::Attribue { rang: 2 },
            "3" => Decision::Attribue { rang: 3 },
            autre => match MOTIFS_REFUS.into_iter().find(|m| format!("{m:?}") == autre) {
                Some(motif) => Decision::Refuse { motif },
                None => {
                    message.set(Some(tu_string!(i18n, issues.choisir_decision).to_string()));
                    return;
                }
            },
        };
        etape(
            i18n,
            format!("/bailleur/offres/{offre_id}/decisions"),
            DecisionSaisie {
                candidature_id: id,
                decision,
                le: le.get_untracked().parse().ok(),
            },
            en_cours,
            message,
            recharger,
            format!("message-issue-{id}"),
        );
    };
    view! {
        <div class="champ">
            <label for=id_choix.clone()>{tu_string!(i18n, issues.decision)}</label>
            <select id=id_choix on:change=move |ev| choix.set(event_target_value(&ev))>
                <option value="">{tu_string!(i18n, publier.choisir)}</option>
                {(1..=3u8).map(|rang| view! { <option value=rang.to_string()>{tu_string!(i18n, issues.attribue_rang, rang)}</option> }).collect_view()}
                {MOTIFS_REFUS.into_iter().map(|m| {
                    let motif = libelle_refus(i18n, m);
                    view! { <option value=format!("{m:?}")>{tu_string!(i18n, issues.refuse, motif)}</option> }
                }).collect_view()}
            </select>
        </div>
        <ChampDate id=id_date valeur=le />
        <button type="button" class="bouton bouton--principal" on:click=decider
            aria-disabled=move || en_cours.get().then_some("true")>
            {tu_string!(i18n, issues.enregistrer_decision)}
        </button>
    }
}

#[component]
fn Repondre(
    id: i64,
    offre_id: i64,
    en_cours: RwSignal<bool>,
    message: RwSignal<Option<String>>,
    recharger: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let motif = RwSignal::new(String::new());
    let le = RwSignal::new(String::new());
    let id_motif = format!("reponse-motif-{id}");
    let id_date = format!("reponse-le-{id}");
    let repondre = move |accepte: bool| {
        etape(
            i18n,
            format!("/bailleur/offres/{offre_id}/reponses"),
            ReponseSaisie {
                candidature_id: id,
                accepte,
                motif: motif.get_untracked(),
                le: le.get_untracked().parse().ok(),
            },
            en_cours,
            message,
            recharger,
            format!("message-issue-{id}"),
        );
    };
    view! {
        <p class="encart">{tu_string!(i18n, issues.propose)}</p>
        <div class="champ">
            <label for=id_motif.clone()>{tu_string!(i18n, issues.motif_reponse)}</label>
            <input type="text" id=id_motif maxlength="500"
                prop:value=move || motif.get()
                on:input=move |ev| motif.set(event_target_value(&ev)) />
        </div>
        <ChampDate id=id_date valeur=le />
        <p class="actions">
            <button type="button" class="bouton bouton--principal" on:click=move |_| repondre(true)>
                {tu_string!(i18n, issues.a_accepte)}
            </button>
            <button type="button" class="bouton bouton--secondaire" on:click=move |_| repondre(false)>
                {tu_string!(i18n, issues.a_decline)}
            </button>
        </p>
    }
}

/// The day a step happened, when it was not today (the commission may have sat before
/// staff record it).
#[component]
fn ChampDate(id: String, valeur: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let id_aide = format!("{id}-aide");
    view! {
        <div class="champ">
            <label for=id.clone()>{tu_string!(i18n, issues.date)}</label>
            <p class="aide" id=id_aide.clone()>{tu_string!(i18n, issues.date_aide)}</p>
            <input type="date" id=id aria-describedby=id_aide
                prop:value=move || valeur.get()
                on:input=move |ev| valeur.set(event_target_value(&ev)) />
        </div>
    }
}
