//! The page's whole state and the one reducer that changes it.

use crate::texts::{Arrived, Words};
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
    /// The rule words loaded so far (web/src/texts.rs): views take them from a context and
    /// render again when more arrive; the diagnosis does not run again.
    pub words: Words,
    /// Why a language's rule texts could not be loaded, if they could not.
    pub texts_error: Option<AttrValue>,
    /// Bumped when the text is replaced from outside the box (an example, Clear, a share link):
    /// only then does the box set its value — typing never sends 5 MB back into it.
    pub replaced: u32,
    /// The text last put in the box from outside (what the box takes when `replaced` changes).
    pub loaded: AttrValue,
    /// A paste over [`SYNC_LIMIT`] is diagnosed in steps, one per browser task (app.rs runs
    /// them): the number of the latest such job (0: none yet) and its progress in percent.
    pub job: u32,
    pub progress: Option<u8>,
    /// The "now" of the latest diagnosis, so that a language switch can run it again.
    pub now: Option<Instant>,
    /// Rules whose review fixes the user chose to leave out of the corrected config.
    pub skipped: Vec<&'static str>,
}

/// Pastes larger than this are diagnosed in steps so that no task blocks the page for long
/// (docs/CONTRACT.md, Budgets: no main-thread task over 200 ms); smaller ones at once (~5 ms for 10 KB).
pub const SYNC_LIMIT: usize = 256 * 1024;

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
            words: Words::default(),
            texts_error: None,
            replaced: 0,
            loaded: AttrValue::default(),
            job: 0,
            progress: None,
            now: None,
            skipped: Vec::new(),
        }
    }

    /// The engine's options for this state at `now`.
    pub fn options(&self, now: Instant) -> Options {
        Options {
            lang: self.lang,
            now: Some(now),
            billing_day: self.billing_day,
            show_secrets: false,
            skip_fixes: self.skipped.clone(),
        }
    }

    /// Diagnoses the text at `now`: at once, or by starting a stepped job for a big paste.
    fn analyse(&mut self, now: Instant) {
        self.now = Some(now);
        self.progress = None;
        if self.text.trim().is_empty() {
            self.analysis = None;
        } else if self.text.len() > SYNC_LIMIT {
            self.job += 1;
            self.progress = Some(0);
            self.analysis = None;
        } else {
            let report = diagnose(&self.text, &self.options(now));
            self.analysis = Some(Analysis::shared(report, now, self.text.clone()));
        }
    }

    fn rerun(mut self) -> State {
        if let Some(now) = self.now {
            self.analyse(now);
        }
        self
    }
}

impl Analysis {
    pub fn shared(report: Report, now: Instant, text: AttrValue) -> Shared {
        Shared(Rc::new(Analysis { report, now, text }))
    }
}

pub enum Action {
    /// The user typed: keep the text, diagnose once typing pauses.
    Edit(AttrValue),
    /// Typing paused: run the engine if the text changed since the last run.
    Flush(Instant),
    /// The first input after a pause (a paste, one edit): diagnose at once.
    Input(AttrValue, Instant),
    /// Replace the text from outside the box (an example, Clear, a share link) and diagnose.
    Load(AttrValue, Instant),
    SetLang(Lang),
    SetBillingDay(Option<u8>),
    Navigate(Route),
    RuleQuery(AttrValue),
    /// Rule words arrived (or failed to): the views show them.
    Texts(Arrived),
    /// A stepped job (see [`State::job`]) got this far, in percent.
    Progress(u32, u8),
    /// A stepped job finished.
    Analysed(u32, Shared),
    /// Apply or leave out a rule's review fix in the corrected config.
    ToggleFix(&'static str),
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
                    s.analyse(now);
                } else {
                    return self;
                }
            }
            Action::Input(text, now) => {
                s.text = text;
                s.pending = false;
                s.analyse(now);
            }
            Action::Load(text, now) => {
                s.text = text.clone();
                s.loaded = text;
                s.replaced += 1;
                s.skipped.clear();
                s.pending = false;
                s.analyse(now);
            }
            Action::SetLang(lang) => {
                s.lang = lang;
                s = s.rerun();
            }
            Action::SetBillingDay(day) => {
                s.billing_day = day;
                s = s.rerun();
            }
            Action::ToggleFix(rule) => {
                match s.skipped.iter().position(|r| *r == rule) {
                    Some(i) => {
                        s.skipped.remove(i);
                    }
                    None => s.skipped.push(rule),
                }
                s = s.rerun();
            }
            Action::Navigate(route) => s.route = route,
            Action::RuleQuery(q) => s.rule_query = q,
            Action::Texts(Ok((lang, lines))) => match s.words.with(lang, &lines) {
                Ok(words) => {
                    s.words = words;
                    s.texts_error = None;
                }
                Err(e) => s.texts_error = Some(e.into()),
            },
            Action::Texts(Err(e)) => s.texts_error = Some(e.into()),
            Action::Progress(job, pct) if job == s.job && s.progress.is_some() => {
                s.progress = Some(pct);
            }
            Action::Analysed(job, analysis) if job == s.job && s.progress.is_some() => {
                s.progress = None;
                s.analysis = Some(analysis);
            }
            // A job the text or options have moved past since.
            Action::Progress(..) | Action::Analysed(..) => return self,
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

    /// The page never diagnoses a blank paste (facts.rs relies on it: core's "empty" note never
    /// reaches the page).
    #[test]
    fn a_blank_paste_has_no_analysis() {
        let s = Rc::new(State::new(Lang::En, Route::Diagnose));
        for blank in ["", "  \n\t \r\n"] {
            let s = s
                .clone()
                .reduce(Action::Input(blank.into(), Instant(1_790_000_000)));
            assert!(s.analysis.is_none() && s.progress.is_none());
            let s = s.reduce(Action::Load(blank.into(), Instant(1_790_000_000)));
            assert!(s.analysis.is_none());
        }
    }

    #[test]
    fn a_review_fix_left_out_and_back() {
        let paste = "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"}}";
        let s = Rc::new(State::new(Lang::En, Route::Diagnose));
        let s = s.reduce(Action::Load(paste.into(), Instant(1_790_000_000)));
        let corrected = |s: &State| s.analysis.as_ref().map_or(0, |a| a.report.corrected.len());
        assert_eq!(corrected(&s), 1);
        let s = s.reduce(Action::ToggleFix("config-general-key-plan-host"));
        assert_eq!(s.skipped, vec!["config-general-key-plan-host"]);
        assert_eq!(corrected(&s), 0);
        let s = s.reduce(Action::ToggleFix("config-general-key-plan-host"));
        assert!(s.skipped.is_empty());
        assert_eq!(corrected(&s), 1);
        // A new paste starts with every fix applied.
        let s = s.reduce(Action::ToggleFix("config-general-key-plan-host"));
        let s = s.reduce(Action::Load(paste.into(), Instant(1_790_000_000)));
        assert!(s.skipped.is_empty());
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
        // A language switch runs the engine again: its own words (retry advice) change.
        assert_eq!(b.report.lang, Lang::Zh);
        assert_ne!(
            a.report.diagnoses[0].retry.advice,
            b.report.diagnoses[0].retry.advice
        );
        let s = s.reduce(Action::Edit("  ".into()));
        assert!(!s.pending && s.analysis.is_none());
    }

    #[test]
    fn words_that_arrive_are_shown_without_diagnosing_again() {
        let s = Rc::new(State::new(Lang::En, Route::Diagnose));
        let s = s.reduce(Action::Input(
            "API Error: 429 week allocated quota exceeded".into(),
            Instant(1_790_000_000),
        ));
        let before = s.analysis.clone().expect("analysis");
        let rule = llmdoctor_core::rule("coding-plan-week-quota").expect("rule");
        assert!(!s.words.has(Lang::En, rule));
        let line = llmdoctor_core::texts::embedded_line(Lang::En, rule.ord.into())
            .unwrap_or_default()
            .to_string();
        let s = s.reduce(Action::Texts(Ok((Lang::En, line))));
        assert!(s.words.has(Lang::En, rule) && s.texts_error.is_none());
        let after = s.analysis.clone().expect("analysis");
        assert!(after == before, "the same analysis, not a new diagnosis");
        // A file for another version of the rules is refused and said so.
        let s = s.reduce(Action::Texts(Ok((Lang::En, "no-such-rule\tTitle".into()))));
        assert!(s.texts_error.is_some() && s.words.has(Lang::En, rule));
    }

    #[test]
    fn a_big_paste_becomes_a_stepped_job_and_stale_jobs_are_ignored() {
        let now = Instant(1_790_000_000);
        let big = "x\n".repeat(SYNC_LIMIT) + "401 invalid access token";
        let s = Rc::new(State::new(Lang::En, Route::Diagnose));
        let s = s.reduce(Action::Input(big.clone().into(), now));
        assert_eq!((s.job, s.progress), (1, Some(0)));
        assert!(s.analysis.is_none(), "nothing is diagnosed at once");
        // Typing more starts another job; the first one's result no longer applies.
        let s = s.reduce(Action::Input((big.clone() + "!").into(), now));
        assert_eq!(s.job, 2);
        let report = diagnose(&big, &s.options(now));
        let stale = s.clone().reduce(Action::Analysed(
            1,
            Analysis::shared(report, now, big.into()),
        ));
        assert!(stale.analysis.is_none() && stale.progress.is_some());
        let s = s.reduce(Action::Progress(2, 40));
        assert_eq!(s.progress, Some(40));
        let report = diagnose(&s.text, &s.options(now));
        let done = s.clone().reduce(Action::Analysed(
            2,
            Analysis::shared(report, now, s.text.clone()),
        ));
        assert!(done.progress.is_none());
        assert_eq!(
            done.analysis
                .as_ref()
                .map(|a| a.report.diagnoses.is_empty()),
            Some(false)
        );
        // A small paste is diagnosed at once again.
        let small = done.reduce(Action::Input("401 invalid access token".into(), now));
        assert!(small.progress.is_none() && small.analysis.is_some());
    }
}
