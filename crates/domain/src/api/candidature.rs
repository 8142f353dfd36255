//! An applicant's own space: the request form, the verdict before applying, the
//! applications with their rank, the notifications and saved searches.

use super::OffreResume;
use crate::argent::Euros;
use crate::classement::Chance;
use crate::cotation::Score;
use crate::demande::DemandeSaisie;
use crate::eligibilite::Verdict;
use crate::jour::Jour;
use crate::offre::{Code, serde_par_code};
use crate::simulation::Adversaire;
use serde::{Deserialize, Serialize};

/// The applicant's request as they filled it ("Mon dossier").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dossier {
    /// What was saved; the numéro unique is the account's.
    pub saisie: DemandeSaisie,
    /// Saved at least once (a new account has an empty form).
    pub complet: bool,
    /// The server's today: verdicts the browser computes from this request use the
    /// ceilings in force on that day, as the server's own do.
    pub aujourdhui: crate::jour::Jour,
}

/// Where an application stands; stored and sent as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EtatCandidature {
    Deposee,
    Retiree,
    /// The window closed and the ranking was frozen.
    Classee,
    /// Among the candidates the commission examines.
    Presentee,
    Attribuee,
    NonRetenue,
}

impl Code for EtatCandidature {
    const TOUS: &'static [Self] = &[
        EtatCandidature::Deposee,
        EtatCandidature::Retiree,
        EtatCandidature::Classee,
        EtatCandidature::Presentee,
        EtatCandidature::Attribuee,
        EtatCandidature::NonRetenue,
    ];

    fn code(self) -> &'static str {
        match self {
            EtatCandidature::Deposee => "deposee",
            EtatCandidature::Retiree => "retiree",
            EtatCandidature::Classee => "classee",
            EtatCandidature::Presentee => "presentee",
            EtatCandidature::Attribuee => "attribuee",
            EtatCandidature::NonRetenue => "non_retenue",
        }
    }
}

serde_par_code!(EtatCandidature);

/// Rank among the eligible candidates ("3e sur 41").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Position {
    pub rang: u32,
    pub sur: u32,
    pub score: u32,
    pub chance: Chance,
}

/// Why applying is not possible now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "motif", rename_all = "snake_case")]
pub enum Empechement {
    /// "Mon dossier" is not filled in yet.
    DossierIncomplet,
    /// A rule of eligibility is not met: the verdict says which.
    NonEligible,
    /// The year's income ceilings are not in Clef: eligibility cannot be checked.
    PlafondsInconnus,
    PasEncoreOuverte,
    Cloturee,
    /// Too many applications open at the same time.
    PlafondAtteint {
        max: u8,
    },
    /// Already applied to this listing.
    DejaCandidat,
}

/// What an applicant sees on a listing before applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvantCandidature {
    pub verdict: Verdict,
    /// My score for this home, line by line.
    pub score: Score,
    /// Where I would stand among the current candidates (eligible households only).
    pub position: Option<Position>,
    /// My application to this listing, if I have one that is not withdrawn.
    pub candidature: Option<i64>,
    /// `None` when I can apply.
    pub empechement: Option<Empechement>,
}

/// Body of `POST /moi/candidatures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouvelleCandidature {
    pub offre_id: i64,
}

/// Answer to `POST /moi/candidatures` (`201`, with `Location`): the application as filed.
/// Its place among the candidates is read with `GET /moi/candidatures/{id}`, so that filing
/// never waits for the listing's ranking, however many candidates it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatureDeposee {
    pub id: i64,
    pub offre_id: i64,
    pub deposee_le: Jour,
    /// Withdrawal is possible until this day, included: the listing's closing.
    pub retrait_jusquau: Jour,
}

/// One of my applications, in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatureResume {
    pub id: i64,
    pub offre: OffreResume,
    pub etat: EtatCandidature,
    pub deposee_le: Jour,
    /// `None` when not eligible (or withdrawn).
    pub position: Option<Position>,
    /// Withdrawal is possible until the closing day, included.
    pub retrait_possible: bool,
}

/// A step of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NomEtape {
    Deposee,
    Cloturee,
    Classee,
    PresenteeEnCommission,
    /// The commission's decision, not taken yet.
    Decision,
    Attribuee,
    NonRetenue,
    Retiree,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Etape {
    pub nom: NomEtape,
    /// The day it happened, or is planned for (closing).
    pub jour: Option<Jour>,
    pub faite: bool,
}

/// A bar of the anonymous histogram of the candidates' scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Barre {
    /// Scores from `min` to `max`, both included.
    pub min: u32,
    pub max: u32,
    /// Other eligible candidates in the bar.
    pub autres: u32,
    /// My score falls in this bar.
    pub moi: bool,
}

/// What the browser needs to answer "what if" with the rules crate, without a round trip:
/// the other candidates reduced to what ranks them against me, nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DonneesSimulation {
    /// The day scores are computed for.
    pub jour: Jour,
    pub adversaires: Vec<Adversaire>,
    pub aide_estimee: Euros,
    pub grille_version: u32,
}

/// One of my applications, in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidatureDetail {
    #[serde(flatten)]
    pub resume: CandidatureResume,
    pub verdict: Verdict,
    pub score: Score,
    /// Points I would need to move up one place; `None` when first or not eligible.
    pub points_pour_passer_devant: Option<u32>,
    pub histogramme: Vec<Barre>,
    pub etapes: Vec<Etape>,
    pub simulation: DonneesSimulation,
}

/// What a notification is about; stored and sent as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GenreNotification {
    CandidatureDeposee,
    CandidatureRetiree,
    OffreCloturee,
    CandidatureClassee,
    PresenteeEnCommission,
    /// The commission attributed the home to me once a missing document arrives (R.441-3 c).
    AttribueeSousCondition,
    /// The commission attributed the home to me: my answer is awaited.
    Proposee,
    Attribuee,
    NonRetenue,
    /// A new listing matches a saved search.
    NouvelleOffre,
}

impl Code for GenreNotification {
    const TOUS: &'static [Self] = &[
        GenreNotification::CandidatureDeposee,
        GenreNotification::CandidatureRetiree,
        GenreNotification::OffreCloturee,
        GenreNotification::CandidatureClassee,
        GenreNotification::PresenteeEnCommission,
        GenreNotification::AttribueeSousCondition,
        GenreNotification::Proposee,
        GenreNotification::Attribuee,
        GenreNotification::NonRetenue,
        GenreNotification::NouvelleOffre,
    ];

    fn code(self) -> &'static str {
        match self {
            GenreNotification::CandidatureDeposee => "candidature_deposee",
            GenreNotification::CandidatureRetiree => "candidature_retiree",
            GenreNotification::OffreCloturee => "offre_cloturee",
            GenreNotification::CandidatureClassee => "candidature_classee",
            GenreNotification::PresenteeEnCommission => "presentee_en_commission",
            GenreNotification::AttribueeSousCondition => "attribuee_sous_condition",
            GenreNotification::Proposee => "proposee",
            GenreNotification::Attribuee => "attribuee",
            GenreNotification::NonRetenue => "non_retenue",
            GenreNotification::NouvelleOffre => "nouvelle_offre",
        }
    }
}

serde_par_code!(GenreNotification);

/// How many of my notifications are unread: what the header shows, without the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationsNonLues {
    pub non_lues: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    pub genre: GenreNotification,
    /// When, ISO 8601 UTC.
    pub cree_le: String,
    pub lue: bool,
    pub offre_id: Option<i64>,
    pub titre_offre: Option<String>,
    pub candidature_id: Option<i64>,
    /// The saved search that matched (new listings).
    pub recherche: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notifications {
    pub non_lues: u32,
    /// Newest first (at most 100).
    pub notifications: Vec<Notification>,
}

/// A search saved from the filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RechercheSauvegardee {
    pub id: i64,
    pub nom: String,
    /// The search's query string (`commune=bethune&typologie=T3`).
    pub requete: String,
}

/// Body of `POST /moi/recherches`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouvelleRecherche {
    pub nom: String,
    pub requete: String,
}

/// "Mon score": my points on each line of the territory's grid, for every home (the
/// criteria that depend on the home are shown apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonScore {
    pub jour: Jour,
    pub grille_version: u32,
    pub score: Score,
    /// The average wait and my position among similar requests (décret n° 2019-1378).
    pub semblables: crate::semblables::Semblables,
}

/// Bars of the histogram: at most this many.
pub const BARRES_MAX: u32 = 10;

impl Barre {
    /// The anonymous histogram of the other candidates' scores, with the bar I fall in.
    /// Bars are of equal width, from 0 to the highest score.
    pub fn histogramme(autres: &[u32], moi: Option<u32>) -> Vec<Barre> {
        let plus_haut = autres.iter().copied().chain(moi).max().unwrap_or(0);
        let largeur = (plus_haut / BARRES_MAX + 1).max(1);
        let barres = plus_haut / largeur + 1;
        let mut resultat: Vec<Barre> = (0..barres)
            .map(|i| Barre {
                min: i * largeur,
                max: i * largeur + largeur - 1,
                autres: 0,
                moi: false,
            })
            .collect();
        for &score in autres {
            if let Some(barre) = resultat.get_mut((score / largeur) as usize) {
                barre.autres += 1;
            }
        }
        if let Some(barre) = moi.and_then(|m| resultat.get_mut((m / largeur) as usize)) {
            barre.moi = true;
        }
        resultat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stored codes read back as what was written, and no two share a code.
    fn aller_retour<T: Code + PartialEq + std::fmt::Debug>() {
        let mut codes: Vec<&str> = T::TOUS.iter().map(|v| v.code()).collect();
        for &v in T::TOUS {
            assert_eq!(T::depuis_code(v.code()), Some(v));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), T::TOUS.len());
    }

    #[test]
    fn application_states_and_notification_kinds_read_back() {
        aller_retour::<EtatCandidature>();
        aller_retour::<GenreNotification>();
    }

    #[test]
    fn the_histogram_counts_every_other_candidate_once_and_marks_mine() {
        let autres = [0, 5, 12, 99, 100, 250, 250];
        let barres = Barre::histogramme(&autres, Some(130));
        assert!(barres.len() <= BARRES_MAX as usize + 1);
        assert_eq!(barres.iter().map(|b| b.autres).sum::<u32>(), 7);
        assert_eq!(barres.iter().filter(|b| b.moi).count(), 1);
        let mienne = barres.iter().find(|b| b.moi).unwrap();
        assert!(mienne.min <= 130 && 130 <= mienne.max);
        for paire in barres.windows(2) {
            assert_eq!(paire[0].max + 1, paire[1].min);
        }
        assert!(barres.last().unwrap().max >= 250);
    }

    #[test]
    fn an_empty_field_has_one_bar() {
        assert_eq!(
            Barre::histogramme(&[], None),
            [Barre {
                min: 0,
                max: 0,
                autres: 0,
                moi: false
            }]
        );
    }
}
