//! Text that is safe to show: every secret in it masked. A [`Masked`] is made only here — by the
//! [`Redactor`](super::Redactor) from text of the paste, or from text fixed at build time
//! (`&'static str`: catalog texts, and rule words from a `texts::Catalog`, which hold no paste) — so every string a report
//! carries went through masking, and the compiler, not review, says so.
//!
//! The one way back to unmasked text is explicit: [`Redactor`](super::Redactor) built with
//! `show` (the user asked: `--show-secrets`), and the fix edits' [`Revealed`] replacements
//! (`--fix` writing the file, the page's "Copy with my key").

use serde::Serialize;

#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Masked(String);

impl Masked {
    /// No text.
    pub const EMPTY: Masked = Masked(String::new());

    /// Text fixed at build time (rule texts, catalog words): it holds nothing of a paste.
    pub fn fixed(s: &'static str) -> Masked {
        Masked(s.to_string())
    }

    /// Words from a [`crate::texts::Catalog`] (rule words, messages, and messages filled with
    /// masked text): build-time text, or the page's own files installed into it — never a
    /// paste.
    pub(crate) fn catalog(s: String) -> Masked {
        Masked(s)
    }

    /// Made by the redactor only.
    pub(super) fn new(s: String) -> Masked {
        Masked(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Masked texts joined: still masked.
    pub fn join(parts: &[Masked], sep: &'static str) -> Masked {
        Masked(
            parts
                .iter()
                .map(Masked::as_str)
                .collect::<Vec<_>>()
                .join(sep),
        )
    }

    /// `self` followed by more masked text.
    pub fn push(&mut self, more: &Masked) {
        self.0.push_str(&more.0);
    }

    /// `self` followed by text fixed at build time.
    pub fn push_fixed(&mut self, more: &'static str) {
        self.0.push_str(more);
    }

    /// A cut of masked text is masked (for long evidence: at most its first `n` bytes, cut at a
    /// character boundary, then `ellipsis`).
    pub fn truncated(&self, n: usize, ellipsis: &'static str) -> Masked {
        if self.0.len() <= n {
            return self.clone();
        }
        let mut at = n;
        while !self.0.is_char_boundary(at) {
            at -= 1;
        }
        let mut s = self.0[..at].to_string();
        s.push_str(ellipsis);
        Masked(s)
    }

    /// The text with what a terminal would act on escaped: control characters but tab and line
    /// feed (`\x1b`, `\r`, …), DEL, C1 controls and bidirectional overrides (`\u{202e}`), as
    /// ripgrep and git print them. Escaping adds characters and removes none of a key's.
    pub fn printable(&self) -> Masked {
        if !self.0.chars().any(needs_escape) {
            return self.clone();
        }
        Masked(escape_controls(&self.0))
    }
}

/// `s` with every character [`needs_escape`] says a terminal would act on written out
/// (`\x1b`, `\r`, `\u{202e}`); the rest as it is.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            match c {
                '\r' => out.push_str("\\r"),
                c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What [`Masked::printable`] escapes.
pub fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A JSON value every string of which (object keys too) was masked: made only by
/// [`Redactor::json`](super::Redactor::json). For what a front end prints beside a report (the
/// doctor's own fields); the report itself is typed (`report::Facts`).
#[derive(Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct MaskedJson(serde_json::Value);

impl MaskedJson {
    pub(super) fn new(v: serde_json::Value) -> MaskedJson {
        MaskedJson(v)
    }

    /// The value, to read.
    pub fn value(&self) -> &serde_json::Value {
        &self.0
    }
}

impl std::fmt::Debug for MaskedJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::ops::Deref for Masked {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Masked {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Masked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Masked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl PartialEq<str> for Masked {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Masked {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// An unmasked value that a fix writes (the cleaned key of a key-whitespace fix, say). Never
/// serialized, never printed by `Debug`; read only through [`Revealed::reveal`], the explicit
/// reveal path.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Revealed(String);

impl Revealed {
    pub(crate) fn new(s: String) -> Revealed {
        Revealed(s)
    }

    /// The unmasked text. Callers: `--fix` writing the user's own file, "Copy with my key"
    /// putting it on the clipboard; nothing that prints.
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Revealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Revealed(…)")
    }
}
