//! The scoring grid (*cotation de la demande*): the grid as data, the score of a household
//! for a home, and the demonstration grid of the Béthune territory.

mod bethune;
mod calcul;
mod grille;
mod score;

pub use bethune::grille_bethune;
pub use calcul::{Contexte, coter, coter_menage};
pub use grille::{
    CRITERES_MAX, Condition, Critere, Fait, Grille, Mesure, POINTS_MAX, Regle, Tranche,
    verifier_entree_en_vigueur, verifier_priorites,
};
pub use score::{CRITERE_PROTEGE, Ligne, Pourquoi, Score};
