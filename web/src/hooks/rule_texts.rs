//! `use_rule_texts`: the rule words the current view needs, fetched as it needs them (the wasm
//! carries none: web/src/texts.rs). They live in this hook's state, not in the page's reducer:
//! words that arrive re-render the views and never run the diagnosis again.

use super::{Route, Shared};
use crate::texts::{Arrived, Words};
use llmdoctor_core::Lang;
use yew::prelude::*;

/// The rule words loaded so far, and why a language's could not be, if they could not.
#[derive(Clone, Default)]
pub struct RuleTexts {
    pub words: Words,
    pub error: Option<AttrValue>,
}

impl RuleTexts {
    /// Takes in the texts of one language that arrived (the catalog refuses a text for another
    /// version of the rules, and says so).
    pub fn apply(&mut self, arrived: Arrived) {
        match arrived.and_then(|(lang, lines)| self.words.with(lang, &lines)) {
            Ok(words) => {
                self.words = words;
                self.error = None;
            }
            Err(e) => self.error = Some(e.into()),
        }
    }
}

/// The rules (by ord) whose words `route` shows, and whether it lists every rule's title.
pub fn wanted(route: &Route, analysis: Option<&Shared>) -> (Vec<u16>, bool) {
    let ords = match route {
        Route::Diagnose => analysis.map_or_else(Vec::new, |a| {
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
    (ords, *route == Route::Rules)
}

/// The words loaded so far (and the last error). Kept in a plain cell and re-rendered with
/// `use_force_update`, not in `use_reducer`: each reducer type costs the page ~1.5 KB of wasm.
#[hook]
pub fn use_rule_texts(lang: Lang, route: &Route, analysis: Option<&Shared>) -> RuleTexts {
    let texts = use_mut_ref(RuleTexts::default);
    let redraw = use_force_update();
    let now = texts.borrow().clone();
    let (ords, titles) = wanted(route, analysis);
    let done = Callback::from(move |arrived| {
        texts.borrow_mut().apply(arrived);
        redraw.force_update();
    });
    let deps = (lang, ords, titles, now.words.clone());
    use_effect_with(deps, move |(lang, ords, titles, words)| {
        crate::texts::ensure_messages(words, *lang, done.clone());
        if *titles {
            crate::texts::ensure_titles(words, *lang, done.clone());
        }
        crate::texts::ensure_rules(words, *lang, ords.iter().copied(), done);
    });
    now
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hooks::diagnosis::{plan, Run};
    use crate::state::{Action, State};
    use llmdoctor_core::Instant;
    use std::rc::Rc;

    /// Words are this hook's own state: no action of the page's reducer carries them, and only
    /// actions run the engine (hooks/diagnosis.rs), so the diagnosis is not run again.
    #[test]
    fn words_that_arrive_are_shown_without_diagnosing_again() {
        let now = Instant(1_790_000_000);
        let s = Rc::new(State::new(Lang::En)).reduce(Action::Type(
            "API Error: 429 week allocated quota exceeded".into(),
        ));
        let Run::Done(a) = plan(&s, now) else {
            panic!("diagnosed at once")
        };
        let rule = llmdoctor_core::rule("coding-plan-week-quota").expect("rule");
        // The diagnosis view wants its rules' words; the rules index every title.
        let shown: Vec<u16> = a
            .report
            .diagnoses
            .iter()
            .flat_map(|d| llmdoctor_core::rule(d.rule))
            .map(|r| r.ord)
            .collect();
        assert!(shown.len() > 1 && shown[0] == rule.ord);
        assert_eq!(wanted(&Route::Diagnose, Some(&a)), (shown, false));
        assert_eq!(wanted(&Route::Diagnose, None), (vec![], false));
        assert_eq!(wanted(&Route::Rules, Some(&a)), (vec![], true));
        let page = Route::Rule("coding-plan-week-quota".into());
        assert_eq!(wanted(&page, None), (vec![rule.ord], false));

        let mut t = RuleTexts::default();
        assert!(!t.words.has(Lang::En, rule));
        let line = llmdoctor_core::texts::embedded_line(Lang::En, rule.ord.into())
            .unwrap_or_default()
            .to_string();
        t.apply(Ok((Lang::En, line)));
        assert!(t.words.has(Lang::En, rule) && t.error.is_none());
        // A file for another version of the rules is refused and said so.
        t.apply(Ok((Lang::En, "no-such-rule\tTitle".into())));
        assert!(t.error.is_some() && t.words.has(Lang::En, rule));
        t.apply(Err("texts/en/titles.txt: HTTP 404".into()));
        assert!(t.error.is_some() && t.words.has(Lang::En, rule));
    }
}
