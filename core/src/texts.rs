//! The rules' words — title, explanation, steps, verification — per language.
//!
//! They live apart from the rule table ([`crate::RULES`]) so that a front end need not carry
//! them all: build.rs writes each language as text, one line per rule in `RULES` order,
//! `id TAB title TAB explanation TAB verify TAB step TAB step ...`. With the `embedded-texts`
//! feature (the CLI, the tests) both languages are compiled in. The page builds without it and
//! [`install`]s lines as it needs them: `texts/<lang>/<id>.txt` for a rule it shows,
//! `texts/<lang>/titles.txt` (id and title only) for the rules index, or a whole language at once
//! (written by `cargo run -p llmdoctor-core --example texts`).
//!
//! Until a rule's words are present, [`get`] answers with what there is: the title alone, the
//! other language, or empty text. A diagnosis never fails for want of words.

use crate::vocabulary::{Lang, RULES};
use std::sync::{Once, RwLock};

/// A rule's words in one language.
#[derive(Debug, Default)]
pub struct Text {
    pub title: &'static str,
    pub explanation: &'static str,
    pub steps: Vec<&'static str>,
    pub verify: &'static str,
    /// Where the rule's knowledge comes from: `Title, section — https://…` (the same in every
    /// language).
    pub sources: Vec<&'static str>,
}

impl Text {
    /// Whether this is more than a title (a line from `titles.txt`).
    pub fn is_complete(&self) -> bool {
        !self.explanation.is_empty()
    }
}

/// Per language, per rule (index = `Rule::ord`): the words installed so far.
type Table = RwLock<Vec<Option<&'static Text>>>;
static TABLES: [Table; 2] = [RwLock::new(Vec::new()), RwLock::new(Vec::new())];
static EMBEDDED: Once = Once::new();
static EMPTY: Text = Text {
    title: "",
    explanation: "",
    steps: Vec::new(),
    verify: "",
    sources: Vec::new(),
};

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

fn lookup(lang: Lang, ord: u16) -> Option<&'static Text> {
    EMBEDDED.call_once(|| {
        for lang in [Lang::En, Lang::Zh] {
            // build.rs wrote it from the same rules: every line installs.
            let _ = install(lang, embedded(lang));
        }
    });
    let table = TABLES[slot(lang)].read().unwrap_or_else(|e| e.into_inner());
    table.get(usize::from(ord)).copied().flatten()
}

/// The words of the rule at `ord` in `lang`: complete if installed, else the title alone if
/// that is, else the other language's, else empty.
pub fn get(lang: Lang, ord: u16) -> &'static Text {
    match lookup(lang, ord) {
        Some(t) if t.is_complete() => t,
        mine => match lookup(other(lang), ord) {
            Some(o) if mine.is_none() => o,
            _ => mine.unwrap_or(&EMPTY),
        },
    }
}

/// Whether the rule at `ord` has its complete words in `lang`.
pub fn has(lang: Lang, ord: u16) -> bool {
    lookup(lang, ord).is_some_and(Text::is_complete)
}

/// Whether every rule has at least a title in `lang`.
pub fn has_titles(lang: Lang) -> bool {
    (0..RULES.len()).all(|i| u16::try_from(i).is_ok_and(|i| lookup(lang, i).is_some()))
}

/// Installs the lines of `text` (any number, any order; a title-only line does not replace
/// complete words) and answers how many it installed. Refuses, installing nothing, a text with
/// a line for a rule this build does not know — a stale cached file after an upgrade, say.
/// The text is kept for the life of the program.
pub fn install(lang: Lang, text: impl Into<String>) -> Result<usize, String> {
    let text: String = text.into();
    let mut parsed: Vec<(usize, Text)> = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let id = line.split('\t').next().unwrap_or_default();
        let Some(ord) = RULES.iter().position(|r| r.id == id) else {
            return Err(format!(
                "texts are for another version: unknown rule {id:.60}"
            ));
        };
        parsed.push((ord, Text::default()));
    }
    if parsed.is_empty() {
        return Ok(0);
    }
    let text: &'static str = Box::leak(text.into_boxed_str());
    let lines = text.lines().filter(|l| !l.is_empty());
    let mut table = TABLES[slot(lang)]
        .write()
        .unwrap_or_else(|e| e.into_inner());
    if table.len() < RULES.len() {
        table.resize(RULES.len(), None);
    }
    let mut n = 0;
    for ((ord, _), line) in parsed.into_iter().zip(lines) {
        let mut f = line.split('\t').skip(1);
        let mut next = || f.next().unwrap_or_default();
        let (title, explanation, verify, sources) = (next(), next(), next(), next());
        let t = Text {
            title,
            explanation,
            verify,
            sources: sources.split('\u{1f}').filter(|s| !s.is_empty()).collect(),
            steps: f.collect(),
        };
        let slot = &mut table[ord];
        if slot.is_some_and(|old| old.is_complete() && !t.is_complete()) {
            continue;
        }
        *slot = Some(Box::leak(Box::new(t)));
        n += 1;
    }
    Ok(n)
}

/// The line of the rule at `ord` in `lang`'s compiled-in text (for writing the page's files).
pub fn embedded_line(lang: Lang, ord: usize) -> Option<&'static str> {
    embedded(lang).lines().nth(ord)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_words_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            assert!(has_titles(lang));
            for r in RULES {
                let x = get(lang, r.ord);
                assert!(has(lang, r.ord), "{} is incomplete", r.id);
                assert!(!x.title.is_empty(), "{} has no title", r.id);
                assert!(!x.explanation.is_empty(), "{} has no explanation", r.id);
                assert!(!x.steps.is_empty(), "{} has no steps", r.id);
                assert_eq!(
                    embedded_line(lang, r.ord.into()).and_then(|l| l.split('\t').next()),
                    Some(r.id)
                );
            }
        }
        let r = crate::rule("coding-plan-week-quota").expect("rule");
        assert_ne!(r.text(Lang::En).title, r.text(Lang::Zh).title);
    }

    #[test]
    fn a_line_for_an_unknown_rule_is_refused() {
        let err = install(Lang::En, "made-up-rule\tTitle\n").expect_err("refused");
        assert!(err.contains("made-up-rule"), "{err}");
        assert_eq!(install(Lang::En, ""), Ok(0));
    }

    #[test]
    fn a_title_line_does_not_replace_complete_words() {
        let r = &RULES[0];
        let before = get(Lang::Zh, r.ord).explanation;
        let line = format!("{}\tanother title\n", r.id);
        assert_eq!(install(Lang::Zh, line), Ok(0));
        assert_eq!(get(Lang::Zh, r.ord).explanation, before);
        assert!(has(Lang::Zh, r.ord));
    }
}
