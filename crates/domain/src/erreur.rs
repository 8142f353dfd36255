//! Errors on outside data that name the field at fault, so each message can be shown next
//! to its field. The wording belongs to the reader (the API in French, the app through its
//! i18n layer); here is only what went wrong.

use crate::argent::Euros;
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
    /// Each value may be valid, but together they break a rule, named by `regle`
    /// (`un_seul_demandeur`, `ressources_n1_sans_n2`...).
    Incoherent { regle: String },
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
}

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

    pub fn incoherent(champ: &str, regle: &str) -> Self {
        ErreurChamp::new(
            champ,
            CodeErreur::Incoherent {
                regle: regle.to_owned(),
            },
        )
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
