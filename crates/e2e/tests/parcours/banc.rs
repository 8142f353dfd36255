//! The test bench: server, chromedriver and a browser session, all torn down on drop.

use clef_server::courriel::Poste;
use clef_server::{Etat, HorlogeFixe, application, demo, servir, stockage};
use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use serde_json::json;
use std::future::Future;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A phone-sized viewport (CSS pixels).
pub const LARGEUR: u32 = 360;
pub const HAUTEUR: u32 = 740;
/// Generous: a wait ends as soon as its condition holds, so this only bounds a failure.
const DELAI_MAX: Duration = Duration::from_secs(20);

pub struct Banc {
    pub navigateur: Client,
    /// The viewport's width, in CSS pixels.
    pub largeur: u32,
    /// Where the server writes e-mails (`.eml` files), for a journey to read them.
    pub courriels: PathBuf,
    pub adresse: SocketAddr,
    /// The server's clock: a journey moves time with it instead of waiting.
    pub horloge: Arc<HorlogeFixe>,
    /// The server's database, to arrange what a journey needs from other people.
    pub base: sqlx::AnyPool,
    chromedriver: Child,
    _dossier: tempfile::TempDir,
}

fn dist() -> PathBuf {
    let dist = std::env::var_os("CLEF_DIST").map(PathBuf::from).expect(
        "CLEF_DIST must point at the built app: run these journeys with `cargo xtask test`",
    );
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: run `cargo xtask test`, which builds the app",
        dist.display()
    );
    dist
}

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl Banc {
    /// A phone: 360 × 740.
    pub async fn demarrer() -> Banc {
        Banc::demarrer_a(LARGEUR, HAUTEUR).await
    }

    /// Another viewport: 195 px wide is a 390 px phone at 200 % zoom.
    pub async fn demarrer_a(largeur: u32, hauteur: u32) -> Banc {
        let dossier = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite:{}", dossier.path().join("clef.db").display());
        let base = stockage::ouvrir(&url).await.expect("database");
        let aujourdhui = clef_domain::jour!(2026, 11, 22);
        demo::semer(&base, aujourdhui).await.expect("demo data");
        let coffre = clef_server::compte::coffre::Coffre::new(
            &clef_server::compte::coffre::Coffre::nouvelle_cle().expect("key"),
            None,
        )
        .expect("key");
        clef_server::compte::coffre::rechiffrer(&base, &coffre)
            .await
            .expect("secrets encrypted");
        let horloge = Arc::new(HorlogeFixe::new(aujourdhui));
        let ecoute = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("listen");
        let adresse = ecoute.local_addr().expect("address");
        let courriels = dossier.path().join("courriels");
        let etat = Etat {
            base: base.clone(),
            horloge: horloge.clone(),
            reseau: Default::default(),
            hachages: clef_server::atelier::Atelier::hachages(),
            photos: clef_server::atelier::Atelier::photos(),
            coffre: coffre.clone(),
            poste: Poste::dossier(&courriels, &format!("http://{adresse}")),
            memoires: Default::default(),
        };
        let app = application(etat, Some(dist()));
        tokio::spawn(servir(ecoute, app, std::future::pending()));

        let port = port_libre();
        let chromedriver =
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver (installed by `cargo xtask test`)");
        let navigateur = connecter(port, &dossier.path().join("chromium"), largeur, hauteur).await;
        Banc {
            navigateur,
            largeur,
            courriels,
            adresse,
            horloge,
            base,
            chromedriver,
            _dossier: dossier,
        }
    }

    pub fn url(&self, chemin: &str) -> String {
        format!("http://{}{chemin}", self.adresse)
    }

    /// Opens a page and waits until the app shows it (the server's first render of `/`
    /// stands in for it until then).
    pub async fn ouvrir(&self, chemin: &str) {
        self.navigateur.goto(&self.url(chemin)).await.expect("page");
        self.attendre_absence("#premier-rendu").await;
    }

    /// Waits for an element that is on the page.
    pub async fn element(&self, css: &str) -> Element {
        self.navigateur
            .wait()
            .at_most(DELAI_MAX)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} n'apparaît pas : {e}"))
    }

    pub async fn texte(&self, css: &str) -> String {
        self.element(css).await.text().await.expect("text")
    }

    pub async fn tous(&self, css: &str) -> Vec<Element> {
        self.navigateur
            .find_all(Locator::Css(css))
            .await
            .expect("find")
    }

    /// Waits until `condition` holds; `quoi` says what was awaited if it never does.
    pub async fn attendre<F, Fut>(&self, quoi: &str, mut condition: F)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        let debut = Instant::now();
        while !condition().await {
            if debut.elapsed() >= DELAI_MAX {
                let page = self
                    .js("return document.querySelector('main')?.innerText ?? ''")
                    .await;
                let erreurs = self.js("return window.__erreurs ?? []").await;
                panic!(
                    "jamais arrivé : {quoi}\n--- la page montre ---\n{}\n--- console.error ---\n{erreurs}",
                    page.as_str().unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn attendre_texte(&self, css: &str, attendu: &str) {
        self.attendre(&format!("{css} contient « {attendu} »"), || async {
            match self.navigateur.find(Locator::Css(css)).await {
                Ok(e) => e.text().await.is_ok_and(|t| t.contains(attendu)),
                Err(_) => false,
            }
        })
        .await;
    }

    /// Waits until nothing matches `css` (a form gone once its step is recorded).
    pub async fn attendre_absence(&self, css: &str) {
        self.attendre(&format!("{css} disparaît"), || async {
            self.navigateur.find(Locator::Css(css)).await.is_err()
        })
        .await;
    }

    pub async fn attendre_url(&self, quoi: &str, condition: impl Fn(&str) -> bool) {
        self.attendre(quoi, || async {
            let url = self.navigateur.current_url().await.expect("url");
            condition(url.as_str())
        })
        .await;
    }

    /// Fails if the page scrolls sideways at the phone's width, naming what sticks out.
    pub async fn sans_defilement_horizontal(&self, page: &str) {
        let trop_larges = self
            .js(
                "const l = document.documentElement.clientWidth;
                 const defile = e => e.closest('.tableau-defilant, .galerie__vignettes');
                 return [...document.querySelectorAll('body *')]
                   .filter(e => !defile(e) && e.getBoundingClientRect().right > l + 0.5)
                   .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                   .slice(0, 8)",
            )
            .await;
        assert_eq!(
            self.js(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
            )
            .await,
            true,
            "no horizontal scrolling at {} px on {page}: {trop_larges}",
            self.largeur
        );
    }

    /// Keeps what the page writes to `console.error` (a panic of the app, say) until the
    /// next full page load, to show it if a wait fails.
    pub async fn capturer_erreurs(&self) {
        self.js("window.__erreurs = []; const avant = console.error;
             console.error = (...a) => { window.__erreurs.push(a.join(' ')); avant(...a); };
             return true")
            .await;
    }

    /// Logs in with a demo account through the log-in page, as a person would, then waits
    /// until the page has left it for `retour` (a path of the app, `/` when empty).
    pub async fn connecter(&self, email: &str, retour: &str) {
        self.ouvrir(&format!("/connexion?retour={retour}")).await;
        self.saisir("#email", email).await;
        self.saisir("#mot-de-passe", clef_server::demo::MOT_DE_PASSE)
            .await;
        self.cliquer_bouton("Se connecter").await;
        let attendu = if retour.is_empty() { "/" } else { retour };
        self.attendre_url(&format!("{attendu} après la connexion"), |u| {
            !u.contains("/connexion") && u.contains(attendu)
        })
        .await;
    }

    /// Logs out through the header's menu, as a person on a phone would.
    pub async fn se_deconnecter(&self) {
        self.cliquer_bouton("☰ Menu").await;
        self.cliquer_bouton("Se déconnecter").await;
    }

    /// Clicks the button whose text is exactly `texte`, once it is there.
    pub async fn cliquer_bouton(&self, texte: &str) {
        // An XPath string cannot escape its quote: the other kind quotes an apostrophe.
        let xpath = if texte.contains('\'') {
            format!("//button[normalize-space()=\"{texte}\"]")
        } else {
            format!("//button[normalize-space()='{texte}']")
        };
        // Found then clicked in one go, again until it works: the page may re-render between.
        self.attendre(&format!("clic sur le bouton « {texte} »"), || async {
            match self.navigateur.find(Locator::XPath(&xpath)).await {
                Ok(bouton) => bouton.click().await.is_ok(),
                Err(_) => false,
            }
        })
        .await;
    }

    /// Types into a field, as a person would.
    pub async fn saisir(&self, css: &str, texte: &str) {
        self.element(css)
            .await
            .send_keys(texte)
            .await
            .unwrap_or_else(|e| panic!("saisie dans {css} : {e}"));
    }

    /// Sets a select's or date input's value as a person's picker would (with its events).
    pub async fn choisir(&self, css: &str, valeur: &str) {
        self.element(css).await;
        let script = format!(
            "const e = document.querySelector({css:?}); e.value = {valeur:?};
             e.dispatchEvent(new Event('input', {{ bubbles: true }}));
             e.dispatchEvent(new Event('change', {{ bubbles: true }})); return e.value"
        );
        assert_eq!(self.js(&script).await, valeur, "{css} = {valeur}");
    }

    /// A Chrome DevTools Protocol command (`Network.setBlockedURLs`...), through chromedriver.
    pub async fn cdp(&self, commande: &'static str, parametres: serde_json::Value) {
        self.navigateur
            .issue_cmd(Cdp {
                commande,
                parametres,
            })
            .await
            .unwrap_or_else(|e| panic!("{commande} : {e}"));
    }

    /// Runs JavaScript in the page and returns its JSON result.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.navigateur
            .execute(script, vec![])
            .await
            .expect("script")
    }
}

/// chromedriver's endpoint for DevTools commands.
#[derive(Debug)]
struct Cdp {
    commande: &'static str,
    parametres: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let corps = json!({ "cmd": self.commande, "params": self.parametres });
        (http::Method::POST, Some(corps.to_string()))
    }
}

impl Drop for Banc {
    /// Stops chromedriver and this bench's browser, even when a test failed: a stopped
    /// chromedriver leaves its browsers running, so they are found by their profile folder.
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        let _ = Command::new("pkill")
            .arg("-KILL")
            .arg("-f")
            .arg(self._dossier.path())
            .status();
    }
}

async fn connecter(port: u16, profil: &std::path::Path, largeur: u32, hauteur: u32) -> Client {
    let capacites = json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=fr-FR",
                format!("--user-data-dir={}", profil.display())
            ],
            // The language a French phone asks for (the app follows the browser's).
            "prefs": { "intl.accept_languages": "fr-FR,fr" },
            "mobileEmulation": {
                "deviceMetrics": { "width": largeur, "height": hauteur, "pixelRatio": 2.0, "mobile": true, "touch": true }
            }
        }
    });
    let serde_json::Value::Object(capacites) = capacites else {
        unreachable!("an object literal")
    };
    let webdriver = format!("http://127.0.0.1:{port}");
    let debut = Instant::now();
    loop {
        let mut constructeur =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        constructeur.capabilities(capacites.clone());
        match constructeur.connect(&webdriver).await {
            Ok(client) => return client,
            Err(e) if debut.elapsed() < DELAI_MAX => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("chromedriver ne répond pas sur {webdriver} : {e}"),
        }
    }
}
