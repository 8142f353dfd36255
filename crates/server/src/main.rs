//! `clef-server`: serves the API and the app. Configuration by environment variables (see
//! the README): `CLEF_ADDR`, `CLEF_DATABASE_URL`, `CLEF_DIST`, `CLEF_DEMO`, and for e-mails
//! `CLEF_SMTP_URL`, `CLEF_COURRIELS`, `CLEF_EXPEDITEUR`, `CLEF_URL_PUBLIQUE`,
//! `CLEF_TOURNEE_SECONDES`.

use anyhow::Context;
use clef_server::compte::coffre::Coffre;
use clef_server::courriel::{Courrier, Poste, alertes};
use clef_server::{Config, Etat, Horloge, HorlogeParis, application, demo, servir, stockage};
use std::sync::Arc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    clef_server::journaux::installer();
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
    let coffre = coffre(&config)?;
    let rechiffres = clef_server::compte::coffre::rechiffrer(&base, &coffre).await?;
    if rechiffres > 0 {
        tracing::info!(
            secrets = rechiffres,
            "secrets chiffrés avec la clé en vigueur"
        );
    }
    let etat = Etat {
        base,
        horloge: Arc::new(horloge),
        reseau: config.reseau(),
        hachages: clef_server::atelier::Atelier::hachages(),
        photos: clef_server::atelier::Atelier::photos(),
        coffre,
        memoires: Default::default(),
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

/// The secrets' key: `CLEF_CLE_SECRETS`, or for the demo a key generated once and kept in
/// a file beside its database (`cle-secrets`, readable by its owner only).
fn coffre(config: &Config) -> anyhow::Result<Coffre> {
    let cle = match (&config.cle_secrets, config.demo) {
        (Some(cle), _) => cle.clone(),
        (None, true) => {
            let dossier = config
                .base
                .strip_prefix("sqlite:")
                .map(std::path::Path::new)
                .and_then(std::path::Path::parent)
                .unwrap_or_else(|| std::path::Path::new("."));
            let fichier = dossier.join("cle-secrets");
            match std::fs::read_to_string(&fichier) {
                Ok(cle) => cle,
                Err(_) => {
                    let cle = Coffre::nouvelle_cle()?;
                    std::fs::create_dir_all(dossier)?;
                    std::fs::write(&fichier, &cle)
                        .with_context(|| format!("écriture de {}", fichier.display()))?;
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        std::fs::set_permissions(&fichier, std::fs::Permissions::from_mode(0o600))?;
                    }
                    tracing::info!(fichier = %fichier.display(), "clé des secrets créée pour la démonstration");
                    cle
                }
            }
        }
        (None, false) => anyhow::bail!(
            "CLEF_CLE_SECRETS manquante : donnez une clé de 32 octets en base64 \
             (`openssl rand -base64 32`), gardée hors de la base (voir le README)"
        ),
    };
    Ok(Coffre::new(&cle, config.cle_secrets_ancienne.as_deref())?)
}
