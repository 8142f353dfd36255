//! The bridge between the i18n locale and the browser's own formatting (Intl).

use crate::i18n::Locale;

/// The BCP 47 tag the browser formats numbers and dates with.
pub fn balise(locale: Locale) -> &'static str {
    match locale {
        Locale::fr => "fr-FR",
    }
}

/// The current locale's tag. Views are built for one locale: the app renders again as a
/// whole when the locale changes (see `App`), so nothing here needs to be reactive.
pub fn use_balise() -> &'static str {
    let i18n = crate::i18n::use_i18n();
    balise(i18n.get_locale_untracked())
}
