//! The id of a resource in the path (`/…/{id}`): a positive whole number. Anything else
//! is refused before the handler runs, with the same French problem+json naming `id`
//! everywhere, and before the body is read.

use crate::probleme::ErreurApi;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use clef_domain::erreur::CodeErreur;

/// A resource id taken from the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id(pub i64);

/// Reads an id: a positive whole number, else a 400 naming `id`.
pub fn identifiant(texte: &str) -> Result<i64, ErreurApi> {
    texte
        .parse()
        .ok()
        .filter(|&id: &i64| id > 0)
        .ok_or_else(|| ErreurApi::champ("id", CodeErreur::PasUnNombre))
}

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ErreurApi;

    async fn from_request_parts(parts: &mut Parts, etat: &S) -> Result<Self, ErreurApi> {
        let Path(texte) = Path::<String>::from_request_parts(parts, etat)
            .await
            .map_err(|_| ErreurApi::champ("id", CodeErreur::PasUnNombre))?;
        let id = identifiant(&texte)?;
        tracing::Span::current().record("id", id);
        Ok(Id(id))
    }
}

#[cfg(test)]
mod tests {
    use super::identifiant;

    #[test]
    fn only_positive_whole_numbers_are_ids() {
        assert_eq!(identifiant("42").ok(), Some(42));
        for mauvais in ["", "0", "-1", "1.5", "abc", "4 2", "99999999999999999999"] {
            assert!(identifiant(mauvais).is_err(), "{mauvais:?}");
        }
    }
}
