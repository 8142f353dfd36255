//! E-mail alerts: what the notifications page says, also sent by e-mail to the applicants
//! who keep alerts on (the default), one message per applicant per round with everything
//! new since the last one. A round first finds what came with time (`rattrapage`).

use super::Courriel;
use super::textes::{cle_notification, texte};
use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::rattrapage::rattraper;
use crate::stockage::notifications::{self, AEnvoyer};
use std::collections::BTreeMap;

/// Notifications e-mailed per round, at most (the rest waits for the next).
const PAR_TOURNEE: i64 = 2_000;

/// One round: returns how many e-mails were sent. A message that cannot be sent (the
/// SMTP server down) is logged, and its notifications wait for the next round.
pub async fn tournee(etat: &Etat) -> Result<u32, ErreurApi> {
    rattraper(&etat.base, etat.horloge.aujourdhui()).await?;
    let mut par_demandeur: BTreeMap<i64, Vec<AEnvoyer>> = BTreeMap::new();
    let prises = notifications::reserver(&etat.base, PAR_TOURNEE, etat.horloge.instant()).await?;
    for ligne in prises {
        par_demandeur
            .entry(ligne.demandeur_id)
            .or_default()
            .push(ligne);
    }
    let mut envoyes = 0;
    for lignes in par_demandeur.values() {
        // Alerts off: handled, not sent (turning them on later does not send the past).
        if !lignes[0].alertes {
            continue;
        }
        if envoyer(etat, lignes).await {
            envoyes += 1;
        } else {
            let ids: Vec<i64> = lignes.iter().map(|l| l.id).collect();
            notifications::rendre(&etat.base, &ids).await?;
        }
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
        let Ok(genre) = l.genre() else { continue };
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
