//! Money, always in integer euro cents: no float ever touches an amount.

use serde::{Deserialize, Serialize};

/// An amount of money in euro cents (`Euros::from_centimes(45_230)` is 452,30 €).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Euros(i64);

impl Euros {
    pub const ZERO: Euros = Euros(0);

    pub const fn from_centimes(centimes: i64) -> Self {
        Euros(centimes)
    }

    pub const fn from_euros(euros: i64) -> Self {
        Euros(euros * 100)
    }

    pub const fn centimes(self) -> i64 {
        self.0
    }

    /// Whole euros, rounded down (amounts here are never negative).
    pub const fn euros_entiers(self) -> i64 {
        self.0.div_euclid(100)
    }
}

impl std::ops::Add for Euros {
    type Output = Euros;
    fn add(self, other: Euros) -> Euros {
        Euros(self.0 + other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_are_stored_as_cents_and_serialised_as_an_integer() {
        let loyer = Euros::from_euros(452) + Euros::from_centimes(30);
        assert_eq!(loyer.centimes(), 45_230);
        assert_eq!(loyer.euros_entiers(), 452);
        assert_eq!(serde_json::to_string(&loyer).unwrap(), "45230");
    }
}
