//! What can go wrong in the storage layer. The HTTP error type stays in the routes: this
//! one knows nothing of status codes, and becomes an `ErreurApi` through `From`.

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum Erreur {
    /// The database engine refused or failed.
    #[error("base de données : {0}")]
    Base(#[from] sqlx::Error),
    /// A stored value that the code cannot read (a code it does not know, bad JSON).
    #[error("donnée stockée illisible : {0}")]
    Illisible(String),
    /// A value that could not be written (serialisation).
    #[error("écriture impossible : {0}")]
    Ecriture(String),
}

impl Erreur {
    /// A stored value that is not what the column should hold.
    pub fn illisible(colonne: &str, valeur: impl std::fmt::Display) -> Self {
        Erreur::Illisible(format!("{colonne} = {valeur}"))
    }
}
