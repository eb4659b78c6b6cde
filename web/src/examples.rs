//! The examples menu: realistic pastes, one per tool. Keys are fake (right shape, never
//! issued); the engine masks them like real ones.
//!
//! The texts are data, not code: `web/examples/<id>.txt`, copied into the build as
//! `examples/<id>.txt` and fetched when chosen, so the first load does not carry them. The
//! single-file build inlines each as `<script type="text/plain" id="llmdoctor-example-<id>">`
//! (scripts/single-file.mjs), read instead of fetching.

use yew::{AttrValue, Callback};

/// The menu's entries and their titles are words: the page's catalog holds them.
pub use crate::i18n::{Example, EXAMPLES};

impl Example {
    /// The example's title in the page's language.
    pub fn label<'a>(&self, t: &'a crate::i18n::Ui) -> &'a str {
        t.get(self.title)
    }

    /// Brings this example's text, then calls `done` with it (not at all if it cannot be had:
    /// the menu then loads nothing).
    pub fn load(&self, done: Callback<AttrValue>) {
        if let Some(text) = crate::texts::inline(&format!("llmdoctor-example-{}", self.id)) {
            done.emit(AttrValue::from(text));
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let fetch = window.fetch_with_str(&format!("examples/{}.txt", self.id));
        yew::platform::spawn_local(async move {
            if let Ok(text) = crate::texts::text_of(fetch).await {
                done.emit(AttrValue::from(text));
            }
        });
    }
}

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
