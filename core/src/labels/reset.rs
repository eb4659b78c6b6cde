//! The quota reset's note ([`ResetInfo`]) in words: when the window's allowance comes back.

use crate::messages::{Fill, Msg, Wording};
use crate::report::ResetInfo;
use crate::secrets::Masked;
use crate::vocabulary::Reset;

impl<'a> Wording<'a> {
    /// When `reset`'s allowance comes back (for the 5-hour window, the latest it can be); every
    /// note ends saying the plan does not fall back.
    pub fn reset_note(&self, reset: &ResetInfo) -> Masked {
        let m = match (reset.window, reset.at.is_some()) {
            (Reset::Week, true) => Msg::ResetWeekAt,
            (Reset::Week, false) => Msg::ResetWeek,
            (Reset::Month, true) => Msg::ResetMonthAt,
            (Reset::Month, false) => Msg::ResetMonth,
            (Reset::Hour, true) => Msg::ResetHourAt,
            (Reset::Hour, false) => Msg::ResetHour,
        };
        self.fill_masked(
            m,
            &[
                ("at", Fill::Word(reset.at.as_deref().unwrap_or_default())),
                ("no_fallback", Fill::Word(self.get(Msg::ResetNoFallback))),
            ],
        )
    }
}
