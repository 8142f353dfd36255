use super::Delai;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use crate::pour_moi::{Badge, PourMoi};
use clef_domain::api::OffreResume;
use clef_domain::offre::Code;
use leptos::prelude::*;

/// One search result, what people choose on first: the heading says the home's type,
/// surface and commune (it is the link), then the rent with charges, the closing date and,
/// for a logged-in applicant, whether they can apply. The photo is a decorative
/// thumbnail (the listing page describes each photo).
#[component]
pub fn CarteOffre(offre: OffreResume) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let id_titre = format!("offre-{}", offre.id);
    let reference_titre = id_titre.clone();
    let lien = format!("/logements/{}", offre.id);
    let montant = format::euros(balise, offre.loyer + offre.charges);
    let prix = tu_string!(i18n, carte.par_mois, montant).to_string();
    let surface = format::surface(balise, offre.surface);
    let typologie = offre.typologie.code();
    let commune = offre.commune.clone();
    let essentiel = tu_string!(i18n, carte.essentiel, typologie, surface, commune).to_string();
    let financement = offre.financement;
    let profil = use_context::<Signal<Option<PourMoi>>>();
    let pour_badge = offre.clone();
    let badge = move || {
        let badge = profil?.get()?.badge(&pour_badge)?;
        let (classe, texte) = match badge {
            Badge::Eligible => ("badge badge--ok", tu_string!(i18n, pour_moi.eligible)),
            Badge::NonEligiblePlafond => (
                "badge badge--non",
                tu_string!(i18n, pour_moi.non_eligible_plafond),
            ),
            Badge::NonEligibleTaille => (
                "badge badge--non",
                tu_string!(i18n, pour_moi.non_eligible_taille),
            ),
            Badge::Inverifiable => ("badge badge--non", tu_string!(i18n, pour_moi.inverifiable)),
            Badge::DejaCandidat => (
                "badge badge--info",
                tu_string!(i18n, pour_moi.deja_candidat),
            ),
        };
        Some(view! { <p class="carte__badge"><span class=classe>{texte}</span></p> })
    };
    view! {
        <li class="carte">
            <article aria-labelledby=reference_titre>
                <div class="carte__corps">
                    <h2 class="carte__titre" id=id_titre>
                        <a href=lien>{essentiel}</a>
                    </h2>
                    <p class="carte__prix">
                        <strong>{prix}</strong>
                        " "
                        <span class="carte__cc">{tu_string!(i18n, carte.charges_comprises)}</span>
                    </p>
                    <Delai
                        etat=offre.etat
                        jours_restants=offre.jours_restants
                        ouverture=offre.ouverture
                        cloture=offre.cloture
                    />
                    {badge}
                    <p class="carte__nom">{offre.titre}</p>
                    <ul class="carte__faits">
                        <li>{libelles::financement(i18n, financement)}</li>
                        {offre
                            .qpv
                            .map(|nom| {
                                view! { <li class="badge badge--qpv">{tu_string!(i18n, carte.qpv, nom)}</li> }
                            })}
                        {offre.accessible_pmr.then(|| view! { <li>{tu_string!(i18n, carte.pmr)}</li> })}
                        {offre
                            .demo
                            .then(|| {
                                view! {
                                    <li class="badge badge--demo">{tu_string!(i18n, demo.badge)}</li>
                                }
                            })}
                    </ul>
                </div>
                {offre
                    .photo
                    .map(|photo| {
                        view! {
                            <img
                                class="carte__photo"
                                src=photo.url
                                alt=""
                                loading="lazy"
                                decoding="async"
                                width="96"
                                height="72"
                            />
                        }
                    })}
            </article>
        </li>
    }
}
