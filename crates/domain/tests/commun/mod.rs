//! Households, homes and territory shared by the integration tests.
#![allow(dead_code)]

use clef_domain::demande::{
    Demande, Lien, LogementActuel, Membre, Menage, NumeroUnique, Ressources, Situation,
};
use clef_domain::logement::Logement;
use clef_domain::offre::{Financement, Reservataire, Typologie, Zone};
use clef_domain::territoire::ParametresTerritoire;
use clef_domain::{Euros, Jour, Surface, jour};
use std::collections::BTreeSet;

pub const JOUR: Jour = jour!(2026, 11, 22);

pub fn territoire() -> ParametresTerritoire {
    ParametresTerritoire::bethune_demo()
}

pub fn logement(dans_qpv: bool) -> Logement {
    Logement {
        financement: Financement::Plus,
        zone: Zone::AutresRegions,
        annee: 2026,
        typologie: Typologie::T3,
        pieces: 3,
        surface: Surface::from_dixiemes(650),
        loyer: Euros::from_euros(420),
        charges: Euros::from_euros(80),
        dans_qpv,
        reservataire: Reservataire::Etat,
    }
}

pub fn numero(n: u32) -> NumeroUnique {
    NumeroUnique::parse(&format!("0622311{n:011}")).unwrap()
}

/// A couple with one child, filed on `date_depot`, with the given income and situations.
pub fn demande(date_depot: Jour, rfr_n2_euros: i64, situations: &[Situation]) -> Demande {
    let membres = vec![
        Membre {
            age: 35,
            lien: Lien::Demandeur,
            a_charge: false,
            handicap: situations.contains(&Situation::Handicap),
        },
        Membre {
            age: 33,
            lien: Lien::Conjoint,
            a_charge: false,
            handicap: false,
        },
        Membre {
            age: 6,
            lien: Lien::Enfant,
            a_charge: true,
            handicap: false,
        },
    ];
    Demande {
        numero_unique: numero(1),
        date_depot,
        menage: Menage::new(membres).unwrap(),
        ressources: Ressources {
            rfr_n2: Euros::from_euros(rfr_n2_euros),
            rfr_n1: None,
        },
        logement_actuel: LogementActuel::default(),
        situations: situations.iter().copied().collect::<BTreeSet<_>>(),
    }
}
