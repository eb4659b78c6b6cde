//! `use_diagnosis`: what the engine makes of the user's text, and when it runs.
//!
//! Every change the user makes goes through the callback this hook returns: it reaches the
//! page's reducer (web/src/state.rs) and then, as [`when`] decides, the engine:
//! - typing: the first input after a pause (a paste, one edit) is diagnosed at once; inputs that
//!   follow within [`DEBOUNCE_MS`] wait until typing pauses;
//! - a text replaced from outside the box (an example, Clear, a share link): at once;
//! - another language, billing day or review fix: the same text again, at the same "now";
//! - the rules index's query: never. Rule words are no input at all (web/src/hooks/rule_texts.rs):
//!   their arrival re-renders the views and never runs the engine again.
//!
//! A text over [`SYNC_LIMIT`] is diagnosed in steps by one async loop ([`steps`]) that yields to
//! the browser between them, so that a 5 or 50 MB paste never freezes the page (docs/CONTRACT.md,
//! Budgets: no main-thread task over 200 ms); any newer run makes it stale and it stops. The
//! engine's `Session` gives the same report as one call (core/tests/session.rs).

use crate::clock;
use crate::state::{Action, State};
use gloo::timers::callback::Timeout;
use llmdoctor_core::{diagnose, report::Report, Instant, Options};
use llmdoctor_core::{Session, STEP_BYTES};
use std::cell::RefCell;
use std::rc::Rc;
use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

/// How long typing must pause before the engine runs.
const DEBOUNCE_MS: u32 = 150;
/// Pastes larger than this are diagnosed in steps so that no task blocks the page for long;
/// smaller ones at once (~5 ms for 10 KB).
pub const SYNC_LIMIT: usize = 256 * 1024;
/// Work per task before yielding to the browser, in milliseconds.
const SLICE_MS: f64 = 40.0;
/// Bytes scanned per step: ~15 ms of the page's wasm, so a slice ends near `SLICE_MS`.
const PIECE: usize = STEP_BYTES / 2;

/// A report and the "now" it was computed for (reset times and the timeline use it).
pub struct Analysis {
    pub report: Report,
    pub now: Instant,
    /// The text the report is about (the box may have changed since): "copy with my key" runs
    /// the engine on it again, Share links it.
    pub text: AttrValue,
}

impl Analysis {
    pub fn shared(report: Report, now: Instant, text: AttrValue) -> Shared {
        Shared(Rc::new(Analysis { report, now, text }))
    }
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

/// When a change runs the engine.
#[derive(Debug, PartialEq, Eq)]
pub enum When {
    /// Typing: at once after a pause, else once typing pauses.
    Typing,
    /// At once.
    Now,
    /// Again on the same text at the same "now", if it was diagnosed.
    Again,
    Never,
}

pub fn when(action: &Action) -> When {
    match action {
        Action::Type(_) => When::Typing,
        Action::Load(_) => When::Now,
        Action::SetLang(_) | Action::SetBillingDay(_) | Action::ToggleFix(_) => When::Again,
        Action::RuleQuery(_) => When::Never,
    }
}

/// What one run of the engine gives.
pub enum Run {
    /// A blank text: no diagnosis (core's "empty" note never reaches the page).
    Blank,
    Done(Shared),
    /// A big paste: a stepped job, the run's number, is to be started.
    Steps,
}

/// Runs the engine on `state`'s text at `now`: at once, or (a big paste) not yet.
pub fn plan(state: &State, now: Instant) -> Run {
    let text = &state.text;
    if text.trim().is_empty() {
        Run::Blank
    } else if text.len() > SYNC_LIMIT {
        Run::Steps
    } else {
        let report = diagnose(text, &state.options(now));
        Run::Done(Analysis::shared(report, now, text.clone()))
    }
}

/// What the engine made of the text so far.
#[derive(Clone, Default)]
pub struct Diagnosis {
    /// The latest diagnosis; `None` while the box is blank or a stepped job runs.
    pub analysis: Option<Shared>,
    /// The text changed and the debounced diagnosis has not run yet.
    pub pending: bool,
    /// How far the stepped job has got, in percent; `None`: no job runs.
    pub progress: Option<u8>,
    /// The number of the latest run: a stepped job that is not the latest is stale.
    job: u32,
    /// The "now" of the latest run, so that a language switch can run it again.
    now: Option<Instant>,
    /// The text last put in the box from outside, and how many times that happened: only then
    /// does the box set its value (typing never sends 5 MB back into it).
    pub loaded: AttrValue,
    pub replaced: u32,
}

pub enum Event {
    /// Typing goes on: the diagnosis waits (a box made blank has none at once).
    Wait { blank: bool },
    /// The engine ran at this "now" (the run's number is the next one).
    Ran(Instant, Run),
    /// Stepped job `u32` got this far, in percent.
    Progress(u32, u8),
    /// Stepped job `u32` finished.
    Analysed(u32, Shared),
    /// This text was put in the box from outside.
    Loaded(AttrValue),
}

impl Diagnosis {
    /// Takes `event` in; false when it changes nothing (news from a stale job).
    pub fn apply(&mut self, event: Event) -> bool {
        match event {
            Event::Wait { blank } => {
                self.pending = !blank;
                if blank {
                    self.analysis = None;
                }
            }
            Event::Ran(now, run) => {
                self.job += 1;
                self.now = Some(now);
                self.pending = false;
                self.progress = None;
                self.analysis = match run {
                    Run::Blank => None,
                    Run::Done(a) => Some(a),
                    Run::Steps => {
                        self.progress = Some(0);
                        None
                    }
                };
            }
            Event::Progress(job, _) | Event::Analysed(job, _) if !self.runs(job) => return false,
            Event::Progress(_, pct) => self.progress = Some(pct),
            Event::Analysed(_, a) => {
                self.progress = None;
                self.analysis = Some(a);
            }
            Event::Loaded(text) => {
                self.loaded = text;
                self.replaced += 1;
            }
        }
        true
    }

    /// Whether stepped job `job` is still wanted: the latest run, not finished.
    pub fn runs(&self, job: u32) -> bool {
        job == self.job && self.progress.is_some()
    }
}

/// How far `done` of `all` is, in percent; 100 only once the report is there.
fn percent(done: usize, all: usize) -> u8 {
    ((done as f64 / all.max(1) as f64 * 100.0) as u8).min(99)
}

/// The hook's state and its re-render. A plain cell, not `use_reducer`: each reducer type
/// costs the page ~1.5 KB of wasm (its handle's generic code), and the budget has no room.
#[derive(Clone)]
struct Sink(Rc<RefCell<Diagnosis>>, UseForceUpdateHandle);

impl Sink {
    fn send(&self, event: Event) {
        if self.0.borrow_mut().apply(event) {
            self.1.force_update();
        }
    }
}

/// The page's diagnosis, and the callback every user change goes through (see the module doc).
#[hook]
pub fn use_diagnosis(state: UseReducerHandle<State>) -> (Diagnosis, Callback<Action>) {
    let sink = Sink(use_mut_ref(Diagnosis::default), use_force_update());
    let timer = use_mut_ref(|| None::<Timeout>);
    // True while a burst of keystrokes is under way (an input less than DEBOUNCE_MS ago).
    let burst = use_mut_ref(|| false);

    // Warm the engine once the page is painted: its keyword automaton is built on first use,
    // so the user's first paste does not pay for it.
    use_effect_with((), |_| {
        Timeout::new(0, llmdoctor_core::warm).forget();
    });

    let diagnosis = sink.0.borrow().clone();
    let act = Callback::from(move |action: Action| {
        let when = when(&action);
        if let Action::Load(text) = &action {
            sink.send(Event::Loaded(text.clone()));
        }
        // The handle reads the latest state, this action's included.
        state.dispatch(action);
        let run = {
            let (state, sink) = (state.clone(), sink.clone());
            move |now| run(&state, now, &sink)
        };
        match when {
            When::Never => {}
            When::Again => {
                let now = sink.0.borrow().now;
                if let Some(now) = now {
                    run(now);
                }
            }
            When::Now => {
                timer.borrow_mut().take();
                *burst.borrow_mut() = false;
                run(clock::now());
            }
            When::Typing => {
                if std::mem::replace(&mut *burst.borrow_mut(), true) {
                    sink.send(Event::Wait {
                        blank: state.text.trim().is_empty(),
                    });
                } else {
                    run(clock::now());
                }
                let (burst, sink) = (burst.clone(), sink.clone());
                // Replacing the handle drops (cancels) the previous timeout.
                *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    *burst.borrow_mut() = false;
                    let pending = sink.0.borrow().pending;
                    if pending {
                        run(clock::now());
                    }
                }));
            }
        }
    });
    (diagnosis, act)
}

/// Runs the engine on the text at `now`; a big paste starts the stepped job.
fn run(state: &State, now: Instant, sink: &Sink) {
    let run = plan(state, now);
    let stepped = matches!(run, Run::Steps);
    sink.send(Event::Ran(now, run));
    if stepped {
        let (text, opts) = (state.text.clone(), state.options(now));
        let job = sink.0.borrow().job;
        yew::platform::spawn_local(steps(text, opts, now, job, sink.clone()));
    }
}

/// Stepped job `job`: one piece of the scan per browser task (about 40 ms of work), then the
/// report in a task of its own. Stops quietly once a newer run made it stale.
async fn steps(text: AttrValue, opts: Options, now: Instant, job: u32, sink: Sink) {
    let live = || sink.0.borrow().runs(job);
    let mut session = Session::new(text.clone(), &opts);
    loop {
        next_task().await;
        if !live() {
            return;
        }
        let start = js_sys::Date::now();
        let mut scanned = false;
        // Pieces of the scan while the slice lasts; each later phase (keys, config) alone.
        while !scanned && js_sys::Date::now() - start < SLICE_MS {
            scanned = session.step(PIECE);
            let (done, all) = session.progress();
            if done >= all {
                break;
            }
        }
        if scanned {
            break;
        }
        let (done, all) = session.progress();
        sink.send(Event::Progress(job, percent(done, all)));
    }
    // The report in a task of its own (config reading, evidence, corrections).
    next_task().await;
    if live() {
        let report = session.finish();
        sink.send(Event::Analysed(job, Analysis::shared(report, now, text)));
    }
}

/// Yields to the browser: resumes in a task of its own (`setTimeout(0)`), after input and paint.
fn next_task() -> impl std::future::Future<Output = ()> {
    yew::platform::time::sleep(std::time::Duration::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;
    use llmdoctor_core::Lang;

    const NOW: Instant = Instant(1_790_000_000);

    type Page = (Rc<State>, Diagnosis);

    fn page() -> Page {
        (Rc::new(State::new(Lang::En)), Diagnosis::default())
    }

    fn ran(mut d: Diagnosis, s: &State, now: Instant) -> Diagnosis {
        d.apply(Event::Ran(now, plan(s, now)));
        d
    }

    /// What the hook does with an action, without the timers: the reducer takes it, then the
    /// engine runs as [`when`] says (typing: at once as the first input after a pause, when
    /// `leading`; else it waits).
    fn act((s, mut d): Page, action: Action, leading: bool) -> Page {
        let w = when(&action);
        if let Action::Load(text) = &action {
            d.apply(Event::Loaded(text.clone()));
        }
        let s = s.reduce(action);
        let d = match (w, d.now) {
            (When::Typing, _) if !leading => {
                d.apply(Event::Wait {
                    blank: s.text.trim().is_empty(),
                });
                d
            }
            (When::Typing | When::Now, _) => ran(d, &s, NOW),
            (When::Again, Some(now)) => ran(d, &s, now),
            (When::Again | When::Never, _) => d,
        };
        (s, d)
    }

    /// Typing paused: the debounced run, if the text changed since the last one.
    fn flush((s, d): Page) -> Page {
        let d = if d.pending { ran(d, &s, NOW) } else { d };
        (s, d)
    }

    #[test]
    fn what_runs_the_engine() {
        assert_eq!(when(&Action::Type("x".into())), When::Typing);
        assert_eq!(when(&Action::Load("x".into())), When::Now);
        assert_eq!(when(&Action::SetLang(Lang::Zh)), When::Again);
        assert_eq!(when(&Action::SetBillingDay(Some(3))), When::Again);
        assert_eq!(when(&Action::ToggleFix("r")), When::Again);
        assert_eq!(when(&Action::RuleQuery("quota".into())), When::Never);
    }

    /// The page never diagnoses a blank paste (facts.rs relies on it: core's "empty" note never
    /// reaches the page).
    #[test]
    fn a_blank_paste_has_no_analysis() {
        for blank in ["", "  \n\t \r\n"] {
            let p = act(page(), Action::Type(blank.into()), true);
            assert!(p.1.analysis.is_none() && p.1.progress.is_none());
            let p = act(p, Action::Load(blank.into()), true);
            assert!(p.1.analysis.is_none());
            assert!(matches!(plan(&p.0, NOW), Run::Blank));
        }
    }

    #[test]
    fn a_review_fix_left_out_and_back() {
        let paste = "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"}}";
        let corrected = |d: &Diagnosis| d.analysis.as_ref().map_or(0, |a| a.report.corrected.len());
        let p = act(page(), Action::Load(paste.into()), true);
        assert_eq!(corrected(&p.1), 1);
        let p = act(p, Action::ToggleFix("config-general-key-plan-host"), true);
        assert_eq!(p.0.skipped, vec!["config-general-key-plan-host"]);
        assert_eq!(corrected(&p.1), 0);
        let p = act(p, Action::ToggleFix("config-general-key-plan-host"), true);
        assert!(p.0.skipped.is_empty());
        assert_eq!(corrected(&p.1), 1);
        // A new paste starts with every fix applied.
        let p = act(p, Action::ToggleFix("config-general-key-plan-host"), true);
        let p = act(p, Action::Load(paste.into()), true);
        assert!(p.0.skipped.is_empty());
        assert_eq!(corrected(&p.1), 1);
        // The box takes a text from outside each time, the same text included.
        assert_eq!((p.1.replaced, p.1.loaded.as_str()), (2, paste));
    }

    #[test]
    fn edit_then_diagnose() {
        let p = act(page(), Action::Type("API Error: 429".into()), true);
        assert!(
            !p.1.pending && p.1.analysis.is_some(),
            "the first input at once"
        );
        let typed = Action::Type("API Error: 429 week allocated quota exceeded".into());
        let p = act(p, typed, false);
        assert!(p.1.pending, "typing on waits for a pause");
        let p = flush(p);
        let a = p.1.analysis.clone().expect("analysis");
        assert!(!p.1.pending);
        assert_eq!(a.report.diagnoses[0].rule, "coding-plan-week-quota");
        // Nothing changed since: a pause runs nothing.
        let p = flush(p);
        assert!(p.1.analysis.as_ref() == Some(&a));
        let p = act(p, Action::SetLang(Lang::Zh), true);
        let b = p.1.analysis.clone().expect("analysis");
        // A language switch makes a report in that language: the words of its data (retry
        // advice) change with it.
        assert_eq!(b.report.lang, Lang::Zh);
        assert_eq!(b.now, a.now);
        let advice = |a: &Shared| {
            let c = llmdoctor_core::Catalog::embedded();
            a.report.wording(c).advice(&a.report.diagnoses[0].retry)
        };
        assert_ne!(advice(&a), advice(&b));
        // The rules index's query is no input of the engine.
        let p = act(p, Action::RuleQuery("quota".into()), true);
        assert!(p.1.analysis.as_ref() == Some(&b));
        let p = act(p, Action::Type("  ".into()), false);
        assert!(!p.1.pending && p.1.analysis.is_none());
    }

    #[test]
    fn a_big_paste_becomes_a_stepped_job_and_stale_jobs_are_ignored() {
        let big = "x\n".repeat(SYNC_LIMIT) + "401 invalid access token";
        let p = act(page(), Action::Type(big.clone().into()), true);
        assert_eq!((p.1.job, p.1.progress), (1, Some(0)));
        assert!(p.1.analysis.is_none(), "nothing is diagnosed at once");
        assert!(p.1.runs(1));
        // Typing more starts another job; the first one's news no longer applies.
        let (s, mut d) = act(p, Action::Type((big.clone() + "!").into()), true);
        assert!(d.runs(2) && !d.runs(1));
        let report = diagnose(&big, &s.options(NOW));
        let old = Analysis::shared(report, NOW, big.into());
        assert!(!d.apply(Event::Analysed(1, old)));
        assert!(!d.apply(Event::Progress(1, 70)));
        assert!(d.analysis.is_none() && d.progress == Some(0));
        assert!(d.apply(Event::Progress(2, 40)));
        assert_eq!(d.progress, Some(40));
        let report = diagnose(&s.text, &s.options(NOW));
        assert!(d.apply(Event::Analysed(
            2,
            Analysis::shared(report, NOW, s.text.clone())
        )));
        assert!(d.progress.is_none() && !d.runs(2));
        assert_eq!(
            d.analysis.as_ref().map(|a| a.report.diagnoses.is_empty()),
            Some(false)
        );
        // Once finished, a late word from the same job changes nothing.
        assert!(!d.apply(Event::Progress(2, 99)));
        // A small paste is diagnosed at once again, and a job started before is stale.
        let (_, small) = act(
            (s, d),
            Action::Type("401 invalid access token".into()),
            true,
        );
        assert!(small.progress.is_none() && small.analysis.is_some());
        assert!(!small.runs(2) && !small.runs(3));
    }

    #[test]
    fn progress_stops_short_of_done() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 4), 25);
        assert_eq!(percent(4, 4), 99);
    }
}
