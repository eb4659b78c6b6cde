//! What to say when no rule matched: the quick self-check from the site-url-gateway guide.

use crate::messages::{Msg, Wording};

/// The self-check's heading, its questions and where they come from.
pub struct SelfCheck<'a> {
    /// The heading.
    pub title: &'a str,
    /// The questions, in order.
    pub items: [&'a str; 5],
    /// The guide they come from.
    pub source: &'a str,
}

/// The self-check in `w`'s language.
pub fn self_check<'a>(w: &Wording<'a>) -> SelfCheck<'a> {
    SelfCheck {
        title: w.get(Msg::SelfcheckTitle),
        items: [
            w.get(Msg::SelfcheckItem1),
            w.get(Msg::SelfcheckItem2),
            w.get(Msg::SelfcheckItem3),
            w.get(Msg::SelfcheckItem4),
            w.get(Msg::SelfcheckItem5),
        ],
        source: w.get(Msg::SelfcheckSource),
    }
}
