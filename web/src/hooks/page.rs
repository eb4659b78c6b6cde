//! Small page-wide hooks: the document's language and title, and an example the URL presets.

use crate::i18n::Ui;
use llmdoctor_core::Msg as M;
use yew::prelude::*;

/// `<html lang>` and the title follow the chosen language; the body stays hidden while that
/// language's words are on their way (`ready`), so the page never flashes another language.
/// The views are drawn all the same: their hooks (a share link read on mount) run at once.
#[hook]
pub fn use_document_lang(t: &Ui, ready: bool) {
    let lang = t.get(M::PageHtmlLang).to_string();
    let title = t.get(M::PagePageTitle).to_string();
    use_effect_with((lang, title, ready), move |(lang, title, ready)| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang);
            }
            doc.set_title(title);
            if let Some(body) = doc.body() {
                body.set_hidden(!*ready);
            }
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
