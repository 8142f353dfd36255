//! Landlord staff: their organisation's listings, closing and ranking. Every query is
//! bound to the staff member's organisation: another organisation's listing is "not found".

use crate::application::Etat;
use crate::candidatures::{OffreACoter, classement};
use crate::compte::Agent;
use crate::cycle;
use crate::probleme::ErreurApi;
use crate::routes::OffreDuBailleur;
use crate::stockage;
use crate::stockage::journal;
use axum::Json;
use axum::extract::State;
use clef_domain::Jour;
use clef_domain::api::EtatCandidature;
use clef_domain::api::{
    CandidatClasse, CandidatCommission, ClassementOffre, ClotureAnticipee, Commission,
    OffreBailleur, OffresParEtape, Presentation, Probleme, TableauDeBord, mediane,
};
use clef_domain::classement::CANDIDATS_PRESENTES;
use clef_domain::commission::presentation::Vivier;
use clef_domain::commission::{self, Eligible};
use clef_domain::cycle::{Commande, Effet, Etape};
use clef_domain::demande::{Demande, Situation};
use clef_domain::erreur::CodeErreur;
use clef_domain::fragilite;
use clef_domain::mixite::{self, Attribution, Part};
use clef_domain::offre::Financement;
use clef_domain::suite::{ActionOffre, SituationOffre};
use sqlx::AnyPool;

/// The organisation's listings, the latest closing first, with their applications.
#[utoipa::path(
    get,
    path = "/bailleur/offres",
    tag = "bailleur",
    responses(
        (status = 200, description = "Les offres de mon organisme", body = Vec<OffreBailleur>),
        (status = 401, description = "Pas de session", body = Probleme, content_type = "application/problem+json"),
        (status = 403, description = "Pas un compte de bailleur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn offres(
    State(etat): State<Etat>,
    agent: Agent,
) -> Result<Json<Vec<OffreBailleur>>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    Ok(Json(
        suivi(&etat.base, agent.bailleur_id, None, aujourdhui).await?,
    ))
}

/// The organisation's live listings (or one of them) with where each stands and what
/// staff may do with it now.
async fn suivi(
    base: &AnyPool,
    bailleur_id: i64,
    seulement: Option<i64>,
    aujourdhui: Jour,
) -> Result<Vec<OffreBailleur>, ErreurApi> {
    let suivies = stockage::offres::du_bailleur(base, bailleur_id, seulement).await?;
    let ids: Vec<i64> = suivies.iter().map(|s| s.id).collect();
    let mut resumes = stockage::offres::resumes(base, &ids, aujourdhui).await?;
    Ok(suivies
        .into_iter()
        .filter_map(|s| resumes.remove(&s.id).map(|offre| (offre, s)))
        .map(|(offre, s)| {
            let actions = SituationOffre {
                etat: offre.etat,
                ouverture: offre.ouverture,
                classee: s.classee_le.is_some(),
            }
            .actions(aujourdhui);
            OffreBailleur {
                offre,
                candidatures: s.candidatures,
                classee_le: s.classee_le,
                attribuee: s.attribuee,
                actions,
            }
        })
        .collect())
}

/// Where a listing stands, for the rule of what staff may do with it.
fn situation(resume: &clef_domain::api::OffreResume, classee: bool) -> SituationOffre {
    SituationOffre {
        etat: resume.etat,
        ouverture: resume.ouverture,
        classee,
    }
}

async fn lire_classement(
    base: &AnyPool,
    offre: &OffreACoter,
) -> Result<ClassementOffre, ErreurApi> {
    let offre_id = offre.detail.resume.id;
    let fige = stockage::candidatures::classement_fige(base, offre_id)
        .await?
        .ok_or(ErreurApi::NonClassee)?;
    let candidats = stockage::candidatures::figees(base, offre_id)
        .await?
        .into_iter()
        .map(|f| {
            // Sensitive situations are shown to staff only once the candidate is presented.
            let presente = matches!(
                f.etat,
                EtatCandidature::Presentee | EtatCandidature::Attribuee
            );
            CandidatClasse::new(f.id, f.rang, f.verdict, f.cotation, presente)
        })
        .collect();
    Ok(ClassementOffre {
        offre_id,
        grille_version: fige.grille_version,
        classe_le: fige.classe_le,
        candidatures: fige.candidatures,
        eligibles: fige.eligibles,
        candidats,
    })
}

/// The frozen ranking of one of the organisation's listings, anonymised.
#[utoipa::path(
    get,
    path = "/bailleur/offres/{id}/classement",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Le classement figé", body = ClassementOffre),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Pas encore classée", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn lire(
    State(etat): State<Etat>,
    OffreDuBailleur { id, .. }: OffreDuBailleur,
) -> Result<Json<ClassementOffre>, ErreurApi> {
    let offre = OffreACoter::existante(&etat.base, id, etat.horloge.aujourdhui()).await?;
    Ok(Json(lire_classement(&etat.base, &offre).await?))
}

/// Rank the candidates of a listing whose window has ended, with the grid in force at its
/// publication, and freeze the ranking. Doing it again returns the frozen ranking.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/classement",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Le classement figé", body = ClassementOffre),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "La fenêtre de candidature n'est pas terminée", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn classer(
    State(etat): State<Etat>,
    OffreDuBailleur { id, .. }: OffreDuBailleur,
) -> Result<Json<ClassementOffre>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    // Ranking again answers the ranking frozen the first time: only the window matters.
    if !situation(&offre.detail.resume, false).permet(ActionOffre::Classer, aujourdhui) {
        return Err(ErreurApi::FenetreOuverte);
    }
    classement::figer(&etat.base, &offre, aujourdhui).await?;
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    Ok(Json(lire_classement(&etat.base, &offre).await?))
}

/// The letting a candidate's choice would add to the targets.
pub fn attribution(offre: &OffreACoter, demande: &Demande) -> Attribution {
    Attribution {
        dans_qpv: offre.logement.dans_qpv,
        premier_quartile: mixite::premier_quartile(
            demande,
            &offre.territoire,
            offre.logement.annee,
        ),
        relogement: demande.relogement(),
        prioritaire: demande.prioritaire(),
        reservataire: offre.logement.reservataire,
    }
}

/// The commission's view: eligible candidates in rank order, the first three proposed,
/// and how choosing each would move the territory's social-mix targets. Anonymised.
#[utoipa::path(
    get,
    path = "/bailleur/offres/{id}/commission",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    responses(
        (status = 200, description = "Les candidats pour la commission", body = Commission),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Pas encore classée", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn commission(
    State(etat): State<Etat>,
    OffreDuBailleur { id, .. }: OffreDuBailleur,
) -> Result<Json<Commission>, ErreurApi> {
    let offre = OffreACoter::existante(&etat.base, id, etat.horloge.aujourdhui()).await?;
    Ok(Json(vue_commission(&etat.base, &offre).await?))
}

/// What the commission sees of a ranked listing (read in a fixed number of queries).
async fn vue_commission(base: &AnyPool, offre: &OffreACoter) -> Result<Commission, ErreurApi> {
    if offre.classe_le.is_none() {
        return Err(ErreurApi::NonClassee);
    }
    let offre_id = offre.detail.resume.id;
    let passees = stockage::locations::attributions(base, None).await?;
    let liste = stockage::candidatures::eligibles(base, offre_id).await?;
    let presentee = liste.iter().any(|l| l.etat != EtatCandidature::Classee);
    let (commune_id, adresse) = stockage::offres::commune_et_adresse(base, offre_id).await?;
    let programme = stockage::programmes::Classes::charger(base)
        .await?
        .de(commune_id, &adresse);
    let candidats = liste
        .into_iter()
        .map(|l| {
            let (projection, contraire_aci, profil, dalo) = match &l.demande {
                Some(demande) => {
                    let choix = attribution(offre, demande);
                    (
                        mixite::projection(&passees, choix, &offre.territoire.objectifs),
                        fragilite::contraire_a_l_aci(programme, choix.premier_quartile),
                        Some(commission::profil(demande, &offre.logement)),
                        demande.situations.contains(&Situation::Dalo),
                    )
                }
                None => (Vec::new(), false, None, false),
            };
            // Who the candidate is shows only once they are presented.
            let presente = matches!(
                l.etat,
                EtatCandidature::Presentee | EtatCandidature::Attribuee
            );
            CandidatCommission {
                candidature_id: l.candidature_id,
                rang: l.rang,
                score: l.score,
                projection,
                contraire_aci,
                propose: !presentee && l.rang <= CANDIDATS_PRESENTES,
                dalo,
                presente,
                identite: presente.then_some(l.identite),
                profil,
            }
        })
        .collect();
    Ok(Commission {
        offre_id,
        presentee,
        exception: stockage::candidatures::exception(base, offre_id).await?,
        plai: offre.logement.financement == Financement::Plai,
        programme,
        candidats,
    })
}

/// Send the shortlist to the commission: 1 to 3 eligible candidates; a motive for every
/// higher-ranked candidate left out. Done once; journaled; the candidates are notified.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/presentation",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = Presentation,
    responses(
        (status = 200, description = "Candidats présentés", body = Commission),
        (status = 400, description = "Liste invalide ou motif manquant : `errors` dit quoi", body = Probleme,
         content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "Pas encore classée, ou déjà présentée", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn presenter(
    State(etat): State<Etat>,
    OffreDuBailleur { agent, id }: OffreDuBailleur,
    Json(presentation): Json<Presentation>,
) -> Result<Json<Commission>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    let offre_id = offre.detail.resume.id;
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    // Presented once, after the ranking: said before the presentation itself is checked.
    let location = stockage::candidatures::cycle(&mut tx, offre_id)
        .await?
        .ok_or(ErreurApi::Introuvable)?;
    match location.etape(aujourdhui) {
        Etape::Classee => {}
        Etape::EnCommission | Etape::Attribuee => return Err(ErreurApi::DejaPresentee),
        _ => return Err(ErreurApi::NonClassee),
    }
    let lignes = stockage::candidatures::eligibles(&mut *tx, offre_id).await?;
    let eligibles: Vec<Eligible> = lignes
        .iter()
        .map(|l| Eligible {
            candidature_id: l.candidature_id,
            rang: l.rang,
            dalo: l
                .demande
                .as_ref()
                .is_some_and(|d| d.situations.contains(&Situation::Dalo)),
        })
        .collect();
    let vivier = Vivier {
        eligibles: &eligibles,
        plai: offre.logement.financement == Financement::Plai,
    };
    let passes = commission::verifier(vivier, &presentation).map_err(ErreurApi::Invalide)?;
    let passes_notes: Vec<_> = passes
        .iter()
        .map(|p| {
            let score = lignes
                .iter()
                .find(|l| l.candidature_id == p.candidature_id)
                .map_or(0, |l| l.score);
            (p.clone(), score)
        })
        .collect();
    let commande = Commande::Presenter {
        presentees: presentation.candidatures.clone(),
        passees: passes.iter().map(|p| p.candidature_id).collect(),
    };
    let (_, effets) = location
        .appliquer(&commande, aujourdhui)
        .map_err(cycle::refus)?;
    cycle::persister(&mut tx, &effets).await?;
    stockage::candidatures::presenter(&mut tx, offre_id, presentation.exception, &passes_notes)
        .await?;
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "presentation_commission",
        Some(offre_id),
        &serde_json::json!({
            "candidatures": presentation.candidatures,
            "exception": presentation.exception,
            "passages": passes.iter().map(|p| serde_json::json!({
                "candidature_id": p.candidature_id,
                "rang": p.rang,
                "motif": p.motif,
                "precision": p.precision,
            })).collect::<Vec<_>>(),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(vue_commission(&etat.base, &offre).await?))
}

/// Close an open listing before its planned day, with a reason: applications stop now,
/// and the candidates can be ranked at once. Journaled.
#[utoipa::path(
    post,
    path = "/bailleur/offres/{id}/cloture",
    tag = "bailleur",
    params(("id" = i64, Path, description = "Identifiant de l'offre")),
    request_body = ClotureAnticipee,
    responses(
        (status = 200, description = "Offre close", body = OffreBailleur),
        (status = 400, description = "Motif absent ou trop long", body = Probleme, content_type = "application/problem+json"),
        (status = 404, description = "Pas une offre de mon organisme", body = Probleme, content_type = "application/problem+json"),
        (status = 409, description = "L'offre n'est pas ouverte, ou s'est ouverte aujourd'hui", body = Probleme,
         content_type = "application/problem+json"),
    )
)]
pub async fn clore(
    State(etat): State<Etat>,
    OffreDuBailleur { agent, id }: OffreDuBailleur,
    Json(cloture): Json<ClotureAnticipee>,
) -> Result<Json<OffreBailleur>, ErreurApi> {
    let aujourdhui = etat.horloge.aujourdhui();
    let offre = OffreACoter::existante(&etat.base, id, aujourdhui).await?;
    let motif = cloture.motif.trim();
    if motif.is_empty() {
        return Err(ErreurApi::champ("motif", CodeErreur::Requis));
    }
    if motif.chars().count() > commission::PRECISION_MAX {
        return Err(ErreurApi::champ(
            "motif",
            CodeErreur::HorsLimites {
                min: 1,
                max: commission::PRECISION_MAX as i64,
            },
        ));
    }
    let resume = &offre.detail.resume;
    let mut tx = crate::stockage::ecriture(&etat.base).await?;
    // Only an open listing, opened before today, closes early: any refusal says so.
    let commande = Commande::CloreMaintenant;
    let effets = cycle::avancer(&mut tx, resume.id, &commande, aujourdhui)
        .await?
        .map_err(|_| ErreurApi::ClotureImpossible)?;
    for effet in effets {
        if let Effet::Cloture(jour) = effet {
            stockage::offres::clore_avant(&mut tx, resume.id, jour, motif).await?;
        }
    }
    journal::ecrire(
        &mut tx,
        agent.session.compte_id,
        "cloture_anticipee",
        Some(resume.id),
        &serde_json::json!({ "cloture_prevue": resume.cloture, "motif": motif }),
    )
    .await?;
    tx.commit().await?;
    suivi(&etat.base, agent.bailleur_id, Some(resume.id), aujourdhui)
        .await?
        .pop()
        .map(Json)
        .ok_or(ErreurApi::Introuvable)
}

/// The organisation's dashboard: listings by stage, applications, time to let, refusals
/// after an offer, and its lettings' share of the social-mix targets.
#[utoipa::path(
    get,
    path = "/bailleur/tableau-de-bord",
    tag = "bailleur",
    responses(
        (status = 200, description = "Le tableau de bord de mon organisme", body = TableauDeBord),
        (status = 403, description = "Pas un compte de bailleur", body = Probleme, content_type = "application/problem+json"),
    )
)]
pub async fn tableau_de_bord(
    State(etat): State<Etat>,
    agent: Agent,
) -> Result<Json<TableauDeBord>, ErreurApi> {
    let chiffres = stockage::tableau_de_bord::du_bailleur(
        &etat.base,
        agent.bailleur_id,
        etat.horloge.aujourdhui(),
    )
    .await?;
    let mut jours: Vec<u32> = chiffres
        .delais
        .iter()
        .filter_map(|(ouverture, decide)| u32::try_from(ouverture.jours_jusqua(*decide)).ok())
        .collect();
    let (candidatures, offres_avec) = (chiffres.candidatures, chiffres.offres_avec);
    let objectifs =
        stockage::territoires::parametres(&etat.base, crate::routes::moi::score::TERRITOIRE)
            .await?
            .map(|p| p.objectifs)
            .unwrap_or(clef_domain::territoire::ObjectifsMixite::LEGAUX);
    let toutes = stockage::locations::attributions(&etat.base, None).await?;
    let les_notres = stockage::locations::attributions(&etat.base, Some(agent.bailleur_id)).await?;
    let nombre = |n: i64| u32::try_from(n).unwrap_or(0);
    Ok(Json(TableauDeBord {
        offres: OffresParEtape {
            a_venir: nombre(chiffres.a_venir),
            ouvertes: nombre(chiffres.ouvertes),
            a_classer: nombre(chiffres.a_classer),
            en_commission: nombre(chiffres.en_commission),
            attribuees: nombre(chiffres.attribuees),
        },
        candidatures: nombre(candidatures),
        candidatures_par_offre_dixiemes: (offres_avec > 0)
            .then(|| nombre((candidatures * 10 + offres_avec / 2) / offres_avec)),
        delai_median_jours: mediane(&mut jours),
        refus_apres_proposition: Part {
            nombre: nombre(chiffres.refus),
            total: nombre(chiffres.reponses),
        },
        mixite_bailleur: mixite::indicateurs(&les_notres, &objectifs),
        mixite_territoire: mixite::indicateurs(&toutes, &objectifs),
    }))
}
