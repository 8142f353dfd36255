//! The first render's HTML: the same elements, classes and texts as the app's components
//! (`Entete`, `PageAccueil`, `CarteOffre`, `PageLogement`, `Galerie`, `Delai`, `BandeauDemo`), so that the page looks the
//! same before and after the app takes over. The browser journeys of
//! `crates/e2e/tests/parcours/premier_rendu.rs` compare them.

use super::format;
use super::langue::Langue;
use clef_domain::api::{OffreDetail, OffreResume, PageOffres, Photo};
use clef_domain::offre::{Code, EtatOffre, Financement, Typologie};
use maud::{Markup, html};

/// The header as the app shows it to someone not logged in: the name, and the menu (its
/// button works once the app has taken over; the links work at once). `sur_l_accueil`: the
/// "Homes" link is marked as the current page.
pub fn entete(langue: Langue, sur_l_accueil: bool) -> Markup {
    let (autre_langue, nom_autre_langue) = match langue {
        Langue::Fr => ("en", "English"),
        Langue::En => ("fr", "Français"),
    };
    html! {
        header class="entete" {
            div class="entete__interieur" {
                a class="marque" href="/" {
                    span class="marque__nom" { (langue.texte("service.nom", &[])) }
                    span class="marque__slogan" { (langue.texte("service.slogan", &[])) }
                }
                nav aria-label=(langue.texte("nav.principale", &[])) {
                    button class="entete__menu" type="button" id="bouton-menu"
                        aria-expanded="false" aria-controls="menu-principal" {
                        span aria-hidden="true" { "☰ " }
                        (langue.texte("nav.menu", &[]))
                    }
                    ul class="nav" id="menu-principal" {
                        li {
                            a href="/" aria-current=[sur_l_accueil.then_some("page")] {
                                (langue.texte("nav.logements", &[]))
                            }
                        }
                        li { a href="/comment-ca-marche" { (langue.texte("nav.comment", &[])) } }
                        li { a href="/resultats" { (langue.texte("nav.resultats", &[])) } }
                        li { a href="/connexion" { (langue.texte("nav.connexion", &[])) } }
                        li {
                            button class="lien-bouton choix-langue" type="button" lang=(autre_langue) {
                                (nom_autre_langue)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The search page's first screen: title, introduction, the folded filters, how many, the
/// cards of the page asked for.
pub fn recherche(langue: Langue, page: &PageOffres) -> Markup {
    let nombre = match page.total {
        0 => langue.texte("recherche.resultats_aucun", &[]),
        1 => langue.texte("recherche.resultats_un", &[]),
        n => langue.texte("recherche.resultats_plusieurs", &[("n", &n.to_string())]),
    };
    html! {
        div class="page page--recherche" {
            h1 { (langue.texte("recherche.titre", &[])) }
            p class="intro" { (langue.texte("recherche.intro", &[])) }
            details class="filtres" {
                summary class="filtres__resume" { (langue.texte("filtres.titre", &[])) }
            }
            section class="resultats" aria-labelledby="titre-resultats" aria-busy="false" {
                h2 id="titre-resultats" class="visuellement-cache" { (langue.texte("recherche.liste", &[])) }
                p class="resultats__nombre" role="status" { (nombre) }
                @if page.offres.iter().any(|o| o.demo) {
                    (bandeau_demo(langue))
                }
                @if !page.offres.is_empty() {
                    ul class="cartes" {
                        @for offre in &page.offres {
                            (carte(langue, offre))
                        }
                    }
                }
            }
        }
    }
}

pub fn bandeau_demo(langue: Langue) -> Markup {
    html! {
        p class="bandeau-demo" role="note" {
            strong class="badge badge--demo" { (langue.texte("demo.badge", &[])) }
            " "
            (langue.texte("demo.bandeau", &[]))
        }
    }
}

/// One search result, as the app's `CarteOffre` draws it for someone not logged in.
pub fn carte(langue: Langue, offre: &OffreResume) -> Markup {
    let id_titre = format!("offre-{}", offre.id);
    let montant = format::euros(langue, offre.loyer + offre.charges);
    let surface = format::surface(langue, offre.surface);
    let essentiel = langue.texte(
        "carte.essentiel",
        &[
            ("typologie", offre.typologie.code()),
            ("surface", &surface),
            ("commune", &offre.commune),
        ],
    );
    html! {
        li class="carte" {
            article aria-labelledby=(id_titre) {
                div class="carte__corps" {
                    h2 class="carte__titre" id=(id_titre) {
                        a href=(format!("/logements/{}", offre.id)) { (essentiel) }
                    }
                    p class="carte__prix" {
                        strong { (langue.texte("carte.par_mois", &[("montant", &montant)])) }
                        " "
                        span class="carte__cc" { (langue.texte("carte.charges_comprises", &[])) }
                    }
                    (delai(langue, offre))
                    p class="carte__nom" { (offre.titre) }
                    ul class="carte__faits" {
                        li { (financement(langue, offre.financement)) }
                        @if let Some(nom) = &offre.qpv {
                            li class="badge badge--qpv" { (langue.texte("carte.qpv", &[("nom", nom)])) }
                        }
                        @if offre.accessible_pmr {
                            li { (langue.texte("carte.pmr", &[])) }
                        }
                        @if offre.demo {
                            li class="badge badge--demo" { (langue.texte("demo.badge", &[])) }
                        }
                    }
                }
                @if let Some(photo) = &offre.photo {
                    img class="carte__photo" src=(photo.url) alt="" loading="lazy"
                        decoding="async" width="96" height="72";
                }
            }
        }
    }
}

/// A listing's first screen (the app's `PageLogement`): the way back, the title, what
/// people choose on (rent with charges, type and surface, commune, closing date), the
/// photos.
pub fn logement(langue: Langue, offre: &OffreDetail) -> Markup {
    let r = &offre.resume;
    let par_mois = langue.texte(
        "offre.par_mois",
        &[("montant", &format::euros(langue, r.loyer + r.charges))],
    );
    html! {
        div class="page page--logement" {
            p class="retour" {
                a href="/" {
                    span aria-hidden="true" { "← " }
                    (langue.texte("offre.retour", &[]))
                }
            }
            article class="logement" {
                h1 { (r.titre) }
                dl class="essentiel" {
                    div class="essentiel__loyer" {
                        dt { (langue.texte("offre.total", &[])) }
                        dd { strong { (par_mois) } }
                    }
                    div {
                        dt { (langue.texte("offre.logement", &[])) }
                        dd { (typologie(langue, r.typologie)) " · " (format::surface(langue, r.surface)) }
                    }
                    div {
                        dt { (langue.texte("offre.commune", &[])) }
                        dd {
                            (r.commune)
                            @if let Some(nom) = &r.qpv {
                                " "
                                span class="badge badge--qpv" { (langue.texte("carte.qpv", &[("nom", nom)])) }
                            }
                        }
                    }
                    div class="essentiel__delai" {
                        dt { (langue.texte("offre.candidatures", &[])) }
                        dd { (delai(langue, r)) }
                    }
                }
                @if r.demo {
                    (bandeau_demo(langue))
                }
                (galerie(langue, &offre.photos))
            }
        }
    }
}

/// The app's `Galerie` as it first shows: the first photo, where it stands, the buttons.
fn galerie(langue: Langue, photos: &[Photo]) -> Markup {
    let Some(premiere) = photos.first() else {
        return html! { p class="galerie galerie--vide" { (langue.texte("galerie.aucune", &[])) } };
    };
    let total = photos.len().to_string();
    html! {
        section class="galerie" aria-label=(langue.texte("galerie.nom", &[])) {
            figure class="galerie__cadre" {
                img class="galerie__photo" src=(premiere.url) alt=(premiere.texte_alternatif)
                    width="640" height="400";
                figcaption class="galerie__position" aria-live="polite" {
                    (langue.texte("galerie.position", &[("n", "1"), ("total", &total)]))
                }
            }
            @if photos.len() > 1 {
                div class="galerie__commandes" {
                    button class="bouton bouton--secondaire" type="button" {
                        span aria-hidden="true" { "← " }
                        (langue.texte("galerie.precedente", &[]))
                    }
                    button class="bouton bouton--secondaire" type="button" {
                        (langue.texte("galerie.suivante", &[]))
                        span aria-hidden="true" { " →" }
                    }
                }
                ul class="galerie__vignettes" {
                    @for (i, photo) in photos.iter().enumerate() {
                        li {
                            button class="galerie__vignette" type="button"
                                aria-pressed=(if i == 0 { "true" } else { "false" })
                                aria-label=(langue.texte("galerie.vignette", &[("n", &(i + 1).to_string())])) {
                                img src=(photo.url) alt="" width="96" height="60" loading="lazy";
                            }
                        }
                    }
                }
            }
        }
    }
}

fn typologie(langue: Langue, typologie: Typologie) -> String {
    let cle = match typologie {
        Typologie::T1 => "typologie.t1",
        Typologie::T2 => "typologie.t2",
        Typologie::T3 => "typologie.t3",
        Typologie::T4 => "typologie.t4",
        Typologie::T5 => "typologie.t5",
        Typologie::T6 => "typologie.t6",
    };
    langue.texte(cle, &[])
}

/// How long is left to apply, or when applications open or closed (the app's `Delai`).
fn delai(langue: Langue, offre: &OffreResume) -> Markup {
    let date = format::date_longue(langue, offre.cloture);
    let urgent = offre.etat == EtatOffre::Ouverte && offre.jours_restants.is_some_and(|j| j <= 2);
    let texte = match (offre.etat, offre.jours_restants) {
        (EtatOffre::Ouverte, Some(0)) => langue.texte("delai.dernier_jour", &[("date", &date)]),
        (EtatOffre::Ouverte, Some(1)) => langue.texte("delai.un_jour", &[("date", &date)]),
        (EtatOffre::Ouverte, Some(n)) => {
            langue.texte("delai.jours", &[("date", &date), ("n", &n.to_string())])
        }
        (EtatOffre::AVenir, _) => {
            let ouverture = format::date_longue(langue, offre.ouverture);
            langue.texte("delai.a_venir", &[("date", &ouverture)])
        }
        (EtatOffre::Cloturee, _) | (EtatOffre::Ouverte, None) => {
            langue.texte("delai.cloturee", &[("date", &date)])
        }
    };
    let classe = match (offre.etat, urgent) {
        (EtatOffre::Ouverte, true) => "delai delai--urgent",
        (EtatOffre::Ouverte, false) => "delai",
        _ => "delai delai--close",
    };
    html! { p class=(classe) { (texte) } }
}

fn financement(langue: Langue, financement: Financement) -> String {
    let cle = match financement {
        Financement::Plai => "financement.plai",
        Financement::Plus => "financement.plus",
        Financement::Pls => "financement.pls",
    };
    langue.texte(cle, &[])
}
