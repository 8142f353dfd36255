//! The rent burden (*taux d'effort*, arrêté du 10 mars 2011; CCH R.441-3-1): rent and
//! charges, less the expected housing benefit, over the monthly resources declared in the
//! request by everyone who will live there. Above the territory's threshold it is a
//! warning, never a refusal on its own. Beside it, the *reste pour vivre*: what is left
//! each month per consumption unit once the home is paid, as commissions read it.

use super::{Detail, ResultatRegle, Source, Statut};
use crate::argent::Euros;
use crate::demande::Demande;
use crate::logement::Logement;
use crate::territoire::ParametresTerritoire;
use std::borrow::Cow;

/// Per mille of `ressources_mensuelles` that `depense_mensuelle` takes, rounded down;
/// `None` without resources.
pub fn taux_pour_mille(depense_mensuelle: Euros, ressources_mensuelles: Euros) -> Option<u32> {
    if ressources_mensuelles.centimes() <= 0 {
        return None;
    }
    let taux = depense_mensuelle.centimes().max(0) * 1000 / ressources_mensuelles.centimes();
    Some(u32::try_from(taux).unwrap_or(u32::MAX))
}

/// What is left each month per consumption unit once `depense_mensuelle` is paid out of
/// `ressources_mensuelles` (negative when the home costs more than the resources).
pub fn reste_pour_vivre_par_uc(
    ressources_mensuelles: Euros,
    depense_mensuelle: Euros,
    uc_dixiemes: u32,
) -> Euros {
    let reste = ressources_mensuelles.centimes() - depense_mensuelle.centimes();
    Euros::from_centimes(reste * 10 / i64::from(uc_dixiemes.max(1)))
}

pub(super) fn verifier(
    demande: &Demande,
    logement: &Logement,
    territoire: &ParametresTerritoire,
    aide_estimee: Euros,
) -> ResultatRegle {
    let ressources = demande.ressources_mensuelles(logement.annee);
    let depense = Euros::from_centimes(
        (logement.loyer + logement.charges).centimes() - aide_estimee.centimes(),
    )
    .max(Euros::ZERO);
    let taux = taux_pour_mille(depense, ressources.montant);
    let uc = crate::mixite::unites_consommation_dixiemes(&demande.menage);
    let seuil = u32::from(territoire.seuil_taux_effort) * 10;
    let statut = match taux {
        Some(t) if t <= seuil => Statut::Respectee,
        _ => Statut::Alerte,
    };
    ResultatRegle {
        statut,
        detail: Detail::TauxEffort {
            depense_mensuelle: depense,
            ressources_mensuelles: ressources.montant,
            ressources_declarees: ressources.declarees,
            reste_pour_vivre_par_uc: Some(reste_pour_vivre_par_uc(ressources.montant, depense, uc)),
            taux_pour_mille: taux,
            seuil_pour_cent: territoire.seuil_taux_effort,
        },
        source: Source {
            texte: Cow::Borrowed("Seuil de taux d'effort fixé par le territoire"),
            annee: None,
        },
    }
}
