//! Landlord staff: their organisation's listings only, closing and freezing the ranking.

use crate::aide::{AUJOURDHUI, TestApp, dossier_simple};
use axum::http::{Method, StatusCode};
use clef_domain::api::{
    CandidatureDeposee, CandidatureResume, ClassementOffre, OffreBailleur, Probleme,
};
use clef_server::demo;
use serde_json::{Value, json};

async fn agent(app: &TestApp, i: usize) -> crate::aide::Client<'_> {
    let (r, client) = app.connecter(demo::AGENTS[i].0, demo::MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
    client
}

async fn bailleur_de(app: &TestApp, offre: i64) -> i64 {
    sqlx::query_scalar("SELECT bailleur_id FROM offres WHERE id = $1")
        .bind(offre)
        .fetch_one(&app.base)
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_see_their_own_organisations_listings_only() {
    let app = TestApp::demo().await;
    for i in 0..demo::AGENTS.len() {
        let client = agent(&app, i).await;
        let offres: Vec<OffreBailleur> = client.get("/api/v1/bailleur/offres").await.json();
        assert!(!offres.is_empty());
        let mien: i64 = sqlx::query_scalar(
            "SELECT a.bailleur_id FROM agents_bailleur a JOIN comptes c ON c.id = a.compte_id WHERE c.email = $1",
        )
        .bind(demo::AGENTS[i].0)
        .fetch_one(&app.base)
        .await
        .unwrap();
        let en_base: i64 = sqlx::query_scalar("SELECT count(*) FROM offres WHERE bailleur_id = $1")
            .bind(mien)
            .fetch_one(&app.base)
            .await
            .unwrap();
        assert_eq!(offres.len() as i64, en_base);
        for o in &offres {
            assert_eq!(bailleur_de(&app, o.offre.id).await, mien);
        }
    }
}

#[tokio::test]
async fn closing_freezes_the_ranking_the_applicants_saw() {
    let app = TestApp::demo().await;
    // An open listing of the first demo landlord, and three applicants.
    let (offre, cloture): (i64, String) = sqlx::query_as(
        "SELECT o.id, o.cloture FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE b.slug = $1 AND o.financement != 'PLAI' AND o.ouverture <= $2 AND o.cloture >= $2
         ORDER BY o.cloture LIMIT 1",
    )
    .bind(demo::AGENTS[0].1)
    .bind(AUJOURDHUI.to_string())
    .fetch_one(&app.base)
    .await
    .unwrap();
    let mut applicants = Vec::new();
    for n in 1..=3 {
        let mut dossier = dossier_simple();
        dossier["date_depot"] = json!(format!("20{}-01-01", 18 + n));
        let client = app.inscrire_avec_dossier(n, dossier).await;
        let c: CandidatureDeposee = client
            .post("/api/v1/moi/candidatures", json!({"offre_id": offre}))
            .await
            .json();
        applicants.push((client, c.id));
    }
    let staff = agent(&app, 0).await;
    let uri = format!("/api/v1/bailleur/offres/{offre}/classement");
    // While the window is open: nothing to rank yet.
    let r = staff.post(&uri, json!({})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json::<Probleme>().type_, "/problemes/fenetre-ouverte");
    assert_eq!(staff.get(&uri).await.status, StatusCode::CONFLICT);
    // What the applicants see on the closing day.
    let cloture: clef_domain::Jour = cloture.parse().unwrap();
    let jours = AUJOURDHUI.jours_jusqua(cloture);
    for _ in 0..jours {
        app.horloge.avancer_jours(1);
        for (client, _) in &applicants {
            client.get("/api/v1/session").await;
        }
    }
    let mut vus = Vec::new();
    for (client, id) in &applicants {
        let c: CandidatureResume = client
            .get(&format!("/api/v1/moi/candidatures/{id}"))
            .await
            .json();
        vus.push((*id, c.position.map(|p| (p.rang, p.score))));
    }
    // The day after closing, the landlord logs in and ranks.
    app.horloge.avancer_jours(1);
    let staff = agent(&app, 0).await;
    let r = staff.post(&uri, json!({})).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let classement: ClassementOffre = r.json();
    assert_eq!(classement.grille_version, 1);
    assert_eq!(
        classement.classe_le,
        AUJOURDHUI.plus_jours(i64::from(jours) as i32 + 1)
    );
    for (id, vu) in &vus {
        let c = classement
            .candidats
            .iter()
            .find(|c| c.candidature_id == *id)
            .expect("every application is in the ranking");
        assert_eq!(
            c.rang.map(|r| (r, c.score.total())),
            *vu,
            "application {id}"
        );
    }
    let rangs: Vec<u32> = classement.candidats.iter().filter_map(|c| c.rang).collect();
    assert_eq!(rangs, (1..=classement.eligibles).collect::<Vec<_>>());
    // Frozen: a later change of a household changes nothing, and ranking again is harmless.
    let (client, id) = &applicants[0];
    let mut riche = dossier_simple();
    riche["rfr_n2"] = json!(9_000_000);
    client
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(riche))
        .await;
    let encore: ClassementOffre = staff.post(&uri, json!({})).await.json();
    assert_eq!(encore, classement);
    let c: CandidatureResume = client
        .get(&format!("/api/v1/moi/candidatures/{id}"))
        .await
        .json();
    assert_eq!(c.position.map(|p| (p.rang, p.score)), vus[0].1);
    // No name, no e-mail, no request in what the landlord sees; nor, before presentation,
    // the ceiling category, income or ceiling that would betray a disability card.
    let texte = String::from_utf8(staff.get(&uri).await.corps).unwrap();
    for personnel in [
        "email",
        "numero_unique",
        "exemple.fr",
        "membres",
        "categorie",
        "\"ressources\"",
        "plafond\"",
    ] {
        assert!(!texte.contains(personnel), "{personnel}");
    }
}

#[tokio::test]
async fn another_organisation_or_an_applicant_gets_nothing() {
    let app = TestApp::demo().await;
    let autre_offre: i64 = sqlx::query_scalar(
        "SELECT o.id FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
         JOIN classements k ON k.offre_id = o.id WHERE b.slug = $1 LIMIT 1",
    )
    .bind(demo::AGENTS[1].1)
    .fetch_one(&app.base)
    .await
    .unwrap();
    let uri = format!("/api/v1/bailleur/offres/{autre_offre}/classement");
    let staff = agent(&app, 0).await;
    assert_eq!(staff.get(&uri).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        staff.post(&uri, json!({})).await.status,
        StatusCode::NOT_FOUND
    );
    // The right organisation sees it.
    let proprietaire = agent(&app, 1).await;
    let c: ClassementOffre = proprietaire.get(&uri).await.json();
    assert_eq!(c.offre_id, autre_offre);
    // An applicant, or nobody.
    let demandeur = app.inscrire(1).await;
    for client in [&demandeur] {
        assert_eq!(client.get(&uri).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            client.get("/api/v1/bailleur/offres").await.status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        app.anonyme().get(&uri).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Staff cannot use the applicant's space either.
    assert_eq!(
        staff.get("/api/v1/moi/candidatures").await.status,
        StatusCode::FORBIDDEN
    );
}

/// A frozen, undecided demo listing with at least `n` eligible candidates, and the index
/// of its landlord's staff account in `demo::AGENTS`.
async fn classee_non_decidee(app: &TestApp, n: i64) -> (i64, usize) {
    let (offre, slug): (i64, String) = sqlx::query_as(
        "SELECT k.offre_id, b.slug FROM classements k JOIN offres o ON o.id = k.offre_id
         JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE k.eligibles >= $1 AND k.offre_id NOT IN (SELECT offre_id FROM resultats)
         ORDER BY k.offre_id LIMIT 1",
    )
    .bind(n)
    .fetch_one(&app.base)
    .await
    .expect("the demo has a ranked listing awaiting its commission");
    let i = demo::AGENTS.iter().position(|a| a.1 == slug).unwrap();
    (offre, i)
}

#[tokio::test]
async fn the_commission_sees_the_ranking_the_first_three_proposed_and_the_mix_projection() {
    let app = TestApp::demo().await;
    let (offre, i) = classee_non_decidee(&app, 4).await;
    let staff = agent(&app, i).await;
    let c: clef_domain::api::Commission = staff
        .get(&format!("/api/v1/bailleur/offres/{offre}/commission"))
        .await
        .json();
    assert!(!c.presentee);
    let rangs: Vec<u32> = c.candidats.iter().map(|x| x.rang).collect();
    assert_eq!(rangs, (1..=rangs.len() as u32).collect::<Vec<_>>());
    let proposes: Vec<u32> = c
        .candidats
        .iter()
        .filter(|x| x.propose)
        .map(|x| x.rang)
        .collect();
    assert_eq!(proposes, [1, 2, 3]);
    for x in &c.candidats {
        // The letting counts in the QPV target that applies and in the réservataire's.
        assert_eq!(x.projection.len(), 2, "{x:?}");
        for e in &x.projection {
            assert_eq!(e.apres.total, e.avant.total + 1);
        }
    }
    let texte = String::from_utf8(
        staff
            .get(&format!("/api/v1/bailleur/offres/{offre}/commission"))
            .await
            .corps,
    )
    .unwrap();
    for personnel in ["email", "numero_unique", "membres", "demo.clef.fr"] {
        assert!(!texte.contains(personnel), "{personnel}");
    }
}

#[tokio::test]
async fn passing_over_a_higher_ranked_candidate_needs_a_motive_which_is_journaled() {
    let app = TestApp::demo().await;
    let (offre, i) = classee_non_decidee(&app, 4).await;
    let staff = agent(&app, i).await;
    let vue: clef_domain::api::Commission = staff
        .get(&format!("/api/v1/bailleur/offres/{offre}/commission"))
        .await
        .json();
    let ids: Vec<i64> = vue.candidats.iter().map(|x| x.candidature_id).collect();
    let uri = format!("/api/v1/bailleur/offres/{offre}/presentation");
    // Ranks 2, 3 and 4 without a word about rank 1: refused, nothing changes.
    let r = staff
        .post(&uri, json!({"candidatures": [ids[1], ids[2], ids[3]]}))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let p: Probleme = r.json();
    assert_eq!(p.errors[0].erreur.champ, "passages");
    let presentees: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM candidatures WHERE offre_id = $1 AND etat = 'presentee'",
    )
    .bind(offre)
    .fetch_one(&app.base)
    .await
    .unwrap();
    assert_eq!(presentees, 0);
    // With a motive from the list and a precision.
    let r = staff
        .post(
            &uri,
            json!({
                "candidatures": [ids[1], ids[2], ids[3]],
                "passages": [{"candidature_id": ids[0], "motif": "desistement",
                              "precision": "A renoncé par écrit avant la commission."}]
            }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let apres: clef_domain::api::Commission = r.json();
    assert!(apres.presentee);
    let presentes: Vec<u32> = apres
        .candidats
        .iter()
        .filter(|x| x.presente)
        .map(|x| x.rang)
        .collect();
    assert_eq!(presentes, [2, 3, 4]);
    // Now the presented candidates, and only they, are named for the commission.
    for x in &apres.candidats {
        assert_eq!(x.identite.is_some(), x.presente, "{x:?}");
    }
    let premier = apres.candidats.iter().find(|x| x.presente).unwrap();
    assert!(premier.identite.as_ref().unwrap().email.contains('@'));
    // Recorded for publication, journaled, notified.
    let (rang, motif): (i64, String) =
        sqlx::query_as("SELECT rang, motif FROM passages WHERE offre_id = $1")
            .bind(offre)
            .fetch_one(&app.base)
            .await
            .unwrap();
    assert_eq!((rang, motif.as_str()), (1, "desistement"));
    let notifiees: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE offre_id = $1 AND genre = 'presentee_en_commission'",
    )
    .bind(offre)
    .fetch_one(&app.base)
    .await
    .unwrap();
    assert_eq!(notifiees, 3);
    let details: String = sqlx::query_scalar(
        "SELECT details FROM journal WHERE offre_id = $1 AND acte = 'presentation_commission'",
    )
    .bind(offre)
    .fetch_one(&app.base)
    .await
    .unwrap();
    assert!(details.contains("A renoncé par écrit"));
    // The journal cannot be altered.
    assert!(
        sqlx::query("UPDATE journal SET acte = 'autre'")
            .execute(&app.base)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM journal")
            .execute(&app.base)
            .await
            .is_err()
    );
    // Done once.
    let r = staff.post(&uri, json!({"candidatures": [ids[0]]})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Another organisation cannot present anything here.
    let autre = agent(&app, (i + 1) % demo::AGENTS.len()).await;
    let r = autre.post(&uri, json!({"candidatures": [ids[0]]})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn decisions_then_answers_then_the_lease_publish_the_result() {
    let app = TestApp::demo().await;
    let (offre, i) = classee_non_decidee(&app, 4).await;
    let staff = agent(&app, i).await;
    let base = format!("/api/v1/bailleur/offres/{offre}");
    let vue: clef_domain::api::Commission = staff.get(&format!("{base}/commission")).await.json();
    let ids: Vec<i64> = vue.candidats.iter().map(|x| x.candidature_id).collect();
    let issues = |r: crate::aide::Reponse| {
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
        r.json::<clef_domain::api::Issues>()
    };
    // Nothing to decide before the presentation.
    let r = staff
        .post(
            &format!("{base}/decisions"),
            json!({"candidature_id": ids[0], "decision": {"type": "attribue", "rang": 1}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    staff
        .post(
            &format!("{base}/presentation"),
            json!({"candidatures": [ids[0], ids[1], ids[2]]}),
        )
        .await;
    // The commission: first and second in the attribution order, the third refused.
    issues(
        staff
            .post(
                &format!("{base}/decisions"),
                json!({"candidature_id": ids[0], "decision": {"type": "attribue", "rang": 1}}),
            )
            .await,
    );
    let r = staff
        .post(
            &format!("{base}/decisions"),
            json!({"candidature_id": ids[1], "decision": {"type": "attribue", "rang": 1}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "rank 1 is given already");
    issues(
        staff
            .post(
                &format!("{base}/decisions"),
                json!({"candidature_id": ids[1], "decision": {"type": "attribue", "rang": 2}}),
            )
            .await,
    );
    let vu = issues(staff.post(&format!("{base}/decisions"), json!({"candidature_id": ids[2], "decision": {"type": "non_attribue", "motif": "dossier_incomplet"}})).await);
    let propose: Vec<i64> = vu
        .candidats
        .iter()
        .filter(|c| c.propose)
        .map(|c| c.candidature_id)
        .collect();
    assert_eq!(propose, [ids[0]]);
    // A decision is taken once; the fourth was never presented.
    let r = staff
        .post(
            &format!("{base}/decisions"),
            json!({"candidature_id": ids[2], "decision": {"type": "attribue", "rang": 3}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = staff
        .post(
            &format!("{base}/decisions"),
            json!({"candidature_id": ids[3], "decision": {"type": "attribue", "rang": 3}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Only the candidate the home is offered to can answer; the first refuses.
    let r = staff
        .post(
            &format!("{base}/reponses"),
            json!({"candidature_id": ids[1], "accepte": true}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let vu = issues(staff.post(&format!("{base}/reponses"), json!({"candidature_id": ids[0], "accepte": false, "motif": "Trop loin de l'école."})).await);
    let propose: Vec<i64> = vu
        .candidats
        .iter()
        .filter(|c| c.propose)
        .map(|c| c.candidature_id)
        .collect();
    assert_eq!(
        propose,
        [ids[1]],
        "the next in the order is offered the home"
    );
    // No lease without an acceptance.
    let r = staff
        .post(&format!("{base}/bail"), json!({"candidature_id": ids[1]}))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    issues(
        staff
            .post(
                &format!("{base}/reponses"),
                json!({"candidature_id": ids[1], "accepte": true}),
            )
            .await,
    );
    let vu = issues(
        staff
            .post(&format!("{base}/bail"), json!({"candidature_id": ids[1]}))
            .await,
    );
    assert!(vu.attribuee);
    let liste: Vec<OffreBailleur> = staff.get("/api/v1/bailleur/offres").await.json();
    assert!(
        liste
            .iter()
            .find(|o| o.offre.id == offre)
            .unwrap()
            .attribuee
    );
    assert!(
        liste.iter().any(|o| !o.attribuee),
        "only the let listing is marked"
    );
    // Published: the second got it, and each examined candidate's decision is said in
    // the categories of R.441-3 (the first refused the home offered).
    let resultat: clef_domain::api::Resultat =
        app.get(&format!("/api/v1/resultats/{offre}")).await.json();
    assert_eq!(resultat.attribue_rang, 2);
    assert!(
        resultat.passages.is_empty(),
        "no one was left out of the shortlist"
    );
    assert_eq!(resultat.exception, None);
    use clef_domain::api::{DecisionPubliee, MotifNonAttribution};
    let examens: Vec<(u32, DecisionPubliee, Option<bool>)> = resultat
        .examens
        .iter()
        .map(|e| (e.rang, e.decision, e.reponse))
        .collect();
    assert_eq!(
        examens,
        [
            (1, DecisionPubliee::Attribution { rang: 1 }, Some(false)),
            (2, DecisionPubliee::Attribution { rang: 2 }, Some(true)),
            (
                3,
                DecisionPubliee::NonAttribution {
                    motif: MotifNonAttribution::DossierIncomplet
                },
                None
            ),
        ]
    );
    // Every applicant concerned was told.
    let genres = |id: i64| {
        let base = app.base.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT genre FROM notifications WHERE candidature_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(&base)
            .await
            .unwrap()
        }
    };
    let premier = genres(ids[0]).await;
    assert!(
        premier.ends_with(&[
            "presentee_en_commission".into(),
            "proposee".into(),
            "non_retenue".into()
        ]),
        "{premier:?}"
    );
    let second = genres(ids[1]).await;
    assert!(
        second.ends_with(&[
            "presentee_en_commission".into(),
            "proposee".into(),
            "attribuee".into()
        ]),
        "{second:?}"
    );
    assert_eq!(
        genres(ids[2]).await.last().map(String::as_str),
        Some("non_retenue")
    );
    assert_eq!(
        genres(ids[3]).await.last().map(String::as_str),
        Some("non_retenue")
    );
    // Journaled; nothing changes after the lease.
    let actes: Vec<String> =
        sqlx::query_scalar("SELECT acte FROM journal WHERE offre_id = $1 ORDER BY id")
            .bind(offre)
            .fetch_all(&app.base)
            .await
            .unwrap();
    assert_eq!(
        actes.first().map(String::as_str),
        Some("presentation_commission")
    );
    assert_eq!(actes.last().map(String::as_str), Some("bail_signe"));
    let r = staff
        .post(&format!("{base}/bail"), json!({"candidature_id": ids[1]}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Another organisation sees none of it.
    let autre = agent(&app, (i + 1) % demo::AGENTS.len()).await;
    assert_eq!(
        autre.get(&format!("{base}/issues")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn closing_early_with_a_reason_stops_applications_and_allows_ranking_at_once() {
    let app = TestApp::demo().await;
    let (offre, slug): (i64, String) = sqlx::query_as(
        "SELECT o.id, b.slug FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE o.financement != 'PLAI' AND o.ouverture < $1 AND o.cloture > $1 ORDER BY o.id LIMIT 1",
    )
    .bind(AUJOURDHUI.to_string())
    .fetch_one(&app.base)
    .await
    .unwrap();
    let i = demo::AGENTS.iter().position(|a| a.1 == slug).unwrap();
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let c: CandidatureDeposee = demandeur
        .post("/api/v1/moi/candidatures", json!({"offre_id": offre}))
        .await
        .json();
    let staff = agent(&app, i).await;
    let uri = format!("/api/v1/bailleur/offres/{offre}/cloture");
    let r = staff.post(&uri, json!({"motif": "  "})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Another organisation cannot close it.
    let autre = agent(&app, (i + 1) % demo::AGENTS.len()).await;
    assert_eq!(
        autre.post(&uri, json!({"motif": "Erreur"})).await.status,
        StatusCode::NOT_FOUND
    );
    let r = staff
        .post(&uri, json!({"motif": "Logement retiré : dégât des eaux."}))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let o: OffreBailleur = r.json();
    assert_eq!(o.offre.etat, clef_domain::offre::EtatOffre::Cloturee);
    // Nobody can apply any more, or withdraw; closing again is refused.
    let autre_demandeur = app.inscrire_avec_dossier(2, dossier_simple()).await;
    let r = autre_demandeur
        .post("/api/v1/moi/candidatures", json!({"offre_id": offre}))
        .await;
    assert_eq!(
        r.json::<Probleme>().type_,
        "/problemes/candidature/cloturee"
    );
    let r = demandeur
        .post(
            &format!("/api/v1/moi/candidatures/{}/retrait", c.id),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        staff.post(&uri, json!({"motif": "Encore"})).await.status,
        StatusCode::CONFLICT
    );
    // Ranked at once; the reason is journaled.
    let r = staff
        .post(
            &format!("/api/v1/bailleur/offres/{offre}/classement"),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let motif: String = sqlx::query_scalar("SELECT motif_cloture FROM offres WHERE id = $1")
        .bind(offre)
        .fetch_one(&app.base)
        .await
        .unwrap();
    assert_eq!(motif, "Logement retiré : dégât des eaux.");
    let journal: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM journal WHERE offre_id = $1 AND acte = 'cloture_anticipee'",
    )
    .bind(offre)
    .fetch_one(&app.base)
    .await
    .unwrap();
    assert_eq!(journal, 1);
}

#[tokio::test]
async fn the_dashboard_counts_the_organisations_own_listings_and_lettings() {
    let app = TestApp::demo().await;
    for (i, (email, slug, _)) in demo::AGENTS.iter().enumerate() {
        let staff = agent(&app, i).await;
        let t: clef_domain::api::TableauDeBord =
            staff.get("/api/v1/bailleur/tableau-de-bord").await.json();
        let (offres, attribuees): (i64, i64) = sqlx::query_as(
            "SELECT count(*), count(r.offre_id) FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
             LEFT JOIN resultats r ON r.offre_id = o.id WHERE b.slug = $1",
        )
        .bind(slug)
        .fetch_one(&app.base)
        .await
        .unwrap();
        let e = t.offres;
        assert_eq!(
            i64::from(e.a_venir + e.ouvertes + e.a_classer + e.en_commission + e.attribuees),
            offres,
            "{email}: every listing is at one stage"
        );
        assert_eq!(i64::from(e.attribuees), attribuees);
        assert_eq!(t.delai_median_jours.is_some(), attribuees > 0);
        // The organisation's lettings are part of the territory's.
        let total = |v: &[clef_domain::mixite::Indicateur]| -> u32 {
            v.iter()
                .filter(|x| matches!(x.cible, clef_domain::mixite::Cible::Prioritaires { .. }))
                .map(|x| x.part.total)
                .sum()
        };
        assert_eq!(i64::from(total(&t.mixite_bailleur)), attribuees);
        assert!(total(&t.mixite_territoire) >= total(&t.mixite_bailleur));
    }
    let demandeur = app.inscrire(1).await;
    assert_eq!(
        demandeur
            .get("/api/v1/bailleur/tableau-de-bord")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn sensitive_situations_reach_staff_only_once_the_candidate_is_presented() {
    let app = TestApp::demo().await;
    let (offre, cloture, slug): (i64, String, String) = sqlx::query_as(
        "SELECT o.id, o.cloture, b.slug FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE o.financement != 'PLAI' AND o.ouverture <= $1 AND o.cloture >= $1
         ORDER BY o.cloture LIMIT 1",
    )
    .bind(AUJOURDHUI.to_string())
    .fetch_one(&app.base)
    .await
    .unwrap();
    let mut dossier = dossier_simple();
    dossier["situations"] = json!(["violences_conjugales"]);
    let demandeur = app.inscrire_avec_dossier(1, dossier).await;
    let c: CandidatureDeposee = demandeur
        .post("/api/v1/moi/candidatures", json!({"offre_id": offre}))
        .await
        .json();
    let cloture: clef_domain::Jour = cloture.parse().unwrap();
    app.horloge
        .avancer_jours(i64::from(AUJOURDHUI.jours_jusqua(cloture)) + 1);
    let i = demo::AGENTS.iter().position(|a| a.1 == slug).unwrap();
    let staff = agent(&app, i).await;
    let uri = format!("/api/v1/bailleur/offres/{offre}/classement");
    let classement: ClassementOffre = staff.post(&uri, json!({})).await.json();
    let moi = classement
        .candidats
        .iter()
        .find(|x| x.candidature_id == c.id)
        .expect("ranked");
    let texte = serde_json::to_string(moi).unwrap();
    assert!(!texte.contains("violences"), "{texte}");
    assert!(
        texte.contains("protege"),
        "the points are there, the reason hidden"
    );
    let rang = moi.rang.expect("eligible");
    // Presented alone (every other eligible candidate withdrew, with a motive each), the
    // situation is shown.
    let devant: Vec<i64> = classement
        .candidats
        .iter()
        .filter(|x| x.rang.is_some_and(|r| r != rang))
        .map(|x| x.candidature_id)
        .collect();
    let passages: Vec<serde_json::Value> = devant
        .iter()
        .map(|id| json!({"candidature_id": id, "motif": "desistement", "precision": "A renoncé."}))
        .collect();
    let r = staff
        .post(
            &format!("/api/v1/bailleur/offres/{offre}/presentation"),
            json!({"candidatures": [c.id], "passages": passages, "exception": "insuffisance_candidats"}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let classement: ClassementOffre = staff.get(&uri).await.json();
    let moi = classement
        .candidats
        .iter()
        .find(|x| x.candidature_id == c.id)
        .unwrap();
    assert!(
        serde_json::to_string(moi)
            .unwrap()
            .contains("violences_conjugales")
    );
}

/// What the landlord's screens offer (`Issues::actions`, the rules crate) is exactly what
/// the server accepts: random acts on a commission's outcome, allowed or not, until the
/// lease, then every act refused on the let home (issue 12, point 3).
#[tokio::test]
async fn the_server_accepts_exactly_the_acts_the_screens_offer() {
    use clef_domain::api::Issues;
    use clef_domain::commission::examen::ActionIssue;
    let mut louees = 0;
    for graine in 0..6u64 {
        let app = TestApp::demo().await;
        let mut alea = fastrand::Rng::with_seed(graine);
        let (offre, i) = classee_non_decidee(&app, 4).await;
        let staff = agent(&app, i).await;
        let base = format!("/api/v1/bailleur/offres/{offre}");
        let vue: clef_domain::api::Commission =
            staff.get(&format!("{base}/commission")).await.json();
        let ids: Vec<i64> = vue
            .candidats
            .iter()
            .take(3)
            .map(|x| x.candidature_id)
            .collect();
        let r = staff
            .post(
                &format!("{base}/presentation"),
                json!({ "candidatures": ids }),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
        let mut issues: Issues = staff.get(&format!("{base}/issues")).await.json();
        let mut rangs_donnes: Vec<u8> = Vec::new();
        for pas in 0..40 {
            let id = ids[alea.usize(0..ids.len())];
            let action = ActionIssue::TOUTES[alea.usize(0..ActionIssue::TOUTES.len())];
            let (chemin, corps) = match action {
                ActionIssue::Decider => {
                    let libres: Vec<u8> = (1..=3).filter(|r| !rangs_donnes.contains(r)).collect();
                    let echeance = crate::aide::AUJOURDHUI.plus_jours(20);
                    let decision = match alea.u8(0..3) {
                        0 if !libres.is_empty() => {
                            json!({"type": "attribue", "rang": libres[alea.usize(0..libres.len())]})
                        }
                        1 if !libres.is_empty() => json!({
                            "type": "attribue_sous_condition",
                            "rang": libres[alea.usize(0..libres.len())],
                            "piece": "avis_imposition",
                            "echeance": echeance,
                        }),
                        _ => json!({"type": "non_attribue", "motif": "dossier_incomplet"}),
                    };
                    (
                        "decisions",
                        json!({"candidature_id": id, "decision": decision}),
                    )
                }
                // Today comes before the deadline: only the document's arrival can be
                // recorded now.
                ActionIssue::LeverCondition => {
                    ("conditions", json!({"candidature_id": id, "remplie": true}))
                }
                ActionIssue::EnregistrerReponse => (
                    "reponses",
                    json!({"candidature_id": id, "accepte": alea.u8(0..3) > 0}),
                ),
                ActionIssue::SignerBail => ("bail", json!({"candidature_id": id})),
            };
            let permise = issues.actions(id).contains(&action);
            let r = staff.post(&format!("{base}/{chemin}"), corps.clone()).await;
            let contexte = format!(
                "seed {graine}, step {pas}: {action:?} for {id} ({corps}) with {issues:?}: {} {}",
                r.status,
                String::from_utf8_lossy(&r.corps)
            );
            if permise {
                assert_eq!(r.status, StatusCode::OK, "{contexte}");
                if let Some(rang) = corps["decision"]["rang"].as_u64() {
                    rangs_donnes.push(rang as u8);
                }
                issues = r.json();
            } else {
                assert!(
                    matches!(r.status, StatusCode::BAD_REQUEST | StatusCode::CONFLICT),
                    "{contexte}"
                );
                let apres: Issues = staff.get(&format!("{base}/issues")).await.json();
                assert_eq!(apres, issues, "a refused act changed nothing: {contexte}");
            }
        }
        if issues.attribuee {
            louees += 1;
            for &id in &ids {
                assert!(issues.actions(id).is_empty());
            }
        }
    }
    assert!(louees > 0, "some walks reach the lease");
}

/// The acts a listing offers its staff are the ones the server takes: a listing opened
/// today cannot be closed early (its window would end before it began), so it does not
/// offer to (issue 12, point 3).
#[tokio::test]
async fn a_listing_offers_only_the_acts_its_stage_allows_today() {
    use clef_domain::suite::ActionOffre;
    let app = TestApp::demo().await;
    let staff = agent(&app, 0).await;
    let liste: Vec<OffreBailleur> = staff.get("/api/v1/bailleur/offres").await.json();
    let ouverte = liste
        .iter()
        .find(|o| o.actions.contains(&ActionOffre::CloreMaintenant))
        .expect("an open listing that can be closed early")
        .offre
        .id;
    sqlx::query("UPDATE offres SET ouverture = $1 WHERE id = $2")
        .bind(AUJOURDHUI.to_string())
        .bind(ouverte)
        .execute(&app.base)
        .await
        .unwrap();
    let liste: Vec<OffreBailleur> = staff.get("/api/v1/bailleur/offres").await.json();
    let offre = liste.iter().find(|o| o.offre.id == ouverte).unwrap();
    assert_eq!(
        offre.actions,
        [ActionOffre::Corriger, ActionOffre::Retirer],
        "opened today"
    );
    let r = staff
        .post(
            &format!("/api/v1/bailleur/offres/{ouverte}/cloture"),
            json!({"motif": "Logement finalement indisponible."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Every listing offers what its stage allows, and never an act of another stage.
    for o in &liste {
        let classer = o.actions.contains(&ActionOffre::Classer);
        let suivre = o.actions.contains(&ActionOffre::SuivreCommission);
        assert!(!(classer && suivre), "{o:?}");
        assert_eq!(suivre, o.classee_le.is_some(), "{o:?}");
    }
}

/// The commission reads, per anonymous candidate, the household's size, its resources per
/// consumption unit and the rent burden; decisions and answers keep the day they were
/// taken, never in the future nor before the listing closed (issue 12, point 11).
#[tokio::test]
async fn the_commission_reads_each_households_size_means_and_burden_and_steps_keep_their_day() {
    use clef_domain::api::{Commission, Issues};
    let app = TestApp::demo().await;
    let (offre, i) = classee_non_decidee(&app, 4).await;
    let staff = agent(&app, i).await;
    let base = format!("/api/v1/bailleur/offres/{offre}");
    let vue: Commission = staff.get(&format!("{base}/commission")).await.json();
    for c in &vue.candidats {
        let profil = c.profil.expect("a profile for every candidate");
        assert!(profil.personnes >= 1);
        assert!(profil.ressources_par_uc.centimes() >= 0);
        assert!(c.identite.is_none(), "anonymous before the shortlist");
    }
    let ids: Vec<i64> = vue
        .candidats
        .iter()
        .take(3)
        .map(|c| c.candidature_id)
        .collect();
    staff
        .post(
            &format!("{base}/presentation"),
            json!({ "candidatures": ids }),
        )
        .await;
    let cloture: String = sqlx::query_scalar("SELECT cloture FROM offres WHERE id = $1")
        .bind(offre)
        .fetch_one(&app.base)
        .await
        .unwrap();
    let cloture: clef_domain::Jour = cloture.parse().unwrap();
    for (le, regle) in [
        (AUJOURDHUI.plus_jours(1), clef_domain::Regle::DateFuture),
        (cloture, clef_domain::Regle::AvantLaCloture),
    ] {
        let r = staff
            .post(
                &format!("{base}/decisions"),
                json!({"candidature_id": ids[0], "decision": {"type": "attribue", "rang": 1}, "le": le}),
            )
            .await;
        let p: Probleme = r.json();
        assert_eq!(p.errors.len(), 1, "{le}");
        assert_eq!(p.errors[0].erreur.champ, "le");
        assert_eq!(
            p.errors[0].erreur.code,
            clef_domain::CodeErreur::Incoherent { regle },
            "{le}"
        );
    }
    let hier = AUJOURDHUI.plus_jours(-1);
    let r = staff
        .post(
            &format!("{base}/decisions"),
            json!({"candidature_id": ids[0], "decision": {"type": "attribue", "rang": 1}, "le": hier}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let issues: Issues = r.json();
    let premier = issues
        .candidats
        .iter()
        .find(|c| c.candidature_id == ids[0])
        .unwrap();
    assert_eq!(premier.decide_le, Some(hier));
    let issues: Issues = staff
        .post(
            &format!("{base}/reponses"),
            json!({"candidature_id": ids[0], "accepte": true}),
        )
        .await
        .json();
    let premier = issues
        .candidats
        .iter()
        .find(|c| c.candidature_id == ids[0])
        .unwrap();
    assert_eq!(premier.repondu_le, Some(AUJOURDHUI));
}

/// L.441-1: a household rehoused by an ORCOD counts with the first quartile outside QPV,
/// like urban-renewal rehousing. The household's declaration reaches the published letting.
#[tokio::test]
async fn a_household_rehoused_by_an_orcod_is_recorded_as_such_in_the_letting() {
    let app = TestApp::demo().await;
    let (offre, i) = classee_non_decidee(&app, 3).await;
    let staff = agent(&app, i).await;
    let base = format!("/api/v1/bailleur/offres/{offre}");
    let vue: clef_domain::api::Commission = staff.get(&format!("{base}/commission")).await.json();
    let ids: Vec<i64> = vue.candidats.iter().map(|x| x.candidature_id).collect();
    let (demandeur, dossier): (i64, String) = sqlx::query_as(
        "SELECT d.id, d.dossier FROM demandeurs d JOIN candidatures k ON k.demandeur_id = d.id
         WHERE k.id = $1",
    )
    .bind(ids[0])
    .fetch_one(&app.base)
    .await
    .unwrap();
    let mut dossier: Value = serde_json::from_str(&dossier).unwrap();
    dossier["situations"]
        .as_array_mut()
        .unwrap()
        .push(json!("relogement_orcod"));
    sqlx::query("UPDATE demandeurs SET dossier = $1 WHERE id = $2")
        .bind(dossier.to_string())
        .bind(demandeur)
        .execute(&app.base)
        .await
        .unwrap();
    let etapes = [
        (
            "presentation",
            json!({"candidatures": [ids[0], ids[1], ids[2]]}),
        ),
        (
            "decisions",
            json!({"candidature_id": ids[0], "decision": {"type": "attribue", "rang": 1}}),
        ),
        (
            "reponses",
            json!({"candidature_id": ids[0], "accepte": true}),
        ),
        ("bail", json!({"candidature_id": ids[0]})),
    ];
    for (etape, corps) in etapes {
        let r = staff.post(&format!("{base}/{etape}"), corps).await;
        assert!(
            r.status.is_success(),
            "{etape}: {}",
            String::from_utf8_lossy(&r.corps)
        );
    }
    let relogement: Option<String> =
        sqlx::query_scalar("SELECT relogement FROM resultats WHERE offre_id = $1")
            .bind(offre)
            .fetch_one(&app.base)
            .await
            .unwrap();
    assert_eq!(relogement.as_deref(), Some("orcod"));
    let lettings = clef_server::stockage::locations::lister(&app.base, None)
        .await
        .unwrap();
    assert!(lettings.iter().any(
        |l| l.attribution.relogement == Some(clef_domain::demande::OperationRelogement::Orcod)
    ));
}

/// R.441-3 of the code de la construction et de l'habitation, through the API: at least
/// three candidates unless an exception holds (recorded and published); an attribution
/// under suspensive condition holds the offer until its document arrives by the deadline;
/// an attribution needs resources within the ceiling of the decision's day, otherwise only
/// an inadmissibility is possible; the result publishes each decision's category.
#[tokio::test]
async fn the_commission_follows_r441_3_exceptions_conditions_and_inadmissibility() {
    use clef_domain::api::{Commission, DecisionPubliee, ExceptionTroisCandidats, Issues};
    let app = TestApp::demo().await;
    let (offre, i) = classee_non_decidee(&app, 4).await;
    let staff = agent(&app, i).await;
    let base = format!("/api/v1/bailleur/offres/{offre}");
    let vue: Commission = staff.get(&format!("{base}/commission")).await.json();
    let ids: Vec<i64> = vue.candidats.iter().map(|x| x.candidature_id).collect();
    let regle = |r: &crate::aide::Reponse| {
        let p: Probleme = r.json();
        (
            p.errors[0].erreur.champ.clone(),
            match &p.errors[0].erreur.code {
                clef_domain::CodeErreur::Incoherent { regle } => {
                    clef_domain::offre::Code::code(*regle).to_owned()
                }
                autre => format!("{autre:?}"),
            },
        )
    };
    let (u_presentation, u_decisions, u_conditions) = (
        format!("{base}/presentation"),
        format!("{base}/decisions"),
        format!("{base}/conditions"),
    );
    let presenter = |corps: Value| staff.post(&u_presentation, corps);
    // Two candidates without a word: refused.
    let r = presenter(json!({"candidatures": [ids[0], ids[1]]})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(regle(&r), ("candidatures".into(), "trois_minimum".into()));
    // Insufficient demand holds only if every other eligible candidate is accounted for.
    let r =
        presenter(json!({"candidatures": [ids[0], ids[1]], "exception": "insuffisance_candidats"}))
            .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(regle(&r), ("passages".into(), "motif_requis".into()));
    // A designation by the préfet needs a DALO household.
    if let Some(sans_dalo) = vue.candidats.iter().find(|c| !c.dalo) {
        let r = presenter(
            json!({"candidatures": [sans_dalo.candidature_id], "exception": "designation_prefet"}),
        )
        .await;
        assert_eq!(regle(&r).1, "designation_sans_dalo");
    }
    let passages: Vec<Value> = ids[2..]
        .iter()
        .map(|id| json!({"candidature_id": id, "motif": "desistement", "precision": "A renoncé par écrit."}))
        .collect();
    let r = presenter(json!({
        "candidatures": [ids[0], ids[1]],
        "exception": "insuffisance_candidats",
        "passages": passages,
    }))
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let apres: Commission = r.json();
    assert_eq!(
        apres.exception,
        Some(ExceptionTroisCandidats::InsuffisanceCandidats)
    );
    let decider = |id: i64, decision: Value| {
        staff.post(
            &u_decisions,
            json!({"candidature_id": id, "decision": decision}),
        )
    };
    // Rank 1 under suspensive condition: the home is offered to no one until it ends.
    let echeance = AUJOURDHUI.plus_jours(10);
    let r = decider(
        ids[0],
        json!({"type": "attribue_sous_condition", "rang": 1, "piece": "avis_imposition", "echeance": AUJOURDHUI.plus_jours(120)}),
    )
    .await;
    assert_eq!(regle(&r), ("decision.echeance".into(), "echeance".into()));
    let r = decider(
        ids[0],
        json!({"type": "attribue_sous_condition", "rang": 1, "piece": "avis_imposition", "echeance": echeance}),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    // The second household's resources turn out above the ceiling in force today: no
    // attribution, only an inadmissibility.
    let demandeur: i64 = sqlx::query_scalar("SELECT demandeur_id FROM candidatures WHERE id = $1")
        .bind(ids[1])
        .fetch_one(&app.base)
        .await
        .unwrap();
    app.modifier_json("demandeurs", "dossier", demandeur, |d| {
        d["rfr_n2"] = json!(90000000);
        d["rfr_n1"] = Value::Null;
        d["douze_derniers_mois"] = Value::Null;
    })
    .await;
    let r = decider(ids[1], json!({"type": "attribue", "rang": 2})).await;
    assert_eq!(
        regle(&r),
        ("decision".into(), "plafond_du_jour_depasse".into())
    );
    let r = decider(
        ids[1],
        json!({"type": "irrecevable", "motif": "plafond_depasse"}),
    )
    .await;
    let vu: Issues = r.json();
    assert!(vu.candidats.iter().all(|c| !c.propose), "{vu:?}");
    // The lapse comes only after the deadline; the document arrived on its day.
    let lever = |remplie: bool, le: Option<clef_domain::Jour>| {
        staff.post(
            &u_conditions,
            json!({"candidature_id": ids[0], "remplie": remplie, "le": le}),
        )
    };
    let r = lever(false, None).await;
    assert_eq!(regle(&r), ("le".into(), "avant_echeance".into()));
    let r = lever(true, None).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let vu: Issues = r.json();
    assert!(
        vu.candidats
            .iter()
            .any(|c| c.candidature_id == ids[0] && c.propose)
    );
    assert_eq!(lever(true, None).await.status, StatusCode::CONFLICT);
    for (chemin, corps) in [
        (
            "reponses",
            json!({"candidature_id": ids[0], "accepte": true}),
        ),
        ("bail", json!({"candidature_id": ids[0]})),
    ] {
        let r = staff.post(&format!("{base}/{chemin}"), corps).await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
    }
    let genres: Vec<String> =
        sqlx::query_scalar("SELECT genre FROM notifications WHERE candidature_id = $1 ORDER BY id")
            .bind(ids[0])
            .fetch_all(&app.base)
            .await
            .unwrap();
    assert!(
        genres.ends_with(&[
            "presentee_en_commission".into(),
            "attribuee_sous_condition".into(),
            "proposee".into(),
            "attribuee".into()
        ]),
        "{genres:?}"
    );
    let actes: Vec<String> =
        sqlx::query_scalar("SELECT acte FROM journal WHERE offre_id = $1 ORDER BY id")
            .bind(offre)
            .fetch_all(&app.base)
            .await
            .unwrap();
    assert!(
        actes.contains(&"condition_suspensive".to_owned()),
        "{actes:?}"
    );
    // Published in the same categories, with the exception that applied.
    let resultat: clef_domain::api::Resultat =
        app.get(&format!("/api/v1/resultats/{offre}")).await.json();
    assert_eq!(
        resultat.exception,
        Some(ExceptionTroisCandidats::InsuffisanceCandidats)
    );
    let examens: Vec<(u32, DecisionPubliee, Option<bool>)> = resultat
        .examens
        .iter()
        .map(|e| (e.rang, e.decision, e.reponse))
        .collect();
    assert_eq!(
        examens,
        [
            (
                1,
                DecisionPubliee::AttributionSousCondition {
                    rang: 1,
                    remplie: Some(true)
                },
                Some(true)
            ),
            (2, DecisionPubliee::Irrecevabilite, None),
        ]
    );
    // Nothing says which document was missing nor why the request was inadmissible.
    let texte =
        String::from_utf8(app.get(&format!("/api/v1/resultats/{offre}")).await.corps).unwrap();
    for cache in ["avis_imposition", "plafond_depasse"] {
        assert!(!texte.contains(cache), "{cache}");
    }
}
