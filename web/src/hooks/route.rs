//! `use_hash_route`: where the hash says we are (`#/`, `#/rules`, `#/rules/<id>`), followed as
//! it changes; after a navigation, back to the top with focus on the new content.

use crate::prefs;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Diagnose,
    Rules,
    Rule(AttrValue),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_end_matches('/');
        match path.split_once('/') {
            Some(("rules", id)) if !id.is_empty() => Route::Rule(AttrValue::from(id.to_string())),
            None if path == "rules" => Route::Rules,
            _ => Route::Diagnose,
        }
    }
}

/// The route is kept in a plain cell and re-rendered with `use_force_update`, not in `use_state`:
/// each state type costs the page ~1.5 KB of wasm.
#[hook]
pub fn use_hash_route() -> Route {
    let route = use_mut_ref(|| Route::parse(&prefs::hash()));
    let redraw = use_force_update();
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    *route.borrow_mut() = Route::parse(&prefs::hash());
                    redraw.force_update();
                })
            });
            move || drop(listener)
        });
    }
    let now = route.borrow().clone();
    // After a navigation (not on the first render): the top, focus on <main> for screen readers.
    let first = use_mut_ref(|| true);
    use_effect_with(now.clone(), move |_| {
        if std::mem::take(&mut *first.borrow_mut()) {
            return;
        }
        if let Some(win) = web_sys::window() {
            win.scroll_to_with_x_and_y(0.0, 0.0);
            let main = win.document().and_then(|d| d.get_element_by_id("main"));
            if let Some(el) = main.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        }
    });
    now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert_eq!(Route::parse(""), Route::Diagnose);
        assert_eq!(Route::parse("#/"), Route::Diagnose);
        assert_eq!(Route::parse("#/rules"), Route::Rules);
        assert_eq!(Route::parse("#/rules/"), Route::Rules);
        assert_eq!(
            Route::parse("#/rules/coding-plan-week-quota"),
            Route::Rule("coding-plan-week-quota".into())
        );
        assert_eq!(Route::parse("#/nope"), Route::Diagnose);
        // A share link is the diagnose view (the share hook loads its paste).
        assert_eq!(Route::parse("#/s/Zm9v"), Route::Diagnose);
    }
}
