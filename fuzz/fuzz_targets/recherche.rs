//! The search's query string, as any link may carry it: never a panic, and what is
//! accepted reads back the same from the query the app writes for it.
#![no_main]

use clef_domain::recherche::Recherche;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|octets: &[u8]| {
    let paires: Vec<(String, String)> = form_urlencoded::parse(octets).into_owned().collect();
    let paires = paires.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let _ = Recherche::depuis_paires_en_ignorant(paires.clone());
    if let Ok(recherche) = Recherche::depuis_paires(paires) {
        let ecrites = recherche.en_paires();
        let relue = Recherche::depuis_paires(ecrites.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(relue.as_ref(), Ok(&recherche));
    }
});
