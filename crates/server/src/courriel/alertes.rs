//! E-mail alerts: what the notifications page says, also sent by e-mail to the applicants
//! who keep alerts on (the default), one message per applicant per round with everything
//! new since the last one. A round first finds what came with time (a listing closing, a
//! new listing for a saved search), as the notifications page does when opened.

use super::Courriel;
use super::textes::{cle_notification, texte};
use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::routes::notifications::{genre, rattraper};
use std::collections::BTreeMap;

/// Notifications e-mailed per round, at most (the rest waits for the next).
const PAR_TOURNEE: i64 = 2_000;

#[derive(sqlx::FromRow)]
struct AEnvoyer {
    id: i64,
    demandeur_id: i64,
    email: String,
    alertes: bool,
    genre: String,
    titre: Option<String>,
    recherche: Option<String>,
}

/// One round: returns how many e-mails were sent. A message that cannot be sent (the
/// SMTP server down) is logged, and its notifications wait for the next round.
pub async fn tournee(etat: &Etat) -> Result<u32, ErreurApi> {
    let a_rattraper: Vec<i64> = sqlx::query_scalar(
        "SELECT d.id FROM demandeurs d JOIN comptes c ON c.id = d.compte_id
         WHERE c.alertes_courriel = 1
           AND (EXISTS (SELECT 1 FROM recherches r WHERE r.demandeur_id = d.id)
                OR EXISTS (SELECT 1 FROM candidatures k WHERE k.demandeur_id = d.id AND k.etat = 'deposee'))",
    )
    .fetch_all(&etat.base)
    .await?;
    for demandeur in a_rattraper {
        rattraper(etat, demandeur).await?;
    }
    let lignes: Vec<AEnvoyer> = sqlx::query_as(
        "SELECT n.id, n.demandeur_id, c.email, c.alertes_courriel AS alertes, n.genre,
                o.titre, r.nom AS recherche
         FROM notifications n
         JOIN demandeurs d ON d.id = n.demandeur_id
         JOIN comptes c ON c.id = d.compte_id
         LEFT JOIN offres o ON o.id = n.offre_id
         LEFT JOIN recherches r ON r.id = n.recherche_id
         WHERE n.envoyee_le IS NULL
         ORDER BY n.demandeur_id, n.id LIMIT ?",
    )
    .bind(PAR_TOURNEE)
    .fetch_all(&etat.base)
    .await?;
    let mut par_demandeur: BTreeMap<i64, Vec<AEnvoyer>> = BTreeMap::new();
    for ligne in lignes {
        par_demandeur
            .entry(ligne.demandeur_id)
            .or_default()
            .push(ligne);
    }
    let mut envoyes = 0;
    for lignes in par_demandeur.values() {
        // Alerts off: handled, not sent (turning them on later does not send the past).
        if lignes[0].alertes {
            if !envoyer(etat, lignes).await {
                continue;
            }
            envoyes += 1;
        }
        let ids = lignes.iter().map(|l| l.id.to_string()).collect::<Vec<_>>();
        sqlx::query(&format!(
            "UPDATE notifications SET envoyee_le = ? WHERE id IN ({})",
            ids.join(", ")
        ))
        .bind(etat.horloge.instant().to_string())
        .execute(&etat.base)
        .await?;
    }
    Ok(envoyes)
}

/// Sends one applicant their news; false when it could not go.
async fn envoyer(etat: &Etat, lignes: &[AEnvoyer]) -> bool {
    let Some(premiere) = lignes.first() else {
        return true;
    };
    let mut corps = texte("courriel.alertes_intro", &[]);
    corps.push('\n');
    for l in lignes {
        let Ok(genre) = genre(&l.genre) else { continue };
        let titre = l.titre.as_deref().unwrap_or_default();
        let recherche = l.recherche.as_deref().unwrap_or_default();
        corps.push_str("\n- ");
        corps.push_str(&texte(
            cle_notification(genre),
            &[("titre", titre), ("recherche", recherche)],
        ));
    }
    corps.push_str("\n\n");
    corps.push_str(&texte(
        "courriel.alertes_fin",
        &[
            ("lien", &etat.poste.lien("/notifications")),
            ("reglages", &etat.poste.lien("/notifications#alertes")),
        ],
    ));
    corps.push_str("\n\n");
    corps.push_str(&texte("courriel.signature", &[]));
    let courriel = Courriel {
        a: premiere.email.clone(),
        objet: texte("courriel.alertes_objet", &[]),
        texte: corps,
    };
    match etat.poste.envoyer(courriel).await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(erreur = %e, "alerte par courriel non envoyée, nouvel essai au prochain tour");
            false
        }
    }
}
