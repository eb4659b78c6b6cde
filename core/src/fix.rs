//! The engine's own edits: span edits on the user's text with their real replacement. They
//! never leave core as they are: the report carries each one masked, its real text reachable
//! only through the explicit reveal path ([`crate::secrets::Revealed`]). Beside replacing a
//! value, [`structural`] deletes, inserts, renames and moves settings, [`quotes`] changes how a
//! value is quoted, `lines` inserts a setting into a TOML table or a YAML mapping (feature
//! `cli-fixes`) — still as span edits.

#[cfg(feature = "cli-fixes")]
pub(crate) mod lines;
pub(crate) mod quotes;
pub(crate) mod structural;

/// Replace `start..end` of the paste with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// Start of the line holding byte `i`.
pub(crate) fn line_start(text: &str, i: usize) -> usize {
    text.get(..i)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |p| p + 1)
}

/// End of the line holding byte `i` (its `\n`, or the end of the text).
pub(crate) fn line_end(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |p| i + p)
}

/// A key any syntax holds as it is written: letters, digits, `_ - . :`.
pub(crate) fn plain_name(n: &str) -> bool {
    !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// Only spaces, tabs and carriage returns.
pub(crate) fn blank(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// `text` with `edits` applied (sorted by span, non-overlapping): the unit tests' view of a fix.
#[cfg(test)]
pub(crate) fn apply(text: &str, edits: &[Edit]) -> String {
    let mut e: Vec<&Edit> = edits.iter().collect();
    e.sort_by_key(|e| (e.start, e.end));
    let mut out = String::new();
    let mut at = 0;
    for e in e {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}
