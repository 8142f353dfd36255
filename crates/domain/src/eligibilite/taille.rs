//! The size of the home for the household, as the territory applies it:
//! - overcrowding: less than 9 m² for one person, 16 m² for two, 9 m² more per extra
//!   person, up to 70 m² for eight or more (code de la sécurité sociale, D.542-14);
//! - under-occupation: more habitable rooms than occupants plus one (code de la
//!   construction et de l'habitation, L.621-2).

use super::{Detail, Occupation, ResultatRegle, Source, Statut};
use crate::demande::Menage;
use crate::logement::Logement;
use crate::surface::Surface;
use crate::territoire::{Exigence, ParametresTerritoire};
use std::borrow::Cow;

/// The smallest surface not overcrowded for `personnes` people.
pub fn surface_minimale(personnes: usize) -> Surface {
    let m2 = match personnes {
        0 | 1 => 9,
        n => (16 + 9 * (n as u32 - 2)).min(70),
    };
    Surface::from_dixiemes(m2 * 10)
}

pub(super) fn verifier(
    menage: &Menage,
    logement: &Logement,
    territoire: &ParametresTerritoire,
) -> ResultatRegle {
    let personnes = menage.personnes();
    let surface_minimale = surface_minimale(personnes);
    let pieces_max = (personnes + 1).min(usize::from(u8::MAX)) as u8;
    // A home can be both too small and have too many rooms (a studio split in four): the
    // condition the territory treats most severely is the one that counts.
    let gravite = |e: Exigence| match e {
        Exigence::Refus => 0,
        Exigence::Alerte => 1,
        Exigence::Ignoree => 2,
    };
    let (occupation, exigence) = [
        (
            logement.surface < surface_minimale,
            Occupation::SurOccupation,
            territoire.sur_occupation,
        ),
        (
            logement.pieces > pieces_max,
            Occupation::SousOccupation,
            territoire.sous_occupation,
        ),
    ]
    .into_iter()
    .filter(|(vrai, _, _)| *vrai)
    .min_by_key(|(_, _, exigence)| gravite(*exigence))
    .map_or((Occupation::Adaptee, Exigence::Refus), |(_, o, e)| (o, e));
    let statut = match (occupation, exigence) {
        (Occupation::Adaptee, _) => Statut::Respectee,
        (_, Exigence::Refus) => Statut::NonRespectee,
        (_, Exigence::Alerte) => Statut::Alerte,
        (_, Exigence::Ignoree) => Statut::NonVerifiee,
    };
    ResultatRegle {
        statut,
        detail: Detail::TailleLogement {
            personnes: personnes.min(usize::from(u8::MAX)) as u8,
            surface: logement.surface,
            surface_minimale,
            pieces: logement.pieces,
            pieces_max,
            occupation,
        },
        source: Source {
            texte: Cow::Borrowed(match occupation {
                Occupation::SousOccupation => {
                    "Code de la construction et de l'habitation, L.621-2, règle du territoire"
                }
                _ => "Code de la sécurité sociale, D.542-14, règle du territoire",
            }),
            annee: None,
        },
    }
}
