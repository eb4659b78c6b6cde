//! The words of a report written for a person (the CLI's human output): the headings before a
//! diagnosis's parts and the lines around them.

use crate::messages::{Msg, Wording};
use crate::vocabulary::Confidence;
use std::fmt::Display;

/// A heading before a part of a diagnosis or of a corrected block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// Before the command or step that checks the fix.
    Verify,
    /// Before the quota reset's note.
    Reset,
    /// Before the fix steps.
    Fix,
    /// Before the retry advice.
    Retry,
    /// Before the sources.
    Sources,
}

/// `heading`, with its colon.
pub fn heading<'a>(w: &Wording<'a>, heading: Heading) -> &'a str {
    w.get(match heading {
        Heading::Verify => Msg::HumanHeadingVerify,
        Heading::Reset => Msg::HumanHeadingReset,
        Heading::Fix => Msg::HumanHeadingFix,
        Heading::Retry => Msg::HumanHeadingRetry,
        Heading::Sources => Msg::HumanHeadingSources,
    })
}

/// The heading of a corrected block: its `format` and where it is (`file:line`).
pub fn corrected(w: &Wording, format: impl Display, file: impl Display, line: usize) -> String {
    w.fill(
        Msg::HumanCorrected,
        &[("format", &format), ("file", &file), ("line", &line)],
    )
}

/// How often a diagnosis's evidence was seen in the paste.
pub fn seen(w: &Wording, count: usize) -> String {
    w.fill(Msg::HumanSeen, &[("count", &count)])
}

/// The last line: `findings` found, `errors` of them errors.
pub fn summary(w: &Wording, findings: usize, errors: usize) -> String {
    let findings = w.count(findings, Msg::HumanFindingsOne, Msg::HumanFindingsOther);
    let errors = w.count(errors, Msg::HumanErrorsOne, Msg::HumanErrorsOther);
    w.fill(
        Msg::HumanSummary,
        &[("findings", &findings), ("errors", &errors)],
    )
}

/// That a fix is there and how to apply it: `safe` or to be reviewed first.
pub fn fix_available<'a>(w: &Wording<'a>, safe: bool) -> &'a str {
    w.get(if safe {
        Msg::HumanFixSafe
    } else {
        Msg::HumanFixReview
    })
}

/// How sure a diagnosis is, after its category in a title: nothing for high confidence.
pub fn confidence_after_category<'a>(w: &Wording<'a>, c: Confidence) -> &'a str {
    match c {
        Confidence::High => "",
        Confidence::Medium => w.get(Msg::HumanConfidenceMedium),
        Confidence::Low => w.get(Msg::HumanConfidenceLow),
    }
}
