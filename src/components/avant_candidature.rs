use crate::api::{self, Annulation, ErreurChargement, OffreId};
use crate::components::Chargement;
use crate::components::Confirmation;
use crate::components::{Annonce, DetailScore, DetailVerdict, charger_ou};
use crate::envoi::Envoi;
use crate::i18n::*;
use crate::session::{EtatSession, Session};
use clef_domain::api::{AvantCandidature, CandidatureDeposee, Empechement, Position};
use clef_domain::cotation::Grille;
use clef_domain::offre::EtatOffre;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_navigate;

/// "3e sur 41", and what it means.
pub fn texte_position(i18n: I18nContext<Locale>, p: Position) -> String {
    let (rang, sur) = (crate::libelles::ordinal(i18n, p.rang), p.sur);
    if sur == 1 {
        tu_string!(i18n, candidature.rang_seul, rang).to_string()
    } else {
        tu_string!(i18n, candidature.rang, rang, sur).to_string()
    }
}

fn texte_empechement(i18n: I18nContext<Locale>, e: Empechement) -> String {
    match e {
        Empechement::DossierIncomplet => tu_string!(i18n, avant.dossier_incomplet).to_string(),
        Empechement::NonEligible => tu_string!(i18n, avant.non_eligible).to_string(),
        Empechement::PlafondsInconnus => tu_string!(i18n, avant.plafonds_inconnus).to_string(),
        Empechement::PasEncoreOuverte => tu_string!(i18n, avant.pas_encore_ouverte).to_string(),
        Empechement::Cloturee => tu_string!(i18n, avant.cloturee).to_string(),
        Empechement::PlafondAtteint { max } => tu_string!(i18n, avant.plafond, max).to_string(),
        Empechement::DejaCandidat => tu_string!(i18n, avant.deja_candidat).to_string(),
    }
}

/// What a refused application means, from the problem's type.
pub fn empechement_de(erreur: &ErreurChargement) -> Option<Empechement> {
    let motif = erreur
        .type_probleme()?
        .strip_prefix("/problemes/candidature/")?;
    Some(match motif {
        "dossier_incomplet" => Empechement::DossierIncomplet,
        "non_eligible" => Empechement::NonEligible,
        "plafonds_inconnus" => Empechement::PlafondsInconnus,
        "pas_encore_ouverte" => Empechement::PasEncoreOuverte,
        "cloturee" => Empechement::Cloturee,
        "deja_candidat" => Empechement::DejaCandidat,
        "plafond_atteint" => Empechement::PlafondAtteint { max: 3 },
        _ => return None,
    })
}

/// On a listing: am I eligible, my score, where I would stand, and the button to apply
/// (or why I cannot).
#[component]
pub fn AvantCandidater(offre_id: i64, etat: EtatOffre) -> impl IntoView {
    let i18n = use_i18n();
    let session = Session::utiliser();
    let retour = format!("/connexion?retour=/logements/{offre_id}");
    move || {
        match session.etat.get() {
        EtatSession::Inconnue => view! { <Chargement /> }.into_any(),
        EtatSession::Anonyme => view! {
            <div class="encart">
                <p>{tu_string!(i18n, avant.connectez_vous)}</p>
                <p class="actions">
                    <a class="bouton bouton--principal" href=retour.clone()>{tu_string!(i18n, connexion.se_connecter)}</a>
                    <a class="bouton bouton--secondaire" href="/inscription">{tu_string!(i18n, connexion.creer_compte)}</a>
                </p>
            </div>
        }
        .into_any(),
        EtatSession::Connecte(_) if session.pour_demandeur() => view! { <MaSituation offre_id etat /> }.into_any(),
        EtatSession::Connecte(_) => ().into_any(),
    }
    }
}

#[component]
fn MaSituation(offre_id: i64, etat: EtatOffre) -> impl IntoView {
    let i18n = use_i18n();
    charger_ou(
        move |annulation: Annulation| async move {
            let a = api::avant_candidature(OffreId(offre_id))
                .lire_annulable(annulation.clone())
                .await?;
            let grille = api::grille(None).lire_annulable(annulation).await.ok();
            Ok((a, grille))
        },
        move |(a, grille): (AvantCandidature, Option<Grille>), _| {
            view! { <Situation a grille offre_id etat /> }
        },
        move |e| {
            (empechement_de(e) == Some(Empechement::DossierIncomplet)).then(|| {
                view! {
                    <div class="encart">
                        <p>{tu_string!(i18n, avant.dossier_incomplet)}</p>
                        <p><a class="bouton bouton--principal" href="/mon-dossier">{tu_string!(i18n, avant.remplir_dossier)}</a></p>
                    </div>
                }
                .into_any()
            })
        },
    )
}

#[component]
fn Situation(
    a: AvantCandidature,
    grille: Option<Grille>,
    offre_id: i64,
    etat: EtatOffre,
) -> impl IntoView {
    let i18n = use_i18n();
    let tiers = crate::session::Session::utiliser().pour_un_tiers();
    let position = a.position.map(|p| {
        let texte = texte_position(i18n, p);
        tu_string!(i18n, avant.position, texte).to_string()
    });
    let action = match (a.candidature, a.empechement) {
        (Some(id), _) => view! {
            <p class="succes">
                {if tiers { tu_string!(i18n, tiers.deja_candidat) } else { tu_string!(i18n, avant.deja_candidat) }} " "
                <a href=format!("/mes-candidatures/{id}")>
                    {if tiers { tu_string!(i18n, tiers.voir_candidature) } else { tu_string!(i18n, avant.voir_candidature) }}
                </a>
            </p>
        }
        .into_any(),
        (None, None) => view! { <BoutonCandidater offre_id /> }.into_any(),
        (None, Some(e)) => {
            let plafond = matches!(e, Empechement::PlafondAtteint { .. });
            view! {
                <p class="alerte">{texte_empechement(i18n, e)}</p>
                {plafond.then(|| view! { <p><a href="/mes-candidatures">{tu_string!(i18n, nav.candidatures)}</a></p> })}
            }
            .into_any()
        }
    };
    view! {
        <section class="bloc ma-situation" aria-labelledby="h-situation">
            <h2 id="h-situation">{if tiers { tu_string!(i18n, tiers.avant_titre) } else { tu_string!(i18n, avant.titre) }}</h2>
            <DetailVerdict verdict=a.verdict />
            {position.map(|p| view! { <p class="position">{p}</p> })}
            {(etat == EtatOffre::Ouverte).then(|| view! { <p class="aide">{tu_string!(i18n, avant.position_aide)}</p> })}
            <details class="pourquoi">
                <summary>{tu_string!(i18n, avant.mon_score)} " " {a.score.total()} " " {tu_string!(i18n, avant.points)}</summary>
                <DetailScore score=a.score grille />
            </details>
            <div class="appel">{action}</div>
        </section>
    }
}

#[component]
fn BoutonCandidater(offre_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let tiers = crate::session::Session::utiliser().pour_un_tiers();
    let naviguer = use_navigate();
    let annonce = Annonce::utiliser();
    let envoi = Envoi::new(api::candidater, move |c: CandidatureDeposee| {
        let chemin = format!("/mes-candidatures/{}", c.id);
        if let Some(annonce) = annonce {
            let texte = if tiers {
                tu_string!(i18n, tiers.deposee)
            } else {
                tu_string!(i18n, avant.deposee)
            };
            annonce.dire(&chemin, texte.to_string());
        }
        naviguer(&chemin, Default::default())
    });
    let (en_cours, erreur) = (envoi.en_cours(), envoi.message);
    let candidater = Callback::new(move |()| envoi.soumettre(OffreId(offre_id)));
    view! {
        <Confirmation
            id="confirmer-candidature"
            libelle=tu_string!(i18n, offre.candidater).to_string()
            titre=if tiers { tu_string!(i18n, tiers.confirmer_titre) } else { tu_string!(i18n, avant.confirmer_titre) }.to_string()
            texte=if tiers { tu_string!(i18n, tiers.confirmer_texte) } else { tu_string!(i18n, avant.confirmer_texte) }.to_string()
            confirmer=if tiers { tu_string!(i18n, tiers.confirmer) } else { tu_string!(i18n, avant.confirmer) }.to_string()
            en_cours=en_cours.into()
            on_confirmer=candidater
        />
        {move || erreur.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
    }
}
