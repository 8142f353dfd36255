//! A forgotten password: `/mot-de-passe-oublie` asks for a link by e-mail;
//! `/mot-de-passe/nouveau` is where the link leads (its token in the fragment, never sent
//! to a server's logs) to choose the new password.

mod nouveau;
mod oubli;

pub use nouveau::PageNouveauMotDePasse;
pub use oubli::PageMotDePasseOublie;
