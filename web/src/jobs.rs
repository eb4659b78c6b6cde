//! Big pastes, diagnosed in steps: one piece of the scan per browser task (about 40 ms of work),
//! then the report in a task of its own, so that a 5 or 50 MB paste never freezes the page
//! (docs/CONTRACT.md, Budgets: no main-thread task over 200 ms). The engine's `Session` gives the same
//! report as one call (core/tests/session.rs).

use crate::state::{Action, Analysis, State};
use gloo::timers::callback::Timeout;
use llmdoctor_core::{Instant, Options, Session, STEP_BYTES};
use std::cell::Cell;
use std::rc::Rc;
use yew::{AttrValue, UseReducerDispatcher};

/// Work per task before yielding to the browser, in milliseconds.
const SLICE_MS: f64 = 40.0;
/// Bytes scanned per step: ~15 ms of the page's wasm, so a slice ends near `SLICE_MS`.
const PIECE: usize = STEP_BYTES / 2;

/// Runs job `job` on `text`; stops quietly once `current` names a newer job.
pub fn run(
    job: u32,
    text: AttrValue,
    opts: Options,
    now: Instant,
    current: Rc<Cell<u32>>,
    dispatch: UseReducerDispatcher<State>,
) {
    current.set(job);
    let session = Session::new(text.clone(), &opts);
    next(session, job, text, now, current, dispatch);
}

fn next(
    mut session: Session<AttrValue>,
    job: u32,
    text: AttrValue,
    now: Instant,
    current: Rc<Cell<u32>>,
    dispatch: UseReducerDispatcher<State>,
) {
    Timeout::new(0, move || {
        if current.get() != job {
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
            // The report in a task of its own (config reading, evidence, corrections).
            Timeout::new(0, move || {
                if current.get() == job {
                    let report = session.finish();
                    dispatch.dispatch(Action::Analysed(job, Analysis::shared(report, now, text)));
                }
            })
            .forget();
        } else {
            let (done, all) = session.progress();
            let pct = (done as f64 / all.max(1) as f64 * 100.0) as u8;
            dispatch.dispatch(Action::Progress(job, pct.min(99)));
            next(session, job, text, now, current, dispatch);
        }
    })
    .forget();
}
