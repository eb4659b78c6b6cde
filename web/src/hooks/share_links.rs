//! `use_share_links`: opens share links (web/src/share.rs). When the page starts on one or the
//! hash becomes one, the fragment is replaced by `#/` at once (out of the address bar and the
//! history) and the paste it carries goes to `on_load` once decompressed.

use crate::share::{open_link, PREFIX};
use gloo::events::EventListener;
use yew::prelude::*;

/// What opening a share link did: loaded this text, or found the link broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Loaded(AttrValue),
    Broken,
}

#[hook]
pub fn use_share_links(on_load: Callback<AttrValue>) -> Option<Opened> {
    let opened = use_state(|| None::<Opened>);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            let check = move || {
                let hash = crate::prefs::hash();
                if !hash.starts_with(PREFIX) {
                    return;
                }
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace("#/");
                }
                let (opened, on_load) = (opened.clone(), on_load.clone());
                yew::platform::spawn_local(async move {
                    match open_link(&hash).await {
                        Ok(text) => {
                            let text = AttrValue::from(text);
                            opened.set(Some(Opened::Loaded(text.clone())));
                            on_load.emit(text);
                        }
                        Err(_) => opened.set(Some(Opened::Broken)),
                    }
                });
            };
            check();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| check()));
            move || drop(listener)
        });
    }
    (*opened).clone()
}
