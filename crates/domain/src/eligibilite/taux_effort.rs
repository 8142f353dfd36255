//! The rent burden (*taux d'effort*): rent and charges, less the expected housing benefit,
//! over the household's monthly resources. Above the territory's threshold it is a
//! warning, never a refusal on its own.

use super::{Detail, ResultatRegle, Source, Statut};
use crate::argent::Euros;
use crate::demande::Demande;
use crate::logement::Logement;
use crate::territoire::ParametresTerritoire;
use std::borrow::Cow;

/// Per mille of `ressources_annuelles` that `depense_mensuelle` takes, rounded down;
/// `None` without resources.
pub fn taux_pour_mille(depense_mensuelle: Euros, ressources_annuelles: Euros) -> Option<u32> {
    if ressources_annuelles.centimes() <= 0 {
        return None;
    }
    let taux = depense_mensuelle.centimes().max(0) * 12 * 1000 / ressources_annuelles.centimes();
    Some(u32::try_from(taux).unwrap_or(u32::MAX))
}

pub(super) fn verifier(
    demande: &Demande,
    logement: &Logement,
    territoire: &ParametresTerritoire,
    aide_estimee: Euros,
) -> ResultatRegle {
    let ressources = demande.ressources.retenues(logement.annee).montant;
    let depense = Euros::from_centimes(
        (logement.loyer + logement.charges).centimes() - aide_estimee.centimes(),
    )
    .max(Euros::ZERO);
    let taux = taux_pour_mille(depense, ressources);
    let seuil = u32::from(territoire.seuil_taux_effort) * 10;
    let statut = match taux {
        Some(t) if t <= seuil => Statut::Respectee,
        _ => Statut::Alerte,
    };
    ResultatRegle {
        statut,
        detail: Detail::TauxEffort {
            depense_mensuelle: depense,
            ressources_mensuelles: Euros::from_centimes(ressources.centimes() / 12),
            taux_pour_mille: taux,
            seuil_pour_cent: territoire.seuil_taux_effort,
        },
        source: Source {
            texte: Cow::Borrowed("Seuil de taux d'effort fixé par le territoire"),
            annee: None,
        },
    }
}
