//! Small page-wide hooks: the document's language and title, and an example the URL presets.

use crate::i18n::ui;
use llmdoctor_core::Lang;
use yew::prelude::*;

/// `<html lang>` and the title follow the chosen language.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, move |lang| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", ui(*lang).html_lang);
            }
            doc.set_title(ui(*lang).page_title);
        }
    });
}

/// An example the URL presets (`?tool=`, from the embed loader): loaded as if chosen.
#[hook]
pub fn use_preset(on_load: Callback<AttrValue>) {
    use_effect_with((), move |_| {
        if let Some(example) = crate::embed::preset() {
            example.load(on_load);
        }
    });
}
