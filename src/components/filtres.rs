use crate::i18n::*;
use crate::libelles;
use crate::session::Session;
use clef_domain::api::Commune;
use clef_domain::erreur::ErreurChamp;
use clef_domain::offre::{Code, Financement, Reservataire, Typologie};
use clef_domain::recherche::{FiltreEtat, Qpv, Recherche, Tri, champ};
use leptos::html;
use leptos::prelude::*;

/// The search form. Lists apply as soon as they change; the rent applies on Enter or when
/// leaving the field. What the form holds is read by `clef_domain::recherche`, like the URL.
#[component]
pub fn Filtres(
    recherche: Memo<Recherche>,
    communes: Signal<Vec<Commune>>,
    erreurs: Signal<Vec<ErreurChamp>>,
    appliquer: Callback<Result<Recherche, Vec<ErreurChamp>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let formulaire = NodeRef::<html::Form>::new();
    let soumettre = move || {
        if let Some(f) = formulaire.get() {
            let _ = f.request_submit();
        }
    };
    let sur_soumission =
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(f) = formulaire.get() else { return };
            let Ok(donnees) = web_sys::FormData::new_with_form(&f) else {
                return;
            };
            let lues: Vec<(&str, String)> = champ::TOUS
                .iter()
                .filter_map(|&c| donnees.get(c).as_string().map(|v| (c, v)))
                .collect();
            let courante = recherche.get_untracked();
            let resultat = Recherche::depuis_paires(lues.iter().map(|(k, v)| (*k, v.as_str())))
                .map(|r| Recherche {
                    page: 1,
                    par_page: courante.par_page,
                    ..r
                });
            appliquer.run(resultat);
        };
    let erreur = move |nom: &'static str| {
        move || {
            erreurs
                .read()
                .iter()
                .find(|e| e.champ == nom)
                .map(|e| libelles::erreur_champ(i18n, e))
        }
    };
    let invalide =
        move |nom: &'static str| move || erreurs.read().iter().any(|e| e.champ == nom).to_string();
    // Open at first when criteria are set or wrong; then it is the person's to open or close.
    let ouvert = recherche.get_untracked().a_des_filtres() || !erreurs.get_untracked().is_empty();
    // "Only the homes I can apply to" is for applicants: checked in the browser against
    // their own request.
    let session = Session::utiliser();
    // Outside the folded filters (the most useful one for an applicant), and still read
    // with the form (`form=`).
    let pour_moi = move || {
        session.pour_demandeur().then(|| {
            view! {
                <div class="champ champ--case filtres__pour-moi">
                    <input
                        id="f-pour-moi"
                        type="checkbox"
                        form="formulaire-filtres"
                        name=champ::POUR_MOI
                        value="oui"
                        aria-describedby="f-pour-moi-aide"
                        prop:checked=move || recherche.read().pour_moi
                        on:change=move |_| soumettre()
                    />
                    <label for="f-pour-moi">{tu_string!(i18n, pour_moi.filtre)}</label>
                    <p id="f-pour-moi-aide" class="aide">{tu_string!(i18n, pour_moi.filtre_aide)}</p>
                </div>
            }
        })
    };

    view! {
        {pour_moi}
        <details class="filtres" open=ouvert>
            <summary class="filtres__resume">{tu_string!(i18n, filtres.titre)}</summary>
            <form
                id="formulaire-filtres"
                node_ref=formulaire
                role="search"
                novalidate=true
                on:submit=sur_soumission
            >
                <div class="filtres__grille">
                    <div class="champ">
                        <label for="f-commune">{tu_string!(i18n, filtres.commune)}</label>
                        <select
                            id="f-commune"
                            name=champ::COMMUNE
                            aria-describedby="e-commune"
                            aria-invalid=invalide(champ::COMMUNE)
                            on:change=move |_| soumettre()
                        >
                            <option value="" prop:selected=move || recherche.read().commune.is_none()>
                                {tu_string!(i18n, filtres.toutes_communes)}
                            </option>
                            <For
                                each=move || communes.get()
                                key=|c| c.slug.clone()
                                children=move |c| {
                                    let slug = c.slug.clone();
                                    view! {
                                        <option
                                            value=c.slug
                                            prop:selected=move || {
                                                recherche.read().commune.as_deref() == Some(slug.as_str())
                                            }
                                        >
                                            {c.nom}
                                        </option>
                                    }
                                }
                            />
                        </select>
                        <p id="e-commune" class="champ__erreur">{erreur(champ::COMMUNE)}</p>
                    </div>
                    <Liste
                        nom=champ::TYPOLOGIE
                        libelle=tu_string!(i18n, filtres.typologie)
                        tous=Some(tu_string!(i18n, filtres.toutes_typologies))
                        valeurs=Typologie::TOUS.iter().map(|&t| (t.code(), libelles::typologie(i18n, t))).collect()
                        choisie=Signal::derive(move || recherche.read().typologie.map(Code::code))
                        erreur=Signal::derive(erreur(champ::TYPOLOGIE))
                        soumettre=Callback::new(move |_| soumettre())
                    />
                    <div class="champ">
                        <label for="f-loyer-max">{tu_string!(i18n, filtres.loyer_max)}</label>
                        <input
                            id="f-loyer-max"
                            name=champ::LOYER_MAX
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            size="6"
                            aria-describedby="e-loyer-max"
                            aria-invalid=invalide(champ::LOYER_MAX)
                            prop:value=move || recherche.read().loyer_max.map(|l| l.to_string()).unwrap_or_default()
                            on:change=move |_| soumettre()
                        />
                        <p id="e-loyer-max" class="champ__erreur">{erreur(champ::LOYER_MAX)}</p>
                    </div>
                    <Liste
                        nom=champ::FINANCEMENT
                        libelle=tu_string!(i18n, filtres.financement)
                        aide=tu_string!(i18n, filtres.financement_aide)
                        tous=Some(tu_string!(i18n, filtres.tous_financements))
                        valeurs=Financement::TOUS.iter().map(|&f| (f.code(), libelles::financement(i18n, f))).collect()
                        choisie=Signal::derive(move || recherche.read().financement.map(Code::code))
                        erreur=Signal::derive(erreur(champ::FINANCEMENT))
                        soumettre=Callback::new(move |_| soumettre())
                    />
                    <Liste
                        nom=champ::QPV
                        libelle=tu_string!(i18n, filtres.qpv)
                        tous=Some(tu_string!(i18n, filtres.qpv_indifferent))
                        valeurs=vec![
                            (Qpv::Dans.code(), tu_string!(i18n, filtres.qpv_dans).to_string()),
                            (Qpv::Hors.code(), tu_string!(i18n, filtres.qpv_hors).to_string()),
                        ]
                        choisie=Signal::derive(move || recherche.read().qpv.map(Code::code))
                        erreur=Signal::derive(erreur(champ::QPV))
                        soumettre=Callback::new(move |_| soumettre())
                    />
                    <Liste
                        nom=champ::RESERVATAIRE
                        libelle=tu_string!(i18n, filtres.reservataire)
                        aide=tu_string!(i18n, filtres.reservataire_aide)
                        tous=Some(tu_string!(i18n, filtres.tous_reservataires))
                        valeurs=Reservataire::TOUS.iter().map(|&r| (r.code(), libelles::reservataire(i18n, r))).collect()
                        choisie=Signal::derive(move || recherche.read().reservataire.map(Code::code))
                        erreur=Signal::derive(erreur(champ::RESERVATAIRE))
                        soumettre=Callback::new(move |_| soumettre())
                    />
                    <Liste
                        nom=champ::ETAT
                        libelle=tu_string!(i18n, filtres.etat)
                        tous=None
                        valeurs=FiltreEtat::TOUS.iter().map(|&e| (e.code(), libelles::etat(i18n, e))).collect()
                        choisie=Signal::derive(move || Some(recherche.read().etat.code()))
                        erreur=Signal::derive(erreur(champ::ETAT))
                        soumettre=Callback::new(move |_| soumettre())
                    />
                    <Liste
                        nom=champ::TRI
                        libelle=tu_string!(i18n, filtres.tri)
                        tous=None
                        valeurs=Tri::TOUS.iter().map(|&t| (t.code(), libelles::tri(i18n, t))).collect()
                        choisie=Signal::derive(move || Some(recherche.read().tri.code()))
                        erreur=Signal::derive(erreur(champ::TRI))
                        soumettre=Callback::new(move |_| soumettre())
                    />
                    <div class="champ champ--case">
                        <input
                            id="f-pmr"
                            type="checkbox"
                            name=champ::PMR
                            value="oui"
                            aria-describedby="e-pmr"
                            prop:checked=move || recherche.read().pmr
                            on:change=move |_| soumettre()
                        />
                        <label for="f-pmr">{tu_string!(i18n, filtres.pmr)}</label>
                        <p id="e-pmr" class="champ__erreur">{erreur(champ::PMR)}</p>
                    </div>
                </div>
                <div class="filtres__actions">
                    <button type="submit" class="bouton">{tu_string!(i18n, filtres.rechercher)}</button>
                    <Show when=move || recherche.read().a_des_filtres()>
                        <a href="/" class="lien">{tu_string!(i18n, recherche.reinitialiser)}</a>
                    </Show>
                </div>
            </form>
        </details>
    }
}

/// A labelled list of choices, with a hint when its words need explaining; without `tous`
/// ("any"), a choice is always made.
#[component]
fn Liste(
    nom: &'static str,
    libelle: &'static str,
    #[prop(optional)] aide: Option<&'static str>,
    tous: Option<&'static str>,
    valeurs: Vec<(&'static str, String)>,
    choisie: Signal<Option<&'static str>>,
    erreur: Signal<Option<String>>,
    soumettre: Callback<()>,
) -> impl IntoView {
    let id = format!("f-{}", nom.replace('_', "-"));
    let id_erreur = format!("e-{}", nom.replace('_', "-"));
    let id_aide = format!("a-{}", nom.replace('_', "-"));
    let decrit = match aide {
        Some(_) => format!("{id_aide} {id_erreur}"),
        None => id_erreur.clone(),
    };
    view! {
        <div class="champ">
            <label for=id.clone()>{libelle}</label>
            {aide.map(|a| view! { <p class="aide" id=id_aide.clone()>{a}</p> })}
            <select
                id=id
                name=nom
                aria-describedby=decrit
                aria-invalid=move || erreur.read().is_some().to_string()
                on:change=move |_| soumettre.run(())
            >
                {tous
                    .map(|tous| {
                        view! {
                            <option value="" prop:selected=move || choisie.get().is_none()>
                                {tous}
                            </option>
                        }
                    })}
                {valeurs
                    .into_iter()
                    .map(|(code, texte)| {
                        view! {
                            <option value=code prop:selected=move || choisie.get() == Some(code)>
                                {texte}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id=id_erreur class="champ__erreur">{erreur}</p>
        </div>
    }
}
