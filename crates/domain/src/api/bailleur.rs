//! What landlord staff see of their own organisation's listings.

use super::OffreResume;
use crate::cotation::Score;
use crate::eligibilite::{NomRegle, Statut, Verdict};
use crate::jour::Jour;
use serde::{Deserialize, Serialize};

/// One of the organisation's listings, with its applications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffreBailleur {
    pub offre: OffreResume,
    /// Applications filed and not withdrawn.
    pub candidatures: u32,
    /// The day the ranking was frozen, once it is.
    pub classee_le: Option<Jour>,
    /// The lease is signed and the result published.
    pub attribuee: bool,
    /// What staff may do with it today (`SituationOffre::actions`): the screens offer these
    /// and the server refuses the others.
    pub actions: Vec<crate::suite::ActionOffre>,
}

impl OffreBailleur {
    /// Whether the listing is at `etape` (any, when `None`) and names every word of
    /// `recherche` in its title, commune or number, whatever the case and accents.
    pub fn correspond(&self, etape: Option<crate::suite::EtapeOffre>, recherche: &str) -> bool {
        if etape.is_some_and(|e| e != self.etape()) {
            return false;
        }
        let o = &self.offre;
        let texte = crate::adresse::simplifie(&format!("{} {} {}", o.titre, o.commune, o.id));
        crate::adresse::simplifie(recherche)
            .split_whitespace()
            .all(|mot| texte.contains(mot))
    }
}

/// One candidate of a frozen ranking, anonymised: an application number, never a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatClasse {
    pub candidature_id: i64,
    /// `None` when not eligible.
    pub rang: Option<u32>,
    /// Each eligibility rule and its outcome, nothing of the numbers it used.
    pub regles: Vec<RegleAnonyme>,
    /// Before presentation, the lines of sensitive situations are one `protege` line
    /// with their points, and the criteria set aside are left out.
    pub score: Score,
    /// Everything the verdict says (category, income, ceiling), once presented only:
    /// before, the category and the ceiling would let staff infer a disability card
    /// (a household of four in category 6 can only be there through it).
    pub verdict: Option<Verdict>,
}

/// An eligibility rule as staff read it before a candidate is presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegleAnonyme {
    pub regle: NomRegle,
    pub statut: Statut,
}

impl CandidatClasse {
    /// What staff may read of a ranked candidate: before presentation, only what the
    /// commission needs to prepare (each rule's outcome, the points); everything once
    /// presented.
    pub fn new(
        candidature_id: i64,
        rang: Option<u32>,
        verdict: Verdict,
        score: Score,
        presente: bool,
    ) -> CandidatClasse {
        let regles = verdict
            .regles
            .iter()
            .map(|r| RegleAnonyme {
                regle: r.detail.regle(),
                statut: r.statut,
            })
            .collect();
        CandidatClasse {
            candidature_id,
            rang,
            regles,
            score: if presente {
                score
            } else {
                score.sans_situations_sensibles()
            },
            verdict: presente.then_some(verdict),
        }
    }
}

/// A listing's frozen ranking, as the commission prepares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassementOffre {
    pub offre_id: i64,
    pub grille_version: u32,
    pub classe_le: Jour,
    pub candidatures: u32,
    pub eligibles: u32,
    /// Eligible candidates first, in rank order, then the others.
    pub candidats: Vec<CandidatClasse>,
}

/// A candidate as the commission prepares: rank, score, and how choosing them would move
/// the territory's social-mix targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatCommission {
    pub candidature_id: i64,
    pub rang: u32,
    pub score: u32,
    /// "Le choisir porterait la part … de 19 % à 21 %, objectif 25 %".
    pub projection: Vec<crate::mixite::Evolution>,
    /// Choosing them would go against the intercommunal agreement (ACI): a first-quartile
    /// household in a programme the territory classed fragile. A warning, not a refusal.
    #[serde(default)]
    pub contraire_aci: bool,
    /// Among the candidates proposed by default (the first three), before presentation.
    pub propose: bool,
    /// Recognised as a DALO priority: the préfet may designate them (R.441-3).
    #[serde(default)]
    pub dalo: bool,
    /// Presented to the commission.
    pub presente: bool,
    /// Who the candidate is, for the commission and to contact them: only once the
    /// shortlist is sent, and only for the candidates on it. Until then the view is
    /// anonymous, so that no one is chosen or left out by name.
    pub identite: Option<IdentiteCandidat>,
    /// Household size, resources per consumption unit, rent burden (`commission::profil`).
    pub profil: Option<ProfilCandidat>,
}

/// What the commission reads of an anonymous candidate (see `commission::profil`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfilCandidat {
    pub personnes: u8,
    /// Yearly resources per consumption unit.
    pub ressources_par_uc: crate::argent::Euros,
    /// The home's rent and charges over the resources, per mille; `None` without resources.
    pub taux_effort_pour_mille: Option<u32>,
    /// Monthly resources less the home's rent and charges, per consumption unit.
    #[serde(default)]
    pub reste_pour_vivre_par_uc: Option<crate::argent::Euros>,
}

/// A presented candidate's identity as Clef holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentiteCandidat {
    pub numero_unique: String,
    pub email: String,
}

/// The commission's view of a ranked listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commission {
    pub offre_id: i64,
    /// The shortlist was sent.
    pub presentee: bool,
    /// Why fewer than three candidates were presented, if so.
    #[serde(default)]
    pub exception: Option<super::ExceptionTroisCandidats>,
    /// The home is financed PLAI (the *PLAI adapté* exception may apply).
    #[serde(default)]
    pub plai: bool,
    /// The home's programme class under the ACI, if the territory classed it.
    #[serde(default)]
    pub programme: Option<crate::fragilite::Fragilite>,
    /// Eligible candidates in rank order.
    pub candidats: Vec<CandidatCommission>,
}

/// A higher-ranked candidate left out of the shortlist, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PassageSaisi {
    pub candidature_id: i64,
    pub motif: super::MotifPassage,
    /// Free text completing the motive, without names (published).
    pub precision: String,
}

/// Body of `POST /bailleur/offres/{id}/presentation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Presentation {
    /// At least three eligible candidates (R.441-3), in the order presented; fewer only
    /// under `exception`.
    pub candidatures: Vec<i64>,
    #[serde(default)]
    pub passages: Vec<PassageSaisi>,
    /// Why fewer than three, when fewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<super::ExceptionTroisCandidats>,
}

/// Body of `POST /bailleur/offres/{id}/decisions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionSaisie {
    pub candidature_id: i64,
    pub decision: super::Decision,
    /// The day the commission decided, when it was not today (not in the future, not
    /// before the listing closed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub le: Option<crate::jour::Jour>,
}

/// Body of `POST /bailleur/offres/{id}/reponses`: the answer of the candidate the home is
/// offered to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReponseSaisie {
    pub candidature_id: i64,
    pub accepte: bool,
    /// Why, when refused (500 characters at most).
    #[serde(default)]
    pub motif: String,
    /// The day the candidate answered, when it was not today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub le: Option<crate::jour::Jour>,
}

/// Body of `POST /bailleur/offres/{id}/bail`: the lease is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BailSigne {
    pub candidature_id: i64,
}

/// One presented candidate's outcome so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issue {
    pub candidature_id: i64,
    pub rang: u32,
    pub decision: Option<super::Decision>,
    /// How the suspensive condition ended, if the decision had one and it ended.
    #[serde(default)]
    pub condition: Option<super::LeveeCondition>,
    /// `Some(true)` accepted, `Some(false)` refused.
    pub reponse: Option<bool>,
    /// The home is offered to this candidate now: their answer is awaited.
    pub propose: bool,
    /// When the commission decided, and when the candidate answered.
    #[serde(default)]
    pub decide_le: Option<crate::jour::Jour>,
    #[serde(default)]
    pub repondu_le: Option<crate::jour::Jour>,
}

/// The outcome of a listing's commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issues {
    pub offre_id: i64,
    pub candidats: Vec<Issue>,
    /// The lease is signed and the result published.
    pub attribuee: bool,
}

/// Body of `POST /bailleur/offres/{id}/cloture`: closing a listing before its planned day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClotureAnticipee {
    /// Why (1 to 500 characters), kept with the listing.
    pub motif: String,
}

/// How many of the organisation's listings are at each stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffresParEtape {
    pub a_venir: u32,
    pub ouvertes: u32,
    /// Closed, not ranked yet.
    pub a_classer: u32,
    /// Ranked, the commission's outcome not recorded yet.
    pub en_commission: u32,
    pub attribuees: u32,
}

/// The organisation's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TableauDeBord {
    pub offres: OffresParEtape,
    /// Applications filed and not withdrawn, all listings together.
    pub candidatures: u32,
    /// Per listing that received any, in tenths (`35` is 3.5).
    pub candidatures_par_offre_dixiemes: Option<u32>,
    /// Median days from the opening of the window to the signed lease.
    pub delai_median_jours: Option<u32>,
    /// Candidates who refused the home offered to them, out of those who answered.
    pub refus_apres_proposition: crate::mixite::Part,
    /// The social-mix targets over the organisation's lettings...
    pub mixite_bailleur: Vec<crate::mixite::Indicateur>,
    /// ... and over the whole territory's, to compare.
    pub mixite_territoire: Vec<crate::mixite::Indicateur>,
}

/// The middle value (the lower middle for an even count); `None` when empty.
pub fn mediane(valeurs: &mut [u32]) -> Option<u32> {
    valeurs.sort_unstable();
    valeurs.get(valeurs.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::{OffreBailleur, mediane};
    use crate::api::OffreResume;
    use crate::argent::Euros;
    use crate::offre::{EtatOffre, Financement, Reservataire, Typologie, Zone};
    use crate::suite::EtapeOffre;
    use crate::surface::Surface;

    fn offre(
        titre: &str,
        commune: &str,
        etat: EtatOffre,
        classee: bool,
        attribuee: bool,
    ) -> OffreBailleur {
        let jour = crate::jour::Jour::new(2026, 11, 16).expect("jour");
        OffreBailleur {
            offre: OffreResume {
                id: 42,
                titre: titre.into(),
                commune: commune.into(),
                qpv: None,
                typologie: Typologie::T3,
                pieces: 3,
                surface: Surface::from_dixiemes(645),
                zone: Zone::AutresRegions,
                loyer: Euros::from_euros(390),
                charges: Euros::from_euros(80),
                financement: Financement::Plus,
                reservataire: Reservataire::Bailleur,
                accessible_pmr: false,
                photo: None,
                ouverture: jour,
                cloture: jour,
                etat,
                jours_restants: None,
                demo: false,
            },
            candidatures: 0,
            classee_le: classee.then_some(jour),
            attribuee,
            actions: Vec::new(),
        }
    }

    #[test]
    fn a_listing_has_one_stage_and_a_let_one_is_let_whatever_else_it_records() {
        use EtatOffre::*;
        let cas = [
            (AVenir, false, false, EtapeOffre::AVenir),
            (Ouverte, false, false, EtapeOffre::Ouverte),
            (Cloturee, false, false, EtapeOffre::AClasser),
            (Cloturee, true, false, EtapeOffre::Classee),
            (Cloturee, true, true, EtapeOffre::Attribuee),
        ];
        for (etat, classee, attribuee, attendue) in cas {
            let o = offre("T3", "Béthune", etat, classee, attribuee);
            assert_eq!(
                o.etape(),
                attendue,
                "{etat:?} classée {classee} attribuée {attribuee}"
            );
            for filtre in EtapeOffre::TOUTES {
                assert_eq!(o.correspond(Some(filtre), ""), filtre == attendue);
            }
            assert!(o.correspond(None, ""));
            assert_eq!(EtapeOffre::du_code(attendue.code()), Some(attendue));
        }
    }

    #[test]
    fn the_search_finds_every_word_in_title_commune_or_number_whatever_case_and_accents() {
        let o = offre(
            "T3 lumineux près de la gare",
            "Béthune",
            EtatOffre::Ouverte,
            false,
            false,
        );
        for trouvee in [
            "",
            "  ",
            "bethune",
            "BÉTHUNE",
            "gare béthune",
            "Pres",
            "42",
            "lumi",
        ] {
            assert!(o.correspond(None, trouvee), "{trouvee:?}");
        }
        for manquee in ["lens", "gare lens", "43", "T4"] {
            assert!(!o.correspond(None, manquee), "{manquee:?}");
        }
        assert!(!o.correspond(Some(EtapeOffre::AClasser), "gare"));
    }

    #[test]
    fn the_median_is_the_middle_value() {
        assert_eq!(mediane(&mut []), None);
        assert_eq!(mediane(&mut [7]), Some(7));
        assert_eq!(mediane(&mut [30, 10, 20]), Some(20));
        assert_eq!(mediane(&mut [40, 10, 30, 20]), Some(20));
    }
}

/// A listing being written, as saved, with what is still missing to publish it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Brouillon {
    pub id: i64,
    pub projet: crate::offre::ProjetOffre,
    /// Every rule the project does not meet yet, each with its French message; empty when
    /// it can be published.
    pub a_completer: Vec<crate::api::ErreurChampExpliquee>,
    /// Last saved, ISO 8601 (UTC).
    pub modifie_le: String,
}

/// A draft in the organisation's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BrouillonResume {
    pub id: i64,
    pub titre: String,
    pub modifie_le: String,
}

/// The listing a draft became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OffrePubliee {
    pub offre_id: i64,
}

/// A photo once uploaded and cleaned, to put in a project with its text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImageTeleversee {
    pub url: String,
    pub largeur: u32,
    pub hauteur: u32,
}
