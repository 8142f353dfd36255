//! An uploaded photo: never a panic, and what is accepted is a JPEG within the size the
//! app shows.
#![no_main]

use clef_server::images::{COTE_MAX, nettoyer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|octets: &[u8]| {
    if let Ok(photo) = nettoyer(octets) {
        assert!(photo.largeur.max(photo.hauteur) <= COTE_MAX);
        assert_eq!(&photo.jpeg[..2], &[0xFF, 0xD8]);
    }
});
