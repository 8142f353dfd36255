//! What the household declares about its situation: the priorities of the law and the
//! other facts a scoring grid may weigh.

use crate::argent::Euros;
use crate::offre::{Code, serde_par_code};
use crate::surface::Surface;

/// A situation a household declares (and later proves). The first ten are the priorities
/// the scoring grid must cover (code de la construction et de l'habitation, L.441-1, and
/// the DALO recognition, L.441-2-3); the others are common local criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Situation {
    /// Recognised priority and urgent by the DALO commission (L.441-2-3).
    Dalo,
    /// Disabled person, or household with a disabled member (L.441-1 a).
    Handicap,
    /// Leaving emergency or temporary accommodation (L.441-1 c).
    SortieHebergement,
    /// Without housing, or housed by others (L.441-1 d).
    SansLogement,
    /// Living in unfit, insalubrious or dangerous housing (L.441-1 e).
    LogementIndigne,
    /// Victim of domestic violence (L.441-1 g).
    ViolencesConjugales,
    /// Threatened with eviction without rehousing (L.441-1 h).
    MenaceExpulsion,
    /// Overcrowded, with a dependent child or a disabled member (L.441-1 f).
    SurOccupationAvecEnfantOuHandicap,
    /// In a professional reintegration path (L.441-1 b).
    Reinsertion,
    /// Exposed to prostitution or human trafficking (L.441-1 i).
    ProstitutionTraite,
    /// Wants to live closer to work (long commute).
    RapprochementTravail,
    /// Separating or divorcing.
    Separation,
    /// Adult living with their parents.
    HebergeChezParents,
    /// Already a social tenant, asking to move (*mutation*).
    Mutation,
}

impl Situation {
    /// Priority households in the sense of L.441-1 (and DALO): what the réservataires'
    /// 25 % target counts (loi Égalité et Citoyenneté, 2017).
    pub fn prioritaire(self) -> bool {
        !matches!(
            self,
            Situation::RapprochementTravail
                | Situation::Separation
                | Situation::HebergeChezParents
                | Situation::Mutation
        )
    }

    /// Shown only to the applicant, their mandated advisor and, once shortlisted, the
    /// landlord's commission.
    pub fn sensible(self) -> bool {
        matches!(
            self,
            Situation::Handicap | Situation::ViolencesConjugales | Situation::ProstitutionTraite
        )
    }
}

impl Code for Situation {
    const TOUS: &'static [Self] = &[
        Situation::Dalo,
        Situation::Handicap,
        Situation::SortieHebergement,
        Situation::SansLogement,
        Situation::LogementIndigne,
        Situation::ViolencesConjugales,
        Situation::MenaceExpulsion,
        Situation::SurOccupationAvecEnfantOuHandicap,
        Situation::Reinsertion,
        Situation::ProstitutionTraite,
        Situation::RapprochementTravail,
        Situation::Separation,
        Situation::HebergeChezParents,
        Situation::Mutation,
    ];

    fn code(self) -> &'static str {
        match self {
            Situation::Dalo => "dalo",
            Situation::Handicap => "handicap",
            Situation::SortieHebergement => "sortie_hebergement",
            Situation::SansLogement => "sans_logement",
            Situation::LogementIndigne => "logement_indigne",
            Situation::ViolencesConjugales => "violences_conjugales",
            Situation::MenaceExpulsion => "menace_expulsion",
            Situation::SurOccupationAvecEnfantOuHandicap => "sur_occupation",
            Situation::Reinsertion => "reinsertion",
            Situation::ProstitutionTraite => "prostitution_traite",
            Situation::RapprochementTravail => "rapprochement_travail",
            Situation::Separation => "separation",
            Situation::HebergeChezParents => "heberge_chez_parents",
            Situation::Mutation => "mutation",
        }
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
    fn the_l441_1_situations_and_dalo_are_the_priority_ones() {
        let prioritaires: Vec<_> = Situation::TOUS.iter().filter(|s| s.prioritaire()).collect();
        assert_eq!(prioritaires.len(), 10);
        assert!(!Situation::Mutation.prioritaire());
        assert!(Situation::ViolencesConjugales.sensible());
    }
}
