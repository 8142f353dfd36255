//! Households, homes and territory shared by the integration tests.
#![allow(dead_code)]

use clef_domain::demande::{
    Demande, Lien, LogementActuel, Membre, Menage, NumeroUnique, Ressources, Situation,
};
use clef_domain::logement::Logement;
use clef_domain::offre::Code;
use clef_domain::offre::{Financement, Reservataire, Typologie, Zone};
use clef_domain::territoire::ParametresTerritoire;
use clef_domain::{Euros, Jour, Surface, jour};
use proptest::prelude::*;
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
            carte_invalidite: false,
            ressources_mensuelles: None,
        },
        Membre {
            age: 33,
            lien: Lien::Conjoint,
            a_charge: false,
            carte_invalidite: false,
            ressources_mensuelles: None,
        },
        Membre {
            age: 6,
            lien: Lien::Enfant,
            a_charge: true,
            carte_invalidite: false,
            ressources_mensuelles: None,
        },
    ];
    Demande {
        numero_unique: numero(1),
        date_depot,
        menage: Menage::new(membres).unwrap(),
        ressources: Ressources {
            rfr_n2: Euros::from_euros(rfr_n2_euros),
            rfr_n1: None,
            douze_derniers_mois: None,
        },
        logement_actuel: LogementActuel::default(),
        situations: situations.iter().copied().collect::<BTreeSet<_>>(),
    }
}

/// Any member but the applicant.
pub fn membre() -> impl Strategy<Value = Membre> {
    (
        0u8..90,
        prop::sample::select(vec![
            Lien::Conjoint,
            Lien::Enfant,
            Lien::Ascendant,
            Lien::Autre,
        ]),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(age, lien, a_charge, carte_invalidite)| Membre {
            age,
            lien,
            a_charge: a_charge && lien != Lien::Conjoint,
            carte_invalidite,
            ressources_mensuelles: None,
        })
}

/// Any valid household, with resources, a current home or none, and situations.
pub fn demande_quelconque() -> impl Strategy<Value = Demande> {
    (
        18u8..80,
        prop::collection::vec(membre(), 0..6),
        0i64..70_000,
        prop::option::of(0i64..70_000),
        prop::collection::btree_set(prop::sample::select(Situation::TOUS), 0..4),
        -3_000i32..0,
        prop::option::of((0i64..1_500, 0i64..300, 100u32..1_200)),
    )
        .prop_filter_map(
            "ménage valide",
            |(age, autres, n2, n1, situations, depot, actuel)| {
                let mut membres = vec![Membre {
                    age,
                    lien: Lien::Demandeur,
                    a_charge: false,
                    carte_invalidite: false,
                    ressources_mensuelles: None,
                }];
                let mut conjoint = false;
                for m in autres {
                    if m.lien == Lien::Conjoint && std::mem::replace(&mut conjoint, true) {
                        continue;
                    }
                    membres.push(m);
                }
                Some(Demande {
                    numero_unique: numero(7),
                    date_depot: JOUR.plus_jours(depot),
                    menage: Menage::new(membres).ok()?,
                    ressources: Ressources {
                        rfr_n2: Euros::from_euros(n2),
                        rfr_n1: n1.map(Euros::from_euros),
                        douze_derniers_mois: None,
                    },
                    logement_actuel: actuel.map_or(
                        LogementActuel::default(),
                        |(loyer, aide, surface)| LogementActuel {
                            loyer_charges: Some(Euros::from_euros(loyer)),
                            aide_logement: Some(Euros::from_euros(aide)),
                            surface: Some(Surface::from_dixiemes(surface)),
                        },
                    ),
                    situations,
                })
            },
        )
}
