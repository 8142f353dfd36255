//! `clef-server`: serves the API and the app. Configuration by environment variables (see
//! the README): `CLEF_ADDR`, `CLEF_DATABASE_URL`, `CLEF_DIST`, `CLEF_DEMO`, and for e-mails
//! `CLEF_SMTP_URL`, `CLEF_COURRIELS`, `CLEF_EXPEDITEUR`, `CLEF_URL_PUBLIQUE`,
//! `CLEF_TOURNEE_SECONDES`.

use anyhow::Context;
use clef_server::courriel::{Courrier, Poste, alertes};
use clef_server::{Config, Etat, Horloge, HorlogeParis, application, demo, servir, stockage};
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::depuis(|cle| std::env::var(cle).ok())?;
    let horloge = HorlogeParis::new().context("fuseau Europe/Paris")?;
    let base = stockage::ouvrir(&config.base)
        .await
        .with_context(|| format!("ouverture de la base {}", config.base))?;
    if config.demo {
        let semis = demo::semer(&base, horloge.aujourdhui())
            .await
            .context("données de démonstration")?;
        tracing::info!(
            offres_ajoutees = semis.offres_ajoutees,
            "données de démonstration en place"
        );
    }
    let dist = config
        .dist
        .join("index.html")
        .is_file()
        .then(|| config.dist.clone());
    if dist.is_none() {
        tracing::warn!(dist = %config.dist.display(), "application non construite : seule l'API est servie (lancez `cargo xtask run`)");
    }
    let courrier = match &config.smtp {
        Some(url) => Courrier::smtp(url).context("CLEF_SMTP_URL")?,
        None => {
            tracing::info!(dossier = %config.courriels.display(), "sans CLEF_SMTP_URL, les courriels sont écrits en fichiers .eml");
            Courrier::dossier(&config.courriels)
        }
    };
    if !config.adresse.ip().is_loopback() && !config.reseau().https {
        tracing::warn!(
            "Clef écoute sur {} avec une adresse publique en http : les cookies de session ne \
             sont pas marqués Secure (donnez CLEF_URL_PUBLIQUE=https://…)",
            config.adresse
        );
    }
    let etat = Etat {
        base,
        horloge: Arc::new(horloge),
        reseau: config.reseau(),
        hachages: clef_server::atelier::Atelier::hachages(),
        photos: clef_server::atelier::Atelier::photos(),
        poste: Poste {
            courrier,
            expediteur: config.expediteur.clone(),
            url_publique: config.url_publique.clone(),
        },
    };
    // E-mail alerts go out in rounds.
    let tournees = etat.clone();
    let periode = std::time::Duration::from_secs(config.tournee_secondes);
    tokio::spawn(async move {
        let mut horloge = tokio::time::interval(periode);
        loop {
            horloge.tick().await;
            match alertes::tournee(&tournees).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(courriels = n, "alertes envoyées"),
                Err(e) => tracing::warn!(erreur = %e, "tournée des alertes interrompue"),
            }
        }
    });
    let app = application(etat, dist);
    let ecoute = tokio::net::TcpListener::bind(config.adresse)
        .await
        .with_context(|| format!("écoute sur {}", config.adresse))?;
    tracing::info!("Clef est servi sur http://{}", ecoute.local_addr()?);
    servir(ecoute, app, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
