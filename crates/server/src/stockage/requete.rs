//! A query written piece by piece, its values numbered `$1, $2…`: the one spelling of
//! parameters both SQLite and PostgreSQL read. (sqlx's `QueryBuilder` writes `?` for the
//! `Any` driver, which PostgreSQL does not read.)

use sqlx::any::{Any, AnyArguments};
use sqlx::query::{QueryAs, QueryScalar};
use sqlx::{Arguments, Encode, Type};
use std::fmt::Write;

pub struct Requete<'a> {
    sql: String,
    arguments: AnyArguments<'a>,
    valeurs: usize,
}

impl<'a> Requete<'a> {
    pub fn new(debut: impl Into<String>) -> Self {
        Requete {
            sql: debut.into(),
            arguments: AnyArguments::default(),
            valeurs: 0,
        }
    }

    /// SQL text, as is.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// A value, written as its number.
    pub fn push_bind<T>(&mut self, valeur: T) -> &mut Self
    where
        T: 'a + Encode<'a, Any> + Type<Any>,
    {
        self.valeurs += 1;
        // Adding a value to `AnyArguments` only stores it (its encoding cannot fail).
        let _ = self.arguments.add(valeur);
        let _ = write!(self.sql, "${}", self.valeurs);
        self
    }

    /// Values separated by commas (the inside of `IN (…)`).
    pub fn push_liste<T>(&mut self, valeurs: impl IntoIterator<Item = T>) -> &mut Self
    where
        T: 'a + Encode<'a, Any> + Type<Any>,
    {
        for (i, valeur) in valeurs.into_iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.push_bind(valeur);
        }
        self
    }

    #[cfg(test)]
    pub fn sql(&self) -> &str {
        &self.sql
    }

    pub fn build_query_as<O>(&mut self) -> QueryAs<'_, Any, O, AnyArguments<'_>>
    where
        O: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        sqlx::query_as_with(&self.sql, std::mem::take(&mut self.arguments))
    }

    pub fn build_query_scalar<O>(&mut self) -> QueryScalar<'_, Any, O, AnyArguments<'_>>
    where
        (O,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        sqlx::query_scalar_with(&self.sql, std::mem::take(&mut self.arguments))
    }
}

#[cfg(test)]
mod tests {
    use super::Requete;

    #[test]
    fn values_are_numbered_in_order() {
        let mut r = Requete::new("SELECT 1 FROM offres WHERE a = ");
        r.push_bind(1_i64).push(" AND b IN (");
        r.push_liste(["x", "y"]).push(") AND c = ").push_bind("z");
        assert_eq!(
            r.sql(),
            "SELECT 1 FROM offres WHERE a = $1 AND b IN ($2, $3) AND c = $4"
        );
    }
}
