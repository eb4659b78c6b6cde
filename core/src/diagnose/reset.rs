//! When a quota window resets: the instant (in the plan's time zone) and the note that says it.

use super::Options;
use crate::report::ResetInfo;
use crate::secrets::{Masked, Redactor};
use crate::time::{self, Instant, PLAN_OFFSET};
use crate::vocabulary::Reset;

pub(super) fn reset_info(window: Reset, opts: &Options, r: &Redactor, text: &str) -> ResetInfo {
    // Built from dates and fixed words only; masked all the same (one kind of string).
    let (mut info, note) = reset_words(window, opts);
    info.note = r.scrub(&note, text);
    info
}

fn reset_words(window: Reset, opts: &Options) -> (ResetInfo, String) {
    let fmt = |t: Instant| time::format_rfc3339(t, PLAN_OFFSET);
    let note = |w: Reset, at: Option<Instant>| {
        crate::labels::reset::note(opts.lang, w, at.map(fmt).as_deref())
    };
    match window {
        Reset::Week => {
            let at = opts.now.map(time::next_week_reset);
            let note = note(Reset::Week, at);
            (
                ResetInfo {
                    window: Reset::Week,
                    exact: at.is_some(),
                    at: at.map(fmt),
                    window_start: opts.now.map(|n| fmt(time::week_start(n))),
                    note: Masked::default(),
                },
                note,
            )
        }
        Reset::Month => {
            let at = match (opts.now, opts.billing_day) {
                (Some(now), Some(day)) => time::next_month_reset(now, day),
                _ => None,
            };
            let note = note(Reset::Month, at);
            (
                ResetInfo {
                    window: Reset::Month,
                    exact: at.is_some(),
                    at: at.map(fmt),
                    window_start: at
                        .zip(opts.billing_day)
                        .map(|(t, d)| fmt(time::month_start(t, d))),
                    note: Masked::default(),
                },
                note,
            )
        }
        Reset::Hour => {
            let full = opts.now.map(|n| Instant(n.0 + 5 * 3600));
            let note = note(Reset::Hour, full);
            (
                ResetInfo {
                    window: Reset::Hour,
                    exact: false,
                    at: full.map(fmt),
                    window_start: opts.now.map(|n| fmt(Instant(n.0 - 5 * 3600))),
                    note: Masked::default(),
                },
                note,
            )
        }
    }
}
