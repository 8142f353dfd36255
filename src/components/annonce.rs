use crate::components::focaliser_apres_rendu;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// What an act says it did ("Votre candidature est déposée.") on the page it leads to: the
/// message is for that one path, shown once, and forgotten when the person goes elsewhere.
#[derive(Clone, Copy)]
pub struct Annonce(RwSignal<Option<(String, String)>>);

impl Annonce {
    pub fn fournir() {
        provide_context(Annonce(RwSignal::new(None)));
    }

    pub fn utiliser() -> Option<Annonce> {
        use_context::<Annonce>()
    }

    /// Says `texte` on the page at `chemin` (where the act leads).
    pub fn dire(&self, chemin: &str, texte: String) {
        self.0.set(Some((chemin.to_owned(), texte)));
    }
}

/// The announcement of the page shown, if any, focused so that it is read out.
#[component]
pub fn AnnonceSucces() -> impl IntoView {
    let chemin = use_location().pathname;
    let Some(Annonce(annonce)) = Annonce::utiliser() else {
        return ().into_any();
    };
    // Gone once the person is on another page than the one it was for.
    Effect::new(move || {
        let ici = chemin.get();
        if annonce.with_untracked(|a| a.as_ref().is_some_and(|(pour, _)| *pour != ici)) {
            annonce.set(None);
        }
    });
    let texte = move || {
        let ici = chemin.get();
        annonce.with(|a| {
            a.as_ref()
                .filter(|(pour, _)| *pour == ici)
                .map(|(_, texte)| texte.clone())
        })
    };
    (move || {
        texte().map(|t| {
            focaliser_apres_rendu("annonce");
            view! {
                <p class="succes annonce" id="annonce" role="status" tabindex="-1">{t}</p>
            }
        })
    })
    .into_any()
}
