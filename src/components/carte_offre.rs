use super::Delai;
use crate::format;
use crate::i18n::*;
use crate::langue::use_balise;
use crate::libelles;
use clef_domain::api::OffreResume;
use clef_domain::offre::Code;
use leptos::prelude::*;

/// One search result. The title is the link; the photo is decorative here (the listing page
/// describes each photo).
#[component]
pub fn CarteOffre(offre: OffreResume) -> impl IntoView {
    let i18n = use_i18n();
    let balise = use_balise();
    let id_titre = format!("offre-{}", offre.id);
    let reference_titre = id_titre.clone();
    let lien = format!("/logements/{}", offre.id);
    let total = offre.loyer + offre.charges;
    let montant = format::euros(balise, total);
    let prix = tu_string!(i18n, carte.par_mois, montant).to_string();
    let surface = format::surface(balise, offre.surface);
    let typologie = offre.typologie;
    let financement = offre.financement;
    view! {
        <li class="carte">
            <article aria-labelledby=reference_titre>
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
                                width="320"
                                height="200"
                            />
                        }
                    })}
                <div class="carte__corps">
                    <h2 class="carte__titre" id=id_titre>
                        <a href=lien>{offre.titre}</a>
                    </h2>
                    <p class="carte__lieu">
                        {offre.commune}
                        {offre
                            .qpv
                            .map(|nom| {
                                view! {
                                    " "
                                    <span class="badge badge--qpv">{tu_string!(i18n, carte.qpv, nom)}</span>
                                }
                            })}
                    </p>
                    <p class="carte__prix">
                        <strong>{prix}</strong>
                        " "
                        <span class="carte__cc">{tu_string!(i18n, carte.charges_comprises)}</span>
                    </p>
                    <ul class="carte__faits">
                        <li title=libelles::typologie(i18n, typologie)>{typologie.code()}</li>
                        <li>{surface}</li>
                        <li title=libelles::financement(i18n, financement)>{financement.code()}</li>
                        {offre.accessible_pmr.then(|| view! { <li>{tu_string!(i18n, carte.pmr)}</li> })}
                        {offre
                            .demo
                            .then(|| {
                                view! {
                                    <li class="badge badge--demo">{tu_string!(i18n, demo.badge)}</li>
                                }
                            })}
                    </ul>
                    <Delai
                        etat=offre.etat
                        jours_restants=offre.jours_restants
                        ouverture=offre.ouverture
                        cloture=offre.cloture
                    />
                </div>
            </article>
        </li>
    }
}
