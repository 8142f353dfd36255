//! Mounts the public app; everything else is in the library so tests can import it.

fn main() {
    console_error_panic_hook::set_once();
    clef::demarrer(clef::Espace::Public, clef::routes_publiques);
}
