//! Brings rule texts into the page's [`Catalog`] as the page needs them: the wasm carries
//! none, so the first load pays for no rule's words. The page's own words come the same way
//! for a language other than English (`texts/<lang>/messages.txt`, web/src/i18n.rs). A diagnosis fetches its rules' files
//! (`texts/<lang>/<id>.txt`, ~0.3–1 KB gzip each), the rules index fetches `titles.txt`.
//! The single-file build carries every language inline as
//! `<script type="text/plain" id="llmdoctor-texts-<lang>">`, read instead of fetching.
//! Same origin only: the CSP allows nothing else.
//!
//! The catalog lives in `use_rule_texts`'s state (web/src/hooks/rule_texts.rs) and reaches the
//! views as a prop ([`Words`]): words that arrive re-render the views, the diagnosis is not run
//! again.

use llmdoctor_core::{Catalog, Lang, RULES};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// The rule words the page has so far: shared, cheaply cloned, compared by identity (words
/// that arrive make a new value).
#[derive(Clone, Default)]
pub struct Words(pub Rc<Catalog>);

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Words {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

impl Words {
    /// These words with the lines of `text` in `lang` installed (the catalog refuses a text
    /// for another version of the rules).
    pub fn with(&self, lang: Lang, text: &str) -> Result<Words, String> {
        let mut c = (*self.0).clone();
        c.install(lang, text)?;
        Ok(Words(Rc::new(c)))
    }
}

/// Texts of one language that arrived: `lang` and the lines, or why they could not.
pub type Arrived = Result<(Lang, String), String>;

thread_local! {
    /// Files asked for and not yet arrived (or failed): never fetched twice at once.
    static IN_FLIGHT: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Fetches the words of the rules at `ords` that `words` lacks in `lang`, then calls `done`
/// once with them (not at all when nothing was missing).
pub fn ensure_rules(
    words: &Catalog,
    lang: Lang,
    ords: impl IntoIterator<Item = u16>,
    done: Callback<Arrived>,
) {
    let urls: Vec<String> = ords
        .into_iter()
        .filter_map(|o| RULES.get(usize::from(o)))
        .filter(|r| !words.has(lang, r))
        .map(|r| format!("texts/{}/{}.txt", lang.code(), r.id))
        .collect();
    load(lang, urls, done);
}

/// Fetches every rule's title in `lang` (the rules index) unless `words` has them, then calls
/// `done`.
pub fn ensure_titles(words: &Catalog, lang: Lang, done: Callback<Arrived>) {
    ensure_file(words.has_titles(lang), lang, "titles.txt", done);
}

/// Fetches the page's own words in `lang` (`texts/<lang>/messages.txt`) unless `words` has
/// them, then calls `done`.
pub fn ensure_messages(words: &Catalog, lang: Lang, done: Callback<Arrived>) {
    ensure_file(words.has_messages(lang), lang, "messages.txt", done);
}

/// Fetches `texts/<lang>/<file>` unless the page `has` its words already.
fn ensure_file(has: bool, lang: Lang, file: &str, done: Callback<Arrived>) {
    if !has {
        load(lang, vec![format!("texts/{}/{file}", lang.code())], done);
    }
}

fn load(lang: Lang, urls: Vec<String>, done: Callback<Arrived>) {
    if urls.is_empty() {
        return;
    }
    if let Some(all) = inline(&format!("llmdoctor-texts-{}", lang.code())) {
        done.emit(Ok((lang, all)));
        return;
    }
    let urls: Vec<String> = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        urls.into_iter().filter(|u| f.insert(u.clone())).collect()
    });
    if urls.is_empty() {
        return;
    }
    // Every request starts now (the browser runs them side by side); the words go to the
    // page once, when all have arrived.
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
        let mut lines = String::new();
        let mut failed = None;
        for (url, promise) in pending {
            let result = match promise {
                Ok(p) => text_of(p).await,
                Err(e) => Err(e),
            };
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&url));
            match result {
                Ok(t) => {
                    lines.push_str(&t);
                    lines.push('\n');
                }
                Err(e) => failed = Some(format!("{url}: {e}")),
            }
        }
        if !lines.trim().is_empty() {
            done.emit(Ok((lang, lines)));
        }
        if let Some(e) = failed {
            done.emit(Err(e));
        }
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
