//! The listing as applicants will read it, from the project being written.

use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::Commune;
use clef_domain::offre::{Code, ProjetOffre};
use leptos::prelude::*;

#[component]
pub fn Apercu(projet: ProjetOffre, communes: Vec<Commune>) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let commune = communes
        .iter()
        .find(|c| c.slug == projet.commune)
        .map(|c| c.nom.clone())
        .unwrap_or_default();
    let manque = tu_string!(i18n, publier.a_remplir).to_string();
    let ou_manque = |v: Option<String>| v.unwrap_or_else(|| manque.clone());
    let total = projet.loyer.zip(projet.charges).map(|(l, c)| {
        let montant = format::euros(balise, l + c);
        tu_string!(i18n, offre.par_mois, montant).to_string()
    });
    let fenetre = projet.ouverture.zip(projet.cloture).map(|(o, c)| {
        let (debut, fin) = (
            format::date_longue(balise, o),
            format::date_longue(balise, c),
        );
        tu_string!(i18n, offre.publication_du_au, debut, fin).to_string()
    });
    view! {
        <section class="apercu" aria-labelledby="apercu-titre">
            <h2 id="apercu-titre">{tu_string!(i18n, publier.apercu)}</h2>
            <p class="aide">{tu_string!(i18n, publier.apercu_aide)}</p>
            <article class="apercu__offre">
                <h3>{if projet.titre.trim().is_empty() { manque.clone() } else { projet.titre.clone() }}</h3>
                <p class="carte__lieu">
                    {projet.adresse.clone()} ", " {commune}
                    {(!projet.qpv.is_empty()).then(|| {
                        let nom = projet.qpv.clone();
                        view! { " " <span class="badge badge--qpv">{tu_string!(i18n, carte.qpv, nom)}</span> }
                    })}
                </p>
                <p class="carte__prix"><strong>{ou_manque(total)}</strong></p>
                <dl class="faits">
                    <dt>{tu_string!(i18n, offre.typologie)}</dt>
                    <dd>{ou_manque(projet.typologie.map(|t| libelles::typologie(i18n, t)))}</dd>
                    <dt>{tu_string!(i18n, offre.surface)}</dt>
                    <dd>{ou_manque(projet.surface.map(|s| format::surface(balise, s)))}</dd>
                    <dt>{tu_string!(i18n, offre.loyer)}</dt>
                    <dd>{ou_manque(projet.loyer.map(|l| format::euros(balise, l)))}</dd>
                    <dt>{tu_string!(i18n, offre.charges)}</dt>
                    <dd>{ou_manque(projet.charges.map(|c| format::euros(balise, c)))}</dd>
                    <dt>{tu_string!(i18n, offre.financement)}</dt>
                    <dd>{ou_manque(projet.financement.map(|f| libelles::financement(i18n, f)))}</dd>
                    <dt>{tu_string!(i18n, offre.reservataire)}</dt>
                    <dd>{ou_manque(projet.reservataire.map(|r| libelles::reservataire(i18n, r)))}</dd>
                    <dt>{tu_string!(i18n, offre.dpe)}</dt>
                    <dd>{ou_manque(projet.dpe.map(|d| d.code().to_owned()))}</dd>
                    <dt>{tu_string!(i18n, offre.publication)}</dt>
                    <dd>{ou_manque(fenetre)}</dd>
                </dl>
                <ul class="apercu__photos">
                    {projet.photos.iter().map(|p| view! {
                        <li><img src=p.url.clone() alt=p.texte_alternatif.clone() width="160" loading="lazy" /></li>
                    }).collect_view()}
                </ul>
                <p class="apercu__description">{projet.description.clone()}</p>
            </article>
        </section>
    }
}
