//! Small page-wide hooks: the document's language and title, and an example the URL presets.

use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

/// `<html lang>` and the title follow the chosen language (once its words are here).
#[hook]
pub fn use_document_lang(t: &Ui) {
    let lang = t.get(M::PageHtmlLang).to_string();
    let title = t.get(M::PagePageTitle).to_string();
    use_effect_with((lang, title), move |(lang, title)| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang);
            }
            doc.set_title(title);
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
