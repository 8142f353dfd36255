use crate::api::ErreurChargement;
use crate::i18n::*;
use leptos::prelude::*;

/// A failed load, said plainly, with a way to try again.
#[component]
pub fn EtatErreur(erreur: ErreurChargement, reessayer: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let conseil = match erreur {
        ErreurChargement::Reseau => tu_string!(i18n, chargement.erreur_reseau),
        _ => tu_string!(i18n, chargement.erreur_serveur),
    };
    view! {
        <div class="etat etat--erreur" role="alert">
            <p class="etat__titre">{tu_string!(i18n, chargement.erreur_titre)}</p>
            <p>{conseil}</p>
            <button type="button" class="bouton" on:click=move |_| reessayer.run(())>
                {tu_string!(i18n, chargement.reessayer)}
            </button>
        </div>
    }
}
