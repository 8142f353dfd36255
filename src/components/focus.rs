use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element `id`, if it is on the page.
pub fn focaliser(id: &str) {
    if let Some(element) = leptos::prelude::document().get_element_by_id(id)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}

/// The same, once the next render is on the page.
pub fn focaliser_apres_rendu(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focaliser(id));
}
