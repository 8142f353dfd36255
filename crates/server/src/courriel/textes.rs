//! The words of e-mails, from the app's own catalogue (`locales/fr.json`): one catalogue of
//! messages for the screens and the e-mails. French, the service's language.

use clef_domain::api::GenreNotification;

pub use crate::catalogue::texte;

/// The catalogue key of what a notification says (as the notifications page says it).
pub fn cle_notification(genre: GenreNotification) -> &'static str {
    use GenreNotification::*;
    match genre {
        CandidatureDeposee => "notifications.deposee",
        CandidatureRetiree => "notifications.retiree",
        OffreCloturee => "notifications.cloturee",
        CandidatureClassee => "notifications.classee",
        PresenteeEnCommission => "notifications.presentee",
        AttribueeSousCondition => "notifications.sous_condition",
        Proposee => "notifications.proposee",
        Attribuee => "notifications.attribuee",
        NonRetenue => "notifications.non_retenue",
        NouvelleOffre => "notifications.nouvelle_offre",
    }
}

impl super::Courriel {
    /// A message whose subject and text are the catalogue's `courriel.<nom>_objet` and
    /// `courriel.<nom>_texte` (with `valeurs`), signed.
    pub fn du_catalogue(a: String, nom: &str, valeurs: &[(&str, &str)]) -> super::Courriel {
        super::Courriel {
            a,
            objet: texte(&format!("courriel.{nom}_objet"), &[]),
            texte: format!(
                "{}\n\n{}",
                texte(&format!("courriel.{nom}_texte"), valeurs),
                texte("courriel.signature", &[])
            ),
        }
    }
}

/// Every key this module asks the catalogue for.
pub const CLES: &[&str] = &[
    "courriel.signature",
    "courriel.reinitialisation_objet",
    "courriel.reinitialisation_texte",
    "courriel.mot_de_passe_change_objet",
    "courriel.mot_de_passe_change_texte",
    "courriel.mandat_demande_objet",
    "courriel.mandat_demande_texte",
    "courriel.alertes_objet",
    "courriel.alertes_intro",
    "courriel.alertes_fin",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_an_e_mail_uses_is_in_the_catalogue() {
        use GenreNotification::*;
        let genres = [
            CandidatureDeposee,
            CandidatureRetiree,
            OffreCloturee,
            CandidatureClassee,
            PresenteeEnCommission,
            AttribueeSousCondition,
            Proposee,
            Attribuee,
            NonRetenue,
            NouvelleOffre,
        ];
        for cle in CLES
            .iter()
            .copied()
            .chain(genres.into_iter().map(cle_notification))
        {
            assert_ne!(
                texte(cle, &[]),
                cle,
                "{cle} is missing from locales/fr.json"
            );
        }
    }

    #[test]
    fn values_fill_their_places() {
        assert_eq!(
            texte("notifications.deposee", &[("titre", "T3 lumineux")]),
            "Candidature déposée : T3 lumineux."
        );
    }
}
