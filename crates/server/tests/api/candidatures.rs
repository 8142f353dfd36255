//! Applying and withdrawing: every refusal, the cap, duplicates, the deadline, and the
//! concurrent cases.

use crate::aide::{AUJOURDHUI, Client, TestApp, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_domain::Euros;
use clef_domain::api::{
    AvantCandidature, CandidatureDeposee, CandidatureDetail, CandidatureResume, Empechement,
    EtatCandidature, NomEtape, Probleme,
};
use clef_domain::classement::Chance;
use clef_domain::eligibilite::Statut;
use serde_json::{Value, json};

async fn postuler(client: &Client<'_>, offre: i64) -> crate::aide::Reponse {
    client
        .post("/api/v1/moi/candidatures", json!({ "offre_id": offre }))
        .await
}

fn refus(r: &crate::aide::Reponse) -> String {
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json::<Probleme>().type_
}

async fn offre_dans_l_etat(app: &TestApp, condition: &str) -> i64 {
    sqlx::query_scalar(&format!(
        "SELECT id FROM offres WHERE financement != 'PLAI' AND {condition} ORDER BY id LIMIT 1"
    ))
    .bind(AUJOURDHUI.to_string())
    .fetch_one(&app.base)
    .await
    .unwrap()
}

#[tokio::test]
async fn before_applying_the_verdict_and_score_are_given_with_their_numbers() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    let avant: AvantCandidature = client
        .get(&format!("/api/v1/moi/offres/{plus}/avant-candidature"))
        .await
        .json();
    assert!(avant.verdict.eligible());
    assert!(
        avant.verdict.regles.len() >= 3,
        "ceiling, size, rent burden"
    );
    assert_eq!(avant.empechement, None);
    assert_eq!(avant.candidature, None);
    // 56 months of seniority on the demo grid give points, line by line.
    assert!(avant.score.total() > 0);
    assert_eq!(
        avant.score.total(),
        avant.score.lignes().iter().map(|l| l.points).sum::<u32>()
    );
    let position = avant.position.expect("eligible: a would-be rank");
    assert!(position.rang >= 1 && position.rang <= position.sur);
}

#[tokio::test]
async fn an_ineligible_household_is_told_why_and_cannot_apply() {
    let app = TestApp::demo().await;
    let mut riche = dossier_simple();
    riche["rfr_n2"] = json!(9_000_000);
    let client = app.inscrire_avec_dossier(1, riche).await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    let avant: AvantCandidature = client
        .get(&format!("/api/v1/moi/offres/{plus}/avant-candidature"))
        .await
        .json();
    assert!(!avant.verdict.eligible());
    assert!(
        avant
            .verdict
            .regles
            .iter()
            .any(|r| r.statut == Statut::NonRespectee)
    );
    assert_eq!(avant.empechement, Some(Empechement::NonEligible));
    assert_eq!(avant.position, None);
    let r = postuler(&client, plus).await;
    assert_eq!(refus(&r), "/problemes/candidature/non_eligible");
}

/// Arrêté du 29 juillet 1987: without the year's table there is no verdict to give. The
/// PLAI table for 2026 (annex II of the arrêté du 19 décembre 2025) is not in Clef: a PLAI
/// listing says its ceiling cannot be checked, and applying is refused with that reason,
/// whatever the household earns (it used to let everyone pass).
#[tokio::test]
async fn without_the_years_ceilings_nobody_can_apply_and_the_verdict_says_why() {
    let app = TestApp::demo().await;
    assert_eq!(AUJOURDHUI.annee(), 2026);
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plai = app.offres_ouvertes("PLAI").await[0];
    let avant: AvantCandidature = client
        .get(&format!("/api/v1/moi/offres/{plai}/avant-candidature"))
        .await
        .json();
    assert!(!avant.verdict.eligible() && avant.verdict.inverifiable());
    assert_eq!(avant.verdict.regles[0].statut, Statut::Inverifiable);
    assert_eq!(avant.empechement, Some(Empechement::PlafondsInconnus));
    let r = postuler(&client, plai).await;
    assert_eq!(refus(&r), "/problemes/candidature/plafonds_inconnus");
    // The listing's page says the same: no ceilings for this year.
    let detail: serde_json::Value = client.get(&format!("/api/v1/offres/{plai}")).await.json();
    assert!(detail["plafonds"].is_null(), "{detail}");
}

#[tokio::test]
async fn without_a_request_there_is_no_verdict_and_no_application() {
    let app = TestApp::demo().await;
    let client = app.inscrire(1).await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    let r = client
        .get(&format!("/api/v1/moi/offres/{plus}/avant-candidature"))
        .await;
    assert_eq!(refus(&r), "/problemes/candidature/dossier_incomplet");
    assert_eq!(
        refus(&postuler(&client, plus).await),
        "/problemes/candidature/dossier_incomplet"
    );
}

#[tokio::test]
async fn apply_then_see_the_rank_then_withdraw() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    let r = postuler(&client, plus).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let deposee: CandidatureDeposee = r.json();
    assert_eq!(deposee.offre_id, plus);
    assert_eq!(deposee.deposee_le, AUJOURDHUI);
    assert!(deposee.retrait_jusquau >= AUJOURDHUI);
    let adresse = format!("/api/v1/moi/candidatures/{}", deposee.id);
    assert_eq!(r.entetes["location"], adresse.as_str());
    // The place is read from the application itself, not waited for by the 201.
    let c: CandidatureResume = client.get(&adresse).await.json();
    assert_eq!(c.id, deposee.id);
    assert_eq!(c.etat, EtatCandidature::Deposee);
    assert_eq!(c.deposee_le, AUJOURDHUI);
    assert!(c.retrait_possible);
    assert_eq!(c.offre.cloture, deposee.retrait_jusquau);
    let position = c.position.expect("eligible");
    assert_eq!(position.chance, Chance::selon_rang(position.rang));

    let d: CandidatureDetail = client
        .get(&format!("/api/v1/moi/candidatures/{}", c.id))
        .await
        .json();
    let autres: u32 = d.histogramme.iter().map(|b| b.autres).sum();
    assert_eq!(
        autres + 1,
        position.sur,
        "everyone else is in the histogram once"
    );
    assert_eq!(d.histogramme.iter().filter(|b| b.moi).count(), 1);
    assert_eq!(d.simulation.adversaires.len() as u32, autres);
    let devant = d
        .simulation
        .adversaires
        .iter()
        .filter(|a| a.total > d.score.total() || (a.total == d.score.total() && a.devant_a_egalite))
        .count() as u32;
    assert_eq!(
        devant + 1,
        position.rang,
        "the what-if field ranks me where the server does"
    );
    assert_eq!(position.rang == 1, d.points_pour_passer_devant.is_none());
    assert_eq!(
        d.etapes
            .iter()
            .map(|e| (e.nom, e.faite))
            .collect::<Vec<_>>(),
        [
            (NomEtape::Deposee, true),
            (NomEtape::Cloturee, false),
            (NomEtape::Classee, false),
            (NomEtape::PresenteeEnCommission, false),
            (NomEtape::Decision, false)
        ]
    );

    let r = client
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", c.id),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let retiree: CandidatureResume = r.json();
    assert_eq!(retiree.etat, EtatCandidature::Retiree);
    assert_eq!(retiree.position, None);
    // Withdrawing twice is harmless; applying again while open is allowed.
    let r = client
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", c.id),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(postuler(&client, plus).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn one_application_per_listing() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    assert_eq!(postuler(&client, plus).await.status, StatusCode::CREATED);
    assert_eq!(
        refus(&postuler(&client, plus).await),
        "/problemes/candidature/deja_candidat"
    );
}

#[tokio::test]
async fn closed_and_future_listings_refuse_applications() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let cloturee = offre_dans_l_etat(&app, "cloture < $1").await;
    let a_venir = offre_dans_l_etat(&app, "ouverture > $1").await;
    assert_eq!(
        refus(&postuler(&client, cloturee).await),
        "/problemes/candidature/cloturee"
    );
    assert_eq!(
        refus(&postuler(&client, a_venir).await),
        "/problemes/candidature/pas_encore_ouverte"
    );
    let r = postuler(&client, 999_999).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = postuler(&client, -4).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn at_most_three_open_applications_and_a_withdrawal_frees_a_place() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let ouvertes = app.offres_ouvertes("PLUS").await;
    assert!(
        ouvertes.len() >= 4,
        "the demo has enough open PLUS listings"
    );
    let mut ids = Vec::new();
    for offre in &ouvertes[..3] {
        let r = postuler(&client, *offre).await;
        assert_eq!(r.status, StatusCode::CREATED);
        ids.push(r.json::<CandidatureDeposee>().id);
    }
    let quatrieme = postuler(&client, ouvertes[3]).await;
    assert_eq!(refus(&quatrieme), "/problemes/candidature/plafond_atteint");
    let p: Probleme = quatrieme.json();
    assert!(p.detail.unwrap().contains('3'));
    let avant: AvantCandidature = client
        .get(&format!(
            "/api/v1/moi/offres/{}/avant-candidature",
            ouvertes[3]
        ))
        .await
        .json();
    assert_eq!(
        avant.empechement,
        Some(Empechement::PlafondAtteint { max: 3 })
    );
    client
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", ids[0]),
            json!({}),
        )
        .await;
    assert_eq!(
        postuler(&client, ouvertes[3]).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn after_the_deadline_nothing_changes() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let (offre, cloture): (i64, String) = sqlx::query_as(
        "SELECT id, cloture FROM offres WHERE financement = 'PLUS' AND ouverture <= $1 AND cloture >= $1
         ORDER BY cloture LIMIT 1",
    )
    .bind(AUJOURDHUI.to_string())
    .fetch_one(&app.base)
    .await
    .unwrap();
    let c: CandidatureDeposee = postuler(&client, offre).await.json();
    let cloture: clef_domain::Jour = cloture.parse().unwrap();
    // On the closing day itself, withdrawing still works: move to the day after.
    app.horloge
        .avancer_jours(i64::from(AUJOURDHUI.jours_jusqua(cloture)) + 1);
    let r = client
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", c.id),
            json!({}),
        )
        .await;
    assert_eq!(refus(&r), "/problemes/candidature/cloturee");
    let apres: CandidatureResume = client
        .get(&format!("/api/v1/moi/candidatures/{}", c.id))
        .await
        .json();
    assert_eq!(apres.etat, EtatCandidature::Deposee);
    assert!(!apres.retrait_possible);
    assert!(apres.position.is_some(), "still ranked");
}

#[tokio::test]
async fn many_parallel_applies_by_one_applicant_never_exceed_the_cap() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let mut offres = app.offres_ouvertes("PLUS").await;
    offres.extend(app.offres_ouvertes("PLS").await);
    // Each listing twice, all at once.
    let demandes = offres
        .iter()
        .chain(offres.iter())
        .map(|&o| postuler(&client, o));
    let reponses = futures::future::join_all(demandes).await;
    let acceptees = reponses
        .iter()
        .filter(|r| r.status == StatusCode::CREATED)
        .count();
    assert_eq!(acceptees, 3);
    assert!(
        reponses
            .iter()
            .all(|r| r.status == StatusCode::CREATED || r.status == StatusCode::CONFLICT)
    );
    let en_base: i64 = sqlx::query_scalar("SELECT count(*) FROM candidatures c JOIN demandeurs d ON d.id = c.demandeur_id WHERE d.numero_unique = $1")
        .bind(crate::aide::numero(1))
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(en_base, 3);
}

#[tokio::test]
async fn many_applicants_applying_to_one_listing_at_once_are_all_ranked_consistently() {
    let app = TestApp::demo().await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    let mut clients = Vec::new();
    for n in 1..=12 {
        let mut dossier = dossier_simple();
        // Different seniorities, hence different scores.
        dossier["date_depot"] = json!(format!("20{:02}-03-01", 12 + n));
        clients.push(app.inscrire_avec_dossier(n, dossier).await);
    }
    let reponses = futures::future::join_all(clients.iter().map(|c| postuler(c, plus))).await;
    assert!(reponses.iter().all(|r| r.status == StatusCode::CREATED));
    let mut rangs = Vec::new();
    let mut sur = None;
    for c in &clients {
        let liste: Vec<CandidatureResume> = c.get("/api/v1/moi/candidatures").await.json();
        let p = liste[0].position.expect("eligible");
        assert!(sur.is_none_or(|s| s == p.sur));
        sur = Some(p.sur);
        rangs.push((p.rang, p.score));
    }
    rangs.sort();
    let distincts: std::collections::BTreeSet<u32> = rangs.iter().map(|r| r.0).collect();
    assert_eq!(distincts.len(), 12, "no two applicants share a rank");
    for paire in rangs.windows(2) {
        assert!(
            paire[0].1 >= paire[1].1,
            "a better rank never has a lower score"
        );
    }
}

/// Arrêté du 10 mars 2011 (CCH R.441-3-1): once each person's monthly resources are
/// declared, the rent burden divides by them and the reste pour vivre is given; a negative
/// amount is refused on its field and the saved request is kept.
#[tokio::test]
async fn declared_monthly_resources_drive_the_rent_burden_and_bad_ones_are_refused_by_field() {
    let app = TestApp::demo().await;
    let client = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let plus = app.offres_ouvertes("PLUS").await[0];
    let detail = |avant: &AvantCandidature| {
        avant
            .verdict
            .regles
            .iter()
            .find_map(|r| match &r.detail {
                clef_domain::eligibilite::Detail::TauxEffort {
                    depense_mensuelle,
                    ressources_mensuelles,
                    ressources_declarees,
                    reste_pour_vivre_par_uc,
                    taux_pour_mille,
                    ..
                } => Some((
                    *depense_mensuelle,
                    *ressources_mensuelles,
                    *ressources_declarees,
                    *reste_pour_vivre_par_uc,
                    *taux_pour_mille,
                )),
                _ => None,
            })
            .expect("a rent burden rule")
    };
    let uri = format!("/api/v1/moi/offres/{plus}/avant-candidature");
    let avant: AvantCandidature = client.get(&uri).await.json();
    let (_, ressources, declarees, _, _) = detail(&avant);
    assert_eq!((ressources, declarees), (Euros::from_euros(1_250), false));

    let mut dossier = dossier_simple();
    dossier["membres"][0]["ressources_mensuelles"] = json!(-100);
    let r = client
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(dossier.clone()))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<Value>()["errors"][0]["champ"],
        "membres.0.ressources_mensuelles"
    );
    dossier["membres"][0]["ressources_mensuelles"] = json!(160_000);
    let r = client
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(dossier))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let avant: AvantCandidature = client.get(&uri).await.json();
    let (depense, ressources, declarees, reste, taux) = detail(&avant);
    assert_eq!((ressources, declarees), (Euros::from_euros(1_600), true));
    assert_eq!(
        taux,
        Some(u32::try_from(depense.centimes() * 1000 / 160_000).unwrap())
    );
    // One person: one consumption unit.
    assert_eq!(
        reste,
        Some(Euros::from_centimes(160_000 - depense.centimes()))
    );
}
