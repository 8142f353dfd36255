//! Demonstration advisors: two France Services offices (invented staff), one advisor each,
//! with the TOTP secret their authenticator app would hold (listed in the README).

use super::demandeurs::HACHE;
use crate::probleme::ErreurApi;
use crate::stockage::semis;
use clef_domain::api::Role;
use sqlx::AnyPool;

/// Support structures (slug, name, commune).
pub const STRUCTURES: [(&str, &str, &str); 2] = [
    (
        "france-services-bethune",
        "France Services de Béthune",
        "Béthune",
    ),
    (
        "france-services-bruay",
        "France Services de Bruay-la-Buissière",
        "Bruay-la-Buissière",
    ),
];

/// The demo advisor's TOTP secret (base32, 160 bits): add it to any authenticator app.
pub const SECRET_TOTP_DEMO: &str = "CLEFDEMOCONSEILLERBETHUNEFRANCES";

/// Advisors (e-mail, structure slug, name, TOTP secret); the first is in `COMPTES`.
pub const CONSEILLERS: [(&str, &str, &str, &str); 2] = [
    (
        "conseiller@demo.clef.fr",
        "france-services-bethune",
        "Conseillère de démonstration",
        SECRET_TOTP_DEMO,
    ),
    (
        "conseiller-bruay@demo.clef.fr",
        "france-services-bruay",
        "Conseiller de démonstration",
        "CLEFDEMOCONSEILLERBRUAYLABUISSIE",
    ),
];

/// Adds the structures and binds each demo advisor to theirs (creating the accounts that
/// are not there); safe to run on every start.
pub async fn lier(base: &AnyPool, territoire_id: i64) -> Result<(), ErreurApi> {
    let mut tx = base.begin().await?;
    for structure in STRUCTURES {
        semis::structure(&mut tx, territoire_id, structure).await?;
    }
    for (email, structure, nom, secret) in CONSEILLERS {
        semis::compte(&mut tx, email, HACHE, Role::Conseiller).await?;
        semis::conseiller(&mut tx, email, structure, nom, secret).await?;
    }
    tx.commit().await?;
    Ok(())
}
