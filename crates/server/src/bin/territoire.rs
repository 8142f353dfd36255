//! `clef-territoire CHEMIN [OFFRES]`: writes at CHEMIN (a new SQLite file) the demo grown
//! into a territory's whole history (`demo::histoire`), 50,000 listings unless OFFRES says
//! otherwise, everything else in proportion, and beside it `CHEMIN.carte.json` (with the
//! extension replaced): the most and least disputed open listings and the households who
//! applied to nothing, which `cargo xtask bench` uses. `cargo xtask territoire` runs it.

use anyhow::{Context, bail};
use clef_server::demo::histoire::{Taille, grandir};
use clef_server::{Horloge, HorlogeParis, stockage};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let mut args = std::env::args().skip(1);
    let Some(chemin) = args.next() else {
        bail!("usage : clef-territoire CHEMIN [OFFRES]");
    };
    let taille = match args.next() {
        Some(n) => Taille::pour(n.parse().context("OFFRES : un nombre de logements")?),
        None => Taille::TERRITOIRE,
    };
    if std::path::Path::new(&chemin).exists() {
        bail!("{chemin} existe déjà : choisissez un nouveau fichier");
    }
    let debut = std::time::Instant::now();
    let base = stockage::ouvrir(&format!("sqlite:{chemin}")).await?;
    let aujourdhui = HorlogeParis::new()
        .context("fuseau Europe/Paris")?
        .aujourdhui();
    let bilan = grandir(&base, aujourdhui, taille).await?;
    base.close().await;
    // What the bench needs to know of it.
    let carte = serde_json::json!({
        "disputee": bilan.disputee,
        "calme": bilan.calme,
        "libres": [bilan.libres.start(), bilan.libres.end()],
    });
    let chemin_carte = std::path::Path::new(&chemin).with_extension("carte.json");
    std::fs::write(&chemin_carte, carte.to_string())
        .with_context(|| format!("{}", chemin_carte.display()))?;
    println!(
        "{chemin} : {} offres, {} demandeurs, {} candidatures, {} classements, {} attributions, \
         {} sessions, en {} s",
        bilan.offres,
        bilan.demandeurs,
        bilan.candidatures,
        bilan.classees,
        bilan.attribuees,
        bilan.seances,
        debut.elapsed().as_secs()
    );
    Ok(())
}
