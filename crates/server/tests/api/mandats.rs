//! Advisors acting under mandates: the mandate's lifecycle (given, confirmed at the
//! counter, used, ended, revoked), every refusal, the second factor, and the journal.

use crate::aide::{Client, TestApp, champs_refuses as champs, dossier_simple, numero};
use axum::http::{Method, StatusCode};
use clef_domain::api::{Accompagnement, ActeJournal, EntreeJournal, MandatVue, MesMandats};
use clef_domain::mandat::StatutMandat;
use clef_server::{Horloge, demo};
use serde_json::{Value, json};

const BETHUNE: (&str, &str) = (demo::CONSEILLERS[0].0, demo::CONSEILLERS[0].3);
const BRUAY: (&str, &str) = (demo::CONSEILLERS[1].0, demo::CONSEILLERS[1].3);

async fn conseiller<'a>(app: &'a TestApp, qui: (&str, &str)) -> Client<'a> {
    let (r, client) = app.connecter_conseiller(qui.0, qui.1).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    client
}

async fn structure_id(client: &Client<'_>, nom: &str) -> i64 {
    let mandats: MesMandats = client.get("/api/v1/moi/mandats").await.json();
    mandats
        .structures
        .iter()
        .find(|s| s.nom.contains(nom))
        .map(|s| s.id)
        .expect("structure")
}

/// The applicant gives France Services de Béthune a mandate from their account.
async fn donner(client: &Client<'_>, actes: Value, duree_mois: u8) -> MandatVue {
    let structure = structure_id(client, "Béthune").await;
    let r = client
        .post(
            "/api/v1/moi/mandats",
            json!({"structure_id": structure, "actes": actes, "duree_mois": duree_mois}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json()
}

async fn ouvrir(conseiller: &Client<'_>, n: u32) -> crate::aide::Reponse {
    conseiller
        .post(
            "/api/v1/conseiller/accompagnement",
            json!({"numero_unique": numero(n)}),
        )
        .await
}

fn type_(r: &crate::aide::Reponse) -> String {
    r.json::<Value>()["type"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn an_advisor_acts_under_the_mandate_and_the_applicant_reads_every_act() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let mandat = donner(&demandeur, json!(["consulter", "candidater"]), 3).await;
    assert_eq!(mandat.statut, StatutMandat::Actif);
    assert_eq!(mandat.fin.to_string(), "2027-02-21");

    let conseiller = conseiller(&app, BETHUNE).await;
    let session: Value = conseiller.get("/api/v1/session").await.json();
    assert_eq!(session["structure"], "France Services de Béthune");
    assert!(session.get("accompagnement").is_none());
    // Before a file is opened, the applicant's routes give nothing.
    let r = conseiller.get("/api/v1/moi/dossier").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(type_(&r), "/problemes/sans-mandat");

    let r = ouvrir(&conseiller, 1).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let accompagnement: Accompagnement = r.json();
    assert_eq!(accompagnement.numero_unique, numero(1));
    let session: Value = conseiller.get("/api/v1/session").await.json();
    assert_eq!(session["accompagnement"]["numero_unique"], numero(1));
    assert_eq!(session["accompagnement"]["fin"], "2027-02-21");

    // Consulting and applying are covered...
    let dossier: Value = conseiller.get("/api/v1/moi/dossier").await.json();
    assert_eq!(dossier["saisie"]["numero_unique"], numero(1));
    let offre = app.offres_ouvertes("PLUS").await[0];
    let r = conseiller
        .post("/api/v1/moi/candidatures", json!({"offre_id": offre}))
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    let candidatures: Vec<Value> = demandeur.get("/api/v1/moi/candidatures").await.json();
    assert_eq!(candidatures.len(), 1, "the application is the applicant's");
    // ...filling the household is not, and nothing changes.
    let r = conseiller
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(dossier_simple()))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(type_(&r), "/problemes/hors-mandat");
    // The act is checked before the body is read: an advisor outside the mandate learns
    // nothing from the form's validation either (issue 14.4: the mandate's scope is a type).
    let r = conseiller
        .envoyer(
            Method::PUT,
            "/api/v1/moi/dossier",
            Some(json!({"pas": "un dossier"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(type_(&r), "/problemes/hors-mandat");
    // The applicant's own corners stay theirs: notifications, mandates, journal.
    for chemin in [
        "/api/v1/moi/notifications",
        "/api/v1/moi/mandats",
        "/api/v1/moi/journal",
    ] {
        assert_eq!(
            conseiller.get(chemin).await.status,
            StatusCode::FORBIDDEN,
            "{chemin}"
        );
    }

    assert_eq!(
        conseiller
            .envoyer(Method::DELETE, "/api/v1/conseiller/accompagnement", None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        conseiller.get("/api/v1/moi/dossier").await.status,
        StatusCode::FORBIDDEN
    );

    let journal: Vec<EntreeJournal> = demandeur.get("/api/v1/moi/journal").await.json();
    let actes: Vec<ActeJournal> = journal.iter().map(|e| e.acte).collect();
    assert_eq!(
        actes,
        [
            ActeJournal::AccompagnementTermine,
            ActeJournal::CandidatureDeposee,
            ActeJournal::DossierOuvert
        ]
    );
    let depot = &journal[1];
    assert_eq!(depot.offre_id, Some(offre));
    assert!(depot.offre.is_some());
    assert_eq!(depot.structure, "France Services de Béthune");
    assert!(depot.conseiller.contains("Conseillère de démonstration"));
    assert_eq!(depot.mandat_id, mandat.id);
    assert_eq!(depot.jour, crate::aide::AUJOURDHUI);
    // Another applicant's journal is empty.
    let autre = app.inscrire(2).await;
    let vide: Vec<EntreeJournal> = autre.get("/api/v1/moi/journal").await.json();
    assert!(vide.is_empty());
}

#[tokio::test]
async fn revocation_takes_effect_on_the_advisors_next_request() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let mandat = donner(&demandeur, json!(["consulter", "remplir_foyer"]), 12).await;
    let conseiller = conseiller(&app, BETHUNE).await;
    assert_eq!(ouvrir(&conseiller, 1).await.status, StatusCode::OK);
    assert_eq!(
        conseiller.get("/api/v1/moi/dossier").await.status,
        StatusCode::OK
    );

    let r = demandeur
        .post(
            &format!("/api/v1/moi/mandats/{}/revocation", mandat.id),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json::<MandatVue>().statut, StatutMandat::Revoque);

    let r = conseiller
        .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(dossier_simple()))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(type_(&r), "/problemes/sans-mandat");
    let session: Value = conseiller.get("/api/v1/session").await.json();
    assert!(session.get("accompagnement").is_none());
    assert_eq!(ouvrir(&conseiller, 1).await.status, StatusCode::NOT_FOUND);
    // Another applicant cannot revoke it, nor see it.
    let autre = app.inscrire(2).await;
    assert_eq!(
        autre
            .post(
                &format!("/api/v1/moi/mandats/{}/revocation", mandat.id),
                json!({})
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn dossiers(conseiller: &Client<'_>) -> Vec<String> {
    let r = conseiller.get("/api/v1/conseiller/dossiers").await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json::<Vec<Accompagnement>>()
        .into_iter()
        .map(|a| a.numero_unique)
        .collect()
}

/// Issue 12.14: the advisor picks a file from the structure's live mandates instead of
/// typing its 18 characters; nothing else is listed.
#[tokio::test]
async fn an_advisor_lists_exactly_the_files_with_a_live_mandate_of_their_structure() {
    let app = TestApp::demo().await;
    let vivant = app.inscrire_avec_dossier(1, dossier_simple()).await;
    donner(&vivant, json!(["consulter", "candidater"]), 6).await;
    let revoque = app.inscrire_avec_dossier(2, dossier_simple()).await;
    let mandat = donner(&revoque, json!(["consulter"]), 6).await;
    let r = revoque
        .post(
            &format!("/api/v1/moi/mandats/{}/revocation", mandat.id),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let bethune = conseiller(&app, BETHUNE).await;
    // A counter request not yet confirmed by its code.
    app.inscrire_avec_dossier(3, dossier_simple()).await;
    let r = bethune
        .post(
            "/api/v1/conseiller/mandats",
            json!({"numero_unique": numero(3), "actes": ["consulter"], "duree_mois": 3}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);

    let liste = dossiers(&bethune).await;
    assert_eq!(
        liste.iter().filter(|n| **n == numero(1)).count(),
        1,
        "{liste:?}"
    );
    assert!(!liste.contains(&numero(2)), "révoqué : {liste:?}");
    assert!(
        !liste.contains(&numero(3)),
        "pas encore confirmé : {liste:?}"
    );
    // Each listed file opens.
    for n in &liste {
        let r = bethune
            .post(
                "/api/v1/conseiller/accompagnement",
                json!({"numero_unique": n}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{n}");
    }
    // Another structure sees none of them; an applicant may not ask.
    let bruay = conseiller(&app, BRUAY).await;
    assert!(!dossiers(&bruay).await.contains(&numero(1)));
    assert_eq!(
        vivant.get("/api/v1/conseiller/dossiers").await.status,
        StatusCode::FORBIDDEN
    );
    // Past the last day of the longest mandate, the file leaves the list.
    app.horloge.avancer_jours(200);
    let bethune = conseiller(&app, BETHUNE).await;
    assert!(!dossiers(&bethune).await.contains(&numero(1)));
}

#[tokio::test]
async fn a_mandate_ends_after_its_last_day() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let mandat = donner(&demandeur, json!(["consulter"]), 1).await;
    assert_eq!(mandat.fin.to_string(), "2026-12-21");
    app.horloge.avancer_jours(29);
    let conseiller_ = conseiller(&app, BETHUNE).await;
    assert_eq!(ouvrir(&conseiller_, 1).await.status, StatusCode::OK);
    app.horloge.avancer_jours(1);
    // The advisor's session itself has expired meanwhile (idle); a new one sees the end.
    let conseiller_ = conseiller(&app, BETHUNE).await;
    assert_eq!(ouvrir(&conseiller_, 1).await.status, StatusCode::NOT_FOUND);
    // So has the applicant's (30 days at most).
    let (_, demandeur) = app
        .connecter("personne1@exemple.fr", crate::aide::MOT_DE_PASSE)
        .await;
    let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
    assert_eq!(mandats.mandats[0].statut, StatutMandat::Echu);
}

#[tokio::test]
async fn without_a_mandate_an_advisor_learns_nothing_about_a_number() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    app.inscrire_avec_dossier(2, dossier_simple()).await;
    donner(&demandeur, json!(["consulter", "candidater"]), 6).await;
    let bruay = conseiller(&app, BRUAY).await;
    let sans_mandat = ouvrir(&bruay, 2).await;
    let autre_structure = ouvrir(&bruay, 1).await;
    let inconnu = ouvrir(&bruay, 999).await;
    for r in [&sans_mandat, &autre_structure, &inconnu] {
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(sans_mandat.corps, inconnu.corps);
    assert_eq!(autre_structure.corps, inconnu.corps);
    assert_eq!(
        bruay.get("/api/v1/moi/dossier").await.status,
        StatusCode::FORBIDDEN
    );
    let r = bruay
        .post(
            "/api/v1/conseiller/accompagnement",
            json!({"numero_unique": "pas un numéro"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<Value>()["errors"][0]["champ"], "numero_unique");
    // Applicants and landlord staff have no counter.
    assert_eq!(ouvrir(&demandeur, 1).await.status, StatusCode::FORBIDDEN);
    let (_, bailleur) = app.connecter(demo::AGENTS[0].0, demo::MOT_DE_PASSE).await;
    assert_eq!(ouvrir(&bailleur, 1).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        ouvrir(&app.anonyme(), 1).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn confirmer(client: &Client<'_>, n: u32, code: &str) -> crate::aide::Reponse {
    client
        .post(
            "/api/v1/conseiller/mandats/confirmation",
            json!({"numero_unique": numero(n), "code": code}),
        )
        .await
}

#[tokio::test]
async fn a_counter_mandate_is_confirmed_with_the_code_shown_to_the_applicant() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let bethune = conseiller(&app, BETHUNE).await;
    let demande = |n: u32| json!({"numero_unique": numero(n), "actes": ["consulter", "candidater"], "duree_mois": 6});
    // The same answer whether the number has an account or not.
    for n in [1, 999] {
        let r = bethune.post("/api/v1/conseiller/mandats", demande(n)).await;
        assert_eq!(
            r.status,
            StatusCode::ACCEPTED,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
    }
    let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
    let attente = &mandats.mandats[0];
    assert_eq!(attente.statut, StatutMandat::EnAttente);
    let code = attente.code.clone().expect("code shown to the applicant");
    assert_eq!(code.len(), 6);
    // Waiting is not acting.
    assert_eq!(ouvrir(&bethune, 1).await.status, StatusCode::NOT_FOUND);

    let faux = if code == "000000" { "111111" } else { "000000" };
    let r = confirmer(&bethune, 1, faux).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(type_(&r), "/problemes/code-mandat");
    // Another structure's advisor cannot use the code.
    let bruay = conseiller(&app, BRUAY).await;
    assert_eq!(
        confirmer(&bruay, 1, &code).await.status,
        StatusCode::BAD_REQUEST
    );

    let r = confirmer(&bethune, 1, &code).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    assert_eq!(r.json::<Accompagnement>().numero_unique, numero(1));
    assert_eq!(
        bethune.get("/api/v1/moi/dossier").await.status,
        StatusCode::OK
    );
    let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
    assert_eq!(mandats.mandats[0].statut, StatutMandat::Actif);
    assert_eq!(
        mandats.mandats[0].code, None,
        "a used code is no longer shown"
    );
    // A code serves once.
    assert_eq!(
        confirmer(&bethune, 1, &code).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn five_wrong_codes_or_fifteen_minutes_use_a_counter_request_up() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let bethune = conseiller(&app, BETHUNE).await;
    let demande = json!({"numero_unique": numero(1), "actes": ["consulter"], "duree_mois": 1});
    let code_affiche = || async {
        let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
        mandats.mandats[0].code.clone()
    };
    bethune
        .post("/api/v1/conseiller/mandats", demande.clone())
        .await;
    let code = code_affiche().await.expect("code");
    let faux = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let r = bethune
            .post(
                "/api/v1/conseiller/mandats/confirmation",
                json!({"numero_unique": numero(1), "code": faux}),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
    let r = bethune
        .post(
            "/api/v1/conseiller/mandats/confirmation",
            json!({"numero_unique": numero(1), "code": code}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "used up after five wrong codes"
    );
    assert_eq!(code_affiche().await, None);

    bethune.post("/api/v1/conseiller/mandats", demande).await;
    let code = code_affiche().await.expect("a new code");
    app.horloge.avancer(15 * 60);
    let bethune = conseiller(&app, BETHUNE).await;
    let r = bethune
        .post(
            "/api/v1/conseiller/mandats/confirmation",
            json!({"numero_unique": numero(1), "code": code}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "expired after 15 minutes"
    );
    let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
    assert_eq!(mandats.mandats[0].statut, StatutMandat::NonConfirme);
}

#[tokio::test]
async fn a_mandate_request_is_checked_field_by_field() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let structure = structure_id(&demandeur, "Béthune").await;
    let r = demandeur
        .post(
            "/api/v1/moi/mandats",
            json!({"structure_id": 9999, "actes": ["candidater"], "duree_mois": 13}),
        )
        .await;
    assert_eq!(champs(&r), ["actes", "duree_mois", "structure_id"]);
    let r = demandeur
        .post(
            "/api/v1/moi/mandats",
            json!({"structure_id": structure, "actes": ["consulter", "tout"], "duree_mois": 3}),
        )
        .await;
    assert!(r.status.is_client_error());
    donner(&demandeur, json!(["consulter"]), 3).await;
    let r = demandeur
        .post(
            "/api/v1/moi/mandats",
            json!({"structure_id": structure, "actes": ["consulter"], "duree_mois": 3}),
        )
        .await;
    assert_eq!(
        champs(&r),
        ["structure_id"],
        "one live mandate per structure"
    );
    let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
    assert_eq!(
        mandats.mandats.len(),
        1,
        "nothing stored by refused requests"
    );
    let bethune = conseiller(&app, BETHUNE).await;
    let r = bethune
        .post(
            "/api/v1/conseiller/mandats",
            json!({"numero_unique": "1234", "actes": [], "duree_mois": 0}),
        )
        .await;
    assert_eq!(champs(&r), ["numero_unique", "actes", "duree_mois"]);
}

#[tokio::test]
async fn advisors_log_in_with_a_second_factor_each_code_once() {
    let app = TestApp::demo().await;
    let (email, secret) = BETHUNE;
    let connexion = |code: Option<String>| {
        let mut corps = json!({"email": email, "mot_de_passe": demo::MOT_DE_PASSE});
        if let Some(code) = code {
            corps["code"] = json!(code);
        }
        let client = app.anonyme();
        async move { client.post("/api/v1/session", corps).await }
    };
    let maintenant = app.horloge.instant();
    let code = |secret: &str| clef_server::compte::totp::code(secret, maintenant);
    assert_eq!(connexion(None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        connexion(code(BRUAY.1)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        connexion(Some("12345".into())).await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = connexion(code(secret)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json::<Value>()["structure"], "France Services de Béthune");
    // Someone who saw the code on a shared screen cannot reuse it.
    assert_eq!(
        connexion(code(secret)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Applicants are not asked for a code.
    let (r, _) = app.connecter(demo::COMPTES[0].0, demo::MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn an_advisor_session_ends_after_fifteen_idle_minutes() {
    let app = TestApp::demo().await;
    let bethune = conseiller(&app, BETHUNE).await;
    app.horloge.avancer(14 * 60);
    assert_eq!(bethune.get("/api/v1/session").await.status, StatusCode::OK);
    app.horloge.avancer(14 * 60);
    assert_eq!(bethune.get("/api/v1/session").await.status, StatusCode::OK);
    app.horloge.avancer(15 * 60 + 1);
    assert_eq!(
        bethune.get("/api/v1/session").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        bethune
            .envoyer(Method::DELETE, "/api/v1/conseiller/accompagnement", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_journal_cannot_be_altered_at_the_database() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    donner(&demandeur, json!(["consulter"]), 3).await;
    let bethune = conseiller(&app, BETHUNE).await;
    assert_eq!(ouvrir(&bethune, 1).await.status, StatusCode::OK);
    let avant: Vec<(i64, String)> = sqlx::query_as("SELECT id, acte FROM journal ORDER BY id")
        .fetch_all(&app.base)
        .await
        .unwrap();
    assert!(!avant.is_empty());
    let modification =
        sqlx::query("UPDATE journal SET acte = 'rien' WHERE demandeur_id IS NOT NULL")
            .execute(&app.base)
            .await;
    assert!(
        modification
            .unwrap_err()
            .to_string()
            .contains("ne se modifie pas")
    );
    let suppression = sqlx::query("DELETE FROM journal").execute(&app.base).await;
    assert!(
        suppression
            .unwrap_err()
            .to_string()
            .contains("ne se supprime pas")
    );
    let apres: Vec<(i64, String)> = sqlx::query_as("SELECT id, acte FROM journal ORDER BY id")
        .fetch_all(&app.base)
        .await
        .unwrap();
    assert_eq!(avant, apres);
}

/// The attack of the hardening review: a fresh code with five tries per request, and
/// unlimited requests, let an advisor of any structure guess their way into any file.
#[tokio::test]
async fn counter_codes_cannot_be_guessed_by_asking_again_and_again() {
    let app = TestApp::demo().await;
    let demandeur = app.inscrire_avec_dossier(1, dossier_simple()).await;
    let bruay = conseiller(&app, BRUAY).await;
    let demande = json!({"numero_unique": numero(1), "actes": ["consulter"], "duree_mois": 1});
    let confirmer = |code: String| {
        let bruay = bruay.clone();
        async move {
            bruay
                .post(
                    "/api/v1/conseiller/mandats/confirmation",
                    json!({"numero_unique": numero(1), "code": code}),
                )
                .await
        }
    };
    let mut essais = 0;
    let mut refus = None;
    // Requests, each followed by wrong codes, as an attacker would.
    'attaque: for tour in 0..8 {
        let r = bruay
            .post("/api/v1/conseiller/mandats", demande.clone())
            .await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            // Three requests per quarter of an hour: wait and ask again.
            assert!(tour >= 3, "refused at request {tour}");
            app.horloge.avancer(15 * 60);
            let r = bruay
                .post("/api/v1/conseiller/mandats", demande.clone())
                .await;
            assert_eq!(r.status, StatusCode::ACCEPTED);
        }
        for faux in 0..5 {
            let r = confirmer(format!("{:06}", 900_000 + tour * 10 + faux)).await;
            if r.status == StatusCode::TOO_MANY_REQUESTS {
                refus = Some(r);
                break 'attaque;
            }
            assert_eq!(r.status, StatusCode::BAD_REQUEST);
            essais += 1;
        }
    }
    // Ten wrong codes a day, whatever the number of requests.
    assert_eq!(essais, 10);
    let refus = refus.expect("refused after ten wrong codes");
    assert!(refus.entetes.contains_key("retry-after"));
    // Even the right code waits now.
    let mandats: MesMandats = demandeur.get("/api/v1/moi/mandats").await.json();
    let code = mandats.mandats[0].code.clone().expect("code");
    assert_eq!(confirmer(code).await.status, StatusCode::TOO_MANY_REQUESTS);
    // The applicant sees one request from that structure, not one per try...
    assert_eq!(mandats.mandats.len(), 1, "{:?}", mandats.mandats);
    // ...and was told of each request by e-mail, with what to do.
    let courriels = app.courriels_a("personne1@exemple.fr");
    let demandes: Vec<_> = courriels
        .iter()
        .filter(|c| c.objet.contains("un conseiller demande à vous accompagner"))
        .collect();
    assert_eq!(demandes.len(), 3);
    assert!(
        demandes[0].texte.contains("France Services de Bruay"),
        "{}",
        demandes[0].texte
    );
    assert!(demandes[0].texte.contains("ne donnez ce code à personne"));
}
