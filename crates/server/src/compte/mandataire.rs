//! Advisors, and acting for an applicant under a mandate. An advisor's session names the
//! mandate it acts under; the mandate is checked again on every request, so a revocation
//! takes effect on the next one.

use super::session::{Demandeur, Session};
use crate::application::Etat;
use crate::probleme::ErreurApi;
use crate::stockage::mandats;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use clef_domain::Jour;
use clef_domain::api::Role;
use clef_domain::mandat::{Acte, Actes, StatutMandat};
use std::marker::PhantomData;

/// An advisor's session, bound to their structure: every `/conseiller/...` route takes one.
#[derive(Debug, Clone)]
pub struct Conseiller {
    pub structure_id: i64,
    pub structure: String,
    pub nom: String,
    pub session: Session,
}

impl Conseiller {
    pub async fn de_la_session(session: Session, etat: &Etat) -> Result<Conseiller, ErreurApi> {
        if session.role != Role::Conseiller {
            return Err(ErreurApi::Interdit);
        }
        let ligne =
            crate::stockage::sessions::structure_du_conseiller(&etat.base, session.compte_id)
                .await?;
        // An advisor account bound to no structure can do nothing.
        let (structure_id, structure, nom) = ligne.ok_or(ErreurApi::Interdit)?;
        Ok(Conseiller {
            structure_id,
            structure,
            nom,
            session,
        })
    }

    /// The live mandate this advisor's session acts under, if any (a mandate that ended
    /// is let go of).
    pub async fn mandat_en_cours(
        &self,
        etat: &Etat,
    ) -> Result<Option<mandats::LigneMandat>, ErreurApi> {
        let Some(id) = self.session.mandat_id else {
            return Ok(None);
        };
        let ligne = mandats::par_id(&etat.base, id).await?;
        let maintenant = etat.horloge.instant();
        let aujourdhui = etat.horloge.aujourdhui();
        let mut valide = None;
        if let Some(ligne) = ligne
            && ligne.structure_id == self.structure_id
            && ligne.statut(maintenant, aujourdhui)? == StatutMandat::Actif
        {
            valide = Some(ligne);
        }
        if valide.is_none() {
            self.session.agir_sous(&etat.base, None).await?;
        }
        Ok(valide)
    }
}

impl FromRequestParts<Etat> for Conseiller {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        let session = Session::from_request_parts(parts, etat).await?;
        Conseiller::de_la_session(session, etat).await
    }
}

/// The advisor acting for an applicant, and the mandate that lets them.
#[derive(Debug, Clone)]
pub struct Mandataire {
    pub conseiller_compte_id: i64,
    pub mandat_id: i64,
    pub actes: Actes,
    pub fin: Jour,
    /// When the request was received (on the server's clock): the time journaled.
    pub instant: i64,
}

impl Mandataire {
    pub fn de(
        conseiller: &Conseiller,
        mandat: &mandats::LigneMandat,
        instant: i64,
    ) -> Result<Mandataire, ErreurApi> {
        Ok(Mandataire {
            conseiller_compte_id: conseiller.session.compte_id,
            mandat_id: mandat.id,
            actes: mandat.actes()?,
            fin: mandat.fin()?,
            instant,
        })
    }
}

impl Demandeur {
    /// Refuses an act the advisor's mandate does not cover (the applicant may do all).
    fn exiger(&self, acte: Acte) -> Result<(), ErreurApi> {
        match &self.mandataire {
            Some(m) if !m.actes.couvre(acte) => Err(ErreurApi::HorsMandat),
            _ => Ok(()),
        }
    }
}

/// An act done for an applicant, as a type: a route names the act it does in its
/// extractor, [`PourDemandeur<A>`], and cannot run unless the mandate covers it.
pub trait ActeSousMandat: Send + Sync {
    const ACTE: Acte;
}

/// Reading the file: every mandate covers it.
#[derive(Debug, Clone, Copy)]
pub struct Consulter;
/// Filling in and correcting the household's details.
#[derive(Debug, Clone, Copy)]
pub struct RemplirFoyer;
/// Applying to a listing, and withdrawing an application.
#[derive(Debug, Clone, Copy)]
pub struct Candidater;

impl ActeSousMandat for Consulter {
    const ACTE: Acte = Acte::Consulter;
}
impl ActeSousMandat for RemplirFoyer {
    const ACTE: Acte = Acte::RemplirFoyer;
}
impl ActeSousMandat for Candidater {
    const ACTE: Acte = Acte::Candidater;
}

/// The applicant, or an advisor acting for them under a live mandate of their structure
/// that covers the act `A`: the routes an advisor may use take this instead of
/// [`Demandeur`], and the act is checked before the handler runs (before the body is
/// read), so that no advisor-reachable route can forget it.
#[derive(Debug, Clone)]
pub struct PourDemandeur<A: ActeSousMandat = Consulter> {
    pub moi: Demandeur,
    acte: PhantomData<A>,
}

impl<A: ActeSousMandat> FromRequestParts<Etat> for PourDemandeur<A> {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &Etat) -> Result<Self, ErreurApi> {
        let demandeur = Self::demandeur(parts, etat).await?;
        demandeur.exiger(A::ACTE)?;
        Ok(PourDemandeur {
            moi: demandeur,
            acte: PhantomData,
        })
    }
}

impl<A: ActeSousMandat> PourDemandeur<A> {
    async fn demandeur(parts: &mut Parts, etat: &Etat) -> Result<Demandeur, ErreurApi> {
        let session = Session::from_request_parts(parts, etat).await?;
        if session.role != Role::Conseiller {
            return Demandeur::de_la_session(session);
        }
        let conseiller = Conseiller::de_la_session(session, etat).await?;
        let mandat = conseiller
            .mandat_en_cours(etat)
            .await?
            .ok_or(ErreurApi::SansMandat)?;
        Ok(Demandeur {
            id: mandat.demandeur_id,
            numero_unique: mandat.numero_unique.clone(),
            mandataire: Some(Mandataire::de(
                &conseiller,
                &mandat,
                etat.horloge.instant(),
            )?),
            session: conseiller.session,
        })
    }
}
