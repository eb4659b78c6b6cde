//! The page's whole state and the one reducer that changes it.

use llmdoctor_core::{diagnose, report::Report, Instant, Lang, Options};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// Where the hash says we are: `#/` (diagnose), `#/rules`, `#/rules/<id>`.
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

/// A report and the "now" it was computed for (reset times and the timeline use it).
pub struct Analysis {
    pub report: Report,
    pub now: Instant,
    /// The text the report is about (the box may have changed since): "copy with my key" runs
    /// the engine on it again, Share links it.
    pub text: AttrValue,
}

/// Shared, cheaply cloned, compared by identity: a new analysis is a new value.
#[derive(Clone)]
pub struct Shared(pub Rc<Analysis>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        &self.0
    }
}

#[derive(Clone, PartialEq)]
pub struct State {
    /// What is in the paste box.
    pub text: AttrValue,
    /// The latest diagnosis; `None` while the box is empty.
    pub analysis: Option<Shared>,
    /// The text changed and the debounced diagnosis has not run yet.
    pub pending: bool,
    pub lang: Lang,
    pub billing_day: Option<u8>,
    pub route: Route,
    pub rule_query: AttrValue,
    /// Counts the rule-text languages loaded so far (web/src/texts.rs): pages that show rule
    /// texts take it as a prop, so they render again when a language arrives.
    pub texts: u32,
    /// Why a language's rule texts could not be loaded, if they could not.
    pub texts_error: Option<AttrValue>,
}

impl State {
    pub fn new(lang: Lang, route: Route) -> State {
        State {
            text: AttrValue::default(),
            analysis: None,
            pending: false,
            lang,
            billing_day: None,
            route,
            rule_query: AttrValue::default(),
            texts: 0,
            texts_error: None,
        }
    }

    fn analyse(&self, now: Instant) -> Option<Shared> {
        if self.text.trim().is_empty() {
            return None;
        }
        let opts = Options {
            lang: self.lang,
            now: Some(now),
            billing_day: self.billing_day,
            show_secrets: false,
        };
        let report = diagnose(&self.text, &opts);
        Some(Shared(Rc::new(Analysis {
            report,
            now,
            text: self.text.clone(),
        })))
    }

    fn rerun(mut self) -> State {
        if let Some(now) = self.analysis.as_ref().map(|a| a.now) {
            self.analysis = self.analyse(now);
        }
        self
    }
}

pub enum Action {
    /// The user typed: keep the text, diagnose once typing pauses.
    Edit(AttrValue),
    /// Typing paused: run the engine if the text changed since the last run.
    Flush(Instant),
    /// Replace the text (a paste after a pause, an example, clear) and diagnose at once.
    Load(AttrValue, Instant),
    SetLang(Lang),
    SetBillingDay(Option<u8>),
    Navigate(Route),
    RuleQuery(AttrValue),
    /// A language's rule texts arrived (or failed to): diagnose again to show them.
    Texts(Result<(), String>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(text) => {
                s.pending = !text.trim().is_empty();
                if !s.pending {
                    s.analysis = None;
                }
                s.text = text;
            }
            Action::Flush(now) => {
                if s.pending {
                    s.pending = false;
                    s.analysis = s.analyse(now);
                } else {
                    return self;
                }
            }
            Action::Load(text, now) => {
                s.text = text;
                s.pending = false;
                s.analysis = s.analyse(now);
            }
            Action::SetLang(lang) => {
                s.lang = lang;
                s = s.rerun();
            }
            Action::SetBillingDay(day) => {
                s.billing_day = day;
                s = s.rerun();
            }
            Action::Navigate(route) => s.route = route,
            Action::RuleQuery(q) => s.rule_query = q,
            Action::Texts(Ok(())) => {
                s.texts += 1;
                s.texts_error = None;
                s = s.rerun();
            }
            Action::Texts(Err(e)) => s.texts_error = Some(e.into()),
        }
        Rc::new(s)
    }
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
    }

    #[test]
    fn edit_then_diagnose() {
        let s = Rc::new(State::new(Lang::En, Route::Diagnose));
        let s = s.reduce(Action::Edit(
            "API Error: 429 week allocated quota exceeded".into(),
        ));
        assert!(s.pending && s.analysis.is_none());
        let s = s.reduce(Action::Flush(Instant(1_790_000_000)));
        let a = s.analysis.clone().expect("analysis");
        assert_eq!(a.report.diagnoses[0].rule, "coding-plan-week-quota");
        let s = s.reduce(Action::SetLang(Lang::Zh));
        let b = s.analysis.clone().expect("analysis");
        assert_ne!(a.report.diagnoses[0].title, b.report.diagnoses[0].title);
        let s = s.reduce(Action::Edit("  ".into()));
        assert!(!s.pending && s.analysis.is_none());
    }
}
