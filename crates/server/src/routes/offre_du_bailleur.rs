//! A listing of the landlord's own organisation, from the path: the staff session, the
//! path id and the ownership, proven before the handler runs (another organisation's
//! listing, or a withdrawn one, is "not found"). What a handler needs of it (the whole
//! scoring context, `OffreACoter::existante`, or nothing more) it loads on demand.

use crate::application::Etat;
use crate::compte::Agent;
use crate::probleme::ErreurApi;
use crate::routes::Id;
use crate::stockage;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// One of the organisation's live listings.
#[derive(Debug, Clone)]
pub struct OffreDuBailleur {
    pub agent: Agent,
    pub id: i64,
}

impl FromRequestParts<Etat> for OffreDuBailleur {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        let agent = Agent::from_request_parts(parts, etat).await?;
        let Id(id) = Id::from_request_parts(parts, etat).await?;
        if !stockage::offres::est_du_bailleur(&etat.base, id, agent.bailleur_id).await? {
            return Err(ErreurApi::Introuvable);
        }
        Ok(OffreDuBailleur { agent, id })
    }
}
