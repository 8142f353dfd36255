//! `/territoire`: the territory's staff publish the settings and new versions of the
//! scoring grid, and keep the data of their other levers: programmes' fragility classes,
//! QPV streets, SRU inventories. The dashboard of the social-mix targets is public
//! (`/mixite`).

mod alerte_plafonds;
mod grille;
mod parametres;
mod programmes;
mod qpv;
mod sru;

use crate::components::{ReserveAuTerritoire, Sommaire, titre_document};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PageTerritoire() -> impl IntoView {
    let i18n = use_i18n();
    titre_document(tu_string!(i18n, territoire.titre));
    view! {
        <div class="page">
            <h1>{tu_string!(i18n, territoire.titre)}</h1>
            <ReserveAuTerritoire>
                <alerte_plafonds::AlertePlafondsManquants />
                <Sommaire
                    libelle=tu_string!(i18n, territoire.sommaire)
                    sections=vec![
                        ("titre-parametres", tu_string!(i18n, territoire.parametres).to_string()),
                        ("titre-grille", tu_string!(i18n, territoire.grille).to_string()),
                        ("titre-programmes", tu_string!(i18n, territoire.programmes).to_string()),
                        ("titre-qpv", tu_string!(i18n, territoire.qpv).to_string()),
                        ("titre-inventaires", tu_string!(i18n, territoire.sru).to_string()),
                    ]
                />
                <p>
                    {tu_string!(i18n, territoire.intro)} " "
                    <a href="/mixite">{tu_string!(i18n, nav.mixite)}</a>
                </p>
                <parametres::Parametres />
                <grille::EditeurGrille />
                <programmes::Programmes />
                <qpv::VoiesQpv />
                <sru::InventairesSru />
            </ReserveAuTerritoire>
        </div>
    }
}
