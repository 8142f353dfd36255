//! Numbers as people type them in forms (`18 500`, `390,50 €`, `45,5`), and back; the ids
//! of fields' inputs.

use clef_domain::Surface;
use clef_domain::erreur::CodeErreur;

/// Units people type after a number, which say nothing more than the field's label.
const UNITES: [&str; 5] = ["euros", "eur", "€", "m²", "m2"];

/// `18 500`, `18500,50` or `18 500 €` in euros, as cents; an empty text is `None`.
pub fn centimes(texte: &str) -> Result<Option<i64>, CodeErreur> {
    let texte = texte.trim().to_lowercase();
    let texte = UNITES
        .iter()
        .find_map(|u| texte.strip_suffix(u))
        .unwrap_or(&texte);
    let net: String = texte
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if net.is_empty() {
        return Ok(None);
    }
    let (entiers, decimales) = net.split_once('.').unwrap_or((&net, ""));
    let chiffres = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if entiers.is_empty() || !chiffres(entiers) || !chiffres(decimales) || decimales.len() > 2 {
        return Err(CodeErreur::PasUnNombre);
    }
    let euros: i64 = entiers.parse().map_err(|_| CodeErreur::PasUnNombre)?;
    let cents: i64 = format!("{decimales:0<2}").parse().unwrap_or(0);
    euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .map(Some)
        .ok_or(CodeErreur::PasUnNombre)
}

/// `45`, `45,5`, `45.5` or `45,5 m²`, as tenths of m²; an empty text is `None`.
pub fn dixiemes(texte: &str) -> Result<Option<u32>, CodeErreur> {
    Ok(centimes(texte)?.map(|c| u32::try_from(c / 10).unwrap_or(u32::MAX)))
}

pub fn en_texte_euros(centimes: Option<i64>) -> String {
    match centimes {
        None => String::new(),
        Some(c) if c % 100 == 0 => (c / 100).to_string(),
        Some(c) => format!("{},{:02}", c / 100, c % 100),
    }
}

pub fn en_texte_surface(surface: Surface) -> String {
    let d = surface.dixiemes();
    if d.is_multiple_of(10) {
        (d / 10).to_string()
    } else {
        format!("{},{}", d / 10, d % 10)
    }
}

/// The id of a field's input: `membres.0.age` is `membres-0-age`.
pub fn id_de(champ: &str) -> String {
    champ.replace(['.', '_'], "-")
}

/// Today on this phone's calendar, for checks made before sending (the server checks
/// again against its own day).
pub fn aujourdhui() -> Option<clef_domain::Jour> {
    let maintenant = js_sys::Date::new_0();
    clef_domain::Jour::new(
        i16::try_from(maintenant.get_full_year()).ok()?,
        u8::try_from(maintenant.get_month() + 1).ok()?,
        u8::try_from(maintenant.get_date()).ok()?,
    )
    .ok()
}
