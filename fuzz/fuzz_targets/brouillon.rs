//! A listing draft as landlord staff send it: never a panic, and a draft whose texts are
//! refused is never one that publishing would accept.
#![no_main]

use clef_domain::jour;
use clef_domain::offre::ProjetOffre;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|octets: &[u8]| {
    if let Ok(projet) = serde_json::from_slice::<ProjetOffre>(octets) {
        let saisie = projet.verifier_saisie();
        let publication = projet.verifier(jour!(2026, 11, 22), true);
        assert!(saisie.is_empty() || !publication.is_empty());
    }
});
