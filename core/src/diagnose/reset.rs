//! When a quota window resets: the instant (in the plan's time zone) and where the window
//! started (the note that says it is worded at render: `Wording::reset_note`).

use super::Options;
use crate::report::ResetInfo;
use crate::time::{self, Instant, PLAN_OFFSET};
use crate::vocabulary::Reset;

pub(super) fn reset_info(window: Reset, opts: &Options) -> ResetInfo {
    let fmt = |t: Instant| time::format_rfc3339(t, PLAN_OFFSET);
    match window {
        Reset::Week => {
            let at = opts.now.map(time::next_week_reset);
            ResetInfo {
                window: Reset::Week,
                exact: at.is_some(),
                at: at.map(fmt),
                window_start: opts.now.map(|n| fmt(time::week_start(n))),
            }
        }
        Reset::Month => {
            let at = match (opts.now, opts.billing_day) {
                (Some(now), Some(day)) => time::next_month_reset(now, day),
                _ => None,
            };
            ResetInfo {
                window: Reset::Month,
                exact: at.is_some(),
                at: at.map(fmt),
                window_start: at
                    .zip(opts.billing_day)
                    .map(|(t, d)| fmt(time::month_start(t, d))),
            }
        }
        Reset::Hour => {
            let full = opts.now.map(|n| Instant(n.0 + 5 * 3600));
            ResetInfo {
                window: Reset::Hour,
                exact: false,
                at: full.map(fmt),
                window_start: opts.now.map(|n| fmt(Instant(n.0 - 5 * 3600))),
            }
        }
    }
}
