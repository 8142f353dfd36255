//! Generates the `i18n` module from `locales/*.json` (leptos_i18n): every UI string of the
//! app is a key checked at compile time.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set by cargo")?;
    let i18n_mod_directory = PathBuf::from(out_dir).join("i18n");
    // `interpolate_display`: interpolated strings also for attributes (aria-label, title).
    let config = Config::new("fr")?
        .add_locale("en")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(i18n_mod_directory)?;
    Ok(())
}
