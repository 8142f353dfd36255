//! A new version of the scoring grid: the points of each criterion, the day it takes
//! effect, a preview of its effect on the listings open today, then publication.

use crate::api::{self, Methode};
use crate::components::{
    ChampTexte, Chargement, Confirmation, EtatErreur, message_echec, message_erreur,
};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::Jour;
use clef_domain::api::{ApercuGrille, NouvelleGrille};
use clef_domain::cotation::{Critere, Grille, Regle};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One number of the grid: which criterion, which of its numbers, and its typed text.
#[derive(Clone)]
struct Nombre {
    champ: String,
    libelle: String,
    valeur: RwSignal<String>,
}

/// The numbers of a criterion an editor may change, with their fields' names.
fn nombres(
    i: usize,
    c: &Critere,
    libelle_tranche: impl Fn(usize) -> String,
    par_mois: &str,
    plafond: &str,
    points: &str,
) -> Vec<Nombre> {
    let nombre = |suffixe: String, libelle: String, n: u32| Nombre {
        champ: format!("criteres.{i}.{suffixe}"),
        libelle,
        valeur: RwSignal::new(n.to_string()),
    };
    match &c.regle {
        Regle::Drapeau { points: n, .. } | Regle::Contexte { points: n, .. } => {
            vec![nombre("points".into(), points.to_owned(), *n)]
        }
        Regle::Anciennete {
            points_par_mois,
            plafond: p,
        } => vec![
            nombre(
                "points_par_mois".into(),
                par_mois.to_owned(),
                *points_par_mois,
            ),
            nombre("plafond".into(), plafond.to_owned(), *p),
        ],
        Regle::Tranches { tranches, .. } => tranches
            .iter()
            .enumerate()
            .map(|(t, tranche)| {
                nombre(
                    format!("tranches.{t}.points"),
                    libelle_tranche(t),
                    tranche.points,
                )
            })
            .collect(),
    }
}

/// The criteria with the typed numbers, or the fields that are not whole numbers.
fn appliquer(
    criteres: &[Critere],
    saisis: &[Vec<Nombre>],
) -> Result<Vec<Critere>, Vec<ErreurChamp>> {
    let mut erreurs = Vec::new();
    let mut lire = |n: &Nombre| -> u32 {
        n.valeur.get_untracked().trim().parse().unwrap_or_else(|_| {
            erreurs.push(ErreurChamp::new(&n.champ, CodeErreur::PasUnNombre));
            0
        })
    };
    let mut nouveaux = criteres.to_vec();
    for (c, n) in nouveaux.iter_mut().zip(saisis) {
        match &mut c.regle {
            Regle::Drapeau { points, .. } | Regle::Contexte { points, .. } => {
                if let Some(x) = n.first() {
                    *points = lire(x);
                }
            }
            Regle::Anciennete {
                points_par_mois,
                plafond,
            } => {
                if let [a, b] = n.as_slice() {
                    *points_par_mois = lire(a);
                    *plafond = lire(b);
                }
            }
            Regle::Tranches { tranches, .. } => {
                for (tranche, x) in tranches.iter_mut().zip(n) {
                    tranche.points = lire(x);
                }
            }
        }
    }
    if erreurs.is_empty() {
        Ok(nouveaux)
    } else {
        Err(erreurs)
    }
}

#[component]
pub fn EditeurGrille() -> impl IntoView {
    let actuelle = LocalResource::new(|| async {
        api::obtenir::<Grille>(&format!("/territoires/{}/grille", api::TERRITOIRE)).await
    });
    view! {
        <Transition fallback=Chargement>
            {move || Suspend::new(async move {
                match actuelle.await {
                    Ok(g) => view! { <Editeur g /> }.into_any(),
                    Err(erreur) => view! { <EtatErreur erreur reessayer=Callback::new(move |_| actuelle.refetch()) /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Tomorrow on this phone's calendar (the server checks against its own).
fn demain() -> String {
    let maintenant = js_sys::Date::new_0();
    let demain = js_sys::Date::new_with_year_month_day(
        maintenant.get_full_year(),
        maintenant.get_month() as i32,
        maintenant.get_date() as i32 + 1,
    );
    format!(
        "{:04}-{:02}-{:02}",
        demain.get_full_year(),
        demain.get_month() + 1,
        demain.get_date()
    )
}

#[component]
fn Editeur(g: Grille) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let criteres = StoredValue::new(g.criteres.clone());
    let saisis: Vec<Vec<Nombre>> = g
        .criteres
        .iter()
        .enumerate()
        .map(|(i, c)| {
            nombres(
                i,
                c,
                |t| tu_string!(i18n, territoire.tranche, n = t + 1).to_string(),
                tu_string!(i18n, territoire.points_par_mois),
                tu_string!(i18n, territoire.plafond_points),
                tu_string!(i18n, territoire.points),
            )
        })
        .collect();
    let saisis = StoredValue::new(saisis);
    let en_vigueur = RwSignal::new(demain());
    let erreurs = RwSignal::new(Vec::<ErreurChamp>::new());
    let message = RwSignal::new(None::<String>);
    let apercu = RwSignal::new(None::<ApercuGrille>);
    let publiee = RwSignal::new(None::<u32>);
    let en_cours = RwSignal::new(false);
    let nouvelle = move || -> Option<NouvelleGrille> {
        let jour = en_vigueur.get_untracked().parse::<Jour>().ok();
        let mut locales = Vec::new();
        if jour.is_none() {
            locales.push(ErreurChamp::new(
                "en_vigueur_le",
                CodeErreur::FormatInvalide,
            ));
        }
        let criteres = criteres.with_value(|c| saisis.with_value(|s| appliquer(c, s)));
        let criteres = criteres.map_err(|e| locales.extend(e)).ok();
        erreurs.set(locales);
        Some(NouvelleGrille {
            en_vigueur_le: jour?,
            criteres: criteres?,
        })
    };
    let envoyer = move |publier: bool| {
        let Some(corps) = nouvelle() else { return };
        message.set(None);
        en_cours.set(true);
        spawn_local(async move {
            if publier {
                match api::envoyer::<_, Grille>(Methode::Post, "/territoire/grilles", &corps).await
                {
                    Ok(g) => {
                        apercu.set(None);
                        publiee.set(Some(g.version));
                    }
                    Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                    Err(e) => message.set(Some(message_echec(i18n, e))),
                }
            } else {
                match api::envoyer::<_, ApercuGrille>(
                    Methode::Post,
                    "/territoire/grilles/apercu",
                    &corps,
                )
                .await
                {
                    Ok(a) => apercu.set(Some(a)),
                    Err(e) if !e.champs().is_empty() => erreurs.set(e.champs()),
                    Err(e) => message.set(Some(message_echec(i18n, e))),
                }
            }
            en_cours.set(false);
        });
    };
    let lignes = g
        .criteres
        .iter()
        .zip(saisis.get_value())
        .map(|(c, nombres)| {
            let champs = nombres
                .into_iter()
                .map(|n| {
                    view! {
                        <ChampTexte
                            id=crate::saisie::id_de(&n.champ)
                            libelle=n.libelle.clone()
                            valeur=n.valeur
                            erreur=message_erreur(erreurs, n.champ.clone(), false)
                            inputmode="numeric"
                            requis=true
                        />
                    }
                })
                .collect_view();
            view! {
                <fieldset class="champ critere">
                    <legend>{c.libelle.clone()}</legend>
                    {champs}
                </fieldset>
            }
        })
        .collect_view();
    let en_vigueur_le = format::date_longue(balise, g.en_vigueur_le);
    view! {
        <section aria-labelledby="titre-grille">
            <h2 id="titre-grille">{tu_string!(i18n, territoire.grille)}</h2>
            <p>{tu_string!(i18n, territoire.grille_actuelle, version = g.version, jour = en_vigueur_le)}</p>
            <p class="aide">{tu_string!(i18n, territoire.grille_aide)}</p>
            <form class="formulaire" novalidate=true on:submit=|ev| ev.prevent_default()>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                {move || {
                    let e = erreurs.get();
                    (!e.is_empty()).then(|| view! {
                        <div class="alerte" role="alert">
                            <p>{tu_string!(i18n, territoire.erreurs_grille)}</p>
                            <ul>{e.into_iter().map(|e| view! { <li>{e.champ.clone()} " : " {libelles::erreur_champ(i18n, &e)}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                {lignes}
                <div class="champ">
                    <label for="en-vigueur-le">{tu_string!(i18n, territoire.en_vigueur_le)}</label>
                    <p class="aide" id="en-vigueur-le-aide">{tu_string!(i18n, territoire.en_vigueur_le_aide)}</p>
                    <input id="en-vigueur-le" type="date" aria-describedby="en-vigueur-le-aide"
                        prop:value=move || en_vigueur.get()
                        on:input=move |ev| en_vigueur.set(event_target_value(&ev)) />
                </div>
                <p class="actions">
                    <button type="button" class="bouton bouton--secondaire"
                        aria-disabled=move || en_cours.get().then_some("true")
                        on:click=move |_| if !en_cours.get_untracked() { envoyer(false) }>
                        {tu_string!(i18n, territoire.previsualiser)}
                    </button>
                </p>
                {move || apercu.get().map(|a| view! { <Apercu a /> })}
                {move || apercu.get().map(|a| view! {
                    <Confirmation
                        id="publier-grille"
                        libelle=tu_string!(i18n, territoire.publier_grille, version = a.version).to_string()
                        titre=tu_string!(i18n, territoire.publier_grille_titre, version = a.version).to_string()
                        texte=tu_string!(i18n, territoire.publier_grille_texte).to_string()
                        confirmer=tu_string!(i18n, territoire.publier).to_string()
                        en_cours=en_cours.into()
                        on_confirmer=Callback::new(move |_| envoyer(true))
                    />
                })}
                {move || publiee.get().map(|version| view! {
                    <p class="succes" id="grille-publiee" role="status">{tu_string!(i18n, territoire.grille_publiee, version)}</p>
                })}
            </form>
        </section>
    }
}

#[component]
fn Apercu(a: ApercuGrille) -> impl IntoView {
    let i18n = use_i18n();
    if a.offres.is_empty() {
        return view! { <p class="etat">{tu_string!(i18n, territoire.apercu_vide)}</p> }.into_any();
    }
    let lignes = a
        .offres
        .into_iter()
        .map(|o| view! {
            <tr>
                <th scope="row">{format!("{} ({})", o.titre, o.commune)}</th>
                <td>{o.effet.eligibles}</td>
                <td>{o.effet.rangs_changes}</td>
                <td>{if o.effet.trois_premiers_changes { tu_string!(i18n, territoire.oui) } else { tu_string!(i18n, territoire.non) }}</td>
            </tr>
        })
        .collect_view();
    view! {
        <div class="tableau-defilant" id="apercu-grille">
            <table>
                <caption>{tu_string!(i18n, territoire.apercu_titre)}</caption>
                <thead><tr>
                    <th scope="col">{tu_string!(i18n, territoire.offre)}</th>
                    <th scope="col">{tu_string!(i18n, territoire.eligibles)}</th>
                    <th scope="col">{tu_string!(i18n, territoire.rangs_changes)}</th>
                    <th scope="col">{tu_string!(i18n, territoire.trois_premiers)}</th>
                </tr></thead>
                <tbody>{lignes}</tbody>
            </table>
        </div>
    }
    .into_any()
}
