//! The words of a report written for a person (the CLI's human output): the headings before a
//! diagnosis's parts and the lines around them.

use crate::vocabulary::{Confidence, Lang};
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

/// `heading` in `lang`, with its colon.
pub fn heading(lang: Lang, heading: Heading) -> &'static str {
    let (en, zh) = match heading {
        Heading::Verify => ("verify:", "验证："),
        Heading::Reset => ("reset:", "重置："),
        Heading::Fix => ("fix:", "修复步骤："),
        Heading::Retry => ("retry:", "重试："),
        Heading::Sources => ("sources:", "来源："),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The heading of a corrected block: its `format` and where it is (`file:line`).
pub fn corrected(lang: Lang, format: impl Display, file: impl Display, line: usize) -> String {
    match lang {
        Lang::En => format!("corrected {format} ({file}:{line}):"),
        Lang::Zh => format!("修正后的配置（{format}，{file}:{line}）："),
    }
}

/// How often a diagnosis's evidence was seen in the paste.
pub fn seen(lang: Lang, count: usize) -> String {
    match lang {
        Lang::En => format!("seen {count} times"),
        Lang::Zh => format!("共出现 {count} 次"),
    }
}

/// The last line: `findings` found, `errors` of them errors.
pub fn summary(lang: Lang, findings: usize, errors: usize) -> String {
    match lang {
        Lang::En => format!(
            "{findings} finding{} ({errors} error{}). The first is the most likely cause.",
            plural(findings),
            plural(errors)
        ),
        Lang::Zh => format!("发现 {findings} 个问题（{errors} 个错误）。第一个最可能是原因。"),
    }
}

/// That a fix is there and how to apply it: `safe` or to be reviewed first.
pub fn fix_available(lang: Lang, safe: bool) -> &'static str {
    match (lang, safe) {
        (Lang::En, true) => "a safe fix is available (--fix applies it; --diff shows it)",
        (Lang::En, false) => {
            "a fix is available; review it first (--diff shows it; --fix --unsafe-fixes applies it)"
        }
        (Lang::Zh, true) => "有可安全应用的修正（--fix 应用；--diff 查看）",
        (Lang::Zh, false) => "有修正，请先检查（--diff 查看；--fix --unsafe-fixes 应用）",
    }
}

/// How sure a diagnosis is, after its category in a title: nothing for high confidence, else
/// the catalog's words (lower-cased in English) after the language's comma.
pub fn confidence_after_category(lang: Lang, c: Confidence) -> String {
    let words = super::confidence(lang, c);
    match (c, lang) {
        (Confidence::High, _) => String::new(),
        (_, Lang::En) => format!(", {}", words.to_lowercase()),
        (_, Lang::Zh) => format!("，{words}"),
    }
}

/// The English plural's `s` for `n` things.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
