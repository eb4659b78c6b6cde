//! Browser bits the app reads or writes: the language preference, the hash, the clipboard.

use js_sys::{Function, Reflect};
use llmdoctor_core::Lang;
use wasm_bindgen::{JsCast, JsValue};

const LANG_KEY: &str = "llmdoctor.lang";

/// The URL's (`?lang=zh`, as the embed loader writes it), else the remembered language, else the
/// browser's (`zh*` → Chinese), else English.
pub fn initial_lang() -> Lang {
    if let Some(lang) = crate::embed::param("lang").as_deref().and_then(Lang::parse) {
        return lang;
    }
    let Some(win) = web_sys::window() else {
        return Lang::En;
    };
    let stored = win
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    if let Some(lang) = stored.as_deref().and_then(Lang::parse) {
        return lang;
    }
    let nav = win
        .navigator()
        .language()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if nav.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

pub fn remember_lang(lang: Lang) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `navigator.clipboard.writeText(text)`, looked up at run time (no extra web-sys features).
/// Returns whether the browser accepted the call.
pub fn copy(text: &str) -> bool {
    let Some(win) = web_sys::window() else {
        return false;
    };
    let nav: JsValue = win.navigator().into();
    let Ok(cb) = Reflect::get(&nav, &JsValue::from_str("clipboard")) else {
        return false;
    };
    if cb.is_undefined() || cb.is_null() {
        return false;
    }
    let Ok(write) = Reflect::get(&cb, &JsValue::from_str("writeText")) else {
        return false;
    };
    match write.dyn_into::<Function>() {
        Ok(f) => f.call1(&cb, &JsValue::from_str(text)).is_ok(),
        Err(_) => false,
    }
}
