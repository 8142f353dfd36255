//! `/moi/…`: the applicant's own space (their request, applications, score, mandates,
//! alerts), reached by the applicant or by an advisor under their mandate.

pub mod alertes;
pub mod candidatures;
pub mod dossier;
pub mod mandats;
pub mod notifications;
pub mod recherches;
pub mod score;
