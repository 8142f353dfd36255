//! Widgets shared by several pages, one per file.

mod bandeau_demo;
mod carte_offre;
mod delai;
mod entete;
mod etat_erreur;
mod filtres;
mod galerie;
mod pagination;
mod pied;
mod squelette;
mod table_grille;
mod table_plafonds;
mod titre;

pub use bandeau_demo::BandeauDemo;
pub use carte_offre::CarteOffre;
pub use delai::Delai;
pub use entete::{Entete, LienEvitement};
pub use etat_erreur::EtatErreur;
pub use filtres::Filtres;
pub use galerie::Galerie;
pub use pagination::Pagination;
pub use pied::Pied;
pub use squelette::SqueletteCartes;
pub use table_grille::TableGrille;
pub use table_plafonds::TablePlafonds;
pub use titre::titre_document;
