//! A new version of the scoring grid: the points of each criterion, the day it takes
//! effect, a preview of its effect on the listings open today, then publication.

use crate::api::{self, ErreurChargement};
use crate::components::{
    ChampTexte, Confirmation, ResumeErreurs, charger, focaliser_apres_rendu, message_erreur,
};
use crate::envoi::Envoi;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use clef_domain::Jour;
use clef_domain::api::{ApercuGrille, NouvelleGrille};
use clef_domain::cotation::{
    Critere, Grille, Regle, verifier_entree_en_vigueur, verifier_priorites,
};
use clef_domain::erreur::{CodeErreur, ErreurChamp};
use leptos::prelude::*;

/// Where the list of errors is.
const ID_ERREURS: &str = "resume-erreurs-grille";

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

/// The criteria with the typed numbers (a number that is not one keeps its current value),
/// and the fields that are not whole numbers.
fn appliquer(criteres: &[Critere], saisis: &[Vec<Nombre>]) -> (Vec<Critere>, Vec<ErreurChamp>) {
    let mut erreurs = Vec::new();
    let mut lire = |n: &Nombre, actuel: &mut u32| match n.valeur.get_untracked().trim().parse() {
        Ok(v) => *actuel = v,
        Err(_) => erreurs.push(ErreurChamp::new(&n.champ, CodeErreur::PasUnNombre)),
    };
    let mut nouveaux = criteres.to_vec();
    for (c, n) in nouveaux.iter_mut().zip(saisis) {
        match &mut c.regle {
            Regle::Drapeau { points, .. } | Regle::Contexte { points, .. } => {
                if let Some(x) = n.first() {
                    lire(x, points);
                }
            }
            Regle::Anciennete {
                points_par_mois,
                plafond,
            } => {
                if let [a, b] = n.as_slice() {
                    lire(a, points_par_mois);
                    lire(b, plafond);
                }
            }
            Regle::Tranches { tranches, .. } => {
                for (tranche, x) in tranches.iter_mut().zip(n) {
                    lire(x, &mut tranche.points);
                }
            }
        }
    }
    (nouveaux, erreurs)
}

/// Every error of the new version at once, each on a field of the form: what does not
/// parse, then what the rules crate refuses in what does (a criterion's points too high go
/// on its largest number). The server checks again.
fn erreurs_de(
    grille: &Grille,
    saisis: &[Vec<Nombre>],
    en_vigueur_le: Option<Jour>,
    aujourdhui: Option<Jour>,
) -> (Vec<Critere>, Vec<ErreurChamp>) {
    let (criteres, mut erreurs) = appliquer(&grille.criteres, saisis);
    match en_vigueur_le {
        None => erreurs.push(ErreurChamp::new(
            "en_vigueur_le",
            CodeErreur::FormatInvalide,
        )),
        Some(jour) => {
            if let Some(aujourdhui) = aujourdhui
                && let Err(e) = verifier_entree_en_vigueur(jour, grille.en_vigueur_le, aujourdhui)
            {
                erreurs.push(e);
            }
            if let Err(regles) = verifier_priorites(&criteres) {
                for e in regles {
                    let e = rattacher(e, saisis);
                    if !erreurs.iter().any(|x| x.champ == e.champ) {
                        erreurs.push(e);
                    }
                }
            }
            if let Err(regles) = Grille::new(
                grille.territoire.clone(),
                grille.version,
                jour,
                criteres.clone(),
            ) {
                for e in regles {
                    let e = rattacher(e, saisis);
                    if !erreurs.iter().any(|x| x.champ == e.champ) {
                        erreurs.push(e);
                    }
                }
            }
        }
    }
    (criteres, erreurs)
}

/// An error on a criterion's rule (`criteres.2.regle.points`) put on the field of that
/// criterion with the largest number, where it can be corrected.
fn rattacher(e: ErreurChamp, saisis: &[Vec<Nombre>]) -> ErreurChamp {
    let critere = e
        .champ
        .strip_prefix("criteres.")
        .and_then(|reste| reste.split('.').next())
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| saisis.get(i));
    let Some(nombres) = critere else { return e };
    if nombres.iter().any(|n| n.champ == e.champ) {
        return e;
    }
    let plus_grand = nombres
        .iter()
        .max_by_key(|n| n.valeur.get_untracked().trim().parse::<u32>().unwrap_or(0));
    match plus_grand {
        Some(n) => ErreurChamp {
            champ: n.champ.clone(),
            ..e
        },
        None => e,
    }
}

/// The server's errors on the form's fields, as [`rattacher`] puts the local ones.
fn rattacher_probleme(mut e: ErreurChargement, saisis: &[Vec<Nombre>]) -> ErreurChargement {
    if let ErreurChargement::Probleme(p) = &mut e {
        for x in &mut p.errors {
            x.erreur = rattacher(x.erreur.clone(), saisis);
        }
    }
    e
}

/// What the editor sends: a preview of the new version, or its publication.
#[derive(Clone)]
enum Demande {
    Apercu(NouvelleGrille),
    Publication(NouvelleGrille),
}

/// What the server answers to a [`Demande`].
enum Reponse {
    Apercu(ApercuGrille),
    Publiee(Grille),
}

#[component]
pub fn EditeurGrille() -> impl IntoView {
    charger(
        |a| api::grille(None).lire_annulable(a),
        |g: Grille, _| view! { <Editeur g /> },
    )
}

/// Tomorrow on this phone's calendar (the server checks against its own).
fn demain() -> String {
    crate::saisie::aujourdhui()
        .and_then(|j| Jour::depuis_numero(j.numero() + 1).ok())
        .map(|j| j.to_string())
        .unwrap_or_default()
}

#[component]
fn Editeur(g: Grille) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
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
    let apercu = RwSignal::new(None::<ApercuGrille>);
    let publiee = RwSignal::new(None::<u32>);
    let envoi = Envoi::new(
        move |demande: Demande| async move {
            let r = match demande {
                Demande::Apercu(corps) => api::apercu_grille(&corps).await.map(Reponse::Apercu),
                Demande::Publication(corps) => {
                    api::publier_grille(&corps).await.map(Reponse::Publiee)
                }
            };
            r.map_err(|e| {
                if !e.champs().is_empty() {
                    focaliser_apres_rendu(ID_ERREURS);
                }
                saisis.with_value(|s| rattacher_probleme(e, s))
            })
        },
        move |reponse| match reponse {
            Reponse::Apercu(a) => apercu.set(Some(a)),
            Reponse::Publiee(g) => {
                apercu.set(None);
                publiee.set(Some(g.version));
            }
        },
    );
    let (erreurs, message, en_cours) = (envoi.erreurs, envoi.message, envoi.en_cours());
    let grille = StoredValue::new(g.clone());
    let nouvelle = move || -> Option<NouvelleGrille> {
        let jour = en_vigueur.get_untracked().parse::<Jour>().ok();
        let (criteres, locales) = grille.with_value(|g| {
            saisis.with_value(|s| erreurs_de(g, s, jour, crate::saisie::aujourdhui()))
        });
        let valable = locales.is_empty();
        erreurs.set(locales);
        if !valable {
            focaliser_apres_rendu(ID_ERREURS);
            return None;
        }
        Some(NouvelleGrille {
            en_vigueur_le: jour?,
            criteres,
        })
    };
    // Each field's name in the summary: its criterion, then which of its numbers.
    let noms: Vec<(String, String)> = g
        .criteres
        .iter()
        .zip(saisis.get_value())
        .flat_map(|(c, nombres)| {
            nombres.into_iter().map(move |n| {
                (
                    n.champ,
                    format!("{} ({})", c.libelle, n.libelle.to_lowercase()),
                )
            })
        })
        .collect();
    let nom_du_champ = Callback::new(move |champ: String| {
        if champ == "en_vigueur_le" {
            return tu_string!(i18n, territoire.en_vigueur_le).to_string();
        }
        noms.iter()
            .find(|(c, _)| *c == champ)
            .map(|(_, nom)| nom.clone())
            .unwrap_or(champ)
    });
    let envoyer = move |publier: bool| {
        let Some(corps) = nouvelle() else { return };
        envoi.soumettre(if publier {
            Demande::Publication(corps)
        } else {
            Demande::Apercu(corps)
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
            <h2 id="titre-grille" tabindex="-1">{tu_string!(i18n, territoire.grille)}</h2>
            <p>{tu_string!(i18n, territoire.grille_actuelle, version = g.version, jour = en_vigueur_le)}</p>
            <p class="aide">{tu_string!(i18n, territoire.grille_aide)}</p>
            <form class="formulaire" novalidate=true on:submit=|ev| ev.prevent_default()>
                {move || message.get().map(|m| view! { <p class="alerte" role="alert">{m}</p> })}
                <ResumeErreurs erreurs id=ID_ERREURS titre=tu_string!(i18n, territoire.erreurs_grille) libelle=nom_du_champ />
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
    let n = a.offres.len();
    let rangs = a
        .offres
        .iter()
        .filter(|o| o.effet.rangs_changes > 0)
        .count();
    let trois = a
        .offres
        .iter()
        .filter(|o| o.effet.trois_premiers_changes)
        .count();
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
        <p class="resume-apercu" id="apercu-resume" role="status">
            <strong>{tu_string!(i18n, territoire.apercu_resume, n, rangs, trois)}</strong>
            " " {tu_string!(i18n, territoire.apercu_detail)}
        </p>
        <div class="tableau-defilant" id="apercu-grille" tabindex="0" role="region" aria-labelledby="apercu-grille-titre">
            <table>
                <caption id="apercu-grille-titre">{tu_string!(i18n, territoire.apercu_titre)}</caption>
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
