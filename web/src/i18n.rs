//! The page's words: the message catalog (`rules/messages/<lang>.toml`, compiled into core)
//! in the language the page is shown in. English is in the wasm; another language's messages
//! are fetched with its rule texts (web/src/texts.rs) and installed into the page's catalog.
//!
//! Views take a [`Ui`] prop — the catalog so far and the language — and say everything through
//! it: `t.get(M::PageTagline)`, `t.w().category(c)`, and the few words with numbers below.

use crate::texts::Words;
use llmdoctor_core::{KeyKind, Lang, Msg as M, Wording};
use yew::AttrValue;

/// The page's words in one language: cheap to clone, equal when the language and the catalog
/// (by identity) are.
#[derive(Clone, PartialEq)]
pub struct Ui {
    pub words: Words,
    pub lang: Lang,
}

impl Ui {
    pub fn new(words: Words, lang: Lang) -> Ui {
        Ui { words, lang }
    }

    /// The catalog in this language: the engine's labels and data in words.
    pub fn w(&self) -> Wording<'_> {
        self.words.wording(self.lang)
    }

    /// The words of `m`.
    pub fn get(&self, m: M) -> &str {
        self.words.message(self.lang, m)
    }

    /// The words of `m` as an attribute's value.
    pub fn attr(&self, m: M) -> AttrValue {
        AttrValue::from(self.get(m).to_string())
    }

    /// "3 findings".
    pub fn findings(&self, n: usize) -> String {
        self.w().count(n, M::PageFindingsOne, M::PageFindingsOther)
    }

    /// "seen 12 times".
    pub fn seen(&self, n: usize) -> String {
        self.w().fill(M::PageSeen, &[("n", &n)])
    }

    /// "line 3, column 12", for screen readers; the visible form is `3:12`.
    pub fn position(&self, line: usize, column: usize) -> String {
        self.w()
            .fill(M::PagePosition, &[("line", &line), ("column", &column)])
    }

    /// "12 rules", or "3 of 12 rules" when a search shows some.
    pub fn rule_count(&self, shown: usize, total: usize) -> String {
        if shown == total {
            self.w().fill(M::PageRulesAll, &[("total", &total)])
        } else {
            self.w()
                .fill(M::PageRulesSome, &[("shown", &shown), ("total", &total)])
        }
    }

    /// "in 2 d 5 h"; `secs` from now, never negative here.
    pub fn countdown(&self, secs: i64) -> String {
        let secs = secs.max(0);
        let (d, h, m) = (secs / 86400, secs % 86400 / 3600, secs % 3600 / 60);
        let w = self.w();
        if d > 0 {
            w.fill(M::PageCountdownDays, &[("d", &d), ("h", &h)])
        } else if h > 0 {
            w.fill(M::PageCountdownHours, &[("h", &h), ("m", &m)])
        } else {
            w.fill(M::PageCountdownMinutes, &[("m", &m)])
        }
    }

    /// A key kind from the engine's facts, as words.
    pub fn key_kind(&self, kind: KeyKind) -> &str {
        self.get(match kind {
            KeyKind::Plan => M::KeyKindPlan,
            KeyKind::General => M::KeyKindGeneral,
            KeyKind::Anthropic => M::KeyKindAnthropic,
            KeyKind::Openai => M::KeyKindOpenai,
            KeyKind::Openrouter => M::KeyKindOpenrouter,
            KeyKind::Google => M::KeyKindGoogle,
            KeyKind::Modelscope => M::KeyKindModelscope,
            _ => M::KeyKindOther,
        })
    }

    /// Each language's name in itself, for the language menu.
    pub fn language_name(&self, lang: Lang) -> &str {
        self.get(match lang {
            Lang::En => M::LanguageEn,
            Lang::Zh => M::LanguageZh,
        })
    }
}

/// An entry of the examples menu: the example's id (its text is `web/examples/<id>.txt`) and
/// its title in the catalog.
pub struct Example {
    pub id: &'static str,
    pub title: M,
}

/// The examples menu, in its order.
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "claude-code-404",
        title: M::ExampleClaudeCode404,
    },
    Example {
        id: "qwen-code-401",
        title: M::ExampleQwenCode401,
    },
    Example {
        id: "codex-wire-api-chat",
        title: M::ExampleCodexWireApiChat,
    },
    Example {
        id: "openai-python-allocation-quota",
        title: M::ExampleOpenaiPythonAllocationQuota,
    },
    Example {
        id: "coding-plan-week-quota",
        title: M::ExampleCodingPlanWeekQuota,
    },
    Example {
        id: "openclaw-auth-profiles",
        title: M::ExampleOpenclawAuthProfiles,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use llmdoctor_core::Catalog;
    use std::rc::Rc;

    fn ui(lang: Lang) -> Ui {
        Ui::new(Words(Rc::new(Catalog::embedded().clone())), lang)
    }

    #[test]
    fn plurals_and_countdowns() {
        let (en, zh) = (ui(Lang::En), ui(Lang::Zh));
        assert_eq!(en.findings(1), "1 finding");
        assert_eq!(en.findings(3), "3 findings");
        assert_eq!(zh.findings(3), "发现 3 个问题");
        assert_eq!(en.countdown(2 * 86400 + 5 * 3600 + 7), "in 2 d 5 h");
        assert_eq!(en.countdown(3600 + 120), "in 1 h 2 min");
        assert_eq!(zh.countdown(59), "0 分钟后");
        assert_eq!(en.rule_count(3, 12), "3 of 12 rules");
        assert_eq!(zh.position(3, 12), "第 3 行，第 12 列");
    }

    #[test]
    fn a_language_not_installed_is_said_in_english_and_names_itself() {
        let bare = Ui::new(Words::default(), Lang::Zh);
        assert_eq!(bare.get(M::PageNavRules), "Rules");
        assert_eq!(bare.language_name(Lang::Zh), "中文");
    }
}
