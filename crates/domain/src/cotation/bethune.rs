//! The demonstration grid of the Béthune-Bruay territory. It covers the DALO and every
//! priority of L.441-1 (letters a to m, each cited in its explanation), plus seniority, rent burden, space, single parents, getting closer
//! to work, and a social-mix bonus. Weights sit in the range of published grids (Rhône:
//! eviction threat 20, single parent 5, excessive rent burden 10); they are for
//! demonstration, not a territory's decision.

use super::grille::{Condition, Critere, Fait, Grille, Mesure, Regle, Tranche};
use crate::demande::Situation;
use crate::jour;

fn critere(
    id: &str,
    libelle: &str,
    explication: &str,
    groupe: Option<&str>,
    regle: Regle,
) -> Critere {
    Critere {
        id: id.into(),
        libelle: libelle.into(),
        explication: explication.into(),
        groupe: groupe.map(Into::into),
        regle,
    }
}

fn drapeau(situation: Situation, points: u32) -> Regle {
    Regle::Drapeau {
        fait: Fait::Situation(situation),
        points,
    }
}

/// Version 1 of the demonstration grid, in force from 1 January 2026.
pub fn grille_bethune() -> Grille {
    let criteres = vec![
        critere(
            "dalo",
            "Reconnu prioritaire au titre du DALO",
            "La commission de médiation a reconnu votre demande prioritaire et urgente (droit au logement opposable).",
            None,
            drapeau(Situation::Dalo, 30),
        ),
        critere(
            "handicap",
            "Personne en situation de handicap",
            "Vous, ou une personne à votre charge, êtes en situation de handicap (L.441-1 a).",
            None,
            drapeau(Situation::Handicap, 15),
        ),
        critere(
            "sortie_act",
            "Sortant d'un appartement de coordination thérapeutique",
            "Vous sortez d'un appartement de coordination thérapeutique (L.441-1 b).",
            None,
            drapeau(Situation::SortieAct, 15),
        ),
        critere(
            "difficultes_financieres",
            "Mal logé ou défavorisé, difficultés financières",
            "Vous êtes mal logé ou défavorisé, ou vous avez des difficultés particulières de logement pour des raisons financières ou de conditions de vie (L.441-1 c).",
            None,
            drapeau(Situation::DifficultesFinancieres, 8),
        ),
        critere(
            "violences_conjugales",
            "Victime de violences au sein du couple",
            "Vous êtes victime de violences au sein du couple (L.441-1 g).",
            Some("violences"),
            drapeau(Situation::ViolencesConjugales, 20),
        ),
        critere(
            "mariage_force",
            "Menacé de mariage forcé",
            "Vous êtes menacé de mariage forcé (L.441-1 g). Ne se cumule pas avec les autres violences.",
            Some("violences"),
            drapeau(Situation::MariageForce, 20),
        ),
        critere(
            "violences_sexuelles",
            "Victime de viol ou d'agression sexuelle à son domicile",
            "Vous êtes victime de viol ou d'agression sexuelle à votre domicile ou à ses abords, et la justice a interdit à l'auteur de vous approcher (L.441-1 g bis). Ne se cumule pas avec les autres violences.",
            Some("violences"),
            drapeau(Situation::ViolencesSexuelles, 20),
        ),
        critere(
            "menace_expulsion",
            "Menacé d'expulsion sans relogement",
            "Une procédure d'expulsion est engagée contre vous et vous n'avez pas de solution de relogement (L.441-1 l).",
            None,
            drapeau(Situation::MenaceExpulsion, 20),
        ),
        critere(
            "prostitution_traite",
            "Sortie de la prostitution, victime de traite ou de proxénétisme",
            "Vous êtes engagé dans un parcours de sortie de la prostitution, ou victime de traite des êtres humains ou de proxénétisme (L.441-1 h et i).",
            None,
            drapeau(Situation::ProstitutionTraite, 20),
        ),
        critere(
            "sans_logement",
            "Sans logement ou hébergé par des tiers",
            "Vous n'avez pas de logement à vous : à la rue, ou hébergé par de la famille ou des amis (L.441-1 k). Ne se cumule pas avec la sortie d'hébergement ni le logement indigne.",
            Some("urgence"),
            drapeau(Situation::SansLogement, 15),
        ),
        critere(
            "sortie_hebergement",
            "Hébergé ou logé temporairement",
            "Vous êtes hébergé ou logé temporairement dans un établissement ou un logement de transition (L.441-1 d). Ne se cumule pas avec « sans logement » ni le logement indigne.",
            Some("urgence"),
            drapeau(Situation::SortieHebergement, 15),
        ),
        critere(
            "logement_indigne",
            "Exposé à l'habitat indigne",
            "Votre logement actuel est indigne, insalubre ou dangereux (L.441-1 f). Ne se cumule pas avec « sans logement » ni la sortie d'hébergement.",
            Some("urgence"),
            drapeau(Situation::LogementIndigne, 12),
        ),
        critere(
            "sortie_ase",
            "Moins de 21 ans, sortant de l'aide sociale à l'enfance",
            "Vous avez moins de 21 ans et avez été pris en charge par l'aide sociale à l'enfance avant votre majorité (L.441-1 m).",
            None,
            drapeau(Situation::SortieAse, 12),
        ),
        critere(
            "sur_occupation",
            "Enfant mineur, logement sur-occupé ou non décent",
            "Vous avez un enfant mineur à charge et votre logement actuel est manifestement trop petit ou n'est pas décent (L.441-1 j). Ne se cumule pas avec le critère de surface par personne.",
            Some("surface"),
            drapeau(Situation::SurOccupationAvecEnfant, 10),
        ),
        critere(
            "surface_par_personne",
            "Peu de surface par personne",
            "Dans votre logement actuel, chaque personne dispose de moins de 12 m² (moins de 9 m² : plus de points).",
            Some("surface"),
            Regle::Tranches {
                mesure: Mesure::SurfaceParPersonne,
                tranches: vec![
                    Tranche {
                        min: None,
                        max: Some(90),
                        points: 6,
                    },
                    Tranche {
                        min: Some(90),
                        max: Some(120),
                        points: 3,
                    },
                ],
            },
        ),
        critere(
            "reprise_activite",
            "Reprise d'activité après un chômage de longue durée",
            "Vous reprenez une activité après une période de chômage de longue durée (L.441-1 e).",
            None,
            drapeau(Situation::RepriseActivite, 5),
        ),
        critere(
            "anciennete",
            "Ancienneté de la demande",
            "1 point par mois entier depuis le dépôt de votre demande, jusqu'à 24 points (deux ans).",
            None,
            Regle::Anciennete {
                points_par_mois: 1,
                plafond: 24,
            },
        ),
        critere(
            "taux_effort",
            "Loyer actuel trop lourd",
            "Votre loyer actuel, charges comprises et aide au logement déduite, prend plus de 30 % de vos ressources (plus de 40 % et plus de 50 % : plus de points).",
            None,
            Regle::Tranches {
                mesure: Mesure::TauxEffortActuel,
                tranches: vec![
                    Tranche {
                        min: Some(300),
                        max: Some(400),
                        points: 5,
                    },
                    Tranche {
                        min: Some(400),
                        max: Some(500),
                        points: 8,
                    },
                    Tranche {
                        min: Some(500),
                        max: None,
                        points: 10,
                    },
                ],
            },
        ),
        critere(
            "parent_isole",
            "Parent seul avec enfant",
            "Vous élevez seul au moins un enfant à charge.",
            None,
            Regle::Drapeau {
                fait: Fait::ParentIsole,
                points: 5,
            },
        ),
        critere(
            "rapprochement_travail",
            "Se rapprocher de son travail",
            "Le logement vous rapprocherait de votre lieu de travail, aujourd'hui éloigné.",
            None,
            drapeau(Situation::RapprochementTravail, 4),
        ),
        critere(
            "separation",
            "Séparation ou divorce",
            "Vous êtes en cours de séparation ou de divorce.",
            None,
            drapeau(Situation::Separation, 3),
        ),
        critere(
            "heberge_chez_parents",
            "Hébergé chez ses parents",
            "Vous êtes adulte et vivez chez vos parents faute de logement à vous.",
            None,
            drapeau(Situation::HebergeChezParents, 3),
        ),
        critere(
            "mixite_q1_hors_qpv",
            "Mixité sociale : ménage aux ressources modestes hors quartier prioritaire",
            "Vos ressources par unité de consommation sont parmi les 25 % les plus faibles et le logement est hors quartier prioritaire : la loi fixe un objectif d'au moins 25 % de ces attributions.",
            None,
            Regle::Contexte {
                condition: Condition::PremierQuartileHorsQpv,
                points: 5,
            },
        ),
    ];
    // The grid above is valid by construction (a test checks it).
    Grille::new("bethune-bruay".into(), 1, jour!(2026, 1, 1), criteres)
        .unwrap_or_else(|e| panic!("grille de démonstration invalide : {e:?}"))
}
