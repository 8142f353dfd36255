//! Component tests, in headless Chromium (wasm-bindgen-test): each mounts one component
//! with known data, acts like a person would, and checks what the page shows.
#![cfg(target_arch = "wasm32")]

use clef::api::ErreurChargement;
use clef::components::{
    CarteOffre, Delai, EtatErreur, Filtres, Galerie, Pagination, TablePlafonds,
};
use clef::format;
use clef::i18n::I18nContextProvider;
use clef_domain::api::{Commune, OffreResume, Photo};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use clef_domain::offre::{EtatOffre, Financement, Reservataire, Typologie, Zone};
use clef_domain::recherche::Recherche;
use clef_domain::{Euros, Surface, jour, plafonds};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `vue` in a fresh element of the page; the element is returned to query.
fn monter<V: IntoView + 'static>(vue: impl FnOnce() -> V + Send + 'static) -> HtmlElement {
    let conteneur: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&conteneur).unwrap();
    let handle = mount_to(
        conteneur.clone(),
        move || view! { <I18nContextProvider>{vue()}</I18nContextProvider> },
    );
    handle.forget();
    conteneur
}

fn trouver(racine: &Element, selecteur: &str) -> HtmlElement {
    racine
        .query_selector(selecteur)
        .unwrap()
        .unwrap_or_else(|| panic!("{selecteur} absent de {}", racine.inner_html()))
        .unchecked_into()
}

fn texte(racine: &Element, selecteur: &str) -> String {
    trouver(racine, selecteur)
        .text_content()
        .unwrap_or_default()
}

fn offre() -> OffreResume {
    OffreResume {
        id: 42,
        titre: "Appartement T3 avec balcon".into(),
        commune: "Béthune".into(),
        qpv: Some("Mont-Liébaut".into()),
        typologie: Typologie::T3,
        pieces: 3,
        surface: Surface::from_dixiemes(645),
        zone: Zone::AutresRegions,
        loyer: Euros::from_centimes(38_990),
        charges: Euros::from_euros(95),
        financement: Financement::Plus,
        reservataire: Reservataire::Etat,
        accessible_pmr: true,
        photo: Some(Photo {
            url: "/demo/photos/sejour.svg".into(),
            texte_alternatif: "Séjour".into(),
        }),
        ouverture: jour!(2026, 11, 16),
        cloture: jour!(2026, 11, 23),
        etat: EtatOffre::Ouverte,
        jours_restants: Some(1),
        demo: true,
    }
}

#[wasm_bindgen_test]
fn money_surfaces_and_dates_are_written_the_french_way() {
    // Intl writes a no-break space before € and a narrow no-break space between thousands.
    assert_eq!(
        format::euros("fr-FR", Euros::from_centimes(45_230)),
        "452,30\u{a0}€"
    );
    assert_eq!(
        format::euros("fr-FR", Euros::from_euros(12_759)),
        "12\u{202f}759\u{a0}€"
    );
    assert_eq!(
        format::surface("fr-FR", Surface::from_dixiemes(675)),
        "67,5 m²"
    );
    assert_eq!(
        format::date_longue("fr-FR", jour!(2026, 11, 30)),
        "30 novembre 2026"
    );
    assert_eq!(
        format::date_longue("fr-FR", jour!(2026, 12, 1)),
        "1er décembre 2026"
    );
    assert_eq!(
        format::date_longue("en-GB", jour!(2026, 12, 1)),
        "1 December 2026"
    );
    assert_eq!(
        format::date_longue("fr-FR", jour!(2027, 1, 1)),
        "1er janvier 2027"
    );
}

#[wasm_bindgen_test]
fn a_result_card_shows_what_an_applicant_chooses_on_first() {
    let carte = monter(|| view! { <ul><CarteOffre offre=offre() /></ul> });
    // The heading is the link, and says what and where.
    let lien = trouver(&carte, "h2 a");
    assert_eq!(lien.get_attribute("href").as_deref(), Some("/logements/42"));
    assert_eq!(
        lien.text_content().as_deref(),
        Some("T3 de 64,5 m² à Béthune")
    );
    // 389,90 € + 95 € of charges
    assert_eq!(texte(&carte, ".carte__prix strong"), "484,90\u{a0}€ / mois");
    assert_eq!(
        texte(&carte, ".delai"),
        "Candidatures jusqu'au 23 novembre 2026 (encore 1 jour)"
    );
    assert_eq!(texte(&carte, ".carte__nom"), "Appartement T3 avec balcon");
    assert_eq!(texte(&carte, ".badge--qpv"), "QPV Mont-Liébaut");
    let faits = texte(&carte, ".carte__faits");
    assert!(
        faits.contains("PLUS") && faits.contains("Accessible PMR"),
        "{faits}"
    );
    assert!(faits.contains("Démo"), "demo listings say so: {faits}");
    // Rent, type, surface, commune and closing day come before the photo, which is
    // decorative on the card (the heading names the listing).
    let texte_complet = carte.text_content().unwrap_or_default();
    let avant_photo = trouver(&carte, ".carte__corps")
        .compare_document_position(&trouver(&carte, "img"))
        & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
        != 0;
    assert!(avant_photo, "{texte_complet}");
    assert_eq!(
        trouver(&carte, "img").get_attribute("alt").as_deref(),
        Some("")
    );
}

#[wasm_bindgen_test]
fn the_deadline_reads_right_in_every_state() {
    let cas = [
        (
            EtatOffre::Ouverte,
            Some(0),
            "Dernier jour pour candidater : 23 novembre 2026",
        ),
        (
            EtatOffre::Ouverte,
            Some(5),
            "Candidatures jusqu'au 23 novembre 2026 (encore 5 jours)",
        ),
        (
            EtatOffre::AVenir,
            None,
            "Candidatures à partir du 16 novembre 2026",
        ),
        (
            EtatOffre::Cloturee,
            None,
            "Candidatures closes le 23 novembre 2026",
        ),
    ];
    for (etat, jours_restants, attendu) in cas {
        let vue = monter(move || {
            view! {
                <Delai etat jours_restants ouverture=jour!(2026, 11, 16) cloture=jour!(2026, 11, 23) />
            }
        });
        assert_eq!(texte(&vue, ".delai"), attendu);
    }
}

#[wasm_bindgen_test]
async fn the_gallery_moves_with_its_buttons_and_says_where_it_is() {
    let photos: Vec<Photo> = ["Façade", "Séjour", "Cuisine"]
        .iter()
        .enumerate()
        .map(|(i, alt)| Photo {
            url: format!("/demo/photos/{i}.svg"),
            texte_alternatif: (*alt).into(),
        })
        .collect();
    let galerie = monter(move || view! { <Galerie photos /> });
    assert_eq!(texte(&galerie, "figcaption"), "Photo 1 sur 3");
    assert_eq!(
        trouver(&galerie, ".galerie__photo")
            .get_attribute("alt")
            .as_deref(),
        Some("Façade")
    );

    let boutons = galerie
        .query_selector_all(".galerie__commandes button")
        .unwrap();
    let suivante: HtmlElement = boutons.item(1).unwrap().unchecked_into();
    assert_eq!(suivante.text_content().as_deref(), Some("Photo suivante →"));
    suivante.click();
    tick().await;
    assert_eq!(texte(&galerie, "figcaption"), "Photo 2 sur 3");
    assert_eq!(
        trouver(&galerie, ".galerie__photo")
            .get_attribute("alt")
            .as_deref(),
        Some("Séjour")
    );

    let precedente: HtmlElement = boutons.item(0).unwrap().unchecked_into();
    precedente.click();
    precedente.click();
    tick().await;
    assert_eq!(
        texte(&galerie, "figcaption"),
        "Photo 3 sur 3",
        "wraps around from the first photo"
    );

    let vignettes = galerie.query_selector_all(".galerie__vignette").unwrap();
    let premiere: HtmlElement = vignettes.item(0).unwrap().unchecked_into();
    assert_eq!(
        premiere.get_attribute("aria-label").as_deref(),
        Some("Afficher la photo 1")
    );
    premiere.click();
    tick().await;
    assert_eq!(texte(&galerie, "figcaption"), "Photo 1 sur 3");
    assert_eq!(
        premiere.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn the_ceiling_table_lists_the_six_categories_and_the_extra_person() {
    let bareme = plafonds::bareme(Financement::Plus, 2026, Zone::AutresRegions);
    let table = monter(move || view! { <TablePlafonds bareme /> });
    assert_eq!(
        texte(&table, "caption"),
        "Plafonds PLUS 2026, hors Île-de-France, revenu fiscal de référence annuel"
    );
    let lignes = table.query_selector_all("tbody tr").unwrap();
    assert_eq!(lignes.length(), 7);
    let troisieme: Element = lignes.item(2).unwrap().unchecked_into();
    assert!(texte(&troisieme, "th").starts_with("3 personnes"));
    assert_eq!(texte(&troisieme, "td"), "37\u{202f}584\u{a0}€");
}

#[wasm_bindgen_test]
fn without_a_published_table_the_listing_says_so() {
    let table = monter(|| view! { <TablePlafonds bareme=None /> });
    assert!(table.query_selector("table").unwrap().is_none());
    assert!(
        table
            .text_content()
            .unwrap_or_default()
            .contains("ne peut pas être vérifiée")
    );
}

#[wasm_bindgen_test]
async fn filters_show_each_error_next_to_its_field_and_refuse_a_bad_rent() {
    let (recue, set_recue) = signal(None::<Result<Recherche, Vec<ErreurChamp>>>);
    let erreurs = RwSignal::new(vec![ErreurChamp::new(
        "typologie",
        CodeErreur::ValeurInconnue,
    )]);
    let filtres = monter(move || {
        let recherche = Memo::new(|_| Recherche::default());
        let communes = Signal::derive(|| {
            vec![Commune {
                slug: "beuvry".into(),
                nom: "Beuvry".into(),
                zone: Zone::AutresRegions,
                qpv: vec![],
            }]
        });
        view! {
            <Filtres
                recherche
                communes
                erreurs=erreurs.into()
                appliquer=Callback::new(move |r| set_recue.set(Some(r)))
            />
        }
    });
    tick().await;
    let typologie = trouver(&filtres, "#f-typologie");
    assert_eq!(
        typologie.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        typologie.get_attribute("aria-describedby").as_deref(),
        Some("e-typologie")
    );
    assert_eq!(texte(&filtres, "#e-typologie"), "Valeur non reconnue.");
    assert_eq!(
        texte(&filtres, "label[for=f-loyer-max]"),
        "Loyer max. (€/mois, charges comprises)"
    );
    assert!(texte(&filtres, "#f-commune").contains("Beuvry"));

    let loyer: web_sys::HtmlInputElement = trouver(&filtres, "#f-loyer-max").unchecked_into();
    loyer.set_value("six cents");
    trouver(&filtres, "button[type=submit]").click();
    tick().await;
    assert_eq!(
        recue.get_untracked(),
        Some(Err(vec![ErreurChamp::new(
            "loyer_max",
            CodeErreur::PasUnNombre
        )]))
    );

    loyer.set_value("600");
    let commune: web_sys::HtmlSelectElement = trouver(&filtres, "#f-commune").unchecked_into();
    commune.set_value("beuvry");
    trouver(&filtres, "button[type=submit]").click();
    tick().await;
    let Some(Ok(r)) = recue.get_untracked() else {
        panic!("valid criteria are applied: {:?}", recue.get_untracked())
    };
    assert_eq!(
        (r.loyer_max, r.commune.as_deref(), r.page),
        (Some(600), Some("beuvry"), 1)
    );
}

#[wasm_bindgen_test]
async fn a_failed_load_says_what_to_do_and_retries_on_request() {
    let (essais, set_essais) = signal(0);
    let vue = monter(move || {
        view! { <EtatErreur erreur=ErreurChargement::Reseau reessayer=Callback::new(move |_| set_essais.update(|n| *n += 1)) /> }
    });
    assert_eq!(
        trouver(&vue, ".etat").get_attribute("role").as_deref(),
        Some("alert")
    );
    assert!(
        vue.text_content()
            .unwrap_or_default()
            .contains("Vérifiez votre connexion internet")
    );
    trouver(&vue, "button").click();
    tick().await;
    assert_eq!(essais.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn pages_keep_the_criteria_and_offer_only_possible_moves() {
    let premiere = monter(|| {
        let recherche = Recherche {
            commune: Some("beuvry".into()),
            ..Recherche::default()
        };
        view! { <Pagination recherche pages=3 /> }
    });
    assert_eq!(texte(&premiere, ".pagination__position"), "Page 1 sur 3");
    assert!(premiere.query_selector("a[rel=prev]").unwrap().is_none());
    assert_eq!(
        trouver(&premiere, "a[rel=next]")
            .get_attribute("href")
            .as_deref(),
        Some("/?commune=beuvry&page=2")
    );

    let derniere = monter(
        || view! { <Pagination recherche=Recherche { page: 3, ..Recherche::default() } pages=3 /> },
    );
    assert!(derniere.query_selector("a[rel=next]").unwrap().is_none());
    assert_eq!(
        trouver(&derniere, "a[rel=prev]")
            .get_attribute("href")
            .as_deref(),
        Some("/?page=2")
    );
}

#[wasm_bindgen_test]
fn the_published_grid_says_what_each_criterion_is_worth_and_means() {
    let grille = clef_domain::cotation::grille_bethune();
    let nombre = grille.criteres.len() as u32;
    let table = monter(move || view! { <clef::components::TableGrille grille /> });
    assert_eq!(
        texte(&table, "caption"),
        "Grille de cotation, version 1, en vigueur depuis le 1er janvier 2026"
    );
    assert_eq!(
        table.query_selector_all("tbody tr").unwrap().length(),
        nombre
    );
    assert_eq!(texte(&table, "#critere-dalo td"), "30 points");
    assert!(texte(&table, "#critere-dalo th").contains("droit au logement opposable"));
    assert_eq!(
        texte(&table, "#critere-anciennete td"),
        "1 point par mois, jusqu'à 24 points"
    );
    assert_eq!(
        texte(&table, "#critere-taux_effort td"),
        "de 5 à 10 points selon votre situation"
    );
}

#[wasm_bindgen_test]
fn a_verdict_explains_each_rule_with_its_numbers() {
    use clef_domain::demande::{Demande, DemandeSaisie, Lien, Membre};
    use clef_domain::eligibilite::verifier;
    use clef_domain::logement::Logement;
    use clef_domain::territoire::ParametresTerritoire;
    let demande = Demande::depuis_saisie(DemandeSaisie {
        numero_unique: "0622203000000777TS".into(),
        date_depot: "2022-03-01".into(),
        membres: vec![Membre {
            age: 35,
            lien: Lien::Demandeur,
            a_charge: false,
            carte_invalidite: false,
            ressources_mensuelles: None,
        }],
        rfr_n2: Some(4_000_000),
        ..Default::default()
    })
    .unwrap();
    let verdict = verifier(
        &demande,
        &Logement::EXEMPLE,
        &ParametresTerritoire::bethune_demo(),
        Euros::ZERO,
    );
    assert!(
        !verdict.eligible(),
        "40 000 € is over the PLUS ceiling for one person"
    );
    let vue = monter(move || view! { <clef::components::DetailVerdict verdict /> });
    assert_eq!(
        texte(&vue, ".verdict"),
        "Vous n'êtes pas éligible à ce logement."
    );
    let plafond = texte(&vue, ".regle--non");
    assert!(
        plafond.contains("Non respecté") && plafond.contains("40\u{202f}000\u{a0}€"),
        "{plafond}"
    );
    assert!(plafond.contains("Plafond PLUS 2026"), "{plafond}");
    assert_eq!(vue.query_selector_all(".regle").unwrap().length(), 3);
}

#[wasm_bindgen_test]
fn the_histogram_marks_my_bar_and_gives_the_same_data_as_a_table() {
    use clef_domain::api::Barre;
    let barres = Barre::histogramme(&[10, 12, 40, 41, 42], Some(39));
    let score_max = barres.last().map(|b| b.max).unwrap_or_default();
    let vue = monter(move || view! { <clef::components::Histogramme barres /> });
    assert_eq!(
        vue.query_selector_all("svg rect.barre--moi")
            .unwrap()
            .length(),
        1
    );
    let svg = trouver(&vue, "svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    // Axes with their scale, and my band marked by more than colour: a pattern and a word.
    assert_eq!(texte(&vue, ".histogramme__axe-y"), "Candidats");
    assert_eq!(texte(&vue, ".histogramme__axe-x"), "Score");
    let graduations = texte(&vue, ".histogramme__graduations");
    assert!(
        graduations.starts_with('0') && graduations.ends_with(&score_max.to_string()),
        "{graduations}"
    );
    let moi = trouver(&vue, "rect.barre--moi");
    assert_eq!(
        moi.get_attribute("fill").as_deref(),
        Some("url(#hachures-moi)")
    );
    assert_eq!(texte(&vue, ".histogramme__vous"), "Vous");
    let tableau = texte(&vue, "table");
    assert!(tableau.contains("(vous êtes ici)"), "{tableau}");
    let cellules = vue.query_selector_all("tbody td").unwrap();
    let total: u32 = (0..cellules.length())
        .filter_map(|i| cellules.item(i))
        .map(|n| n.text_content().unwrap_or_default().parse::<u32>().unwrap())
        .sum();
    assert_eq!(total, 5, "every other candidate is counted once");
}

#[wasm_bindgen_test]
async fn a_field_in_error_says_so_to_screen_readers() {
    let erreurs = RwSignal::new(vec![ErreurChamp::new("rfr_n2", CodeErreur::Requis)]);
    let valeur = RwSignal::new(String::new());
    let vue = monter(move || {
        view! {
            <clef::components::ChampTexte
                id="rfr-n2".into()
                libelle="Revenu".into()
                aide="Sur l'avis d'impôt".into()
                valeur
                erreur=clef::components::message_erreur(erreurs, "rfr_n2".into(), false)
            />
        }
    });
    let champ = trouver(&vue, "input");
    assert_eq!(champ.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        champ.get_attribute("aria-describedby").as_deref(),
        Some("rfr-n2-aide rfr-n2-erreur")
    );
    assert_eq!(texte(&vue, "#rfr-n2-erreur"), "Ce champ est obligatoire.");
    erreurs.set(Vec::new());
    tick().await;
    assert_eq!(champ.get_attribute("aria-invalid"), None);
    assert!(vue.query_selector("#rfr-n2-erreur").unwrap().is_none());
}

/// A format error says which format, by the field (issue 12, point 8).
#[wasm_bindgen_test]
fn a_format_error_says_which_format() {
    let cas = [
        ("numero_unique", CodeErreur::FormatInvalide, "18 caractères"),
        ("email", CodeErreur::FormatInvalide, "prenom.nom@exemple.fr"),
        ("date_depot", CodeErreur::FormatInvalide, "jj/mm/aaaa"),
        ("logement_actuel.surface", CodeErreur::PasUnNombre, "38,5"),
        ("surface", CodeErreur::PasUnNombre, "38,5"),
        ("rfr_n2", CodeErreur::PasUnNombre, "18 500"),
        (
            "logement_actuel.loyer_charges",
            CodeErreur::PasUnNombre,
            "450,50",
        ),
        ("membres.1.age", CodeErreur::PasUnNombre, "en années"),
        ("loyer_max", CodeErreur::PasUnNombre, "nombre entier"),
    ];
    for (champ, code, attendu) in cas {
        let erreurs = RwSignal::new(vec![ErreurChamp::new(champ, code.clone())]);
        let vue = monter(move || {
            view! {
                <clef::components::ChampTexte
                    id="champ".into()
                    libelle="Champ".into()
                    valeur=RwSignal::new(String::new())
                    erreur=clef::components::message_erreur(erreurs, champ.into(), false)
                />
            }
        });
        let message = texte(&vue, "#champ-erreur");
        assert!(message.contains(attendu), "{champ}: {message}");
    }
}

#[wasm_bindgen_test]
async fn an_irreversible_act_asks_first_and_cancel_does_nothing() {
    let fait = RwSignal::new(0u32);
    let en_cours = RwSignal::new(false);
    let racine = monter(move || {
        view! {
            <clef::components::Confirmation
                id="essai"
                libelle="Retirer l'offre".to_owned()
                titre="Retirer cette offre ?".to_owned()
                texte="Cela ne peut pas être annulé.".to_owned()
                confirmer="Oui, retirer".to_owned()
                en_cours=en_cours.into()
                on_confirmer=Callback::new(move |()| fait.update(|n| *n += 1))
                danger=true
            />
        }
    });
    let bouton = trouver(&racine, "#essai-bouton");
    assert_eq!(bouton.text_content().as_deref(), Some("Retirer l'offre"));
    bouton.click();
    tick().await;
    let panneau = trouver(&racine, "#essai");
    assert_eq!(
        panneau.get_attribute("aria-labelledby").as_deref(),
        Some("essai-titre")
    );
    assert_eq!(texte(&racine, "#essai-titre"), "Retirer cette offre ?");
    // Cancel: nothing done, the button is back.
    let boutons = panneau.query_selector_all("button").unwrap();
    let annuler: HtmlElement = boutons.item(1).unwrap().unchecked_into();
    assert_eq!(annuler.text_content().as_deref(), Some("Annuler"));
    annuler.click();
    tick().await;
    assert_eq!(fait.get_untracked(), 0);
    // Escape closes it too, doing nothing.
    trouver(&racine, "#essai-bouton").click();
    tick().await;
    let echap = web_sys::KeyboardEventInit::new();
    echap.set_key("Escape");
    echap.set_bubbles(true);
    let evenement =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &echap).unwrap();
    trouver(&racine, "#essai")
        .dispatch_event(&evenement)
        .unwrap();
    tick().await;
    assert!(racine.query_selector("#essai").unwrap().is_none());
    assert_eq!(fait.get_untracked(), 0);
    // Confirm: done once, the panel closes.
    trouver(&racine, "#essai-bouton").click();
    tick().await;
    let confirmer: HtmlElement = trouver(&racine, "#essai")
        .query_selector_all("button")
        .unwrap()
        .item(0)
        .unwrap()
        .unchecked_into();
    assert_eq!(confirmer.text_content().as_deref(), Some("Oui, retirer"));
    confirmer.click();
    tick().await;
    assert_eq!(fait.get_untracked(), 1);
    assert!(racine.query_selector("#essai").unwrap().is_none());
    // While the act runs, asking again does nothing.
    en_cours.set(true);
    tick().await;
    let bouton = trouver(&racine, "#essai-bouton");
    assert_eq!(
        bouton.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    bouton.click();
    tick().await;
    assert!(racine.query_selector("#essai").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_share_chart_draws_each_bar_against_the_target_and_names_itself() {
    use clef::components::Barres;
    use clef_domain::mixite::Part;
    let lignes = vec![
        (
            "Béthune".to_owned(),
            Part {
                nombre: 1,
                total: 4,
            },
        ),
        (
            "Beuvry".to_owned(),
            Part {
                nombre: 3,
                total: 4,
            },
        ),
        (
            "Annezin".to_owned(),
            Part {
                nombre: 0,
                total: 0,
            },
        ),
    ];
    let vue = monter(move || {
        view! { <Barres id="essai".into() titre="Premier quartile".into() lignes objectif=25 /> }
    });
    let svg = trouver(&vue, "svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-labelledby").as_deref(),
        Some("essai-titre essai-desc")
    );
    assert_eq!(texte(&vue, "#essai-titre"), "Premier quartile");
    assert!(texte(&vue, "#essai-desc").contains("tableau"));
    // 25 % reaches a 25 % target (green); 75 % too; nothing counted is a dash.
    assert_eq!(
        vue.query_selector_all("rect.barre--atteint")
            .unwrap()
            .length(),
        2
    );
    let valeurs = texte(&vue, "svg");
    for attendu in ["25 %", "75 %", "–", "min. 25 %"] {
        assert!(valeurs.contains(attendu), "{attendu} dans {valeurs}");
    }
    let largeur = |i: u32| -> f64 {
        vue.query_selector_all("rect")
            .unwrap()
            .item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .get_attribute("width")
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(
        (largeur(1) - 3.0 * largeur(0)).abs() < 0.01,
        "bars are proportional"
    );
    assert_eq!(largeur(2), 0.0);
}

#[wasm_bindgen_test]
fn a_mandate_always_covers_consulting_and_every_other_act_is_opt_in() {
    // Issue 12.14: applying for someone is a choice they make, never a box left ticked.
    use clef::components::{ChoixMandat, SaisieMandat};
    use clef_domain::mandat::Acte;
    let saisie = SaisieMandat::new();
    let erreurs = RwSignal::new(Vec::new());
    let vue = monter(move || view! { <ChoixMandat saisie erreurs /> });
    let consulter: web_sys::HtmlInputElement = trouver(&vue, "#acte-consulter").unchecked_into();
    assert!(consulter.checked() && consulter.disabled());
    let candidater: web_sys::HtmlInputElement = trouver(&vue, "#acte-candidater").unchecked_into();
    let foyer: web_sys::HtmlInputElement = trouver(&vue, "#acte-remplir-foyer").unchecked_into();
    assert!(
        !candidater.checked() && !foyer.checked(),
        "nothing but consulting is pre-ticked"
    );
    assert_eq!(saisie.actes(), [Acte::Consulter]);
    assert_eq!(saisie.duree_mois(), 3);
    candidater.click();
    assert_eq!(saisie.actes(), [Acte::Consulter, Acte::Candidater]);
    foyer.click();
    assert_eq!(
        saisie.actes(),
        [Acte::Consulter, Acte::RemplirFoyer, Acte::Candidater]
    );
    let options = vue.query_selector_all("#duree-mois option").unwrap();
    assert_eq!(
        options.length(),
        5,
        "an empty choice and 1, 3, 6 or 12 months"
    );
}

/// Every rule the server can name has its own message on screen, from the same catalogue
/// the server reads: a landlord who uploads a GIF reads why, not a generic sentence
/// (issue 14, point 5).
#[wasm_bindgen_test]
fn every_rule_the_server_names_has_its_own_message() {
    use clef_domain::Regle;
    use clef_domain::offre::Code;
    let generique = "ne s'accorde pas";
    for &regle in Regle::TOUS {
        let erreurs = RwSignal::new(vec![ErreurChamp::incoherent("champ", regle)]);
        let vue = monter(move || {
            view! {
                <clef::components::ChampTexte
                    id="champ".into()
                    libelle="Champ".into()
                    valeur=RwSignal::new(String::new())
                    erreur=clef::components::message_erreur(erreurs, "champ".into(), false)
                />
            }
        });
        let message = texte(&vue, "#champ-erreur");
        assert!(
            !message.is_empty() && !message.contains(generique),
            "{}: {message}",
            regle.code()
        );
        if regle == Regle::ImageFormat {
            assert!(message.contains("JPEG"), "{message}");
        }
    }
}

/// A future that waits until `liberer` is called: a request the test answers when it wants.
#[derive(Clone, Default)]
struct Retenue(std::rc::Rc<std::cell::RefCell<(bool, Option<std::task::Waker>)>>);

impl Retenue {
    async fn attendre(&self) {
        std::future::poll_fn(|cx| {
            let mut etat = self.0.borrow_mut();
            if etat.0 {
                std::task::Poll::Ready(())
            } else {
                etat.1 = Some(cx.waker().clone());
                std::task::Poll::Pending
            }
        })
        .await;
    }

    fn liberer(&self) {
        let mut etat = self.0.borrow_mut();
        etat.0 = true;
        if let Some(w) = etat.1.take() {
            w.wake();
        }
    }
}

fn probleme(status: u16, champs: &[&str]) -> ErreurChargement {
    ErreurChargement::Probleme(clef_domain::api::Probleme {
        type_: "/problemes/test".into(),
        title: "Refusé par le serveur de test.".into(),
        status,
        detail: None,
        errors: champs
            .iter()
            .map(|c| clef_domain::api::ErreurChampExpliquee {
                erreur: ErreurChamp::new(c, CodeErreur::Requis),
                message: String::new(),
            })
            .collect(),
    })
}

/// Issue 14.9: every form sends through one helper. A second tap while sending sends
/// nothing; the field errors of an attempt are gone when the next one starts (the log-in
/// pages used to keep them next to a corrected field); a failure without fields is said in
/// the alert; the page's own words replace the usual ones where it has some.
#[wasm_bindgen_test]
async fn a_form_sends_once_at_a_time_and_never_keeps_a_stale_error() {
    use clef::envoi::Envoi;
    let appels = std::rc::Rc::new(std::cell::Cell::new(0));
    let retenue = Retenue::default();
    let (compte, set_compte) = signal(0);
    let vue = {
        // The page runs on this one thread: the wrapper only satisfies `mount_to`'s bound.
        let paquet = send_wrapper::SendWrapper::new((appels.clone(), retenue.clone()));
        monter(move || {
            let (appels, retenue) = paquet.take();
            let envoi = Envoi::avec_message(
                move |n: u32| {
                    let (appels, retenue) = (appels.clone(), retenue.clone());
                    async move {
                        appels.set(appels.get() + 1);
                        match n {
                            1 => Err(probleme(400, &["email"])),
                            2 => {
                                retenue.attendre().await;
                                Err(probleme(401, &[]))
                            }
                            _ => Ok(n),
                        }
                    }
                },
                move |n| set_compte.set(n),
                |e| (e.status() == Some(401)).then(|| "Identifiants incorrects.".to_owned()),
            );
            let essai = RwSignal::new(1u32);
            view! {
                <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    envoi.soumettre(essai.get_untracked());
                }>
                    <p class="champs">{move || envoi.erreurs.get().iter().map(|e| e.champ.clone()).collect::<Vec<_>>().join(",")}</p>
                    <p class="alerte">{move || envoi.message.get().unwrap_or_default()}</p>
                    <button type="submit" aria-disabled=move || envoi.en_cours().get().then_some("true")>"Envoyer"</button>
                    <button type="button" class="suivant" on:click=move |_| essai.update(|n| *n += 1)>"+"</button>
                </form>
            }
        })
    };
    let bouton = trouver(&vue, "button[type=submit]");
    bouton.click();
    tick().await;
    assert_eq!(texte(&vue, ".champs"), "email");
    assert_eq!(texte(&vue, ".alerte"), "");
    // The second attempt is held by the "server": tapping again sends nothing more, and
    // the first attempt's field error is already gone.
    trouver(&vue, ".suivant").click();
    bouton.click();
    tick().await;
    bouton.click();
    bouton.click();
    tick().await;
    assert_eq!(appels.get(), 2);
    assert_eq!(
        bouton.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(texte(&vue, ".champs"), "");
    retenue.liberer();
    tick().await;
    tick().await;
    assert_eq!(texte(&vue, ".alerte"), "Identifiants incorrects.");
    assert_eq!(bouton.get_attribute("aria-disabled"), None);
    // A success clears the alert and hands the answer on.
    trouver(&vue, ".suivant").click();
    bouton.click();
    tick().await;
    tick().await;
    assert_eq!(texte(&vue, ".alerte"), "");
    assert_eq!(compte.get_untracked(), 3);
    assert_eq!(appels.get(), 3);
}

/// Issue 14.10-14.11: every page loads through one wrapper. While the answer comes, a
/// skeleton; a failure is said once, in the one error state, whose button asks again; a
/// load whose key changes stops the request before it, and leaving the page stops the
/// one under way (the browser drops it instead of finishing it for nothing).
#[wasm_bindgen_test]
async fn a_load_shows_one_error_retries_and_is_stopped_when_left() {
    use clef::api::Annulation;
    use clef::components::charger;
    let annulations = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Annulation>::new()));
    let retenue = Retenue::default();
    let (cle, set_cle) = signal(1u32);
    let conteneur: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&conteneur).unwrap();
    let paquet = send_wrapper::SendWrapper::new((annulations.clone(), retenue.clone()));
    let montage = mount_to(conteneur.clone(), move || {
        let (annulations, retenue) = paquet.take();
        let vue = charger(
            move |a: Annulation| {
                let n = cle.get();
                annulations.borrow_mut().push(a);
                let (essais, retenue) = (annulations.borrow().len(), retenue.clone());
                async move {
                    match (n, essais) {
                        (1, 1) => {
                            retenue.attendre().await;
                            Err(ErreurChargement::Reseau)
                        }
                        (1, _) => Ok(format!("clé 1, essai {essais}")),
                        _ => std::future::pending().await,
                    }
                }
            },
            |texte: String, _| view! { <p class="charge">{texte}</p> },
        );
        view! { <I18nContextProvider>{vue}</I18nContextProvider> }
    });
    tick().await;
    assert!(conteneur.query_selector(".squelette").unwrap().is_some());
    retenue.liberer();
    tick().await;
    tick().await;
    assert_eq!(
        conteneur
            .query_selector_all("[role=alert]")
            .unwrap()
            .length(),
        1,
        "{}",
        conteneur.inner_html()
    );
    trouver(&conteneur, ".etat--erreur button").click();
    tick().await;
    tick().await;
    assert_eq!(texte(&conteneur, ".charge"), "clé 1, essai 2");
    assert!(conteneur.query_selector("[role=alert]").unwrap().is_none());
    // A new key: the request before it is stopped, and the new one is under way.
    set_cle.set(2);
    tick().await;
    assert_eq!(annulations.borrow().len(), 3);
    assert!(annulations.borrow()[1].annulee());
    assert!(!annulations.borrow()[2].annulee());
    // Leaving the page stops the request under way.
    drop(montage);
    tick().await;
    assert!(annulations.borrow()[2].annulee());
}
