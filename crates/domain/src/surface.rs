//! Surfaces in square metres with one decimal, stored as tenths of m².

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A habitable surface. `Surface::from_dixiemes(675)` is 67,5 m².
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Surface(u32);

/// Larger than any home we will ever publish; catches unit mistakes (cm² for m²).
const SURFACE_MAX_DIXIEMES: u32 = 10_000;

impl Surface {
    pub const fn from_dixiemes(dixiemes: u32) -> Self {
        Surface(dixiemes)
    }

    pub const fn dixiemes(self) -> u32 {
        self.0
    }

    pub fn m2(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// Reads a surface given in m² (JSON number), keeping one decimal.
    pub fn from_m2(m2: f64) -> Option<Self> {
        let dixiemes = (m2 * 10.0).round();
        (m2.is_finite() && dixiemes > 0.0 && dixiemes <= f64::from(SURFACE_MAX_DIXIEMES))
            .then_some(Surface(dixiemes as u32))
    }
}

impl Serialize for Surface {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.m2())
    }
}

impl<'de> Deserialize<'de> for Surface {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let m2 = f64::deserialize(deserializer)?;
        Surface::from_m2(m2)
            .ok_or_else(|| serde::de::Error::custom(format!("surface hors limites : {m2} m²")))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Surface {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Number)
            .description(Some("Surface habitable en m², une décimale"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Surface {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surface_keeps_one_decimal_through_json() {
        let s = Surface::from_dixiemes(675);
        assert_eq!(serde_json::to_string(&s).unwrap(), "67.5");
        let back: Surface = serde_json::from_str("67.54").unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn impossible_surfaces_are_refused() {
        assert!(serde_json::from_str::<Surface>("0").is_err());
        assert!(serde_json::from_str::<Surface>("-12").is_err());
        assert!(serde_json::from_str::<Surface>("5000").is_err());
    }
}
