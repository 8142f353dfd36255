//! `/`: search the listings. The criteria live in the URL, so a search can be shared and the
//! back button steps through searches.

use crate::api::{self, ErreurChargement};
use crate::chargement::Chargement;
use crate::components::{
    BandeauDemo, CarteOffre, EtatErreur, Filtres, Pagination, SauverRecherche, SqueletteCartes,
    titre_document,
};
use crate::i18n::*;
use crate::pages::DerniereRecherche;
use crate::pour_moi::{self, PourMoi};
use crate::session::{EtatSession, Session};
use clef_domain::api::{Commune, PageOffres};
use clef_domain::erreur::ErreurChamp;
use clef_domain::recherche::Recherche;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn PageAccueil() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, recherche.titre));

    let query = use_query_map();
    let lecture = Memo::new(move |_| {
        query.with(|q| {
            Recherche::depuis_paires_en_ignorant(q.into_iter().map(|(k, v)| (k.as_ref(), v)))
        })
    });
    let recherche = Memo::new(move |_| lecture.read().0.clone());
    let erreurs_url = Memo::new(move |_| lecture.read().1.clone());
    let (erreurs_formulaire, set_erreurs_formulaire) = signal(Vec::<ErreurChamp>::new());

    if let Some(DerniereRecherche(derniere)) = use_context::<DerniereRecherche>() {
        Effect::new(move || derniere.set(api::url_recherche(&recherche.get())));
    }

    let communes = LocalResource::new(|| api::communes().lire());
    let liste_communes =
        Signal::derive(move || communes.get().and_then(Result::ok).unwrap_or_default());

    // For a logged-in applicant: what the cards say and "only the homes I can apply to",
    // computed here by the rules crate (the server gets criteria on listings only).
    let session = Session::utiliser();
    let pour_moi = LocalResource::new(move || {
        let demandeur = session.pour_demandeur();
        async move {
            if demandeur {
                PourMoi::charger().await.ok()
            } else {
                None
            }
        }
    });
    let profil = Signal::derive(move || pour_moi.get().flatten());
    provide_context(profil);
    let cle = Memo::new(move |_| {
        let affichee = recherche.get();
        if !affichee.pour_moi {
            return Cle::Serveur(affichee.clone(), affichee);
        }
        match (session.etat.get(), pour_moi.get(), communes.get()) {
            (EtatSession::Inconnue, _, _) | (_, None, _) | (_, _, None) => Cle::Attente,
            (_, Some(None), _) => Cle::Aucun(Aucun::NonConnecte),
            (_, Some(Some(profil)), Some(communes)) => {
                let zones = Commune::zones(&communes.unwrap_or_default());
                match profil.recherche(&affichee, &zones) {
                    Ok(serveur) => Cle::Serveur(affichee, serveur),
                    Err(aucun) => Cle::Aucun(Aucun::PourMoi(aucun)),
                }
            }
        }
    });
    let resultats = Chargement::<Cle, PageOffres>::selon(cle, |c| match c {
        Cle::Serveur(_, serveur) => Some(api::offres(serveur)),
        Cle::Attente | Cle::Aucun(_) => None,
    });

    let erreurs_serveur = move || match resultats.actuelle() {
        Some(Err(ErreurChargement::Probleme(p))) => {
            p.errors.into_iter().map(|e| e.erreur).collect()
        }
        _ => Vec::new(),
    };
    let erreurs = Signal::derive(move || {
        let mut toutes = erreurs_url.get();
        toutes.extend(erreurs_formulaire.get());
        toutes.extend(erreurs_serveur());
        toutes
    });

    let naviguer = use_navigate();
    let appliquer = Callback::new(move |lue: Result<Recherche, Vec<ErreurChamp>>| match lue {
        Ok(nouvelle) => {
            set_erreurs_formulaire.set(Vec::new());
            naviguer(
                &api::url_recherche(&nouvelle),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
        Err(erreurs) => set_erreurs_formulaire.set(erreurs),
    });

    // While a new search loads, the previous list stays, marked busy and faded; it is
    // replaced only by the answer to the criteria in the URL.
    let affichage = move || {
        if let Cle::Aucun(aucun) = cle.get() {
            return Some(view! { <SansResultat aucun /> }.into_any());
        }
        let derniere = resultats.derniere.get()?;
        let Cle::Serveur(affichee, _) = derniere.cle else {
            return None;
        };
        Some(match derniere.resultat {
            Ok(page) => view! { <Resultats page recherche=affichee /> }.into_any(),
            Err(ErreurChargement::Probleme(p)) if p.status == 400 => view! {
                <p class="etat etat--erreur" role="alert">{tu_string!(i18n, recherche.criteres_invalides)}</p>
            }
            .into_any(),
            Err(erreur) => view! {
                <EtatErreur erreur reessayer=Callback::new(move |_| resultats.reessayer()) />
            }
            .into_any(),
        })
    };
    let en_cours = move || resultats.en_cours();
    // The server's first render of this page stays until these results (or their error)
    // are shown in its place.
    crate::premier_rendu::remplacer_quand(move || {
        matches!(cle.get(), Cle::Aucun(_)) || resultats.derniere.with(Option::is_some)
    });

    view! {
        <div class="page page--recherche">
            <h1>{tu_string!(i18n, recherche.titre)}</h1>
            <p class="intro">{tu_string!(i18n, recherche.intro)}</p>
            <Filtres recherche communes=liste_communes erreurs appliquer />
            <SauverRecherche recherche />
            <Show when=move || !erreurs_url.read().is_empty()>
                <p class="alerte" role="alert">{tu_string!(i18n, recherche.filtres_ignores)}</p>
            </Show>
            <section
                class="resultats"
                class:resultats--en-cours=en_cours
                aria-labelledby="titre-resultats"
                aria-busy=move || en_cours().to_string()
            >
                <h2 id="titre-resultats" class="visuellement-cache">{tu_string!(i18n, recherche.liste)}</h2>
                {move || affichage().unwrap_or_else(|| view! { <SqueletteCartes /> }.into_any())}
            </section>
        </div>
    }
}

/// What the search page asks the server, from the criteria in its URL.
#[derive(Debug, Clone, PartialEq)]
enum Cle {
    /// The criteria shown (for the links to other pages) and those sent.
    Serveur(Recherche, Recherche),
    /// "Only the homes I can apply to" waits for the applicant's file.
    Attente,
    Aucun(Aucun),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aucun {
    /// "Only the homes I can apply to" needs an applicant's session.
    NonConnecte,
    PourMoi(pour_moi::Aucun),
}

/// The territory's ceiling zones, from its communes.
/// Why "only the homes I can apply to" lists nothing, and what to do.
#[component]
fn SansResultat(aucun: Aucun) -> impl IntoView {
    let i18n = use_i18n();
    let (texte, lien, libelle) = match aucun {
        Aucun::NonConnecte => (
            tu_string!(i18n, pour_moi.non_connecte).to_string(),
            "/connexion?retour=/",
            tu_string!(i18n, nav.connexion).to_string(),
        ),
        Aucun::PourMoi(pour_moi::Aucun::DossierIncomplet) => (
            tu_string!(i18n, pour_moi.dossier_incomplet).to_string(),
            "/mon-dossier",
            tu_string!(i18n, nav.dossier).to_string(),
        ),
        Aucun::PourMoi(pour_moi::Aucun::PlafondCandidatures { max }) => (
            tu_string!(i18n, pour_moi.plafond_candidatures, max).to_string(),
            "/mes-candidatures",
            tu_string!(i18n, nav.candidatures).to_string(),
        ),
        Aucun::PourMoi(pour_moi::Aucun::AuDessusDesPlafonds) => (
            tu_string!(i18n, pour_moi.au_dessus_des_plafonds).to_string(),
            "/mon-dossier",
            tu_string!(i18n, nav.dossier).to_string(),
        ),
        Aucun::PourMoi(pour_moi::Aucun::PlafondsInconnus { annee }) => (
            tu_string!(i18n, pour_moi.plafonds_inconnus, annee).to_string(),
            "/comment-ca-marche",
            tu_string!(i18n, nav.comment).to_string(),
        ),
    };
    view! {
        <div class="etat etat--vide" role="status">
            <p class="etat__titre">{tu_string!(i18n, pour_moi.aucun_titre)}</p>
            <p>{texte}</p>
            <a class="bouton bouton--secondaire" href=lien>{libelle}</a>
        </div>
    }
}

/// One page of results: how many, the cards, the way to other pages, or what to do when none.
#[component]
fn Resultats(page: PageOffres, recherche: Recherche) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let pages = page.pages();
    let nombre = move || match total {
        0 => tu_string!(i18n, recherche.resultats_aucun).to_string(),
        1 => tu_string!(i18n, recherche.resultats_un).to_string(),
        n => tu_string!(i18n, recherche.resultats_plusieurs, n).to_string(),
    };
    let demo = page.offres.iter().any(|o| o.demo);
    view! {
        <p class="resultats__nombre" role="status">{nombre}</p>
        {demo.then(|| view! { <BandeauDemo /> })}
        {if page.offres.is_empty() {
            view! {
                <div class="etat etat--vide">
                    <p class="etat__titre">{tu_string!(i18n, recherche.aucun_titre)}</p>
                    <p>{tu_string!(i18n, recherche.aucun_conseil)}</p>
                    <a class="bouton bouton--secondaire" href="/">{tu_string!(i18n, recherche.reinitialiser)}</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <ul class="cartes">
                    {page.offres.into_iter().map(|offre| view! { <CarteOffre offre /> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {(pages > 1).then(|| view! { <Pagination recherche pages /> })}
    }
}
