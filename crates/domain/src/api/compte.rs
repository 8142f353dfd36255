//! Accounts and sessions.

use crate::offre::{Code, serde_par_code};
use serde::{Deserialize, Serialize};

/// What a person does in Clef; the server checks it on every request. Stored and sent
/// as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// An applicant holding a social-housing request.
    Demandeur,
    /// Staff of a social landlord.
    Bailleur,
    /// An advisor of a support structure (France Services).
    Conseiller,
    /// Staff of the territory (EPCI).
    Territoire,
}

impl Code for Role {
    const TOUS: &'static [Self] = &[
        Role::Demandeur,
        Role::Bailleur,
        Role::Conseiller,
        Role::Territoire,
    ];

    fn code(self) -> &'static str {
        match self {
            Role::Demandeur => "demandeur",
            Role::Bailleur => "bailleur",
            Role::Conseiller => "conseiller",
            Role::Territoire => "territoire",
        }
    }
}

serde_par_code!(Role);

/// Sign-up of an applicant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inscription {
    /// The numéro unique of the request (attestation d'enregistrement).
    pub numero_unique: String,
    pub email: String,
    /// At least 12 characters, not a common password.
    pub mot_de_passe: String,
}

/// Log-in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Identifiants {
    pub email: String,
    pub mot_de_passe: String,
    /// The second factor (six-digit TOTP code): required of advisors, ignored otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The open session: who is logged in, and the token that state-changing requests must
/// carry in the `X-CSRF-Token` header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionOuverte {
    pub role: Role,
    pub email: String,
    /// The applicant's numéro unique (applicants only).
    pub numero_unique: Option<String>,
    pub csrf: String,
    /// Advisors: the structure they work for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure: Option<String>,
    /// Advisors: the applicant they act for right now, under which mandate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accompagnement: Option<super::Accompagnement>,
}

/// The header that carries the CSRF token.
pub const ENTETE_CSRF: &str = "x-csrf-token";

/// Body of `POST /mot-de-passe/oubli`: where to send a link to choose a new password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OubliMotDePasse {
    pub email: String,
}

/// Body of `POST /mot-de-passe/nouveau`: the link's token and the new password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NouveauMotDePasse {
    pub jeton: String,
    /// At least 12 characters, not a common password.
    pub mot_de_passe: String,
}

/// How an applicant is told of what changes (`/moi/alertes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alertes {
    /// Notifications also come by e-mail.
    pub courriel: bool,
}
