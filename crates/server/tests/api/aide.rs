//! `TestApp`: the application on a fresh database, with the clock stopped on a known day.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use clef_domain::Jour;
use clef_server::compte::coffre::Coffre;
use clef_server::courriel::Poste;
use clef_server::{Etat, HorlogeFixe, application, demo, stockage};
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use sqlx::AnyPool;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

/// The day the test clock shows; the demo windows are placed around it.
pub const AUJOURDHUI: Jour = clef_domain::jour!(2026, 11, 22);

pub struct TestApp {
    pub app: Router,
    pub base: AnyPool,
    /// The database's URL: another instance opens it too.
    pub url: String,
    /// The test clock: `avancer` moves it.
    pub horloge: Arc<HorlogeFixe>,
    /// What handlers reach, for what runs outside requests (the rounds of e-mail alerts).
    pub etat: Etat,
    /// Where e-mails are written, one `.eml` file each.
    pub courriels: PathBuf,
    _dossier: tempfile::TempDir,
}

/// The app's address in the links of e-mails.
pub const URL_PUBLIQUE: &str = "http://clef.test";
/// The tests' key for secrets stored encrypted (32 bytes in base64).
pub const CLE_SECRETS: &str = "dGVzdHMgZGUgY2xlZiA6IGNsw6kgZGUgMzIgb2N0ZXQ=";

/// An e-mail as written to its `.eml` file: its recipient, its subject and its text.
#[derive(Debug, Clone)]
pub struct Eml {
    pub a: String,
    pub objet: String,
    pub texte: String,
}

impl TestApp {
    /// Every e-mail sent so far, in no particular order.
    pub fn courriels(&self) -> Vec<Eml> {
        let Ok(entrees) = std::fs::read_dir(&self.courriels) else {
            return Vec::new();
        };
        entrees
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .map(|e| lire_eml(&std::fs::read(e.path()).expect("eml")))
            .collect()
    }

    /// The e-mails to `adresse`.
    pub fn courriels_a(&self, adresse: &str) -> Vec<Eml> {
        self.courriels()
            .into_iter()
            .filter(|c| c.a.contains(adresse))
            .collect()
    }
}

/// Reads an `.eml` as the server writes it: headers, a blank line, then the text (8 bits).
pub fn lire_eml(octets: &[u8]) -> Eml {
    let texte = String::from_utf8_lossy(octets).replace("\r\n", "\n");
    let (entetes, corps) = texte.split_once("\n\n").unwrap_or((&texte, ""));
    let entete = |nom: &str| {
        entetes
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{nom}: ")))
            .unwrap_or_default()
            .to_owned()
    };
    Eml {
        a: entete("To"),
        objet: decoder_objet(&entete("Subject")),
        texte: corps.to_owned(),
    }
}

/// A subject as lettre writes it: plain words, and `=?utf-8?b?…?=` words (RFC 2047) for
/// what is not ASCII; the space between two encoded words is not part of the text.
fn decoder_objet(objet: &str) -> String {
    use base64::Engine;
    let mut texte = String::new();
    let mut precedent_encode = false;
    for mot in objet.split_whitespace() {
        let decode = mot
            .strip_prefix("=?utf-8?b?")
            .and_then(|m| m.strip_suffix("?="))
            .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
            .map(|o| String::from_utf8_lossy(&o).into_owned());
        let entre_deux_encodes = precedent_encode && decode.is_some();
        if !texte.is_empty() && !entre_deux_encodes {
            texte.push(' ');
        }
        precedent_encode = decode.is_some();
        texte.push_str(decode.as_deref().unwrap_or(mot));
    }
    texte
}

pub struct Reponse {
    pub status: StatusCode,
    pub entetes: HeaderMap,
    pub corps: Vec<u8>,
}

impl Reponse {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.corps).unwrap_or_else(|e| {
            panic!(
                "JSON illisible ({e}) : {}",
                String::from_utf8_lossy(&self.corps)
            )
        })
    }

    pub fn type_contenu(&self) -> &str {
        self.entetes
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// The PostgreSQL server the tests run on, when `CLEF_TEST_POSTGRES` names one
/// (`postgres://user@127.0.0.1:port`, as `cargo xtask test` does for its second pass over
/// this suite); SQLite files otherwise. Each test gets its own database either way.
pub fn serveur_postgres() -> Option<String> {
    std::env::var("CLEF_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.is_empty())
}

/// A new, empty PostgreSQL database (a copy of `modele` if given); its URL.
pub async fn base_postgres(serveur: &str, modele: Option<&str>) -> String {
    use sqlx::Connection;
    static NUMERO: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NUMERO.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nom = format!("clef_{}_{n}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&format!("{serveur}/postgres"))
        .await
        .expect("connexion au serveur PostgreSQL de test");
    let modele = modele.map(|m| format!(" TEMPLATE {m}")).unwrap_or_default();
    sqlx::query(&format!("CREATE DATABASE {nom}{modele}"))
        .execute(&mut admin)
        .await
        .expect("CREATE DATABASE");
    admin.close().await.expect("fermeture");
    format!("{serveur}/{nom}")
}

/// Where a test's copy of the demo database is taken from.
enum Modele {
    Fichier(PathBuf),
    /// A PostgreSQL database used as a template (no connection left open to it).
    Postgres(String),
}

/// A database seeded with the demo data once per test run; each test gets its own copy
/// (seeding takes most of a test's time otherwise).
async fn modele_demo() -> &'static Modele {
    static MODELE: tokio::sync::OnceCell<Modele> = tokio::sync::OnceCell::const_new();
    MODELE
        .get_or_init(|| async {
            if let Some(serveur) = serveur_postgres() {
                let url = base_postgres(&serveur, None).await;
                let base = stockage::ouvrir(&url).await.expect("base modèle");
                demo::semer(&base, AUJOURDHUI).await.expect("semis");
                base.close().await;
                let nom = url.rsplit('/').next().unwrap_or_default().to_owned();
                return Modele::Postgres(nom);
            }
            let dossier = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
            let chemin = dossier.join(format!("modele-demo-{}.db", std::process::id()));
            // Templates of earlier runs (older code) are never reused.
            if let Ok(entrees) = std::fs::read_dir(&dossier) {
                for e in entrees.flatten() {
                    if e.file_name().to_string_lossy().starts_with("modele-demo-") {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
            let base = stockage::ouvrir(&format!("sqlite:{}", chemin.display()))
                .await
                .expect("base modèle");
            demo::semer(&base, AUJOURDHUI).await.expect("semis");
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&base)
                .await
                .expect("checkpoint");
            base.close().await;
            Modele::Fichier(chemin)
        })
        .await
}

impl TestApp {
    /// With the demonstration data and no built app.
    pub async fn demo() -> TestApp {
        TestApp::construire(true, None).await
    }

    pub async fn construire(avec_demo: bool, dist: Option<PathBuf>) -> TestApp {
        let modele = if avec_demo {
            Some(modele_demo().await)
        } else {
            None
        };
        match (modele, serveur_postgres()) {
            (Some(Modele::Postgres(nom)), Some(serveur)) => {
                let url = base_postgres(&serveur, Some(nom)).await;
                TestApp::sur_url(url, tempfile::tempdir().expect("dossier"), dist, None).await
            }
            (None, Some(serveur)) => {
                let url = base_postgres(&serveur, None).await;
                TestApp::sur_url(url, tempfile::tempdir().expect("dossier"), dist, None).await
            }
            (Some(Modele::Fichier(chemin)), _) => TestApp::sur(Some(chemin.as_path()), dist).await,
            _ => TestApp::sur(None, dist).await,
        }
    }

    /// On a copy of the SQLite file `modele` (an empty one without).
    pub async fn sur(modele: Option<&std::path::Path>, dist: Option<PathBuf>) -> TestApp {
        let dossier = tempfile::tempdir().expect("dossier temporaire");
        let fichier = dossier.path().join("clef.db");
        if let Some(modele) = modele {
            std::fs::copy(modele, &fichier).expect("copie du modèle");
        }
        let url = format!("sqlite:{}", fichier.display());
        TestApp::sur_url(url, dossier, dist, None).await
    }

    /// A second instance of the server on the same database and the same clock, with its
    /// own pool, caches, hashing workers and mail folder, as another process would have.
    pub async fn autre_instance(&self) -> TestApp {
        let dossier = tempfile::tempdir().expect("dossier temporaire");
        TestApp::sur_url(self.url.clone(), dossier, None, Some(self.horloge.clone())).await
    }

    /// On the database at `url`, with `dossier` for the e-mails written.
    pub async fn sur_url(
        url: String,
        dossier: tempfile::TempDir,
        dist: Option<PathBuf>,
        horloge: Option<Arc<HorlogeFixe>>,
    ) -> TestApp {
        let base = stockage::ouvrir(&url).await.expect("base de test");
        // As the server does at start: the advisors' secrets encrypted with the key.
        let coffre = Coffre::new(CLE_SECRETS, None).expect("clé de test");
        clef_server::compte::coffre::rechiffrer(&base, &coffre)
            .await
            .expect("secrets chiffrés");
        let horloge = horloge.unwrap_or_else(|| Arc::new(HorlogeFixe::new(AUJOURDHUI)));
        let courriels = dossier.path().join("courriels");
        let etat = Etat {
            base: base.clone(),
            horloge: horloge.clone(),
            reseau: Default::default(),
            hachages: clef_server::atelier::Atelier::hachages(),
            photos: clef_server::atelier::Atelier::photos(),
            coffre: coffre.clone(),
            memoires: Default::default(),
            poste: Poste::dossier(&courriels, URL_PUBLIQUE),
        };
        let app = application(etat.clone(), dist);
        TestApp {
            app,
            base,
            url,
            horloge,
            etat,
            courriels,
            _dossier: dossier,
        }
    }

    /// Changes the JSON text stored in `colonne` of the row `id` of `table`, as another
    /// program would (the same on both engines).
    pub async fn modifier_json(
        &self,
        table: &str,
        colonne: &str,
        id: i64,
        modifier: impl FnOnce(&mut Value),
    ) {
        let texte: String =
            sqlx::query_scalar(&format!("SELECT {colonne} FROM {table} WHERE id = $1"))
                .bind(id)
                .fetch_one(&self.base)
                .await
                .expect("lecture du JSON");
        let mut valeur: Value = serde_json::from_str(&texte).expect("JSON stocké");
        modifier(&mut valeur);
        sqlx::query(&format!("UPDATE {table} SET {colonne} = $1 WHERE id = $2"))
            .bind(valeur.to_string())
            .bind(id)
            .execute(&self.base)
            .await
            .expect("écriture du JSON");
    }

    pub async fn get(&self, uri: &str) -> Reponse {
        self.requete(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn requete(&self, requete: Request<Body>) -> Reponse {
        let reponse = self.app.clone().oneshot(requete).await.expect("réponse");
        let status = reponse.status();
        let entetes = reponse.headers().clone();
        let corps = reponse
            .into_body()
            .collect()
            .await
            .expect("corps")
            .to_bytes()
            .to_vec();
        Reponse {
            status,
            entetes,
            corps,
        }
    }
}

/// A password that passes every check.
pub const MOT_DE_PASSE: &str = "cheval agrafe batterie";

/// A valid numéro unique, different for each `n`.
pub fn numero(n: u32) -> String {
    format!("0622401{n:09}TS")
}

/// A single adult earning 15,000 € a year (N-2), filed in March 2022: eligible to PLUS and
/// PLS homes of the demo, not to PLAI ones (over the ceiling).
pub fn dossier_simple() -> Value {
    json!({
        "numero_unique": "",
        "date_depot": "2022-03-01",
        "membres": [{"age": 35, "lien": "demandeur", "a_charge": false, "handicap": false}],
        "rfr_n2": 1_500_000,
        "situations": []
    })
}

/// Someone using the API through a browser: keeps the session cookie and sends the CSRF
/// token on state-changing requests.
#[derive(Clone)]
pub struct Client<'a> {
    app: &'a TestApp,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

impl TestApp {
    /// `autre`'s session (its cookie and CSRF token), sent to this instance.
    pub fn avec_la_session_de(&self, autre: &Client<'_>) -> Client<'_> {
        Client {
            app: self,
            cookie: autre.cookie.clone(),
            csrf: autre.csrf.clone(),
        }
    }

    pub fn anonyme(&self) -> Client<'_> {
        Client {
            app: self,
            cookie: None,
            csrf: None,
        }
    }

    /// Signs up a new applicant (numéro `n`) and returns their logged-in client.
    pub async fn inscrire(&self, n: u32) -> Client<'_> {
        let mut client = self.anonyme();
        let r = client
            .envoyer(
                Method::POST,
                "/api/v1/comptes",
                Some(json!({
                    "numero_unique": numero(n),
                    "email": format!("personne{n}@exemple.fr"),
                    "mot_de_passe": MOT_DE_PASSE,
                })),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
        client.retenir(&r);
        client
    }

    /// Signs up and saves a request, in one go.
    pub async fn inscrire_avec_dossier(&self, n: u32, dossier: Value) -> Client<'_> {
        let client = self.inscrire(n).await;
        let r = client
            .envoyer(Method::PUT, "/api/v1/moi/dossier", Some(dossier))
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
        client
    }

    pub async fn connecter(&self, email: &str, mot_de_passe: &str) -> (Reponse, Client<'_>) {
        let mut client = self.anonyme();
        let r = client
            .envoyer(
                Method::POST,
                "/api/v1/session",
                Some(json!({"email": email, "mot_de_passe": mot_de_passe})),
            )
            .await;
        client.retenir(&r);
        (r, client)
    }

    /// Logs an advisor in with the code their app shows now. The clock moves on 30 s
    /// first: a code is accepted once, so each log-in needs the next one.
    pub async fn connecter_conseiller(&self, email: &str, secret: &str) -> (Reponse, Client<'_>) {
        use clef_server::Horloge;
        self.horloge.avancer(30);
        let code = clef_server::compte::totp::code(secret, self.horloge.instant()).expect("code");
        let mut client = self.anonyme();
        let r = client
            .envoyer(
                Method::POST,
                "/api/v1/session",
                Some(json!({"email": email, "mot_de_passe": demo::MOT_DE_PASSE, "code": code})),
            )
            .await;
        client.retenir(&r);
        (r, client)
    }

    /// Ids of open listings whose financing is `financement`.
    pub async fn offres_ouvertes(&self, financement: &str) -> Vec<i64> {
        sqlx::query_scalar(
            "SELECT id FROM offres WHERE financement = $1 AND ouverture <= $2 AND cloture >= $3 ORDER BY id",
        )
        .bind(financement)
        .bind(AUJOURDHUI.to_string())
        .bind(AUJOURDHUI.to_string())
        .fetch_all(&self.base)
        .await
        .unwrap()
    }
}

impl Client<'_> {
    /// Keeps the session cookie and CSRF token of an answer that opened a session.
    pub fn retenir(&mut self, r: &Reponse) {
        if let Some(cookie) = r.entetes.get("set-cookie").and_then(|v| v.to_str().ok()) {
            self.cookie = cookie.split(';').next().map(str::to_owned);
        }
        if r.status.is_success() && r.corps.starts_with(b"{") {
            let v: Value = r.json();
            if let Some(csrf) = v.get("csrf").and_then(Value::as_str) {
                self.csrf = Some(csrf.to_owned());
            }
        }
    }

    pub async fn get(&self, uri: &str) -> Reponse {
        self.envoyer(Method::GET, uri, None).await
    }

    /// Applies to listing `offre`, which must succeed; the application's id.
    pub async fn deposer(&self, offre: i64) -> i64 {
        let r = self
            .post("/api/v1/moi/candidatures", json!({ "offre_id": offre }))
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&r.corps)
        );
        r.json::<Value>()["id"]
            .as_i64()
            .expect("id de la candidature")
    }

    pub async fn post(&self, uri: &str, corps: Value) -> Reponse {
        self.envoyer(Method::POST, uri, Some(corps)).await
    }

    /// Sends a file as `multipart/form-data` in the field `fichier`, with the name and type
    /// a browser would declare.
    pub async fn televerser(&self, uri: &str, nom: &str, type_: &str, octets: &[u8]) -> Reponse {
        const LIMITE: &str = "----clef-test-limite";
        let mut corps = format!(
            "--{LIMITE}\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"{nom}\"\r\nContent-Type: {type_}\r\n\r\n"
        )
        .into_bytes();
        corps.extend_from_slice(octets);
        corps.extend_from_slice(format!("\r\n--{LIMITE}--\r\n").as_bytes());
        let mut requete = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={LIMITE}"),
            )
            .header(
                "x-csrf-token",
                self.csrf.as_deref().unwrap_or("avant-connexion"),
            );
        if let Some(cookie) = &self.cookie {
            requete = requete.header("cookie", cookie);
        }
        self.app
            .requete(requete.body(Body::from(corps)).unwrap())
            .await
    }

    pub async fn envoyer(&self, methode: Method, uri: &str, corps: Option<Value>) -> Reponse {
        let mut requete = Request::builder().method(methode).uri(uri);
        if let Some(cookie) = &self.cookie {
            requete = requete.header("cookie", cookie);
        }
        // Before log-in there is no token yet, but the header must be there.
        requete = requete.header(
            "x-csrf-token",
            self.csrf.as_deref().unwrap_or("avant-connexion"),
        );
        let requete = match corps {
            Some(c) => requete
                .header("content-type", "application/json")
                .body(Body::from(c.to_string())),
            None => requete.body(Body::empty()),
        };
        self.app.requete(requete.unwrap()).await
    }
}

/// The fields a 400 answer names, in order (the answer must be a 400).
pub fn champs_refuses(r: &Reponse) -> Vec<String> {
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "{}",
        String::from_utf8_lossy(&r.corps)
    );
    r.json::<Value>()["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["champ"].as_str().unwrap_or_default().to_owned())
        .collect()
}
