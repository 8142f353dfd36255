//! The income ceiling (code de la construction et de l'habitation, R.441-1; arrêté du 29
//! juillet 1987): the household's reference income must not exceed the ceiling of the
//! home's financing, for its category and zone, in the table in force on the day of the
//! verdict (the commission's day; today for a live verdict). Without that table the rule
//! cannot be checked, and nobody can apply: letting everyone pass would be a verdict the
//! law does not give.

use super::{Detail, ResultatRegle, Source, Statut};
use crate::argent::Euros;
use crate::demande::{Categorie, Demande};
use crate::logement::Logement;
use crate::plafonds;
use std::borrow::Cow;

/// The ceiling of a category: the table's amount, plus the per-person amount for each
/// person above category 6.
pub fn plafond(bareme: &plafonds::Bareme, categorie: Categorie) -> Euros {
    let index = usize::from(categorie.numero.clamp(1, 6)) - 1;
    Euros::from_centimes(
        bareme.categories[index].centimes()
            + bareme.par_personne_supplementaire.centimes()
                * i64::from(categorie.personnes_supplementaires),
    )
}

pub(super) fn verifier(demande: &Demande, logement: &Logement) -> ResultatRegle {
    let categorie = demande.menage.categorie();
    let ressources = demande.ressources.retenues(logement.annee);
    let bareme = plafonds::bareme(logement.financement, logement.annee, logement.zone);
    let plafond = bareme.as_ref().map(|b| plafond(b, categorie));
    let statut = match plafond {
        None => Statut::Inverifiable,
        Some(p) if ressources.montant <= p => Statut::Respectee,
        Some(_) => Statut::NonRespectee,
    };
    ResultatRegle {
        statut,
        detail: Detail::PlafondRessources {
            financement: logement.financement,
            zone: logement.zone,
            annee: logement.annee,
            categorie,
            ressources,
            plafond,
        },
        source: Source {
            texte: Cow::Borrowed("Arrêté du 29 juillet 1987 relatif aux plafonds de ressources"),
            annee: Some(logement.annee),
        },
    }
}
