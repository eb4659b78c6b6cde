//! Brings the rule texts of a language into the engine (core's `texts`: the page's wasm carries
//! no rule texts, so the first load pays for one language, not two). They come from an inline
//! `<script type="text/plain" id="llmdoctor-texts-<lang>">` when the page has one (the
//! single-file build), else from `texts-<lang>.txt` beside the page (same origin: the CSP allows
//! nothing else).

use llmdoctor_core::{texts, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// Makes `lang` available, then calls `done` with `Ok(())`, or with the reason it could not.
/// Calls nothing when the language is already there.
pub fn ensure(lang: Lang, done: Callback<Result<(), String>>) {
    if texts::available(lang) {
        return;
    }
    if let Some(text) = inline(lang) {
        done.emit(texts::install(lang, text));
        return;
    }
    yew::platform::spawn_local(async move {
        let url = format!("texts-{}.txt", code(lang));
        let result = match fetch(&url).await {
            Ok(text) => texts::install(lang, text),
            Err(e) => Err(format!("{url}: {e}")),
        };
        done.emit(result);
    });
}

fn inline(lang: Lang) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.get_element_by_id(&format!("llmdoctor-texts-{}", code(lang)))?;
    el.text_content()
}

async fn fetch(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

fn describe(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "could not load".to_string())
}
