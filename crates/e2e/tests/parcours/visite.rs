//! Every page of Clef, as each of its users reaches it, for what must hold everywhere:
//! no horizontal scrolling at 200 % zoom (WCAG 1.4.10, issue 12 point 7) and no axe-core
//! violation (issue 12, "done when").

use crate::banc::Banc;
use clef_server::{Horloge, demo};

/// Who visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qui {
    Anonyme,
    Demandeur,
    Conseiller,
    Bailleur,
    Territoire,
}

/// The pages each user reaches, with the demo data's own ids.
pub async fn pages(banc: &Banc) -> Vec<(Qui, Vec<String>)> {
    let un = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(&banc.base)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    let offre = un("SELECT id FROM offres ORDER BY id LIMIT 1").await;
    let resultat = un("SELECT offre_id FROM resultats ORDER BY offre_id LIMIT 1").await;
    let candidature = un(
        "SELECT c.id FROM candidatures c JOIN demandeurs d ON d.id = c.demandeur_id
         WHERE d.numero_unique = '0622305000123456PC' ORDER BY c.id LIMIT 1",
    )
    .await;
    let a_moi = un(
        "SELECT o.id FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE b.slug = 'logis-artois' AND o.id IN (SELECT offre_id FROM classements)
         ORDER BY o.id LIMIT 1",
    )
    .await;
    let ouverte = un(
        "SELECT o.id FROM offres o JOIN bailleurs b ON b.id = o.bailleur_id
         WHERE b.slug = 'logis-artois' AND o.id NOT IN (SELECT offre_id FROM classements)
         ORDER BY o.cloture DESC LIMIT 1",
    )
    .await;
    let publiques = [
        "/".to_owned(),
        "/?typologie=T3&pmr=oui".to_owned(),
        format!("/logements/{offre}"),
        "/connexion".to_owned(),
        "/inscription".to_owned(),
        "/comment-ca-marche".to_owned(),
        "/grille-de-cotation".to_owned(),
        "/resultats".to_owned(),
        format!("/resultats/{resultat}"),
        "/mixite".to_owned(),
        "/accessibilite".to_owned(),
        "/mentions-legales".to_owned(),
        "/conseiller".to_owned(),
        "/page-qui-n-existe-pas".to_owned(),
    ];
    vec![
        (Qui::Anonyme, publiques.to_vec()),
        (
            Qui::Demandeur,
            vec![
                "/".to_owned(),
                format!("/logements/{offre}"),
                "/mon-dossier".to_owned(),
                "/mes-candidatures".to_owned(),
                format!("/mes-candidatures/{candidature}"),
                "/mon-score".to_owned(),
                "/notifications".to_owned(),
                "/mes-mandats".to_owned(),
                "/qui-a-agi".to_owned(),
                "/recapitulatif".to_owned(),
            ],
        ),
        (Qui::Conseiller, vec!["/conseiller".to_owned()]),
        (
            Qui::Bailleur,
            vec![
                "/bailleur".to_owned(),
                format!("/bailleur/offres/{a_moi}"),
                format!("/bailleur/offres/{ouverte}"),
                format!("/bailleur/offres/{ouverte}/modifier"),
            ],
        ),
        (Qui::Territoire, vec!["/territoire".to_owned()]),
    ]
}

/// Opens a session for `qui` (and closes the one before).
pub async fn connecter(banc: &Banc, qui: Qui) {
    banc.navigateur
        .delete_all_cookies()
        .await
        .expect("forget the session");
    match qui {
        Qui::Anonyme => {}
        Qui::Demandeur => {
            banc.connecter(demo::COMPTES[0].0, "/mes-candidatures")
                .await
        }
        Qui::Bailleur => banc.connecter(demo::AGENTS[0].0, "/bailleur").await,
        Qui::Territoire => banc.connecter(demo::COMPTES[3].0, "/territoire").await,
        Qui::Conseiller => {
            banc.ouvrir("/conseiller").await;
            banc.horloge.avancer(30);
            let code =
                clef_server::compte::totp::code(demo::SECRET_TOTP_DEMO, banc.horloge.instant())
                    .expect("code");
            banc.saisir("#email", demo::CONSEILLERS[0].0).await;
            banc.saisir("#mot-de-passe", demo::MOT_DE_PASSE).await;
            banc.saisir("#code", &code).await;
            banc.cliquer_bouton("Se connecter").await;
            banc.attendre_texte("#titre-ouvrir", "Ouvrir le dossier")
                .await;
        }
    }
}

/// Opens `chemin` and waits until it has loaded: a title, and nothing loading.
pub async fn ouvrir(banc: &Banc, chemin: &str) {
    banc.ouvrir(chemin).await;
    banc.attendre(&format!("{chemin} chargé"), || async {
        banc.js("return !!document.querySelector('main h1')
               && !document.querySelector('main [aria-busy=\"true\"], main .squelette')")
            .await
            == true
    })
    .await;
}
