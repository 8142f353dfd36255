//! `clef-territoire`: a territory's whole history, generated through the same code as
//! staff use (issue 17.1), small here. Every constraint of the database holds, every
//! ranking and letting is complete, and the server serves it as any other.

use crate::aide::{AUJOURDHUI, TestApp};
use axum::http::StatusCode;
use clef_domain::api::PageOffres;
use clef_server::demo::{self, histoire};
use clef_server::stockage;

async fn nombre(base: &sqlx::AnyPool, requete: &str) -> i64 {
    sqlx::query_scalar(requete)
        .bind(AUJOURDHUI.to_string())
        .fetch_one(base)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_generated_history_keeps_every_constraint_and_is_served_whole() {
    let dossier = tempfile::tempdir().unwrap();
    let fichier = dossier.path().join("territoire.db");
    let base = stockage::ouvrir(&format!("sqlite:{}", fichier.display()))
        .await
        .unwrap();
    let taille = histoire::Taille::pour(150);
    let bilan = histoire::grandir(&base, AUJOURDHUI, taille).await.unwrap();
    assert_eq!(bilan.offres, 150);
    assert_eq!(bilan.demandeurs, 315);
    assert_eq!(bilan.libres, 301..=315);
    assert_eq!(bilan.seances, 300);
    assert!(
        (taille.candidatures / 2..=taille.candidatures).contains(&bilan.candidatures),
        "{bilan:?}"
    );
    assert!(bilan.classees > 100 && bilan.attribuees > 50, "{bilan:?}");

    let fautes: Vec<(String, i64, String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&base)
        .await
        .unwrap();
    assert!(fautes.is_empty(), "{fautes:?}");
    let integrite: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&base)
        .await
        .unwrap();
    assert_eq!(integrite, "ok");
    // Every closed listing ranked, no application left as filed after its closing.
    assert_eq!(
        nombre(
            &base,
            "SELECT count(*) FROM offres o WHERE o.cloture < $1 AND EXISTS
               (SELECT 1 FROM candidatures c WHERE c.offre_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM classements k WHERE k.offre_id = o.id)"
        )
        .await,
        0
    );
    assert_eq!(
        nombre(
            &base,
            "SELECT count(*) FROM candidatures c JOIN offres o ON o.id = c.offre_id
             WHERE c.etat = 'deposee' AND o.cloture < $1"
        )
        .await,
        0
    );
    // Each letting: one household attributed, by a decision of the commission.
    assert_eq!(
        nombre(
            &base,
            "SELECT count(*) FROM resultats r WHERE $1 IS NOT NULL AND 1 != (SELECT count(*)
               FROM candidatures c JOIN decisions d ON d.candidature_id = c.id
               WHERE c.offre_id = r.offre_id AND c.etat = 'attribuee')"
        )
        .await,
        0
    );
    // No household over the cap of applications open at once.
    assert_eq!(
        nombre(
            &base,
            "SELECT count(*) FROM candidatures c JOIN offres o ON o.id = c.offre_id
             WHERE o.ouverture <= $1 AND o.cloture >= $1 AND c.etat = 'deposee'
             GROUP BY c.demandeur_id HAVING count(*) > 3 UNION ALL SELECT 0 LIMIT 1"
        )
        .await,
        0
    );
    // The free households applied to nothing; the map names the open listings with the
    // most and the fewest applications.
    let des_libres: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM candidatures c JOIN demandeurs d ON d.id = c.demandeur_id
         JOIN comptes a ON a.id = d.compte_id
         WHERE a.email LIKE '%@histoire.clef.fr' AND a.email >= 'menage-000301@'",
    )
    .fetch_one(&base)
    .await
    .unwrap();
    assert_eq!(des_libres, 0);
    let par_offre: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT o.id, (SELECT count(*) FROM candidatures c WHERE c.offre_id = o.id)
         FROM offres o WHERE o.ouverture <= $1 AND o.cloture >= $1 AND o.retiree_le IS NULL",
    )
    .bind(AUJOURDHUI.to_string())
    .fetch_all(&base)
    .await
    .unwrap();
    let (disputee, calme) = (bilan.disputee.unwrap(), bilan.calme.unwrap());
    assert!(
        par_offre.contains(&(disputee.0, disputee.1 as i64)),
        "{disputee:?}"
    );
    assert!(par_offre.contains(&(calme.0, calme.1 as i64)), "{calme:?}");
    assert!(calme.1 >= 1, "{calme:?}");
    assert!(
        par_offre
            .iter()
            .all(|&(_, n)| n == 0 || (calme.1 as i64..=disputee.1 as i64).contains(&n))
    );
    let cloturees = nombre(
        &base,
        "SELECT count(*) FROM offres WHERE cloture < $1 AND retiree_le IS NULL",
    )
    .await;
    let lettings = nombre(&base, "SELECT count(*) FROM resultats WHERE $1 IS NOT NULL").await;
    base.close().await;

    let app = TestApp::sur(Some(&fichier), None).await;
    let page: PageOffres = app.get("/api/v1/offres?etat=cloturees").await.json();
    assert_eq!(page.total as i64, cloturees);
    let csv = app.get("/api/v1/donnees/resultats.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        String::from_utf8_lossy(&csv.corps).lines().count() as i64 - 1,
        lettings
    );
    let (r, _) = app
        .connecter("menage-000001@histoire.clef.fr", demo::MOT_DE_PASSE)
        .await;
    assert_eq!(r.status, StatusCode::OK);
}
