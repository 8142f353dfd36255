//! The printable summary (`/recapitulatif`, issue 12, point 4): in plain French, no
//! internal code, on one or two A4 pages.

use crate::banc::Banc;
use clef_server::demo;
use fantoccini::wd::PrintConfiguration;

/// Pages of a PDF as Chromium writes it (one `/Type /Page` object per page).
fn pages_pdf(pdf: &[u8]) -> usize {
    let texte = String::from_utf8_lossy(pdf);
    texte.matches("/Type /Page").count() - texte.matches("/Type /Pages").count()
}

#[tokio::test]
async fn the_printed_summary_speaks_french_and_fits_on_two_pages() {
    let banc = Banc::demarrer().await;
    banc.connecter(demo::COMPTES[0].0, "/mes-candidatures")
        .await;
    banc.ouvrir("/recapitulatif").await;
    banc.attendre_texte("main", "Mes candidatures en cours et passées")
        .await;
    banc.element(".recapitulatif table.score").await;
    let texte = banc.texte("main").await;
    // A code is a word with underscores (`rapprochement_travail`) or a criterion's id.
    let codes: Vec<&str> = texte
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|mot| mot.contains('_') || *mot == "anciennete")
        .collect();
    assert!(
        codes.is_empty(),
        "internal codes on the summary: {codes:?}\n{texte}"
    );
    assert!(texte.contains("Ancienneté"), "{texte}");

    let pdf = banc
        .navigateur
        .print(PrintConfiguration::default())
        .await
        .expect("print to PDF");
    let pages = pages_pdf(&pdf);
    assert!(
        (1..=2).contains(&pages),
        "the summary prints on {pages} A4 pages"
    );
}
