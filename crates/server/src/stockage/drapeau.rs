//! A yes/no read from the database: SQLite stores it as an integer (0 or 1), PostgreSQL
//! answers `EXISTS` and comparisons with a boolean. sqlx's `Any` driver decodes `bool`
//! only from a boolean, so every yes/no column or expression is read through this. Yes/no
//! columns are integers on both engines, so a yes/no stored is bound through it too (a
//! boolean parameter stays a boolean where SQL tests it, as in `CASE WHEN $1`).

use sqlx::any::{Any, AnyTypeInfo, AnyTypeInfoKind, AnyValueRef};
use sqlx::decode::Decode;
use sqlx::encode::{Encode, IsNull};
use sqlx::error::BoxDynError;
use sqlx::{Type, ValueRef};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drapeau(pub bool);

impl From<Drapeau> for bool {
    fn from(d: Drapeau) -> bool {
        d.0
    }
}

impl Type<Any> for Drapeau {
    fn type_info() -> AnyTypeInfo {
        <bool as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <bool as Type<Any>>::compatible(ty) || <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Drapeau {
    fn decode(valeur: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        if valeur.type_info().kind() == AnyTypeInfoKind::Bool {
            Ok(Drapeau(<bool as Decode<Any>>::decode(valeur)?))
        } else {
            Ok(Drapeau(<i64 as Decode<Any>>::decode(valeur)? != 0))
        }
    }
}

impl<'q> Encode<'q, Any> for Drapeau {
    fn encode_by_ref(
        &self,
        tampon: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<'q, Any>>::encode_by_ref(&i64::from(self.0), tampon)
    }
}
