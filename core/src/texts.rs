//! The rules' words — title, explanation, steps, verification — one table per language.
//!
//! They live apart from the rule table ([`crate::RULES`]) so that a front end can carry one
//! language instead of both: build.rs writes each language as text, one line per rule in
//! `RULES` order, `id TAB title TAB explanation TAB verify TAB step TAB step ...`.
//! With the `embedded-texts` feature (the CLI, the tests) both languages are compiled in; the
//! page builds without it and [`install`]s the language it shows from `texts-<lang>.txt`
//! (written next to the page by `cargo run -p llmdoctor-core --example texts`).
//!
//! Until a language is present, [`get`] answers with the other language, then with empty text:
//! a diagnosis never fails for want of words.

use crate::model::{Lang, RULES};
use std::sync::OnceLock;

/// A rule's words in one language.
#[derive(Debug, Default)]
pub struct Text {
    pub title: &'static str,
    pub explanation: &'static str,
    pub steps: Vec<&'static str>,
    pub verify: &'static str,
}

static TABLES: [OnceLock<Vec<Text>>; 2] = [OnceLock::new(), OnceLock::new()];
static EMPTY: Text = Text {
    title: "",
    explanation: "",
    steps: Vec::new(),
    verify: "",
};

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
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

/// The table of `lang`, if it is compiled in or installed.
pub fn table(lang: Lang) -> Option<&'static [Text]> {
    let cell = &TABLES[slot(lang)];
    if cell.get().is_none() && !embedded(lang).is_empty() {
        // build.rs wrote it from the same rules: it always parses.
        if let Ok(t) = parse(embedded(lang)) {
            let _ = cell.set(t);
        }
    }
    cell.get().map(Vec::as_slice)
}

/// Is `lang` ready (compiled in or installed)?
pub fn available(lang: Lang) -> bool {
    table(lang).is_some()
}

/// The words of the rule at `ord` in `lang`, else in the other language, else empty.
pub fn get(lang: Lang, ord: u16) -> &'static Text {
    let other = match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    table(lang)
        .or_else(|| table(other))
        .and_then(|t| t.get(usize::from(ord)))
        .unwrap_or(&EMPTY)
}

/// Installs `lang` from the text of a `texts-<lang>.txt` file. The text is kept for the life of
/// the program. Refuses a file that does not list exactly this build's rules in order (a stale
/// cached file after an upgrade, say). Installing a language already present changes nothing.
pub fn install(lang: Lang, text: String) -> Result<(), String> {
    if available(lang) {
        return Ok(());
    }
    let text: &'static str = Box::leak(text.into_boxed_str());
    let table = parse(text)?;
    let _ = TABLES[slot(lang)].set(table);
    Ok(())
}

fn parse(text: &'static str) -> Result<Vec<Text>, String> {
    let mut out = Vec::with_capacity(RULES.len());
    let mut lines = text.lines();
    for rule in RULES {
        let line = lines
            .next()
            .ok_or_else(|| format!("texts end before rule {}", rule.id))?;
        let mut f = line.split('\t');
        let id = f.next().unwrap_or_default();
        if id != rule.id {
            return Err(format!(
                "texts are for another version: expected rule {}, found {:.60}",
                rule.id, id
            ));
        }
        let mut next = || f.next().unwrap_or_default();
        let (title, explanation, verify) = (next(), next(), next());
        out.push(Text {
            title,
            explanation,
            verify,
            steps: f.collect(),
        });
    }
    match lines.next() {
        Some(extra) => Err(format!(
            "texts are for another version: unknown rule {:.60}",
            extra.split('\t').next().unwrap_or_default()
        )),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_words_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            let t = table(lang).expect("compiled in for tests");
            assert_eq!(t.len(), RULES.len());
            for (r, x) in RULES.iter().zip(t) {
                assert!(!x.title.is_empty(), "{} has no title", r.id);
                assert!(!x.explanation.is_empty(), "{} has no explanation", r.id);
                assert!(!x.steps.is_empty(), "{} has no steps", r.id);
            }
        }
        let r = crate::rule("coding-plan-week-quota").expect("rule");
        assert_ne!(r.text(Lang::En).title, r.text(Lang::Zh).title);
    }

    #[test]
    fn a_file_for_another_build_is_refused() {
        let good = embedded(Lang::En);
        assert!(parse(good).is_ok());
        let first_line = good.find('\n').map_or(good.len(), |i| i + 1);
        assert!(parse(&good[first_line..])
            .expect_err("refused")
            .contains("another version"));
        let extra: &'static str = Box::leak(format!("{good}made-up-rule\tx\n").into_boxed_str());
        assert!(parse(extra).expect_err("refused").contains("made-up-rule"));
        let half: String = good
            .lines()
            .take(RULES.len() / 2)
            .map(|l| l.to_string() + "\n")
            .collect();
        assert!(parse(Box::leak(half.into_boxed_str()))
            .expect_err("refused")
            .contains("end before"));
        assert!(parse("").is_err());
    }

    #[test]
    fn installing_a_present_language_changes_nothing() {
        let before = get(Lang::En, 0).title;
        assert_eq!(install(Lang::En, "garbage".into()), Ok(()));
        assert_eq!(get(Lang::En, 0).title, before);
    }
}
