//! The first render: `/` (sorted or paged, without filters) answered with its first
//! listings already in the HTML, and `/logements/{id}` with what people choose on, so that
//! a phone on slow mobile data shows them before the app's code has arrived. The app then
//! takes over: it builds the same page hidden behind this one and removes this one once its
//! own is ready (`src/premier_rendu.rs`).
//!
//! The server stays a JSON API plus the app's files: this is the app's `index.html` with the
//! loading notice replaced by HTML written from the same data the API gives, the texts from
//! the app's own catalogue, and preloads of the API answers the app asks for first.

mod format;
mod langue;
mod vues;

use crate::application::Etat;
use crate::stockage;
use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use clef_domain::recherche::Recherche;
use langue::Langue;
use std::sync::Arc;

/// What replaces the loading notice of `index.html`; the app removes it when its own page
/// is ready.
const ID: &str = "premier-rendu";
const DEBUT_ATTENTE: &str = "<div id=\"chargement-initial\"";
const FIN_ATTENTE: &str = "</div>";

/// Where the built app is. Its `index.html` is read on every request (a few KB, from the
/// system's cache): a new build deployed under a running server is served at once, never a
/// page that names files the build has replaced.
#[derive(Debug, Clone)]
pub struct Dist(pub Arc<std::path::PathBuf>);

/// The app's `index.html`, cut where the first render goes.
#[derive(Debug, Clone)]
struct Gabarit {
    avant: String,
    attente: String,
    apres: String,
}

impl Gabarit {
    /// The app's page; without a loading notice to replace, all of it comes before.
    async fn lire(dist: &Dist) -> std::io::Result<Gabarit> {
        let index = tokio::fs::read_to_string(dist.0.join("index.html")).await?;
        let coupe = index.find(DEBUT_ATTENTE).and_then(|debut| {
            let fin = debut + index[debut..].find(FIN_ATTENTE)? + FIN_ATTENTE.len();
            Some((debut, fin))
        });
        let (debut, fin) = coupe.unwrap_or((index.len(), index.len()));
        Ok(Gabarit {
            avant: index[..debut].to_owned(),
            attente: index[debut..fin].to_owned(),
            apres: index[fin..].to_owned(),
        })
    }

    /// Whether the page has a loading notice for the first render to replace.
    fn a_une_attente(&self) -> bool {
        !self.attente.is_empty()
    }

    /// The page in `langue`, with `contenu` in place of the loading notice (or the notice
    /// itself without it), and a preload of each API address the app will read first.
    fn remplir(&self, langue: Langue, contenu: Option<Contenu>, prechargees: &[&str]) -> String {
        if !self.a_une_attente() {
            return format!("{}{}", self.avant, self.apres);
        }
        let mut avant = self.avant.replacen(
            "<html lang=\"fr\">",
            &format!("<html lang=\"{}\">", langue.code()),
            1,
        );
        let liens: String = prechargees
            .iter()
            .map(|url| {
                format!(
                    "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"{url}\">"
                )
            })
            .collect();
        if let Some(position) = avant.find("</head>") {
            avant.insert_str(position, &liens);
        }
        let milieu = match contenu {
            Some(Contenu {
                page,
                sur_l_accueil,
            }) => maud::html! {
                div id=(ID) {
                    (vues::entete(langue, sur_l_accueil))
                    main { (page) }
                }
            }
            .into_string(),
            None => self.attente.clone(),
        };
        format!("{avant}{milieu}{}", self.apres)
    }
}

/// A page's first screen, and whether it is the search (its link is the current one).
struct Contenu {
    page: maud::Markup,
    sur_l_accueil: bool,
}

/// `GET /`: the search page with the first page of results for its criteria.
pub async fn accueil(
    State(etat): State<Etat>,
    Extension(dist): Extension<Dist>,
    RawQuery(query): RawQuery,
    entetes: HeaderMap,
) -> Response {
    let Ok(gabarit) = Gabarit::lire(&dist).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let langue = Langue::de_la_requete(&entetes);
    let query = query.unwrap_or_default();
    let paires: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let contenu =
        match Recherche::depuis_paires(paires.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            // Sorting and paging only: with filters the app opens its form above the results
            // (and "only the homes I can apply to" is decided in the browser), so the first
            // render would not stand where the app's page does. Wrong criteria get the app's
            // own messages.
            Ok(recherche) if gabarit.a_une_attente() && !recherche.a_des_filtres() => {
                resultats(&etat, &recherche).await.map(|page| Contenu {
                    page: vues::recherche(langue, &page),
                    sur_l_accueil: true,
                })
            }
            _ => None,
        };
    // The exact addresses the app fetches first for `/`: their answers arrive while its
    // code still downloads.
    let prechargees: &[&str] = if query.is_empty() && contenu.is_some() {
        &["/api/v1/offres", "/api/v1/communes"]
    } else {
        &[]
    };
    page(gabarit.remplir(langue, contenu, prechargees))
}

/// `GET /logements/{id}`: a listing's first screen. An unknown listing gets the app's page
/// as it is (the app says it does not exist).
pub async fn logement(
    State(etat): State<Etat>,
    Extension(dist): Extension<Dist>,
    Path(id): Path<String>,
    entetes: HeaderMap,
) -> Response {
    let Ok(gabarit) = Gabarit::lire(&dist).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let langue = Langue::de_la_requete(&entetes);
    let offre = match id.parse::<i64>() {
        Ok(id) if gabarit.a_une_attente() => {
            stockage::offres::detail(&etat.base, id, etat.horloge.aujourdhui())
                .await
                .ok()
                .flatten()
        }
        _ => None,
    };
    let Some(offre) = offre else {
        return page(gabarit.remplir(langue, None, &[]));
    };
    let adresse = format!("/api/v1/offres/{}", offre.resume.id);
    let contenu = Contenu {
        page: vues::logement(langue, &offre),
        sur_l_accueil: false,
    };
    page(gabarit.remplir(langue, Some(contenu), &[&adresse]))
}

async fn resultats(
    etat: &Etat,
    recherche: &Recherche,
) -> Option<std::sync::Arc<clef_domain::api::PageOffres>> {
    etat.memoires
        .page(&etat.base, recherche, etat.horloge.aujourdhui())
        .await
        .ok()
}

/// Revalidated on every visit (it holds today's listings), and it depends on the language.
fn page(html: String) -> Response {
    let politique = crate::csp::politique_de_page(&html);
    let mut reponse = Html(html).into_response();
    let entetes = reponse.headers_mut();
    entetes.insert(header::CONTENT_SECURITY_POLICY, politique);
    entetes.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    entetes.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    reponse
}
