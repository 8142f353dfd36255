use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::demande::BaseRessources;
use clef_domain::eligibilite::{Detail, Occupation, ResultatRegle, Statut, Verdict};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

fn statut(i18n: I18nContext<Locale>, s: Statut) -> (&'static str, String) {
    let (classe, texte) = match s {
        Statut::Respectee => ("ok", tu_string!(i18n, verdict.respectee)),
        Statut::NonRespectee => ("non", tu_string!(i18n, verdict.non_respectee)),
        Statut::Alerte => ("alerte", tu_string!(i18n, verdict.alerte)),
        Statut::NonVerifiee => ("neutre", tu_string!(i18n, verdict.non_verifiee)),
        Statut::Inverifiable => ("non", tu_string!(i18n, verdict.inverifiable)),
    };
    (classe, texte.to_string())
}

/// One rule, its numbers, in plain French.
fn explication(
    i18n: I18nContext<Locale>,
    balise: &'static str,
    r: &ResultatRegle,
) -> (String, String) {
    let euros = |m| format::euros(balise, m);
    match &r.detail {
        Detail::PlafondRessources {
            financement,
            annee,
            categorie,
            ressources,
            plafond,
            ..
        } => {
            let titre = tu_string!(i18n, verdict.plafond_titre).to_string();
            let montant = euros(ressources.montant);
            let base = {
                let annee = ressources.annee;
                match ressources.base {
                    BaseRessources::AnneeN2 => tu_string!(i18n, verdict.base_n2, annee),
                    BaseRessources::AnneeN1 => tu_string!(i18n, verdict.base_n1, annee),
                    BaseRessources::DouzeDerniersMois => {
                        tu_string!(i18n, verdict.base_douze_mois).to_string()
                    }
                }
            };
            let financement = clef_domain::offre::Code::code(*financement);
            let majoree = categorie.majoree_handicap;
            let categorie = categorie.numero;
            let annee = *annee;
            let texte = match plafond {
                Some(p) => {
                    let plafond = euros(*p);
                    let texte = tu_string!(
                        i18n,
                        verdict.plafond,
                        montant,
                        base,
                        financement,
                        annee,
                        categorie,
                        plafond
                    )
                    .to_string();
                    if majoree {
                        format!("{texte} {}", tu_string!(i18n, verdict.majoree))
                    } else {
                        texte
                    }
                }
                None => tu_string!(i18n, verdict.plafond_inconnu, montant, base, annee).to_string(),
            };
            (titre, texte)
        }
        Detail::TailleLogement {
            personnes,
            surface,
            surface_minimale,
            pieces,
            pieces_max,
            occupation,
        } => {
            let titre = tu_string!(i18n, verdict.taille_titre).to_string();
            let pieces_max = *pieces_max;
            let personnes = crate::libelles::personnes(i18n, u64::from(*personnes));
            let pieces = crate::libelles::pieces(i18n, u64::from(*pieces));
            let surface = format::surface(balise, *surface);
            let minimum = format::surface(balise, *surface_minimale);
            let base = tu_string!(
                i18n,
                verdict.taille,
                surface,
                personnes,
                minimum,
                pieces,
                pieces_max
            )
            .to_string();
            let suite = match occupation {
                Occupation::Adaptee => tu_string!(i18n, verdict.adaptee),
                Occupation::SurOccupation => tu_string!(i18n, verdict.sur_occupation),
                Occupation::SousOccupation => tu_string!(i18n, verdict.sous_occupation),
            };
            (titre, format!("{base} {suite}"))
        }
        Detail::TauxEffort {
            depense_mensuelle,
            ressources_mensuelles,
            ressources_declarees,
            reste_pour_vivre_par_uc,
            taux_pour_mille,
            seuil_pour_cent,
        } => {
            let titre = tu_string!(i18n, verdict.taux_titre).to_string();
            let depense = euros(*depense_mensuelle);
            let ressources = euros(*ressources_mensuelles);
            let seuil = *seuil_pour_cent;
            let mut texte = match taux_pour_mille {
                Some(t) => {
                    let taux = format::nombre(balise, f64::from(*t) / 10.0);
                    tu_string!(i18n, verdict.taux, depense, taux, ressources, seuil).to_string()
                }
                None => tu_string!(i18n, verdict.taux_sans_ressources, depense).to_string(),
            };
            if let (Some(reste), Some(_)) = (reste_pour_vivre_par_uc, taux_pour_mille) {
                let montant = euros(*reste);
                texte.push(' ');
                texte.push_str(&tu_string!(i18n, verdict.reste_pour_vivre, montant).to_string());
            }
            if !ressources_declarees {
                texte.push(' ');
                texte.push_str(tu_string!(i18n, verdict.ressources_estimees));
            }
            (titre, texte)
        }
    }
}

/// The verdict in one line: eligible, or not and by which rules (`Plafond de ressources`).
pub fn resume_verdict(
    i18n: I18nContext<Locale>,
    balise: &'static str,
    verdict: &Verdict,
) -> String {
    if verdict.eligible() {
        return tu_string!(i18n, verdict.eligible_court).to_string();
    }
    let motifs = verdict
        .motifs_refus()
        .map(|r| explication(i18n, balise, r).0)
        .collect::<Vec<_>>()
        .join(", ");
    tu_string!(i18n, verdict.non_eligible_court, motifs).to_string()
}

/// Each eligibility rule: met or not, with its numbers and its source.
#[component]
pub fn DetailVerdict(verdict: Verdict) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let eligible = verdict.eligible();
    view! {
        <p class=if eligible { "verdict verdict--ok" } else { "verdict verdict--non" }>
            <strong>{if eligible { tu_string!(i18n, verdict.eligible) } else { tu_string!(i18n, verdict.non_eligible) }}</strong>
        </p>
        <ul class="regles">
            {verdict.regles.iter().map(|r| {
                let (classe, statut) = statut(i18n, r.statut);
                let (titre, texte) = explication(i18n, balise, r);
                let source = match r.source.annee {
                    Some(annee) => format!("{} ({annee})", r.source.texte),
                    None => r.source.texte.to_string(),
                };
                view! {
                    <li class=format!("regle regle--{classe}")>
                        <p class="regle__titre"><span class="regle__statut">{statut}</span> " " {titre}</p>
                        <p>{texte}</p>
                        <p class="aide">{tu_string!(i18n, verdict.source)} " " {source}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
