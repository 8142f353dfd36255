//! What a text typed by someone may hold. Letters, digits, punctuation, emoji and line
//! breaks, yes; control characters (NUL, escape...), bidirectional overrides and isolates
//! (which make a text read differently from what it holds: "trojan source") and invisible
//! characters (zero-width spaces, joiners at the start...) no: they hide content from the
//! person who reads it, and some break what stores or sends it (a NUL in an e-mail address).

/// Whether `texte` holds only what a person can see and mean. Line breaks and tabs are
/// allowed where `lignes` is true (descriptions, free-text motives).
pub fn propre(texte: &str, lignes: bool) -> bool {
    texte.chars().all(|c| match c {
        '\n' | '\r' | '\t' => lignes,
        c => !interdit(c),
    })
}

fn interdit(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Zero-width space, non-joiner, left-to-right and right-to-left marks.
            '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}'
            // Bidirectional embeddings and overrides, then isolates.
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            // Word joiner and invisible operators, byte-order mark, interlinear annotations.
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_people_type_is_kept_and_what_hides_text_is_not() {
        for bon in [
            "T3 lumineux, proche gare",
            "Résidence « Les Tilleuls » – 2ᵉ étage",
            "Appartement 👍 👨‍👩‍👧",
            "مرحبا",
            "",
        ] {
            assert!(propre(bon, false), "{bon:?}");
        }
        assert!(propre("Première ligne\nSeconde ligne", true));
        assert!(!propre("Première ligne\nSeconde ligne", false));
        for mauvais in [
            "marie\0@exemple.fr",
            "loyer \u{202E}087\u{202C} €",
            "\u{2067}isolé\u{2069}",
            "invisible\u{200B}ici",
            "\u{FEFF}début",
            "échappement \u{1B}[31m",
            "suppression \u{7F}",
        ] {
            assert!(!propre(mauvais, true), "{mauvais:?}");
        }
    }
}
