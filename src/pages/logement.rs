//! `/logements/{id}`: everything an applicant needs to decide whether to apply.

use crate::api::{self, OffreId};
use crate::components::{
    AvantCandidater, BandeauDemo, Delai, EnSuite, Galerie, TablePlafonds, charger_ou,
    titre_document,
};
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use crate::pages::DerniereRecherche;
use clef_domain::api::OffreDetail;
use clef_domain::offre::{Code, EtatOffre};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PageLogement() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let retour = DerniereRecherche::lien();
    let affichage = charger_ou(
        move |a| {
            let id = OffreId::depuis_url(&id.get());
            async move { api::offre(id?).lire_annulable(a).await }
        },
        |offre: OffreDetail, _| {
            titre_document(&offre.resume.titre);
            view! { <Logement offre /> }
        },
        move |e| {
            matches!(e.status(), Some(400 | 404)).then(|| {
                titre_document(tu_string!(i18n, offre.introuvable_titre));
                view! {
                    <h1>{tu_string!(i18n, offre.introuvable_titre)}</h1>
                    <p>{tu_string!(i18n, offre.introuvable_conseil)}</p>
                }
                .into_any()
            })
        },
    );

    view! {
        <div class="page page--logement">
            <p class="retour">
                <a href=retour>
                    <span aria-hidden="true">"← "</span>
                    {tu_string!(i18n, offre.retour)}
                </a>
            </p>
            {affichage}
        </div>
    }
}

#[component]
fn Logement(offre: OffreDetail) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let r = offre.resume.clone();
    let par_mois = move |m| {
        let montant = format::euros(balise, m);
        tu_string!(i18n, offre.par_mois, montant).to_string()
    };
    let (loyer, charges) = (r.loyer, r.charges);
    let surface = r.surface;
    let etage = offre.etage;
    let niveau = match etage {
        0 => tu_string!(i18n, offre.rez_de_chaussee).to_string(),
        n => {
            let n = libelles::ordinal(i18n, u32::from(n.unsigned_abs()));
            tu_string!(i18n, offre.etage_n, n).to_string()
        }
    };
    let oui_non = move |b: bool| {
        if b {
            tu_string!(i18n, offre.oui).to_string()
        } else {
            tu_string!(i18n, offre.non).to_string()
        }
    };
    let (ascenseur, pmr) = (offre.ascenseur, r.accessible_pmr);
    let classe = offre.dpe.code();
    let (typologie, financement, reservataire) = (r.typologie, r.financement, r.reservataire);
    let (ouverture, cloture) = (r.ouverture, r.cloture);
    let debut = format::date_longue(balise, ouverture);
    let fin = format::date_longue(balise, cloture);
    let periode = tu_string!(i18n, offre.publication_du_au, debut, fin).to_string();
    let qpv = r.qpv.clone();

    view! {
        <article class="logement">
            <h1>{r.titre.clone()}</h1>
            // What people choose on, first: rent with charges, type and surface, commune,
            // and until when to apply.
            <dl class="essentiel">
                <div class="essentiel__loyer">
                    <dt>{tu_string!(i18n, offre.total)}</dt>
                    <dd><strong>{par_mois(loyer + charges)}</strong></dd>
                </div>
                <div>
                    <dt>{tu_string!(i18n, offre.logement)}</dt>
                    <dd>{libelles::typologie(i18n, typologie)} " · " {format::surface(balise, surface)}</dd>
                </div>
                <div>
                    <dt>{tu_string!(i18n, offre.commune)}</dt>
                    <dd>
                        {r.commune.clone()}
                        {r.qpv.clone().map(|nom| view! { " " <span class="badge badge--qpv">{tu_string!(i18n, carte.qpv, nom)}</span> })}
                    </dd>
                </div>
                <div class="essentiel__delai">
                    <dt>{tu_string!(i18n, offre.candidatures)}</dt>
                    <dd><Delai etat=r.etat jours_restants=r.jours_restants ouverture cloture /></dd>
                </div>
            </dl>
            {r.demo.then(|| view! { <BandeauDemo /> })}
            <Galerie photos=offre.photos.clone() />
            // The rest, below the first screen, a moment later (see `EnSuite`).
            <EnSuite>

            <section class="bloc" aria-labelledby="h-loyer">
                <h2 id="h-loyer">{tu_string!(i18n, offre.loyer_titre)}</h2>
                <dl class="faits faits--loyer">
                    <div>
                        <dt>{tu_string!(i18n, offre.loyer)}</dt>
                        <dd>{par_mois(loyer)}</dd>
                    </div>
                    <div>
                        <dt>{tu_string!(i18n, offre.charges)}</dt>
                        <dd>{par_mois(charges)}</dd>
                    </div>
                    <div class="faits__total">
                        <dt>{tu_string!(i18n, offre.total)}</dt>
                        <dd>{par_mois(loyer + charges)}</dd>
                    </div>
                </dl>
            </section>

            <div class="appel">
                {match r.etat {
                    EtatOffre::Ouverte => view! { <p class="aide">{tu_string!(i18n, offre.candidater_aide)}</p> }.into_any(),
                    EtatOffre::Cloturee => view! { <p class="alerte">{tu_string!(i18n, offre.cloturee)}</p> }.into_any(),
                    EtatOffre::AVenir => view! { <p class="alerte">{tu_string!(i18n, offre.a_venir)}</p> }.into_any(),
                }}
            </div>
            <AvantCandidater offre_id=r.id etat=r.etat />

            <section class="bloc" aria-labelledby="h-caracteristiques">
                <h2 id="h-caracteristiques">{tu_string!(i18n, offre.caracteristiques)}</h2>
                <dl class="faits">
                    <div><dt>{tu_string!(i18n, offre.typologie)}</dt><dd>{libelles::typologie(i18n, typologie)}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.surface)}</dt><dd>{format::surface(balise, surface)}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.pieces)}</dt><dd>{r.pieces}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.etage)}</dt><dd>{niveau}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.ascenseur)}</dt><dd>{oui_non(ascenseur)}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.pmr)}</dt><dd>{oui_non(pmr)}</dd></div>
                    <div>
                        <dt>{tu_string!(i18n, offre.dpe)}</dt>
                        <dd><span class=format!("dpe dpe--{}", classe.to_lowercase())>{tu_string!(i18n, offre.dpe_classe, classe)}</span></dd>
                    </div>
                    <div><dt>{tu_string!(i18n, offre.adresse)}</dt><dd>{match offre.adresse.clone() {
                        Some(adresse) => adresse.into_any(),
                        None => tu_string!(i18n, offre.adresse_retiree).into_any(),
                    }}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.commune)}</dt><dd>{r.commune.clone()}</dd></div>
                    <div>
                        <dt>{tu_string!(i18n, offre.qpv)}</dt>
                        <dd>{match qpv {
                            Some(nom) => nom.into_any(),
                            None => tu_string!(i18n, offre.qpv_aucun).into_any(),
                        }}</dd>
                    </div>
                    <div>
                        <dt>{tu_string!(i18n, offre.financement)}</dt>
                        <dd>
                            {libelles::financement(i18n, financement)}
                            <span class="aide">{tu_string!(i18n, financement.explication)}</span>
                        </dd>
                    </div>
                    <div>
                        <dt>{tu_string!(i18n, offre.reservataire)}</dt>
                        <dd>
                            {libelles::reservataire(i18n, reservataire)}
                            <span class="aide">{tu_string!(i18n, offre.reservataire_aide)}</span>
                        </dd>
                    </div>
                    <div><dt>{tu_string!(i18n, offre.bailleur)}</dt><dd>{offre.bailleur.nom.clone()}</dd></div>
                    <div><dt>{tu_string!(i18n, offre.publication)}</dt><dd>{periode}</dd></div>
                </dl>
            </section>

            <section class="bloc" aria-labelledby="h-description">
                <h2 id="h-description">{tu_string!(i18n, offre.description)}</h2>
                <p>{offre.description.clone()}</p>
            </section>

            <section class="bloc" aria-labelledby="h-plafonds">
                <h2 id="h-plafonds">{tu_string!(i18n, plafonds.titre)}</h2>
                <p>{tu_string!(i18n, financement.explication)}</p>
                <TablePlafonds bareme=offre.plafonds />
            </section>
            </EnSuite>
        </article>
    }
}
