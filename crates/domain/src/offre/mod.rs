//! A listing (*offre*): a vacant social home published for a fixed window.

mod dpe;
mod fenetre;
mod financement;
mod projet;
mod reservataire;
mod typologie;
mod zone;

pub use dpe::EtiquetteDpe;
pub use fenetre::{EtatOffre, FenetreInvalide, FenetrePublication};
pub use financement::Financement;
pub use projet::*;
pub use reservataire::Reservataire;
pub use typologie::Typologie;
pub use zone::{Zone, zone_de_commune};

/// A closed set of values that has a stable code on the wire and in URLs.
pub trait Code: Sized + Copy + 'static {
    /// Every value, in display order.
    const TOUS: &'static [Self];

    /// The stable code: in JSON, in the database and in URLs.
    fn code(self) -> &'static str;

    /// Reads a code; case does not matter (people type URLs by hand).
    fn depuis_code(code: &str) -> Option<Self> {
        Self::TOUS
            .iter()
            .copied()
            .find(|v| v.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// Implements serde through [`Code`], so JSON, SQL and URLs use the same spelling.
macro_rules! serde_par_code {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::offre::Code::code(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$t as $crate::offre::Code>::depuis_code(&code)
                    .ok_or_else(|| serde::de::Error::custom(format!("valeur inconnue : {code}")))
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $t {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some(
                        <$t as $crate::offre::Code>::TOUS
                            .iter()
                            .map(|v| $crate::offre::Code::code(*v)),
                    ))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $t {}
    };
}
pub(crate) use serde_par_code;
