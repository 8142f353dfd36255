use leptos::prelude::*;

/// What it holds is built in a task of its own, after the one that started it: the app's
/// start-up (the frame, the header, the page, the footer, the lower part of a long page)
/// never holds a phone's main thread at once, so a tap during it waits less (Lighthouse's
/// "total blocking time"). Started together, they are built in the order they appear.
#[component]
pub fn EnSuite(children: Children) -> impl IntoView {
    let prete = RwSignal::new(false);
    let enfants = StoredValue::new_local(Some(children));
    set_timeout(move || prete.set(true), std::time::Duration::ZERO);
    move || {
        prete
            .get()
            .then(|| enfants.try_update_value(Option::take).flatten())
            .flatten()
            .map(|enfants| enfants())
    }
}
