//! The message catalog: every word of the engine, the CLI and the page that is not a rule's,
//! one file per language (`rules/messages/<lang>.toml`), compiled by build.rs into [`Msg`] and
//! one table per language.
//!
//! English is in every build. Chinese is compiled in with the `embedded-texts` feature (the
//! CLI, the tests); the page builds without it and installs the text of
//! `texts/zh/messages.txt` into its [`Catalog`] when the page is shown in
//! Chinese (`Catalog::install`). A message not installed in a language is said in
//! English.
//!
//! Rendering goes through a [`Wording`]: a catalog and a language, with typed accessors for
//! the engine's enums (`category`, `severity`, …) and `fill` for messages with placeholders.

use crate::secrets::Masked;
use crate::texts::{Catalog, Text};
use crate::vocabulary::{Category, Confidence, Lang, Reset, Rule, Severity};
use std::fmt::Display;
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/messages_gen.rs"));

/// One language's words, in [`Msg`] order, installed at run time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Installed(Option<Arc<[Box<str>]>>);

impl Installed {
    pub(crate) const NONE: Installed = Installed(None);

    /// Reads a language's text (`messages_<lang>.txt`): the header, then one message per line.
    pub(crate) fn parse(text: &str) -> Result<Installed, String> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err("messages are for another version".to_string());
        }
        // A message is never empty: blank lines at the end are the file's, or a fetch's join.
        let mut words: Vec<Box<str>> = lines.map(Box::from).collect();
        while words.last().is_some_and(|w| w.is_empty()) {
            words.pop();
        }
        if words.len() != COUNT {
            return Err(format!(
                "messages: {} lines for {COUNT} messages",
                words.len()
            ));
        }
        Ok(Installed(Some(words.into())))
    }

    pub(crate) fn get(&self, m: Msg) -> Option<&str> {
        self.0.as_deref()?.get(m as usize).map(|w| &**w)
    }

    pub(crate) fn is_some(&self) -> bool {
        self.0.is_some()
    }
}

/// Where a language's messages start in `text` (their header, at the start of a line), if
/// they are in it.
pub(crate) fn start(text: &str) -> Option<usize> {
    const MAGIC: &str = "llmdoctor messages ";
    if text.starts_with(MAGIC) {
        return Some(0);
    }
    text.find(&format!("\n{MAGIC}")).map(|i| i + 1)
}

/// Whether this build has `lang`'s messages compiled in (English always; the others with the
/// `embedded-texts` feature).
pub(crate) fn carried(lang: Lang) -> bool {
    lang == Lang::En || cfg!(feature = "embedded-texts")
}

/// The compiled-in words of `m` in `lang`, where this build has them.
pub(crate) fn compiled(lang: Lang, m: Msg) -> Option<&'static str> {
    match lang {
        Lang::En => EN.get(m as usize).copied(),
        #[cfg(feature = "embedded-texts")]
        Lang::Zh => ZH.get(m as usize).copied(),
        #[cfg(not(feature = "embedded-texts"))]
        Lang::Zh => None,
    }
}

/// The text of `lang`'s messages as build.rs wrote it ("" for a language this build does not
/// carry): what the page fetches as `texts/<lang>/messages.txt`.
pub fn embedded_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/messages_en.txt")),
        #[cfg(feature = "embedded-texts")]
        Lang::Zh => include_str!(concat!(env!("OUT_DIR"), "/messages_zh.txt")),
        #[cfg(not(feature = "embedded-texts"))]
        Lang::Zh => "",
    }
}

/// An argument of [`Wording::fill_masked`].
pub(crate) enum Fill<'a> {
    Num(usize),
    /// The engine's own words: the catalog's, a catalog model's name, an instant it formatted.
    Word(&'a str),
    /// Text from the paste, masked.
    Text(&'a Masked),
}

/// A catalog in one language: what renders a report, the CLI's lines and the page.
#[derive(Clone, Copy, Debug)]
pub struct Wording<'a> {
    catalog: &'a Catalog,
    lang: Lang,
}

impl<'a> Wording<'a> {
    pub(crate) fn new(catalog: &'a Catalog, lang: Lang) -> Self {
        Wording { catalog, lang }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The catalog these words come from.
    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// The words of `m`.
    pub fn get(&self, m: Msg) -> &'a str {
        self.catalog.message(self.lang, m)
    }

    /// `m` with each `{name}` replaced by the argument of that name. For a front end's own
    /// lines: what it passes in is its own to mask.
    pub fn fill(&self, m: Msg, args: &[(&str, &dyn Display)]) -> String {
        fill_with(self.get(m), |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    /// `m` filled with parts of a report: masked, as its arguments are.
    pub(crate) fn fill_masked(&self, m: Msg, args: &[(&str, Fill<'_>)]) -> Masked {
        Masked::catalog(fill_with(self.get(m), |name| {
            args.iter().find(|(n, _)| *n == name).map(|(_, p)| match p {
                Fill::Num(n) => n.to_string(),
                Fill::Word(s) => (*s).to_string(),
                Fill::Text(m) => m.as_str().to_string(),
            })
        }))
    }

    /// A rule's words (title, explanation, steps, verification, sources).
    pub fn text(&self, rule: &Rule) -> &'a Text {
        self.catalog.text(self.lang, rule)
    }

    /// `one` for 1, else `other` with `{n}` filled: "1 finding", "3 findings".
    pub fn count(&self, n: usize, one: Msg, other: Msg) -> String {
        if n == 1 {
            self.get(one).to_string()
        } else {
            self.fill(other, &[("n", &n)])
        }
    }

    pub fn severity(&self, s: Severity) -> &'a str {
        self.get(match s {
            Severity::Error => Msg::SeverityError,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Info => Msg::SeverityInfo,
        })
    }

    /// How sure a diagnosis is, as its badge says it.
    pub fn confidence(&self, c: Confidence) -> &'a str {
        self.get(match c {
            Confidence::High => Msg::ConfidenceHigh,
            Confidence::Medium => Msg::ConfidenceMedium,
            Confidence::Low => Msg::ConfidenceLow,
        })
    }

    pub fn category(&self, c: Category) -> &'a str {
        use Category::*;
        self.get(match c {
            Auth => Msg::CategoryAuth,
            Permission => Msg::CategoryPermission,
            Balance => Msg::CategoryBalance,
            Quota => Msg::CategoryQuota,
            RateLimit => Msg::CategoryRateLimit,
            BaseUrl => Msg::CategoryBaseUrl,
            Model => Msg::CategoryModel,
            ContextLength => Msg::CategoryContextLength,
            Parameter => Msg::CategoryParameter,
            ContentPolicy => Msg::CategoryContentPolicy,
            Timeout => Msg::CategoryTimeout,
            Network => Msg::CategoryNetwork,
            Server => Msg::CategoryServer,
            PlanRestriction => Msg::CategoryPlanRestriction,
            ClientConfig => Msg::CategoryClientConfig,
        })
    }

    /// The retry policy as a short label.
    pub fn retry_policy(&self, p: crate::report::RetryPolicy) -> &'a str {
        use crate::report::RetryPolicy::*;
        self.get(match p {
            Never => Msg::RetryPolicyNever,
            AfterFix => Msg::RetryPolicyAfterFix,
            AfterReset => Msg::RetryPolicyAfterReset,
            Backoff => Msg::RetryPolicyBackoff,
            None => Msg::RetryPolicyNone,
        })
    }

    /// A quota window as a label.
    pub fn window(&self, w: Reset) -> &'a str {
        self.get(match w {
            Reset::Hour => Msg::WindowHour,
            Reset::Week => Msg::WindowWeek,
            Reset::Month => Msg::WindowMonth,
        })
    }
}

/// `template` with each `{name}` that `arg` knows replaced; anything else is text.
fn fill_with(template: &str, arg: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let ident =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            ident.then(|| arg(name).map(|v| (v, close)))?
        });
        match value {
            Some((v, close)) => {
                out.push_str(&v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_other_braces_stay_text() {
        let arg = |n: &str| (n == "line").then(|| "7".to_string());
        assert_eq!(
            fill_with("at line {line}: '{' or {line}", arg),
            "at line 7: '{' or 7"
        );
        assert_eq!(fill_with("{other} {line", arg), "{other} {line");
        assert_eq!(fill_with("no braces", arg), "no braces");
    }

    #[cfg(feature = "embedded-texts")]
    #[test]
    fn every_message_is_in_both_languages_and_a_text_installs_back() {
        for lang in [Lang::En, Lang::Zh] {
            let parsed = Installed::parse(embedded_text(lang)).expect("parses");
            for i in 0..COUNT {
                assert!(!parsed.0.as_ref().map_or("", |w| &*w[i]).is_empty());
            }
        }
        let zh = Installed::parse(&format!("{}\n\n", embedded_text(Lang::Zh))).expect("parses");
        assert_eq!(
            zh.get(Msg::CategoryAuth),
            compiled(Lang::Zh, Msg::CategoryAuth)
        );
        assert_ne!(
            zh.get(Msg::CategoryAuth),
            compiled(Lang::En, Msg::CategoryAuth)
        );
    }

    #[test]
    fn a_text_for_another_version_is_refused() {
        assert!(Installed::parse("llmdoctor messages 1 0000000000000000\nx\n").is_err());
        let short = format!("{HEADER}\nonly one line\n");
        assert!(Installed::parse(&short).is_err());
    }
}
