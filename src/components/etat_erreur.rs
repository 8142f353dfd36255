use crate::api::ErreurChargement;
use crate::i18n::*;
use crate::session::Session;
use leptos::prelude::*;

/// A failed load, said plainly, with a way to try again; an ended session leads back to
/// the log-in page.
#[component]
pub fn EtatErreur(erreur: ErreurChargement, reessayer: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    if erreur.status() == Some(401) {
        Session::utiliser().oublier();
        return view! {
            <div class="etat etat--erreur" role="alert">
                <p class="etat__titre">{tu_string!(i18n, chargement.session_expiree)}</p>
                <a class="bouton" href="/connexion">{tu_string!(i18n, connexion.se_connecter)}</a>
            </div>
        }
        .into_any();
    }
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
    .into_any()
}
