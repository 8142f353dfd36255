//! The French (or other locale's) words for the domain's closed sets of values.

use crate::i18n::*;
use clef_domain::offre::{Financement, Reservataire, Typologie, Zone};
use clef_domain::recherche::{FiltreEtat, Tri};
use leptos_i18n::I18nContext;

pub fn typologie(i18n: I18nContext<Locale>, t: Typologie) -> String {
    match t {
        Typologie::T1 => tu_string!(i18n, typologie.t1),
        Typologie::T2 => tu_string!(i18n, typologie.t2),
        Typologie::T3 => tu_string!(i18n, typologie.t3),
        Typologie::T4 => tu_string!(i18n, typologie.t4),
        Typologie::T5 => tu_string!(i18n, typologie.t5),
        Typologie::T6 => tu_string!(i18n, typologie.t6),
    }
    .to_string()
}

pub fn financement(i18n: I18nContext<Locale>, f: Financement) -> String {
    match f {
        Financement::Plai => tu_string!(i18n, financement.plai),
        Financement::Plus => tu_string!(i18n, financement.plus),
        Financement::Pls => tu_string!(i18n, financement.pls),
    }
    .to_string()
}

pub fn reservataire(i18n: I18nContext<Locale>, r: Reservataire) -> String {
    match r {
        Reservataire::Etat => tu_string!(i18n, reservataire.etat),
        Reservataire::ActionLogement => tu_string!(i18n, reservataire.action_logement),
        Reservataire::Collectivite => tu_string!(i18n, reservataire.collectivite),
        Reservataire::Bailleur => tu_string!(i18n, reservataire.bailleur),
    }
    .to_string()
}

pub fn etat(i18n: I18nContext<Locale>, e: FiltreEtat) -> String {
    match e {
        FiltreEtat::Ouvertes => tu_string!(i18n, etat.ouvertes),
        FiltreEtat::AVenir => tu_string!(i18n, etat.a_venir),
        FiltreEtat::Cloturees => tu_string!(i18n, etat.cloturees),
        FiltreEtat::Toutes => tu_string!(i18n, etat.toutes),
    }
    .to_string()
}

pub fn tri(i18n: I18nContext<Locale>, t: Tri) -> String {
    match t {
        Tri::ClotureProche => tu_string!(i18n, tri.cloture),
        Tri::PlusRecentes => tu_string!(i18n, tri.recentes),
        Tri::LoyerCroissant => tu_string!(i18n, tri.loyer),
        Tri::LoyerDecroissant => tu_string!(i18n, tri.loyer_desc),
        Tri::SurfaceDecroissante => tu_string!(i18n, tri.surface_desc),
    }
    .to_string()
}

pub fn zone(i18n: I18nContext<Locale>, z: Zone) -> String {
    match z {
        Zone::ParisCommunesLimitrophes => {
            tu_string!(i18n, plafonds.zone_paris_communes_limitrophes)
        }
        Zone::IleDeFrance => tu_string!(i18n, plafonds.zone_ile_de_france),
        Zone::AutresRegions => tu_string!(i18n, plafonds.zone_autres_regions),
    }
    .to_string()
}

/// The household of a ceiling category (1 to 6), as the law words it.
pub fn categorie(i18n: I18nContext<Locale>, categorie: usize) -> String {
    match categorie {
        1 => tu_string!(i18n, plafonds.c1),
        2 => tu_string!(i18n, plafonds.c2),
        3 => tu_string!(i18n, plafonds.c3),
        4 => tu_string!(i18n, plafonds.c4),
        5 => tu_string!(i18n, plafonds.c5),
        _ => tu_string!(i18n, plafonds.c6),
    }
    .to_string()
}

/// The message shown next to an invalid field.
pub fn erreur_champ(i18n: I18nContext<Locale>, erreur: &clef_domain::ErreurChamp) -> String {
    use clef_domain::CodeErreur;
    match &erreur.code {
        CodeErreur::ValeurInconnue if erreur.champ == clef_domain::recherche::champ::COMMUNE => {
            tu_string!(i18n, erreur_champ.commune_inconnue).to_string()
        }
        CodeErreur::ValeurInconnue => tu_string!(i18n, erreur_champ.valeur_inconnue).to_string(),
        CodeErreur::PasUnNombre => tu_string!(i18n, erreur_champ.pas_un_nombre).to_string(),
        CodeErreur::HorsLimites { min, max } => {
            let (min, max) = (*min, *max);
            tu_string!(i18n, erreur_champ.hors_limites, min, max).to_string()
        }
        CodeErreur::Repete => tu_string!(i18n, erreur_champ.repete).to_string(),
        CodeErreur::Requis => tu_string!(i18n, erreur_champ.requis).to_string(),
        CodeErreur::FormatInvalide => tu_string!(i18n, erreur_champ.format_invalide).to_string(),
        CodeErreur::Incoherent { .. } => tu_string!(i18n, erreur_champ.incoherent).to_string(),
    }
}
