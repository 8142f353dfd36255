//! Recording the outcome: the commission's decision on each presented candidate in the
//! categories of R.441-3 (attribution in a rank, under a suspensive condition,
//! non-attribution, inadmissibility), the end of a suspensive condition, the answer of the
//! one the home is offered to (a refusal offers it to the next), then the signed lease,
//! which publishes the anonymised result.

use crate::api::{self, ErreurChargement, OffreId};
use crate::components::{Confirmation, message_echec};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::libelles;
use clef_domain::api::{
    BailSigne, CandidatCommission, ConditionSaisie, Decision, DecisionSaisie, Issue, Issues,
    MotifIrrecevabilite, MotifNonAttribution, PieceJustificative, ReponseSaisie,
};
use clef_domain::commission::examen::ActionIssue;
use clef_domain::offre::Code;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// One step of a candidate's outcome, as recorded.
#[derive(Clone)]
enum Etape {
    Decision(DecisionSaisie),
    Condition(ConditionSaisie),
    Reponse(ReponseSaisie),
    Bail(BailSigne),
}

/// Records one step of a candidate's outcome.
async fn enregistrer(offre: OffreId, etape: Etape) -> Result<Issues, ErreurChargement> {
    match etape {
        Etape::Decision(d) => api::decider(offre, &d).await,
        Etape::Condition(c) => api::lever_condition(offre, &c).await,
        Etape::Reponse(r) => api::repondre(offre, &r).await,
        Etape::Bail(b) => api::signer_bail(offre, &b).await,
    }
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
    let examines = issues.candidats.len() as u8;
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
                    view! { <UnCandidat issue candidat offre_id examines actions recharger /> }
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
    examines: u8,
    actions: Vec<ActionIssue>,
    recharger: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = issue.candidature_id;
    let rang = issue.rang;
    let identite = candidat.and_then(|c| c.identite);
    let permise = |a: ActionIssue| actions.contains(&a);
    let balise = crate::langue::use_balise();
    let id_message = format!("message-issue-{id}");
    // Each step reloads on success; a refusal's message shows next to the step, and the
    // focus goes to it.
    let envoi = {
        let id_message = id_message.clone();
        Envoi::avec_message(
            move |etape: Etape| enregistrer(OffreId(offre_id), etape),
            move |_| recharger.run(()),
            move |e| {
                let texte = e
                    .champs()
                    .first()
                    .map(|c| crate::libelles::erreur_champ(i18n, c))
                    .unwrap_or_else(|| message_echec(i18n, e.clone()));
                let id_message = id_message.clone();
                request_animation_frame(move || crate::components::focaliser(&id_message));
                Some(texte)
            },
        )
    };
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    let statut = statut(i18n, &issue, permise(ActionIssue::Decider), balise);
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
            {permise(ActionIssue::Decider).then(|| view! { <Decider id examines envoi /> })}
            {permise(ActionIssue::LeverCondition).then(|| view! { <LeverCondition id envoi /> })}
            {permise(ActionIssue::EnregistrerReponse).then(|| view! { <Repondre id envoi /> })}
            {permise(ActionIssue::SignerBail).then(|| {
                let signer = Callback::new(move |()| {
                    envoi.soumettre(Etape::Bail(BailSigne { candidature_id: id }))
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

/// What the candidate's outcome is so far, in one line.
fn statut(
    i18n: I18nContext<Locale>,
    issue: &Issue,
    a_decider: bool,
    balise: &'static str,
) -> String {
    let date = |j: Option<clef_domain::Jour>| {
        j.map(|j| {
            let jour = crate::format::date_longue(balise, j);
            tu_string!(i18n, issues.le, jour).to_string()
        })
        .unwrap_or_default()
    };
    let (decide_le, repondu_le) = (date(issue.decide_le), date(issue.repondu_le));
    let decision = match issue.decision {
        None if a_decider => return tu_string!(i18n, issues.a_decider).to_string(),
        None => return tu_string!(i18n, issues.sans_decision).to_string(),
        Some(d) => d,
    };
    match (decision, issue.condition, issue.reponse) {
        (Decision::NonAttribue { motif }, _, _) => {
            let motif = libelles::motif_non_attribution(i18n, motif);
            format!(
                "{}{decide_le}",
                tu_string!(i18n, issues.non_attribue, motif)
            )
        }
        (Decision::Irrecevable { motif }, _, _) => {
            let motif = libelles::motif_irrecevabilite(i18n, motif);
            format!("{}{decide_le}", tu_string!(i18n, issues.irrecevable, motif))
        }
        (Decision::AttribueSousCondition { .. }, Some(c), _) if !c.remplie => {
            format!("{}{}", tu_string!(i18n, issues.caduque), date(Some(c.le)))
        }
        (
            Decision::AttribueSousCondition {
                rang,
                piece,
                echeance,
            },
            None,
            _,
        ) => {
            let piece = libelles::piece(i18n, piece);
            let echeance = crate::format::date_longue(balise, echeance);
            tu_string!(i18n, issues.sous_condition, rang, piece, echeance).to_string()
        }
        (_, _, Some(true)) => format!("{}{repondu_le}", tu_string!(i18n, issues.accepte)),
        (_, _, Some(false)) => format!("{}{repondu_le}", tu_string!(i18n, issues.a_refuse)),
        (d, condition, None) => {
            let rang = d.rang().unwrap_or_default();
            let mut texte = format!(
                "{}{decide_le}",
                tu_string!(i18n, issues.attribue_rang, rang)
            );
            if let Some(c) = condition {
                texte.push_str(" · ");
                texte.push_str(tu_string!(i18n, issues.piece_recue));
                texte.push_str(&date(Some(c.le)));
            }
            texte
        }
    }
}

/// One choice of the decision list, as its option's value says it.
fn decision_choisie(
    code: &str,
    piece: Option<PieceJustificative>,
    echeance: Option<clef_domain::Jour>,
) -> Option<Result<Decision, ()>> {
    let (genre, reste) = code.split_once(':')?;
    Some(match genre {
        "attribue" => reste
            .parse()
            .map(|rang| Decision::Attribue { rang })
            .map_err(|_| ()),
        "sous_condition" => match (reste.parse(), piece, echeance) {
            (Ok(rang), Some(piece), Some(echeance)) => Ok(Decision::AttribueSousCondition {
                rang,
                piece,
                echeance,
            }),
            _ => Err(()),
        },
        "non_attribue" => MotifNonAttribution::depuis_code(reste)
            .map(|motif| Decision::NonAttribue { motif })
            .ok_or(()),
        "irrecevable" => MotifIrrecevabilite::depuis_code(reste)
            .map(|motif| Decision::Irrecevable { motif })
            .ok_or(()),
        _ => return None,
    })
}

#[component]
fn Decider(id: i64, examines: u8, envoi: Envoi<Etape>) -> impl IntoView {
    let i18n = use_i18n();
    let (message, en_cours) = (envoi.message, envoi.en_cours());
    let choix = RwSignal::new(String::new());
    let piece = RwSignal::new(None::<PieceJustificative>);
    let echeance = RwSignal::new(String::new());
    let le = RwSignal::new(String::new());
    let id_choix = format!("decision-{id}");
    let id_piece = format!("decision-piece-{id}");
    let id_echeance = format!("decision-echeance-{id}");
    let id_date = format!("decision-le-{id}");
    let sous_condition = move || choix.with(|c| c.starts_with("sous_condition:"));
    let decider = move |_| {
        let decision = decision_choisie(
            &choix.get_untracked(),
            piece.get_untracked(),
            echeance.get_untracked().parse().ok(),
        );
        let decision = match decision {
            Some(Ok(d)) => d,
            Some(Err(())) => {
                message.set(Some(tu_string!(i18n, issues.choisir_piece).to_string()));
                return;
            }
            None => {
                message.set(Some(tu_string!(i18n, issues.choisir_decision).to_string()));
                return;
            }
        };
        envoi.soumettre(Etape::Decision(DecisionSaisie {
            candidature_id: id,
            decision,
            le: le.get_untracked().parse().ok(),
        }));
    };
    view! {
        <div class="champ">
            <label for=id_choix.clone()>{tu_string!(i18n, issues.decision)}</label>
            <select id=id_choix on:change=move |ev| choix.set(event_target_value(&ev))>
                <option value="">{tu_string!(i18n, publier.choisir)}</option>
                <optgroup label=tu_string!(i18n, issues.groupe_attribution).to_string()>
                    {(1..=examines).map(|rang| view! { <option value=format!("attribue:{rang}")>{tu_string!(i18n, issues.attribue_rang, rang)}</option> }).collect_view()}
                </optgroup>
                <optgroup label=tu_string!(i18n, issues.groupe_sous_condition).to_string()>
                    {(1..=examines).map(|rang| view! { <option value=format!("sous_condition:{rang}")>{tu_string!(i18n, issues.sous_condition_rang, rang)}</option> }).collect_view()}
                </optgroup>
                <optgroup label=tu_string!(i18n, issues.groupe_non_attribution).to_string()>
                    {MotifNonAttribution::TOUS.iter().map(|&m| view! {
                        <option value=format!("non_attribue:{}", m.code())>{libelles::motif_non_attribution(i18n, m)}</option>
                    }).collect_view()}
                </optgroup>
                <optgroup label=tu_string!(i18n, issues.groupe_irrecevabilite).to_string()>
                    {MotifIrrecevabilite::TOUS.iter().map(|&m| view! {
                        <option value=format!("irrecevable:{}", m.code())>{libelles::motif_irrecevabilite(i18n, m)}</option>
                    }).collect_view()}
                </optgroup>
            </select>
        </div>
        {move || sous_condition().then(|| view! {
            <div class="champ">
                <label for=id_piece.clone()>{tu_string!(i18n, issues.piece)}</label>
                <select id=id_piece.clone() on:change=move |ev| piece.set(PieceJustificative::depuis_code(&event_target_value(&ev)))>
                    <option value="">{tu_string!(i18n, publier.choisir)}</option>
                    {PieceJustificative::TOUS.iter().map(|&p| view! { <option value=p.code()>{libelles::piece(i18n, p)}</option> }).collect_view()}
                </select>
            </div>
            <div class="champ">
                <label for=id_echeance.clone()>{tu_string!(i18n, issues.echeance)}</label>
                <p class="aide" id=format!("{id_echeance}-aide")>{tu_string!(i18n, issues.echeance_aide)}</p>
                <input type="date" id=id_echeance.clone() aria-describedby=format!("{id_echeance}-aide")
                    prop:value=move || echeance.get()
                    on:input=move |ev| echeance.set(event_target_value(&ev)) />
            </div>
        })}
        <ChampDate id=id_date valeur=le />
        <button type="button" class="bouton bouton--principal" on:click=decider
            aria-disabled=move || en_cours.get().then_some("true")>
            {tu_string!(i18n, issues.enregistrer_decision)}
        </button>
    }
}

/// The end of a suspensive condition: the document arrived, or the deadline passed.
#[component]
fn LeverCondition(id: i64, envoi: Envoi<Etape>) -> impl IntoView {
    let i18n = use_i18n();
    let le = RwSignal::new(String::new());
    let id_date = format!("condition-le-{id}");
    let lever = move |remplie: bool| {
        envoi.soumettre(Etape::Condition(ConditionSaisie {
            candidature_id: id,
            remplie,
            le: le.get_untracked().parse().ok(),
        }));
    };
    view! {
        <p class="encart">{tu_string!(i18n, issues.condition_attente)}</p>
        <ChampDate id=id_date valeur=le />
        <p class="actions">
            <button type="button" class="bouton bouton--principal" id=format!("piece-recue-{id}") on:click=move |_| lever(true)>
                {tu_string!(i18n, issues.piece_recue_bouton)}
            </button>
            <button type="button" class="bouton bouton--secondaire" id=format!("caducite-{id}") on:click=move |_| lever(false)>
                {tu_string!(i18n, issues.caducite_bouton)}
            </button>
        </p>
    }
}

#[component]
fn Repondre(id: i64, envoi: Envoi<Etape>) -> impl IntoView {
    let i18n = use_i18n();
    let motif = RwSignal::new(String::new());
    let le = RwSignal::new(String::new());
    let id_motif = format!("reponse-motif-{id}");
    let id_date = format!("reponse-le-{id}");
    let repondre = move |accepte: bool| {
        envoi.soumettre(Etape::Reponse(ReponseSaisie {
            candidature_id: id,
            accepte,
            motif: motif.get_untracked(),
            le: le.get_untracked().parse().ok(),
        }));
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
