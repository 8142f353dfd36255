//! Properties of civil days: numbering is a bijection that respects the order of days.

use clef_domain::jour::Jour;
use proptest::prelude::*;

proptest! {
    #[test]
    fn numbering_round_trips_and_keeps_order(a in -719_162i32..2_932_896, b in -719_162i32..2_932_896) {
        let (ja, jb) = (Jour::depuis_numero(a).unwrap(), Jour::depuis_numero(b).unwrap());
        prop_assert_eq!(ja.numero(), a);
        prop_assert_eq!(ja.cmp(&jb), a.cmp(&b));
        prop_assert_eq!(ja.jours_jusqua(jb), b - a);
    }

    #[test]
    fn every_day_reads_back_from_its_iso_text(n in -719_162i32..2_932_896) {
        let j = Jour::depuis_numero(n).unwrap();
        prop_assert_eq!(j.to_string().parse::<Jour>(), Ok(j));
    }

    #[test]
    fn reading_any_text_never_panics(texte in ".{0,12}") {
        let _ = texte.parse::<Jour>();
    }
}
