//! `/territoire/…`: the territory's staff (the public reads the same data under
//! `/territoires/{slug}/…`, in `routes/territoires.rs`).

pub mod grilles;
pub mod leviers;
pub mod parametres;
