//! Server-side sessions. The cookie holds a random token (`HttpOnly`, `SameSite=Strict`,
//! `Secure` outside a loopback demo); the database holds only its SHA-256, so a copy of the
//! database opens no session. Every state-changing request also carries the session's CSRF
//! token in the `X-CSRF-Token` header, which another site cannot set.

use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::stockage::sessions::{self, NouvelleSession, SessionLue};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use clef_domain::api::{ENTETE_CSRF, Role};
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

pub use super::mandataire::{
    ActeSousMandat, Candidater, Conseiller, Consulter, Mandataire, PourDemandeur, RemplirFoyer,
};

pub const COOKIE: &str = "clef_session";

/// A session ends at the latest this long after log-in.
pub const DUREE_MAX: i64 = 30 * 86_400;

/// Idle time after which a session ends, by role: advisors work on shared computers.
pub fn inactivite_max(role: Role) -> i64 {
    match role {
        Role::Demandeur => 7 * 86_400,
        Role::Bailleur | Role::Territoire => 8 * 3_600,
        Role::Conseiller => 15 * 60,
    }
}

pub(crate) fn aleatoire() -> Result<String, ErreurApi> {
    let mut octets = [0u8; 32];
    getrandom::fill(&mut octets).map_err(|e| ErreurApi::Interne(format!("aléa : {e}")))?;
    Ok(octets.iter().map(|o| format!("{o:02x}")).collect())
}

pub(crate) fn empreinte(jeton: &str) -> String {
    Sha256::digest(jeton.as_bytes())
        .iter()
        .map(|o| format!("{o:02x}"))
        .collect()
}

/// Opens a session for an account: returns the cookie to set and the CSRF token.
pub async fn ouvrir(
    base: &AnyPool,
    compte_id: i64,
    maintenant: i64,
    securise: bool,
) -> Result<(Cookie<'static>, String), ErreurApi> {
    let jeton = aleatoire()?;
    let csrf = aleatoire()?;
    sessions::creer(
        base,
        NouvelleSession {
            empreinte: &empreinte(&jeton),
            compte_id,
            csrf: &csrf,
            maintenant,
            expire_a: maintenant + DUREE_MAX,
        },
    )
    .await?;
    let cookie = Cookie::build((COOKIE, jeton))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(securise)
        .path("/")
        .build();
    Ok((cookie, csrf))
}

/// The cookie that removes the session cookie from the browser.
pub fn cookie_efface() -> Cookie<'static> {
    let mut cookie = Cookie::build((COOKIE, "")).path("/").build();
    cookie.make_removal();
    cookie
}

/// The logged-in person, checked on every request; state-changing requests also had
/// their CSRF token checked.
#[derive(Debug, Clone)]
pub struct Session {
    empreinte: String,
    pub compte_id: i64,
    pub role: Role,
    pub email: String,
    pub csrf: String,
    /// For applicants: their id and numéro unique.
    pub demandeur: Option<(i64, String)>,
    /// For advisors: the mandate they act under right now, if any.
    pub mandat_id: Option<i64>,
}

impl Session {
    pub async fn fermer(&self, base: &AnyPool) -> Result<(), ErreurApi> {
        Ok(sessions::supprimer(base, &self.empreinte).await?)
    }

    /// Sets (or clears) the mandate an advisor's session acts under.
    pub async fn agir_sous(&self, base: &AnyPool, mandat_id: Option<i64>) -> Result<(), ErreurApi> {
        Ok(sessions::agir_sous(base, &self.empreinte, mandat_id).await?)
    }
}

fn modifie_l_etat(parts: &Parts) -> bool {
    !parts.method.is_safe()
}

/// The CSRF header is there (before log-in, when there is no session token yet).
pub fn verifier_entete_csrf(parts: &Parts) -> Result<(), ErreurApi> {
    match parts.headers.get(ENTETE_CSRF) {
        Some(v) if !v.is_empty() => Ok(()),
        _ => Err(ErreurApi::Csrf),
    }
}

impl FromRequestParts<Etat> for Session {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        let jar = CookieJar::from_headers(&parts.headers);
        let jeton = jar.get(COOKIE).ok_or(ErreurApi::NonAuthentifie)?.value();
        let empreinte = empreinte(jeton);
        let maintenant = etat.horloge.instant();
        let SessionLue {
            compte_id,
            role,
            email,
            csrf,
            vu_a,
            expire_a,
            demandeur,
            mandat_id,
        } = sessions::lire(&etat.base, &empreinte)
            .await?
            .ok_or(ErreurApi::NonAuthentifie)?;
        tracing::Span::current().record("compte_id", compte_id);
        if maintenant >= expire_a || maintenant - vu_a > inactivite_max(role) {
            sessions::supprimer(&etat.base, &empreinte).await?;
            return Err(ErreurApi::NonAuthentifie);
        }
        if modifie_l_etat(parts) {
            let envoye = parts.headers.get(ENTETE_CSRF).map(|v| v.as_bytes());
            if envoye != Some(csrf.as_bytes()) {
                return Err(ErreurApi::Csrf);
            }
        }
        if maintenant - vu_a >= 60 {
            sessions::marquer_vue(&etat.base, &empreinte, maintenant).await?;
        }
        Ok(Session {
            empreinte,
            compte_id,
            role,
            email,
            csrf,
            demandeur,
            mandat_id,
        })
    }
}

/// An applicant's session: every `/moi/...` route takes one. Only the applicant
/// themselves: the routes an advisor may use under a mandate take [`PourDemandeur`].
#[derive(Debug, Clone)]
pub struct Demandeur {
    pub id: i64,
    pub numero_unique: String,
    pub session: Session,
    /// The advisor acting for the applicant, when it is not the applicant.
    pub mandataire: Option<Mandataire>,
}

impl FromRequestParts<Etat> for Demandeur {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        Demandeur::de_la_session(Session::from_request_parts(parts, etat).await?)
    }
}

impl Demandeur {
    /// The applicant themselves, from their checked session.
    pub fn de_la_session(session: Session) -> Result<Demandeur, ErreurApi> {
        match (session.role, session.demandeur.clone()) {
            (Role::Demandeur, Some((id, numero_unique))) => Ok(Demandeur {
                id,
                numero_unique,
                session,
                mandataire: None,
            }),
            _ => Err(ErreurApi::Interdit),
        }
    }
}

/// A state-changing request made before log-in (sign-up, log-in) carries the CSRF header.
pub struct AvecEnteteCsrf;

impl<S: Sync> FromRequestParts<S> for AvecEnteteCsrf {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ErreurApi> {
        verifier_entete_csrf(parts).map(|()| AvecEnteteCsrf)
    }
}

/// A landlord staff member's session, bound to their organisation: every `/bailleur/...`
/// route takes one and reaches only that organisation's listings.
#[derive(Debug, Clone)]
pub struct Agent {
    pub bailleur_id: i64,
    pub session: Session,
}

impl FromRequestParts<Etat> for Agent {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        let session = Session::from_request_parts(parts, etat).await?;
        if session.role != Role::Bailleur {
            return Err(ErreurApi::Interdit);
        }
        let bailleur_id = sessions::bailleur_de_l_agent(&etat.base, session.compte_id).await?;
        // A staff account not bound to an organisation sees nothing.
        let bailleur_id = bailleur_id.ok_or(ErreurApi::Interdit)?;
        Ok(Agent {
            bailleur_id,
            session,
        })
    }
}

/// A territory staff member's session, bound to their territory: every `/territoire/...`
/// route takes one.
#[derive(Debug, Clone)]
pub struct AgentTerritoire {
    pub territoire_id: i64,
    pub slug: String,
    pub session: Session,
}

impl FromRequestParts<Etat> for AgentTerritoire {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        let session = Session::from_request_parts(parts, etat).await?;
        if session.role != Role::Territoire {
            return Err(ErreurApi::Interdit);
        }
        let ligne = sessions::territoire_de_l_agent(&etat.base, session.compte_id).await?;
        let (territoire_id, slug) = ligne.ok_or(ErreurApi::Interdit)?;
        Ok(AgentTerritoire {
            territoire_id,
            slug,
            session,
        })
    }
}
