//! The request form (*Mon dossier*) as JSON: never a panic, whatever the household.
#![no_main]

use clef_domain::demande::{Demande, DemandeSaisie};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|octets: &[u8]| {
    if let Ok(saisie) = serde_json::from_slice::<DemandeSaisie>(octets) {
        let _ = Demande::depuis_saisie(saisie);
    }
});
