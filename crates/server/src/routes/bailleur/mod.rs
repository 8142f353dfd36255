//! `/bailleur/…`: landlord staff. Every query is bound to the staff member's organisation.

pub mod decisions;
pub mod offres;
pub mod publication;
