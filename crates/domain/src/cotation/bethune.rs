//! The demonstration grid of the Béthune-Bruay territory. It covers every priority of
//! L.441-1 and the DALO, plus seniority, rent burden, space, single parents, getting closer
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
            "Vous, ou une personne qui vivra avec vous, êtes en situation de handicap.",
            None,
            drapeau(Situation::Handicap, 15),
        ),
        critere(
            "violences_conjugales",
            "Victime de violences conjugales",
            "Vous êtes victime de violences au sein du couple ou de la famille.",
            None,
            drapeau(Situation::ViolencesConjugales, 20),
        ),
        critere(
            "menace_expulsion",
            "Menacé d'expulsion sans relogement",
            "Une procédure d'expulsion est engagée contre vous et vous n'avez pas de solution de relogement.",
            None,
            drapeau(Situation::MenaceExpulsion, 20),
        ),
        critere(
            "prostitution_traite",
            "Exposé à la prostitution ou à la traite",
            "Vous êtes engagé dans un parcours de sortie de la prostitution ou victime de traite des êtres humains.",
            None,
            drapeau(Situation::ProstitutionTraite, 20),
        ),
        critere(
            "sans_logement",
            "Sans logement ou hébergé par des tiers",
            "Vous n'avez pas de logement à vous : à la rue, ou hébergé par de la famille ou des amis. Ne se cumule pas avec la sortie d'hébergement ni le logement indigne.",
            Some("urgence"),
            drapeau(Situation::SansLogement, 15),
        ),
        critere(
            "sortie_hebergement",
            "Sortant d'un hébergement d'urgence ou temporaire",
            "Vous êtes hébergé dans une structure d'hébergement ou un logement temporaire. Ne se cumule pas avec « sans logement » ni le logement indigne.",
            Some("urgence"),
            drapeau(Situation::SortieHebergement, 15),
        ),
        critere(
            "logement_indigne",
            "Logement indigne ou insalubre",
            "Votre logement actuel est reconnu indigne, insalubre ou dangereux. Ne se cumule pas avec « sans logement » ni la sortie d'hébergement.",
            Some("urgence"),
            drapeau(Situation::LogementIndigne, 12),
        ),
        critere(
            "sur_occupation",
            "Logement sur-occupé avec enfant ou personne handicapée",
            "Votre logement actuel est trop petit pour votre ménage, qui compte un enfant mineur ou une personne handicapée. Ne se cumule pas avec le critère de surface par personne.",
            Some("surface"),
            drapeau(Situation::SurOccupationAvecEnfantOuHandicap, 10),
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
            "reinsertion",
            "Parcours d'insertion professionnelle",
            "Vous suivez un parcours d'insertion ou de retour à l'emploi accompagné.",
            None,
            drapeau(Situation::Reinsertion, 5),
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
