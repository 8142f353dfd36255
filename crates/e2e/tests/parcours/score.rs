//! *Mon score* on a phone: besides the points line by line, what the cotation decree
//! requires an applicant to be told (décret n° 2019-1378): their position among similar
//! requests and the average wait observed for them, each the API's figure, or a plain
//! "too few" below the threshold, with the method in words.

use crate::banc::Banc;
use clef_domain::api::MonScore;
use clef_server::demo;

#[tokio::test]
async fn my_score_page_says_my_position_and_the_average_wait_of_similar_requests() {
    let banc = Banc::demarrer().await;
    banc.connecter(demo::COMPTES[0].0, "/mes-candidatures")
        .await;
    banc.ouvrir("/mon-score").await;
    banc.attendre_texte("#titre-semblables", "demandes semblables")
        .await;
    let api: MonScore = serde_json::from_value(
        banc.js("return fetch('/api/v1/moi/score').then(r => r.json())")
            .await,
    )
    .expect("MonScore");
    let s = api.semblables;
    let position = banc.texte("#position-semblables").await;
    assert!(
        position.contains(&format!(
            "Autres demandes semblables en cours : {}.",
            s.position.semblables
        )),
        "{position}"
    );
    match s.position.devant {
        Some(devant) => assert!(
            position.contains(&format!("Avec plus de points que vous : {devant}.")),
            "{position}"
        ),
        None => assert!(position.contains("trop peu"), "{position}"),
    }
    let attente = banc.texte("#attente-semblables").await;
    match s.attente.mois {
        Some(mois) => assert!(
            attente.contains(&format!("Délai moyen constaté : {mois} mois")),
            "{attente}"
        ),
        None => assert!(attente.contains("trop peu"), "{attente}"),
    }
    assert!(
        banc.texte("#semblables details summary")
            .await
            .contains("Comment ces chiffres sont calculés")
    );
    banc.sans_defilement_horizontal("mon score").await;
}
