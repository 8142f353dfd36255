//! Money, surfaces, numbers and dates in the reader's format (`452,30 €`, `67,5 m²`,
//! `30 novembre 2026`). The browser's Intl API does the work: its locale data is already
//! on the phone, so the app ships none.

use clef_domain::Jour;
use clef_domain::{Euros, Surface};
use js_sys::Intl::{
    DateTimeFormat, DateTimeFormatOptions, DayFormat, MonthFormat, NumberFormat,
    NumberFormatOptions, NumberFormatStyle, TrailingZeroDisplay, YearFormat,
};
use js_sys::{Array, Function, JsString};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

fn langues(balise: &str) -> Array {
    Array::of1(&JsString::from(balise))
}

/// The kinds of formatter the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Genre {
    Euros,
    Nombre,
    DateLongue,
}

thread_local! {
    /// Building an `Intl` formatter costs far more than using one (it was a third of the
    /// time spent drawing a page of cards): one per kind and language, kept for the page's
    /// life.
    static FORMATS: RefCell<HashMap<(Genre, String), Function>> = RefCell::default();
}

/// The `format` function of the formatter of `genre` in `balise`, built once.
fn formateur(genre: Genre, balise: &str) -> Function {
    let cle = (genre, balise.to_owned());
    if let Some(format) = FORMATS.with(|f| f.borrow().get(&cle).cloned()) {
        return format;
    }
    let format = construire(genre, balise);
    FORMATS.with(|f| f.borrow_mut().insert(cle, format.clone()));
    format
}

fn construire(genre: Genre, balise: &str) -> Function {
    match genre {
        Genre::Euros => {
            let options = NumberFormatOptions::new();
            options.set_style(NumberFormatStyle::Currency);
            options.set_currency("EUR");
            options.set_trailing_zero_display(TrailingZeroDisplay::StripIfInteger);
            NumberFormat::new(&langues(balise), options.unchecked_ref()).format()
        }
        Genre::Nombre => {
            let options = NumberFormatOptions::new();
            options.set_maximum_fraction_digits(1);
            NumberFormat::new(&langues(balise), options.unchecked_ref()).format()
        }
        Genre::DateLongue => {
            let options = DateTimeFormatOptions::new();
            options.set_day(DayFormat::Numeric);
            options.set_month(MonthFormat::Long);
            options.set_year(YearFormat::Numeric);
            // Noon UTC, formatted in UTC: the civil day whatever the phone's time zone.
            options.set_time_zone("UTC");
            DateTimeFormat::new(&langues(balise), options.unchecked_ref()).format()
        }
    }
}

fn appliquer(genre: Genre, balise: &str, valeur: &JsValue) -> String {
    formateur(genre, balise)
        .call1(&JsValue::NULL, valeur)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// `452,30 €`, and `450 €` for whole amounts.
pub fn euros(balise: &str, montant: Euros) -> String {
    appliquer(
        Genre::Euros,
        balise,
        &JsValue::from_f64(montant.centimes() as f64 / 100.0),
    )
}

/// `67,5 m²`.
pub fn surface(balise: &str, surface: Surface) -> String {
    format!("{} m²", nombre(balise, surface.m2()))
}

/// `12 759`, `67,5`: digits grouped, decimal comma.
pub fn nombre(balise: &str, valeur: f64) -> String {
    appliquer(Genre::Nombre, balise, &JsValue::from_f64(valeur))
}

/// `30 novembre 2026`, `1er décembre 2026`.
pub fn date_longue(balise: &str, date: Jour) -> String {
    let instant = js_sys::Date::new(&JsValue::from_str(&format!("{date}T12:00:00Z")));
    let texte = appliquer(Genre::DateLongue, balise, &instant);
    // French writes the first of the month as an ordinal: « 1er décembre 2026 ».
    if balise.starts_with("fr") && date.jour() == 1 {
        return texte.replacen('1', "1er", 1);
    }
    texte
}

/// `19,5 %` of a share of lettings, or a dash when nothing is counted yet.
pub fn pourcentage(balise: &str, part: clef_domain::mixite::Part) -> String {
    part.pour_mille()
        .map(|pm| format!("{} %", nombre(balise, f64::from(pm) / 10.0)))
        .unwrap_or_else(|| "–".to_owned())
}
