//! The root component: owns the state (one reducer), the debounce timer, hash routing and the
//! language preference; lays out header, the current route and footer.

use crate::components::{Header, PasteBox, Results, RulePage, RulesIndex};
use crate::i18n::ui;
use crate::state::{Action, Route, State};
use crate::{clock, prefs};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use llmdoctor_core::Lang;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the engine runs.
const DEBOUNCE_MS: u32 = 150;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::new(prefs::initial_lang(), Route::parse(&prefs::hash())));
    let dispatch = state.dispatcher();
    let timer = use_mut_ref(|| None::<Timeout>);
    // True while a burst of keystrokes is under way (an input less than DEBOUNCE_MS ago).
    let burst = use_mut_ref(|| false);

    // Warm the engine once the page is painted: its keyword automaton is built on first use,
    // so the user's first paste does not pay for it.
    use_effect_with((), |_| {
        Timeout::new(0, llmdoctor_core::warm).forget();
    });
    // An example the URL presets (`?tool=`, from the embed loader): loaded as if chosen.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if let Some(example) = crate::embed::preset() {
                example.load(Callback::from(move |text| {
                    dispatch.dispatch(Action::Load(text, clock::now()));
                }));
            }
        });
    }
    let lang = state.lang;
    let t = ui(lang);

    // Rule texts, as the view needs them: the wasm carries none (web/src/texts.rs).
    {
        let dispatch = dispatch.clone();
        let wanted: Vec<u16> = match &state.route {
            Route::Diagnose => state.analysis.as_ref().map_or_else(Vec::new, |a| {
                let ids = a.report.diagnoses.iter().map(|d| d.rule);
                ids.filter_map(llmdoctor_core::rule)
                    .map(|r| r.ord)
                    .collect()
            }),
            Route::Rule(id) => llmdoctor_core::rule(id)
                .map(|r| r.ord)
                .into_iter()
                .collect(),
            Route::Rules => Vec::new(),
        };
        let titles = state.route == Route::Rules;
        let deps = (lang, wanted, titles, state.words.clone());
        use_effect_with(deps, move |(lang, wanted, titles, words)| {
            let done = Callback::from(move |r| dispatch.dispatch(Action::Texts(r)));
            if *titles {
                crate::texts::ensure_titles(words, *lang, done.clone());
            }
            crate::texts::ensure_rules(words, *lang, wanted.iter().copied(), done);
        });
    }

    // Follow the hash (#/, #/rules, #/rules/<id>).
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    dispatch.dispatch(Action::Navigate(Route::parse(&prefs::hash())));
                })
            });
            move || drop(listener)
        });
    }

    // After a navigation: back to the top, focus on the new content (for screen readers).
    {
        let first = use_mut_ref(|| true);
        use_effect_with(state.route.clone(), move |_| {
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
    }

    // <html lang> and the title follow the chosen language.
    use_effect_with(lang, move |lang| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", ui(*lang).html_lang);
            }
            doc.set_title(ui(*lang).page_title);
        }
    });

    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |lang: Lang| {
            prefs::remember_lang(lang);
            dispatch.dispatch(Action::SetLang(lang));
        })
    };
    // Debounce with a leading edge: the first input after a pause (a paste, one edit) is
    // diagnosed at once; inputs that follow within DEBOUNCE_MS wait until typing pauses.
    let on_input = {
        let dispatch = dispatch.clone();
        let timer = timer.clone();
        let burst = burst.clone();
        Callback::from(move |text: AttrValue| {
            let leading = !std::mem::replace(&mut *burst.borrow_mut(), true);
            if leading {
                dispatch.dispatch(Action::Input(text, clock::now()));
            } else {
                dispatch.dispatch(Action::Edit(text));
            }
            let dispatch = dispatch.clone();
            let burst = burst.clone();
            // Replacing the handle drops (cancels) the previous timeout.
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                *burst.borrow_mut() = false;
                dispatch.dispatch(Action::Flush(clock::now()));
            }));
        })
    };
    let on_load = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: AttrValue| {
            timer.borrow_mut().take();
            *burst.borrow_mut() = false;
            dispatch.dispatch(Action::Load(text, clock::now()));
        })
    };
    // A big paste's stepped diagnosis (web/src/jobs.rs), started when the state asks for one.
    {
        let current = use_mut_ref(|| Rc::new(Cell::new(0u32)));
        let dispatch = dispatch.clone();
        let run = (state.job > 0 && state.progress.is_some())
            .then(|| (state.text.clone(), state.now, state.options(clock::now())));
        use_effect_with(state.job, move |&job| {
            let current = current.borrow().clone();
            match run {
                Some((text, Some(now), opts)) => {
                    let opts = llmdoctor_core::Options {
                        now: Some(now),
                        ..opts
                    };
                    crate::jobs::run(job, text, opts, now, current, dispatch);
                }
                _ => current.set(job),
            }
        });
    }
    let on_billing_day = {
        let dispatch = dispatch.clone();
        Callback::from(move |day: Option<u8>| dispatch.dispatch(Action::SetBillingDay(day)))
    };
    let on_toggle_fix = {
        let dispatch = dispatch.clone();
        Callback::from(move |rule: &'static str| dispatch.dispatch(Action::ToggleFix(rule)))
    };
    let on_query = Callback::from(move |q: AttrValue| dispatch.dispatch(Action::RuleQuery(q)));

    let body = match &state.route {
        Route::Diagnose => html! {
            <div class="workspace">
                <PasteBox
                    loaded={state.loaded.clone()}
                    replaced={state.replaced}
                    empty={state.text.is_empty()}
                    {lang}
                    {on_input}
                    on_load={on_load.clone()}
                />
                <Results
                    analysis={state.analysis.clone()}
                    words={state.words.clone()}
                    pending={state.pending || state.progress.is_some()}
                    progress={state.progress}
                    {lang}
                    billing_day={state.billing_day}
                    {on_billing_day}
                    {on_load}
                    skipped={state.skipped.clone()}
                    {on_toggle_fix}
                />
            </div>
        },
        Route::Rules => html! {
            <RulesIndex words={state.words.clone()} {lang} query={state.rule_query.clone()} {on_query} />
        },
        Route::Rule(id) => {
            html! { <RulePage id={id.clone()} words={state.words.clone()} {lang} /> }
        }
    };

    html! {
        <>
            <Header {lang} route={state.route.clone()} {on_lang} />
            if let Some(e) = &state.texts_error {
                <p class="texts-error" role="alert">{ t.texts_error }{ " (" }{ e.clone() }{ ")" }</p>
            }
            <main id="main" tabindex="-1">{ body }</main>
            <footer class="site-footer">
                <p>{ t.footer }{ " · v" }{ llmdoctor_core::VERSION }</p>
            </footer>
        </>
    }
}
