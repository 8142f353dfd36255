//! Whether an address stands in a priority neighbourhood (QPV): the territory keeps, for
//! each QPV, the streets it covers (as the official lists do); an address is in the QPV
//! whose street it names. The same comparison for every landlord, and no choice left to
//! whoever publishes.

/// A street name as compared: lower case, without accents, hyphens or apostrophes, without
/// the house number (`12`, `12 bis`, `12B`) nor what comes before a comma (`Bâtiment B,`).
pub fn voie(adresse: &str) -> String {
    let segment = adresse.rsplit(',').next().unwrap_or(adresse);
    let simple: String = segment
        .chars()
        .map(sans_accent)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mots: Vec<&str> = simple.split_whitespace().collect();
    let debut = mots
        .iter()
        .position(|m| !m.starts_with(|c: char| c.is_ascii_digit()) && !COMPLEMENTS.contains(m))
        .unwrap_or(mots.len());
    mots[debut..].join(" ")
}

const COMPLEMENTS: [&str; 4] = ["bis", "ter", "quater", "b"];

/// Text as a search compares it: lower case, without accents.
pub fn simplifie(texte: &str) -> String {
    texte.chars().map(sans_accent).collect()
}

fn sans_accent(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'œ' => 'o',
        autre => autre,
    }
}

/// What the territory lists for the street of `adresse` among `(what, street)` pairs of
/// the commune (a QPV, a programme's fragility class), if any.
pub fn de_l_adresse<'a, T>(adresse: &str, voies: &'a [(T, String)]) -> Option<&'a T> {
    let cherchee = voie(adresse);
    if cherchee.is_empty() {
        return None;
    }
    voies
        .iter()
        .find(|(_, v)| voie(v) == cherchee)
        .map(|(quoi, _)| quoi)
}

/// The QPV of `adresse` among the commune's `(QPV, street)` pairs, if any.
pub fn qpv_de_l_adresse<'a>(adresse: &str, voies: &'a [(String, String)]) -> Option<&'a str> {
    de_l_adresse(adresse, voies).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_street_is_read_as_people_write_it() {
        assert_eq!(voie("12 rue de Lille"), "rue de lille");
        assert_eq!(voie("12 bis, Rue de  Lille"), "rue de lille");
        assert_eq!(
            voie("Bâtiment B, 3 avenue du Mont-Liébaut"),
            "avenue du mont liebaut"
        );
        assert_eq!(voie("4B allée de l'Église"), "allee de l eglise");
        assert_eq!(voie("  "), "");
    }

    #[test]
    fn an_address_is_in_the_qpv_whose_street_it_names() {
        let voies = vec![
            ("Rue de Lille".to_owned(), "rue de Lille".to_owned()),
            (
                "Mont-Liébaut".to_owned(),
                "avenue du Mont-Liébaut".to_owned(),
            ),
        ];
        assert_eq!(
            qpv_de_l_adresse("8 RUE DE LILLE", &voies),
            Some("Rue de Lille")
        );
        assert_eq!(
            qpv_de_l_adresse("Bât. C, 2 avenue du Mont Liebaut", &voies),
            Some("Mont-Liébaut")
        );
        // Another street that merely contains the name is not in it.
        assert_eq!(qpv_de_l_adresse("5 rue de Lille prolongée", &voies), None);
        assert_eq!(qpv_de_l_adresse("12 rue des Tilleuls", &voies), None);
        assert_eq!(qpv_de_l_adresse("", &voies), None);
    }
}
