//! The commission on a phone (issue 12, point 11): a compact table, one line per anonymous
//! candidate with the household's size, means and rent burden; a refusal said next to the
//! button, with the focus on it.

use crate::banc::Banc;
use clef_server::demo;

#[tokio::test]
async fn the_commission_is_a_compact_table_and_a_refused_shortlist_says_why_where_the_focus_is() {
    let banc = Banc::demarrer().await;
    let (offre, eligibles, slug): (i64, i64, String) = sqlx::query_as(
        "SELECT k.offre_id, k.eligibles, b.slug FROM classements k JOIN offres o ON o.id = k.offre_id
         JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE k.eligibles >= 4
           AND k.offre_id NOT IN (SELECT offre_id FROM resultats)
           AND NOT EXISTS (SELECT 1 FROM candidatures c WHERE c.offre_id = k.offre_id
                           AND c.etat NOT IN ('classee', 'retiree'))
         ORDER BY k.offre_id LIMIT 1",
    )
    .fetch_one(&banc.base)
    .await
    .expect("a ranked listing awaiting its commission");
    let agent = demo::AGENTS
        .iter()
        .find(|a| a.1 == slug)
        .expect("its landlord's staff");
    banc.connecter(agent.0, &format!("/bailleur/offres/{offre}"))
        .await;
    banc.element(".tableau-commission tbody tr").await;
    let lignes = banc.tous(".tableau-commission tbody tr").await.len() as i64;
    assert_eq!(lignes, eligibles);
    let entetes = banc.texte(".tableau-commission thead").await;
    for colonne in ["Personnes", "Ressources par UC", "Taux d'effort"] {
        assert!(entetes.contains(colonne), "{colonne} in {entetes}");
    }
    assert!(
        !banc.texte(".tableau-commission").await.contains('@'),
        "anonymous: no e-mail before the shortlist"
    );
    let hauteur = banc
        .js("return document.documentElement.scrollHeight")
        .await
        .as_f64()
        .unwrap_or(f64::MAX);
    assert!(
        hauteur < 200.0 * eligibles as f64,
        "{hauteur} px for {eligibles} candidates"
    );
    banc.sans_defilement_horizontal("la commission").await;

    // Leave out the first without a motive: refused, said next to the button, focused.
    let premiere = banc
        .element(".tableau-commission tbody tr:first-child input[type=checkbox]")
        .await;
    premiere.click().await.expect("untick the first");
    banc.element(".tableau-commission tbody tr:nth-child(4) input[type=checkbox]")
        .await
        .click()
        .await
        .expect("tick the fourth");
    banc.element(".passage select").await;
    banc.cliquer_bouton("Envoyer la liste à la commission")
        .await;
    banc.cliquer_bouton("Envoyer la liste à la commission")
        .await;
    banc.attendre("the refusal focused next to the button", || async {
        banc.js("return document.activeElement.id").await == "erreurs-presentation"
    })
    .await;
    assert!(banc.texte("#erreurs-presentation").await.contains("motif"));
}
