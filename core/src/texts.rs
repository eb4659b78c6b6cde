//! The rules' words — title, explanation, steps, verification, sources — per language, as a
//! value the caller owns: a [`Catalog`].
//!
//! The engine never words a finding: a [`crate::Report`] holds rule ids and structured data, and
//! whatever renders it (the CLI's text and JSON, the page's cards, the support bundle) passes a
//! catalog explicitly. Words that arrive later (the page fetches them) go into the page's
//! catalog and the page re-renders; the diagnosis is not run again.
//!
//! build.rs writes each language as text, one line per rule in `RULES` order,
//! `id TAB title TAB explanation TAB verify TAB sources TAB step TAB step ...` (sources joined
//! by U+001F). With the `embedded-texts` feature (the CLI, the tests) both languages are
//! compiled in: [`Catalog::embedded`]. The page builds without it and [`Catalog::install`]s
//! lines as it needs them: `texts/<lang>/<id>.txt` for a rule it shows,
//! `texts/<lang>/titles.txt` (id and title only) for the rules index, or a whole language at
//! once (written by `cargo run -p llmdoctor-core --example texts`).
//!
//! Until a rule's words are present, [`Catalog::text`] answers with what there is: the title
//! alone, the other language, or empty text. Rendering never fails for want of words.

use crate::messages::{self, Installed, Msg, Wording};
use crate::secrets::Masked;
use crate::vocabulary::{Lang, Rule, RULES};
use std::sync::Arc;

/// A rule's words in one language (masked text: rule words hold nothing of a paste).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub title: Masked,
    pub explanation: Masked,
    pub steps: Vec<Masked>,
    pub verify: Masked,
    /// Where the rule's knowledge comes from: `Title, section — https://…` (the same in every
    /// language).
    pub sources: Vec<Masked>,
}

impl Text {
    /// Whether this is more than a title (a line from `titles.txt`).
    pub fn is_complete(&self) -> bool {
        !self.explanation.is_empty()
    }

    fn parse(line: &str) -> Text {
        let words = |s: &str| Masked::catalog(s.to_string());
        let mut f = line.split('\t').skip(1);
        let mut next = || f.next().unwrap_or_default();
        let (title, explanation, verify, sources) = (next(), next(), next(), next());
        Text {
            title: words(title),
            explanation: words(explanation),
            verify: words(verify),
            sources: sources
                .split('\u{1f}')
                .filter(|s| !s.is_empty())
                .map(words)
                .collect(),
            steps: f.map(words).collect(),
        }
    }
}

static EMPTY: Text = Text {
    title: Masked::EMPTY,
    explanation: Masked::EMPTY,
    steps: Vec::new(),
    verify: Masked::EMPTY,
    sources: Vec::new(),
};

/// The rules' words installed so far, per language, per rule (index = `Rule::ord`). Cloning is
/// cheap: the words are shared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    langs: [Vec<Option<Arc<Text>>>; 2],
    /// The message catalog's words installed per language (crate::messages): English is
    /// compiled into every build, Chinese with `embedded-texts`.
    messages: [Installed; 2],
    /// Behind what is installed: the compiled-in words ([`Catalog::embedded`]), each rule's
    /// parsed on its first use.
    compiled: bool,
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    }
}

impl Catalog {
    /// A catalog with no words yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every rule's words in both languages, compiled in. Nothing is parsed until a rule's
    /// words are asked for (a report without findings costs nothing here).
    #[cfg(feature = "embedded-texts")]
    pub fn embedded() -> &'static Catalog {
        static C: Catalog = Catalog {
            langs: [Vec::new(), Vec::new()],
            messages: [Installed::NONE, Installed::NONE],
            compiled: true,
        };
        &C
    }

    /// A catalog with nothing installed and nothing compiled in but the English messages
    /// (every build has them): for words that are English by contract (`Note`'s `Display`).
    pub fn english() -> &'static Catalog {
        static C: Catalog = Catalog {
            langs: [Vec::new(), Vec::new()],
            messages: [Installed::NONE, Installed::NONE],
            compiled: false,
        };
        &C
    }

    fn lookup(&self, lang: Lang, ord: u16) -> Option<&Text> {
        let installed = self.langs[slot(lang)]
            .get(usize::from(ord))
            .and_then(|t| t.as_deref());
        installed.or_else(|| {
            if self.compiled {
                compiled(lang, ord)
            } else {
                None
            }
        })
    }

    /// This catalog in `lang`: what renders reports, lines and pages.
    pub fn wording(&self, lang: Lang) -> Wording<'_> {
        Wording::new(self, lang)
    }

    /// The words of message `m` in `lang`: installed, else compiled in, else English.
    pub fn message(&self, lang: Lang, m: Msg) -> &str {
        self.messages[slot(lang)]
            .get(m)
            .or_else(|| {
                self.uses_compiled(lang)
                    .then(|| messages::compiled(lang, m))
                    .flatten()
            })
            .or_else(|| messages::compiled(Lang::En, m))
            .unwrap_or_default()
    }

    /// Whether the messages of `lang` are here (English always is).
    pub fn has_messages(&self, lang: Lang) -> bool {
        self.messages[slot(lang)].is_some() || (self.uses_compiled(lang) && messages::carried(lang))
    }

    /// Whether this catalog says `lang` with the build's compiled-in messages: English always,
    /// another language when the catalog is the embedded one.
    fn uses_compiled(&self, lang: Lang) -> bool {
        lang == Lang::En || self.compiled
    }

    /// The words of `rule` in `lang`: complete if installed, else the title alone if that is,
    /// else the other language's, else empty.
    pub fn text(&self, lang: Lang, rule: &Rule) -> &Text {
        let ord = rule.ord;
        match self.lookup(lang, ord) {
            Some(t) if t.is_complete() => t,
            mine => match self.lookup(other(lang), ord) {
                Some(o) if mine.is_none() => o,
                _ => mine.unwrap_or(&EMPTY),
            },
        }
    }

    /// The words of the rule with id `id` (empty for an unknown id).
    pub fn text_of(&self, lang: Lang, id: &str) -> &Text {
        crate::rule(id).map_or(&EMPTY, |r| self.text(lang, r))
    }

    /// Whether `rule` has its complete words in `lang`.
    pub fn has(&self, lang: Lang, rule: &Rule) -> bool {
        self.lookup(lang, rule.ord).is_some_and(Text::is_complete)
    }

    /// Whether every rule has at least a title in `lang`.
    pub fn has_titles(&self, lang: Lang) -> bool {
        let table = &self.langs[slot(lang)];
        self.compiled || (table.len() == RULES.len() && table.iter().all(Option::is_some))
    }

    /// Installs the lines of `text` (any number, any order; a title-only line does not replace
    /// complete words) and answers how many it installed. Refuses, installing nothing, a text
    /// with a line for a rule this build does not know — a stale cached file after an upgrade,
    /// say.
    ///
    /// A text may end with the language's messages (`texts/<lang>/messages.txt`, the page's
    /// own words, after their header line): they are installed too.
    pub fn install(&mut self, lang: Lang, text: &str) -> Result<usize, String> {
        let (text, messages) = match messages::start(text) {
            Some(at) => (&text[..at], Some(Installed::parse(&text[at..])?)),
            None => (text, None),
        };
        let mut parsed: Vec<(usize, &str)> = Vec::new();
        // Files list rules in `RULES` order: try the next one before searching.
        let mut next = 0;
        for line in text.lines().filter(|l| !l.is_empty()) {
            let id = line.split('\t').next().unwrap_or_default();
            let ord = if RULES.get(next).is_some_and(|r| r.id == id) {
                next
            } else {
                let Some(ord) = RULES.iter().position(|r| r.id == id) else {
                    return Err(format!(
                        "texts are for another version: unknown rule {id:.60}"
                    ));
                };
                ord
            };
            next = ord + 1;
            parsed.push((ord, line));
        }
        let mut n = 0;
        for (ord, line) in parsed {
            let t = Text::parse(line);
            let complete = u16::try_from(ord)
                .ok()
                .and_then(|o| self.lookup(lang, o))
                .is_some_and(Text::is_complete);
            if complete && !t.is_complete() {
                continue;
            }
            let table = &mut self.langs[slot(lang)];
            if table.len() < RULES.len() {
                table.resize(RULES.len(), None);
            }
            table[ord] = Some(Arc::new(t));
            n += 1;
        }
        if let Some(m) = messages {
            self.messages[slot(lang)] = m;
            n += 1;
        }
        Ok(n)
    }
}

/// The compiled-in words of the rule at `ord` in `lang`, parsed on first use and kept (the
/// lines of build.rs's text are in `RULES` order).
#[cfg(feature = "embedded-texts")]
fn compiled(lang: Lang, ord: u16) -> Option<&'static Text> {
    use std::sync::OnceLock;
    type Parsed = (Vec<&'static str>, Vec<OnceLock<Text>>);
    static PARSED: [OnceLock<Parsed>; 2] = [OnceLock::new(), OnceLock::new()];
    let (lines, texts) = PARSED[slot(lang)].get_or_init(|| {
        let lines: Vec<&'static str> = embedded(lang).lines().collect();
        let texts = lines.iter().map(|_| OnceLock::new()).collect();
        (lines, texts)
    });
    let i = usize::from(ord);
    let line = lines.get(i)?;
    Some(texts.get(i)?.get_or_init(|| Text::parse(line)))
}

#[cfg(not(feature = "embedded-texts"))]
fn compiled(_: Lang, _: u16) -> Option<&'static Text> {
    None
}

/// The compiled-in text of `lang` ("" without the `embedded-texts` feature).
pub fn embedded(lang: Lang) -> &'static str {
    #[cfg(feature = "embedded-texts")]
    {
        match lang {
            Lang::En => include_str!(concat!(env!("OUT_DIR"), "/texts_en.txt")),
            Lang::Zh => include_str!(concat!(env!("OUT_DIR"), "/texts_zh.txt")),
        }
    }
    #[cfg(not(feature = "embedded-texts"))]
    {
        let _ = lang;
        ""
    }
}

/// The line of the rule at `ord` in `lang`'s compiled-in text (for writing the page's files).
pub fn embedded_line(lang: Lang, ord: usize) -> Option<&'static str> {
    embedded(lang).lines().nth(ord)
}

#[cfg(all(test, feature = "embedded-texts"))]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_words_in_both_languages() {
        let c = Catalog::embedded();
        for lang in [Lang::En, Lang::Zh] {
            assert!(c.has_titles(lang));
            for r in RULES {
                let x = c.text(lang, r);
                assert!(c.has(lang, r), "{} is incomplete", r.id);
                assert!(!x.title.is_empty(), "{} has no title", r.id);
                assert!(!x.explanation.is_empty(), "{} has no explanation", r.id);
                assert!(!x.steps.is_empty(), "{} has no steps", r.id);
                assert_eq!(
                    embedded_line(lang, r.ord.into()).and_then(|l| l.split('\t').next()),
                    Some(r.id)
                );
            }
        }
        let week = "coding-plan-week-quota";
        assert_ne!(
            c.text_of(Lang::En, week).title,
            c.text_of(Lang::Zh, week).title
        );
    }

    #[test]
    fn a_line_for_an_unknown_rule_is_refused_and_installs_nothing() {
        let mut c = Catalog::new();
        let line = format!("{}\tTitle\nmade-up-rule\tTitle\n", RULES[0].id);
        let err = c.install(Lang::En, &line).expect_err("refused");
        assert!(err.contains("made-up-rule"), "{err}");
        assert_eq!(c, Catalog::new());
        assert_eq!(c.install(Lang::En, ""), Ok(0));
    }

    #[test]
    fn a_text_with_messages_installs_them_and_a_stale_one_installs_nothing() {
        use crate::messages::{embedded_text, Msg};
        let zh = Catalog::embedded()
            .message(Lang::Zh, Msg::PageNavRules)
            .to_string();
        let mut c = Catalog::new();
        assert!(!c.has_messages(Lang::Zh) && c.has_messages(Lang::En));
        assert_eq!(c.message(Lang::Zh, Msg::PageNavRules), "Rules");
        // The single-file build's text: every rule's line, then the messages.
        let all = format!("{}{}\n", embedded(Lang::Zh), embedded_text(Lang::Zh));
        assert_eq!(c.install(Lang::Zh, &all), Ok(RULES.len() + 1));
        assert!(c.has_messages(Lang::Zh) && c.has(Lang::Zh, &RULES[0]));
        assert_eq!(c.message(Lang::Zh, Msg::PageNavRules), zh);
        // A messages file from another version of the catalog is refused whole.
        let mut fresh = Catalog::new();
        let stale = format!("{}\tT\nllmdoctor messages 1 0\nx\n", RULES[0].id);
        assert!(fresh.install(Lang::Zh, &stale).is_err());
        assert_eq!(fresh, Catalog::new());
    }

    #[test]
    fn a_title_line_does_not_replace_complete_words() {
        let mut c = Catalog::embedded().clone();
        let r = &RULES[0];
        let before = c.text(Lang::Zh, r).explanation.clone();
        let line = format!("{}\tanother title\n", r.id);
        assert_eq!(c.install(Lang::Zh, &line), Ok(0));
        assert_eq!(c.text(Lang::Zh, r).explanation, before);
        assert!(c.has(Lang::Zh, r));
    }

    #[test]
    fn missing_words_fall_back_to_the_title_then_the_other_language_then_nothing() {
        let r = &RULES[1];
        let en = embedded_line(Lang::En, 1).unwrap_or_default();
        let mut c = Catalog::new();
        assert_eq!(c.text(Lang::Zh, r), &Text::default());
        assert_eq!(c.install(Lang::En, en), Ok(1));
        // Chinese not loaded: the English words stand in.
        assert_eq!(c.text(Lang::Zh, r), c.text(Lang::En, r));
        assert!(!c.has(Lang::Zh, r) && c.has(Lang::En, r));
        // A Chinese title alone: shown, rather than English words.
        assert_eq!(c.install(Lang::Zh, &format!("{}\tzh title\n", r.id)), Ok(1));
        assert_eq!(c.text(Lang::Zh, r).title, "zh title");
        assert!(c.text(Lang::Zh, r).explanation.is_empty());
        assert!(!c.has_titles(Lang::Zh));
    }
}
