use crate::api::ErreurChargement;
use crate::i18n::*;
use crate::session::Session;
use leptos::prelude::*;

/// What to tell a person whose request failed: the server's own French explanation when
/// it gave one, else whether the network or the server is at fault.
pub fn message_echec(i18n: leptos_i18n::I18nContext<Locale>, erreur: ErreurChargement) -> String {
    match erreur {
        ErreurChargement::Probleme(p) if p.status < 500 => p.detail.unwrap_or(p.title),
        ErreurChargement::Reseau => tu_string!(i18n, chargement.erreur_reseau).to_string(),
        ErreurChargement::Introuvable => tu_string!(i18n, introuvable.titre).to_string(),
        _ => tu_string!(i18n, chargement.erreur_serveur).to_string(),
    }
}

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
    if erreur == ErreurChargement::Introuvable {
        return view! {
            <div class="etat etat--erreur" role="alert">
                <p class="etat__titre">{tu_string!(i18n, introuvable.titre)}</p>
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
