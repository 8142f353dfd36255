//! What the household declares about its situation: the priorities of the law and the
//! other facts a scoring grid may weigh.

use crate::argent::Euros;
use crate::offre::{Code, serde_par_code};
use crate::surface::Surface;

/// A situation a household declares (and later proves). The DALO recognition
/// (L.441-2-3) and the categories of code de la construction et de l'habitation
/// L.441-1 a) to m), in the article's order and in its own words, are the priorities the
/// scoring grid must cover; the others are common local criteria, and the rehousing
/// operations the social-mix targets count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Situation {
    /// Recognised priority and urgent by the DALO mediation commission (L.441-2-3).
    Dalo,
    /// a) Disabled person in the sense of CASF L.114, or family with a disabled dependant.
    Handicap,
    /// b) Leaving an *appartement de coordination thérapeutique* (CASF L.312-1, 9°).
    SortieAct,
    /// c) Badly housed or disadvantaged, or facing particular housing difficulties for
    /// financial reasons or because of their living conditions.
    DifficultesFinancieres,
    /// d) Accommodated or housed temporarily in an establishment or transitional housing.
    SortieHebergement,
    /// e) *Reprenant une activité après une période de chômage de longue durée.*
    RepriseActivite,
    /// f) Exposed to *habitat indigne* (unfit, insalubrious or dangerous housing).
    LogementIndigne,
    /// g) Victim of violence within the couple.
    ViolencesConjugales,
    /// g) Threatened with forced marriage.
    MariageForce,
    /// g bis) Victim of rape or sexual assault in or near their home (loi ELAN, art. 114).
    ViolencesSexuelles,
    /// h) and i) On the exit path from prostitution, or victim of trafficking or pimping.
    ProstitutionTraite,
    /// j) With a minor child, in manifestly overcrowded or non-decent housing.
    SurOccupationAvecEnfant,
    /// k) Without housing, including those housed by third parties.
    SansLogement,
    /// l) Threatened with eviction without rehousing.
    MenaceExpulsion,
    /// m) Under 21, formerly in the care of child welfare (ASE) (loi n° 2022-140).
    SortieAse,
    /// Wants to live closer to work (long commute).
    RapprochementTravail,
    /// Separating or divorcing.
    Separation,
    /// Adult living with their parents.
    HebergeChezParents,
    /// Already a social tenant, asking to move (*mutation*).
    Mutation,
    /// Rehoused by an urban renewal operation (ANRU): counts with the first quartile
    /// outside QPV (L.441-1).
    RelogementRenouvellementUrbain,
    /// Rehoused by an *opération de requalification des copropriétés dégradées* (ORCOD):
    /// counts with the first quartile outside QPV, like urban renewal (L.441-1).
    RelogementOrcod,
}

impl Situation {
    /// The priorities: the DALO and the categories of L.441-1, what the grid must cover
    /// and what the réservataires' 25 % target counts (loi Égalité et Citoyenneté, 2017).
    pub fn prioritaire(self) -> bool {
        !matches!(
            self,
            Situation::RapprochementTravail
                | Situation::Separation
                | Situation::HebergeChezParents
                | Situation::Mutation
                | Situation::RelogementRenouvellementUrbain
                | Situation::RelogementOrcod
        )
    }

    /// The letter of L.441-1 the priority follows (`None` for the DALO and local criteria).
    pub fn lettre_l441_1(self) -> Option<&'static str> {
        Some(match self {
            Situation::Handicap => "a",
            Situation::SortieAct => "b",
            Situation::DifficultesFinancieres => "c",
            Situation::SortieHebergement => "d",
            Situation::RepriseActivite => "e",
            Situation::LogementIndigne => "f",
            Situation::ViolencesConjugales | Situation::MariageForce => "g",
            Situation::ViolencesSexuelles => "g bis",
            Situation::ProstitutionTraite => "h, i",
            Situation::SurOccupationAvecEnfant => "j",
            Situation::SansLogement => "k",
            Situation::MenaceExpulsion => "l",
            Situation::SortieAse => "m",
            _ => return None,
        })
    }

    /// A rehousing operation whose households count with the first quartile outside QPV.
    pub fn relogement(self) -> Option<OperationRelogement> {
        match self {
            Situation::RelogementRenouvellementUrbain => {
                Some(OperationRelogement::RenouvellementUrbain)
            }
            Situation::RelogementOrcod => Some(OperationRelogement::Orcod),
            _ => None,
        }
    }

    /// Shown only to the applicant, their mandated advisor and, once shortlisted, the
    /// landlord's commission: health, violence and exploitation.
    pub fn sensible(self) -> bool {
        matches!(
            self,
            Situation::Handicap
                | Situation::SortieAct
                | Situation::ViolencesConjugales
                | Situation::MariageForce
                | Situation::ViolencesSexuelles
                | Situation::ProstitutionTraite
        )
    }
}

/// An operation that rehouses households, counted with the first quartile outside QPV
/// (L.441-1): urban renewal, or the requalification of run-down co-ownerships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationRelogement {
    RenouvellementUrbain,
    Orcod,
}

impl Code for OperationRelogement {
    const TOUS: &'static [Self] = &[
        OperationRelogement::RenouvellementUrbain,
        OperationRelogement::Orcod,
    ];

    fn code(self) -> &'static str {
        match self {
            OperationRelogement::RenouvellementUrbain => "renouvellement_urbain",
            OperationRelogement::Orcod => "orcod",
        }
    }
}

serde_par_code!(OperationRelogement);

impl Code for Situation {
    const TOUS: &'static [Self] = &[
        Situation::Dalo,
        Situation::Handicap,
        Situation::SortieAct,
        Situation::DifficultesFinancieres,
        Situation::SortieHebergement,
        Situation::RepriseActivite,
        Situation::LogementIndigne,
        Situation::ViolencesConjugales,
        Situation::MariageForce,
        Situation::ViolencesSexuelles,
        Situation::ProstitutionTraite,
        Situation::SurOccupationAvecEnfant,
        Situation::SansLogement,
        Situation::MenaceExpulsion,
        Situation::SortieAse,
        Situation::RapprochementTravail,
        Situation::Separation,
        Situation::HebergeChezParents,
        Situation::Mutation,
        Situation::RelogementRenouvellementUrbain,
        Situation::RelogementOrcod,
    ];

    fn code(self) -> &'static str {
        match self {
            Situation::Dalo => "dalo",
            Situation::Handicap => "handicap",
            Situation::SortieAct => "sortie_act",
            Situation::DifficultesFinancieres => "difficultes_financieres",
            Situation::SortieHebergement => "sortie_hebergement",
            Situation::RepriseActivite => "reprise_activite",
            Situation::LogementIndigne => "logement_indigne",
            Situation::ViolencesConjugales => "violences_conjugales",
            Situation::MariageForce => "mariage_force",
            Situation::ViolencesSexuelles => "violences_sexuelles",
            Situation::ProstitutionTraite => "prostitution_traite",
            Situation::SurOccupationAvecEnfant => "sur_occupation",
            Situation::SansLogement => "sans_logement",
            Situation::MenaceExpulsion => "menace_expulsion",
            Situation::SortieAse => "sortie_ase",
            Situation::RapprochementTravail => "rapprochement_travail",
            Situation::Separation => "separation",
            Situation::HebergeChezParents => "heberge_chez_parents",
            Situation::Mutation => "mutation",
            Situation::RelogementRenouvellementUrbain => "relogement_renouvellement_urbain",
            Situation::RelogementOrcod => "relogement_orcod",
        }
    }

    /// Reads a code, and the one stored before the criterion took the law's wording
    /// (`reinsertion`, now *reprise d'activité*, L.441-1 e).
    fn depuis_code(code: &str) -> Option<Self> {
        if code.trim().eq_ignore_ascii_case("reinsertion") {
            return Some(Situation::RepriseActivite);
        }
        Self::TOUS
            .iter()
            .copied()
            .find(|v| v.code().eq_ignore_ascii_case(code.trim()))
    }
}

serde_par_code!(Situation);

/// Where the household lives now: what rent burden and space per person are computed from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogementActuel {
    /// Monthly rent with charges, if the household pays one.
    #[serde(default)]
    pub loyer_charges: Option<Euros>,
    /// Monthly housing benefit received.
    #[serde(default)]
    pub aide_logement: Option<Euros>,
    #[serde(default)]
    pub surface: Option<Surface>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    /// CCH L.441-1 as in force since 23 February 2022: letters a) to m) with g bis)
    /// (loi ELAN, 2018) and m) (loi n° 2022-140); h) and i) are asked as one question.
    fn the_dalo_and_every_letter_of_l441_1_are_the_priorities_in_the_articles_order() {
        let lettres: Vec<_> = Situation::TOUS
            .iter()
            .filter(|s| s.prioritaire())
            .map(|s| s.lettre_l441_1().unwrap_or("dalo"))
            .collect();
        assert_eq!(
            lettres,
            [
                "dalo", "a", "b", "c", "d", "e", "f", "g", "g", "g bis", "h, i", "j", "k", "l", "m"
            ]
        );
        for s in Situation::TOUS {
            assert_eq!(
                s.prioritaire(),
                s == &Situation::Dalo || s.lettre_l441_1().is_some()
            );
        }
        assert!(!Situation::Mutation.prioritaire());
    }

    #[test]
    fn health_violence_and_exploitation_are_sensitive() {
        for s in [
            Situation::Handicap,
            Situation::SortieAct,
            Situation::ViolencesConjugales,
            Situation::MariageForce,
            Situation::ViolencesSexuelles,
            Situation::ProstitutionTraite,
        ] {
            assert!(s.sensible(), "{s:?}");
        }
        assert!(!Situation::SansLogement.sensible());
    }

    #[test]
    fn the_old_reinsertion_code_reads_as_the_laws_reprise_d_activite() {
        assert_eq!(
            Situation::depuis_code("reinsertion"),
            Some(Situation::RepriseActivite)
        );
        for s in Situation::TOUS {
            assert_eq!(Situation::depuis_code(s.code()), Some(*s));
        }
    }

    #[test]
    fn urban_renewal_and_orcod_rehousing_are_operations_not_priorities() {
        assert_eq!(
            Situation::RelogementOrcod.relogement(),
            Some(OperationRelogement::Orcod)
        );
        assert_eq!(
            Situation::RelogementRenouvellementUrbain.relogement(),
            Some(OperationRelogement::RenouvellementUrbain)
        );
        assert!(!Situation::RelogementOrcod.prioritaire());
    }
}
