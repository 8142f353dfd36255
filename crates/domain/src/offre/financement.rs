use super::{Code, serde_par_code};

/// How the home was financed; it decides the income ceiling and the rent level.
///
/// PLAI (prêt locatif aidé d'intégration) for the lowest incomes, PLUS (prêt locatif à
/// usage social) the standard social home, PLS (prêt locatif social) the intermediate tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Financement {
    Plai,
    Plus,
    Pls,
}

impl Code for Financement {
    const TOUS: &'static [Self] = &[Financement::Plai, Financement::Plus, Financement::Pls];

    fn code(self) -> &'static str {
        match self {
            Financement::Plai => "PLAI",
            Financement::Plus => "PLUS",
            Financement::Pls => "PLS",
        }
    }
}

serde_par_code!(Financement);
