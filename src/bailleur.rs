//! Mounts the landlord app: its own wasm, so that applicants never download its screens.

fn main() {
    console_error_panic_hook::set_once();
    clef::demarrer(clef::Espace::Bailleur, clef::routes_bailleur);
}
