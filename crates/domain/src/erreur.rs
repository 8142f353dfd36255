//! Errors on outside data that name the field at fault, so each message can be shown next
//! to its field. The wording belongs to the reader (the API in French, the app through its
//! i18n layer); here is only what went wrong.

use crate::argent::Euros;
use crate::offre::{Code, serde_par_code};
use serde::{Deserialize, Serialize};

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CodeErreur {
    /// Not one of the accepted values.
    ValeurInconnue,
    /// A whole number was expected.
    PasUnNombre,
    /// A number outside the accepted range, bounds included.
    HorsLimites { min: i64, max: i64 },
    /// The field was given more than once.
    Repete,
    /// The field is required and missing.
    Requis,
    /// The text does not have the expected shape (a numéro unique, say).
    FormatInvalide,
    /// Each value may be valid, but together they break a rule, named by `regle`.
    Incoherent { regle: Regle },
    /// A password found in the lists of the most common ones.
    TropCourant,
    /// Already used by an account (e-mail, numéro unique).
    DejaUtilise,
    /// Text longer than `max` characters.
    TropLong { max: u32 },
    /// A monthly rent outside what is plausible for the home's financing and surface.
    LoyerImplausible { min: Euros, max: Euros },
    /// Applicants relied on this field: it cannot change once the listing is published.
    Fige,
    /// Control, bidirectional-override or invisible characters (`texte::propre`).
    CaracteresInterdits,
}

/// Every rule an [`CodeErreur::Incoherent`] error can name: one catalogue, which the
/// server's and the app's messages match exhaustively (each code is also the key of its
/// message, `erreur_champ.<code>`, in `locales/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Regle {
    /// The household counts one applicant.
    UnSeulDemandeur,
    /// At most one spouse or partner.
    UnSeulConjoint,
    /// The applicant is at least 16.
    DemandeurMineur,
    /// The applicant and their spouse are never dependants.
    DemandeurOuConjointACharge,
    /// A day that cannot be in the future.
    DateFuture,
    /// A day already past.
    DatePassee,
    /// A step of the outcome before the listing closed.
    AvantLaCloture,
    /// An answer or a condition's end before the decision.
    AvantLaDecision,
    /// Charges above the rent.
    ChargesSuperieuresAuLoyer,
    /// Rooms that do not match the typology.
    PiecesTypologie,
    /// The window closes before it opens.
    ClotureAvantOuverture,
    /// A closing day moved earlier by a correction.
    ClotureAvancee,
    /// A window of 3 to 30 days.
    DureeFenetre,
    /// A photo that is not JPEG, PNG or WebP.
    ImageFormat,
    /// A photo that cannot be read.
    ImageIllisible,
    /// A photo above the size limit.
    ImageTropLourde,
    /// A photo of more pixels than a phone takes (a "decompression bomb" is small on disk).
    ImageTropGrande,
    /// The organisation's photos fill their storage quota, or too many were sent at once.
    QuotaPhotos,
    /// A password that repeats the e-mail or the numéro unique.
    MotDePasseIdentifiant,
    /// A reset link used or expired.
    LienPerime,
    /// A mandate always covers consulting.
    ConsulterToujoursInclus,
    /// A mandate to that structure is already running.
    MandatDejaEnCours,
    /// A street already classed.
    VoieDejaClassee,
    /// More social homes than main residences.
    PlusQueLesResidences,
    /// A grid version takes effect from tomorrow at the earliest.
    GrilleDesDemain,
    /// A grid version before the one in force.
    GrilleAvantLaPrecedente,
    /// A criterion's bands in order and without overlap.
    TranchesOrdonneesDisjointes,
    /// A grid without a priority of the law (L.441-2-8).
    PrioriteAbsente,
    /// A priority of the law worth 0 points.
    PrioriteSansPoints,
    /// A target below the law's without a named local agreement.
    ObjectifSansAccord,
    /// A candidate left out without a motive.
    MotifRequis,
    /// Fewer than three candidates without an exception (R.441-3).
    TroisMinimum,
    /// An exception with three candidates or more.
    ExceptionSansObjet,
    /// A préfet's designation without a DALO household.
    DesignationSansDalo,
    /// The PLAI adapté exception for a home that is not PLAI.
    PlaiAdapteSansPlai,
    /// A suspensive condition's deadline out of bounds.
    Echeance,
    /// A document recorded after the deadline.
    ApresEcheance,
    /// A lapse recorded before the deadline.
    AvantEcheance,
    /// An attribution above the ceiling of its day.
    PlafondDuJourDepasse,
    /// An attribution in a year without ceilings.
    PlafondsDuJourInconnus,
}

impl Code for Regle {
    const TOUS: &'static [Self] = &[
        Regle::UnSeulDemandeur,
        Regle::UnSeulConjoint,
        Regle::DemandeurMineur,
        Regle::DemandeurOuConjointACharge,
        Regle::DateFuture,
        Regle::DatePassee,
        Regle::AvantLaCloture,
        Regle::AvantLaDecision,
        Regle::ChargesSuperieuresAuLoyer,
        Regle::PiecesTypologie,
        Regle::ClotureAvantOuverture,
        Regle::ClotureAvancee,
        Regle::DureeFenetre,
        Regle::ImageFormat,
        Regle::ImageIllisible,
        Regle::ImageTropLourde,
        Regle::ImageTropGrande,
        Regle::QuotaPhotos,
        Regle::MotDePasseIdentifiant,
        Regle::LienPerime,
        Regle::ConsulterToujoursInclus,
        Regle::MandatDejaEnCours,
        Regle::VoieDejaClassee,
        Regle::PlusQueLesResidences,
        Regle::GrilleDesDemain,
        Regle::GrilleAvantLaPrecedente,
        Regle::TranchesOrdonneesDisjointes,
        Regle::PrioriteAbsente,
        Regle::PrioriteSansPoints,
        Regle::ObjectifSansAccord,
        Regle::MotifRequis,
        Regle::TroisMinimum,
        Regle::ExceptionSansObjet,
        Regle::DesignationSansDalo,
        Regle::PlaiAdapteSansPlai,
        Regle::Echeance,
        Regle::ApresEcheance,
        Regle::AvantEcheance,
        Regle::PlafondDuJourDepasse,
        Regle::PlafondsDuJourInconnus,
    ];

    fn code(self) -> &'static str {
        match self {
            Regle::UnSeulDemandeur => "un_seul_demandeur",
            Regle::UnSeulConjoint => "un_seul_conjoint",
            Regle::DemandeurMineur => "demandeur_mineur",
            Regle::DemandeurOuConjointACharge => "demandeur_ou_conjoint_a_charge",
            Regle::DateFuture => "date_future",
            Regle::DatePassee => "date_passee",
            Regle::AvantLaCloture => "avant_la_cloture",
            Regle::AvantLaDecision => "avant_la_decision",
            Regle::ChargesSuperieuresAuLoyer => "charges_superieures_au_loyer",
            Regle::PiecesTypologie => "pieces_typologie",
            Regle::ClotureAvantOuverture => "cloture_avant_ouverture",
            Regle::ClotureAvancee => "cloture_avancee",
            Regle::DureeFenetre => "duree_fenetre",
            Regle::ImageFormat => "image_format",
            Regle::ImageIllisible => "image_illisible",
            Regle::ImageTropLourde => "image_trop_lourde",
            Regle::ImageTropGrande => "image_trop_grande",
            Regle::QuotaPhotos => "quota_photos",
            Regle::MotDePasseIdentifiant => "mot_de_passe_identifiant",
            Regle::LienPerime => "lien_perime",
            Regle::ConsulterToujoursInclus => "consulter_toujours_inclus",
            Regle::MandatDejaEnCours => "mandat_deja_en_cours",
            Regle::VoieDejaClassee => "voie_deja_classee",
            Regle::PlusQueLesResidences => "plus_que_les_residences",
            Regle::GrilleDesDemain => "grille_des_demain",
            Regle::GrilleAvantLaPrecedente => "grille_avant_la_precedente",
            Regle::TranchesOrdonneesDisjointes => "tranches_ordonnees_disjointes",
            Regle::PrioriteAbsente => "priorite_absente",
            Regle::PrioriteSansPoints => "priorite_sans_points",
            Regle::ObjectifSansAccord => "objectif_sans_accord",
            Regle::MotifRequis => "motif_requis",
            Regle::TroisMinimum => "trois_minimum",
            Regle::ExceptionSansObjet => "exception_sans_objet",
            Regle::DesignationSansDalo => "designation_sans_dalo",
            Regle::PlaiAdapteSansPlai => "plai_adapte_sans_plai",
            Regle::Echeance => "echeance",
            Regle::ApresEcheance => "apres_echeance",
            Regle::AvantEcheance => "avant_echeance",
            Regle::PlafondDuJourDepasse => "plafond_du_jour_depasse",
            Regle::PlafondsDuJourInconnus => "plafonds_du_jour_inconnus",
        }
    }
}

serde_par_code!(Regle);

/// One invalid field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErreurChamp {
    /// The field's name, as in the request.
    pub champ: String,
    #[serde(flatten)]
    pub code: CodeErreur,
}

impl ErreurChamp {
    pub fn new(champ: &str, code: CodeErreur) -> Self {
        ErreurChamp {
            champ: champ.to_owned(),
            code,
        }
    }

    pub fn incoherent(champ: &str, regle: Regle) -> Self {
        ErreurChamp::new(champ, CodeErreur::Incoherent { regle })
    }

    /// The same error, for a field inside `parent` (`membres.2` + `age`).
    pub fn dans(self, parent: &str) -> Self {
        ErreurChamp {
            champ: format!("{parent}.{}", self.champ),
            ..self
        }
    }
}

/// The names of the fields at fault (`membres.0.age, rfr_n2`), for a one-line message.
pub fn champs(erreurs: &[ErreurChamp]) -> String {
    erreurs
        .iter()
        .map(|e| e.champ.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
