//! Brings rule texts into the engine (core's `texts`) as the page needs them: the wasm carries
//! none, so the first load pays for no rule's words. A diagnosis fetches its rules' files
//! (`texts/<lang>/<id>.txt`, ~0.3–1 KB gzip each), the rules index fetches `titles.txt`.
//! The single-file build carries every language inline as
//! `<script type="text/plain" id="llmdoctor-texts-<lang>">`, read instead of fetching.
//! Same origin only: the CSP allows nothing else.

use llmdoctor_core::{texts, Lang, RULES};
use std::cell::RefCell;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

thread_local! {
    /// Files asked for and not yet arrived (or failed): never fetched twice at once.
    static IN_FLIGHT: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Makes the words of the rules at `ords` available in `lang`, then calls `done` once with the
/// outcome (not at all when nothing was missing).
pub fn ensure_rules(
    lang: Lang,
    ords: impl IntoIterator<Item = u16>,
    done: Callback<Result<(), String>>,
) {
    let urls: Vec<String> = ords
        .into_iter()
        .filter(|&o| !texts::has(lang, o))
        .filter_map(|o| RULES.get(usize::from(o)))
        .map(|r| format!("texts/{}/{}.txt", lang.code(), r.id))
        .collect();
    load(lang, urls, done);
}

/// Makes every rule's title available in `lang` (the rules index), then calls `done`.
pub fn ensure_titles(lang: Lang, done: Callback<Result<(), String>>) {
    if !texts::has_titles(lang) {
        load(
            lang,
            vec![format!("texts/{}/titles.txt", lang.code())],
            done,
        );
    }
}

fn load(lang: Lang, urls: Vec<String>, done: Callback<Result<(), String>>) {
    if urls.is_empty() {
        return;
    }
    if let Some(all) = inline(&format!("llmdoctor-texts-{}", lang.code())) {
        done.emit(texts::install(lang, all).map(drop));
        return;
    }
    let urls: Vec<String> = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        urls.into_iter().filter(|u| f.insert(u.clone())).collect()
    });
    if urls.is_empty() {
        return;
    }
    // Every request starts now (the browser runs them side by side); the engine runs again
    // once, when all have arrived.
    let pending: Vec<(String, Result<js_sys::Promise, String>)> = urls
        .into_iter()
        .map(|u| {
            let p = web_sys::window()
                .ok_or_else(|| "no window".to_string())
                .map(|w| w.fetch_with_str(&u));
            (u, p)
        })
        .collect();
    yew::platform::spawn_local(async move {
        let mut outcome = Ok(());
        for (url, promise) in pending {
            let result = match promise {
                Ok(p) => text_of(p).await,
                Err(e) => Err(e),
            };
            let result = result.and_then(|t| texts::install(lang, t).map(drop));
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&url));
            if let Err(e) = result {
                outcome = Err(format!("{url}: {e}"));
            }
        }
        done.emit(outcome);
    });
}

/// The text of the single-file build's data block `id`, if the page is that build.
pub fn inline(id: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.get_element_by_id(id)?.text_content()
}

/// The body of a same-origin fetch as text.
pub async fn text_of(fetch: js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(fetch).await.map_err(describe)?;
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
