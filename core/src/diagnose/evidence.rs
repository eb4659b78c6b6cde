//! Evidence as the report shows it: the matched text (cut when long) and the line around it,
//! both masked.

use crate::report::Context;
use crate::secrets::{Masked, Redactor};

/// Evidence text longer than this is cut (with `…`).
const MAX_EVIDENCE_TEXT: usize = 400;

/// Context kept on each side of the evidence on long lines.
const CONTEXT_SIDE: usize = 120;

pub(super) fn context(text: &str, r: &Redactor, start: usize, end: usize) -> Context {
    let b = text.as_bytes();
    let ls = b[..start.min(b.len())]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let le = b[end.min(b.len())..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |i| end + i);
    let mut from = start.saturating_sub(CONTEXT_SIDE).max(ls);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CONTEXT_SIDE).min(le);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let end = end.min(to);
    // Each piece masked by span and scrubbed on its own, so that the offsets below count the
    // characters shown (scrubbing the joined line afterwards would move them).
    let piece = |a: usize, b: usize| r.scrub(&r.slice(text, a, b), text);
    let before = piece(from, start);
    // A long match (`401[ \t]+unauthorized` over a line of blanks) is cut like the evidence.
    let middle = cut(piece(start, end));
    let after = piece(end, to);
    let after = r.scrub(after.trim_end_matches('\r'), text);
    let lead = Masked::fixed(if from > ls { "…" } else { "" });
    let tail = Masked::fixed(if to < le { "…" } else { "" });
    let f = lead.chars().count() + before.chars().count();
    let t = f + middle.chars().count();
    Context {
        text: Masked::join(&[lead, before, middle, after, tail], ""),
        from: f,
        to: t,
    }
}

pub(super) fn cut(s: Masked) -> Masked {
    s.truncated(MAX_EVIDENCE_TEXT, "…")
}
