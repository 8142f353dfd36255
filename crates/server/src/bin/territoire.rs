//! `clef-territoire DESTINATION [OFFRES] [--carte CARTE]`: writes into DESTINATION (a new
//! SQLite file, or the `postgres://` URL of an empty database) the demo grown into a
//! territory's whole history (`demo::histoire`), 50,000 listings unless OFFRES says
//! otherwise, everything else in proportion, and at CARTE (by default beside the SQLite
//! file, `DESTINATION.carte.json` with the extension replaced) the most and least
//! disputed open listings and the households who applied to nothing, which `cargo xtask
//! bench` uses. `cargo xtask territoire` runs it.

use anyhow::{Context, bail};
use clef_server::demo::histoire::{Taille, grandir};
use clef_server::{Horloge, HorlogeParis, stockage};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    clef_server::journaux::installer();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let carte = match args.iter().position(|a| a == "--carte") {
        Some(i) if i + 1 < args.len() => {
            let carte = args.remove(i + 1);
            args.remove(i);
            Some(std::path::PathBuf::from(carte))
        }
        Some(_) => bail!("--carte : un chemin attendu"),
        None => None,
    };
    let mut args = args.into_iter();
    let Some(chemin) = args.next() else {
        bail!("usage : clef-territoire DESTINATION [OFFRES] [--carte CARTE]");
    };
    let taille = match args.next() {
        Some(n) => Taille::pour(n.parse().context("OFFRES : un nombre de logements")?),
        None => Taille::TERRITOIRE,
    };
    let postgres = stockage::Moteur::de_l_url(&chemin) == Some(stockage::Moteur::Postgres);
    let (url, chemin_carte) = if postgres {
        let carte = carte.context("--carte : où écrire la carte d'une base PostgreSQL")?;
        (chemin.clone(), carte)
    } else {
        if std::path::Path::new(&chemin).exists() {
            bail!("{chemin} existe déjà : choisissez un nouveau fichier");
        }
        let carte =
            carte.unwrap_or_else(|| std::path::Path::new(&chemin).with_extension("carte.json"));
        (format!("sqlite:{chemin}"), carte)
    };
    let debut = std::time::Instant::now();
    let base = stockage::ouvrir(&url).await?;
    if postgres && stockage::offres::dernier_id(&base).await? > 0 {
        bail!("{chemin} : la base n'est pas vide");
    }
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
