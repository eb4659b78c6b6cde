//! What the engine says about its own reading of a paste (`facts.notes`, a config block's
//! `notes`): a bound that was hit, a block that could not be read to its end. Each note is a
//! code with its arguments; its words, in either language, come from one place
//! (`labels::notes`) when the report is shown or serialized.
//!
//! The config readers make notes with the paste's own text in them (`Note<String>`, before the
//! keys are known); the report carries them masked (`Note<Masked>`, [`Note::mask`]).

use crate::labels::notes::Arg;
use crate::secrets::Masked;
use crate::vocabulary::Lang;
use serde::Serialize;

/// One note. `T` is the text quoted from the paste: `String` while reading, [`Masked`] in the
/// report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note<T = Masked> {
    /// The paste was longer than the engine reads (`MAX_INPUT`): only its first bytes count.
    PasteCut {
        size: usize,
        read: usize,
    },
    /// Nothing but blanks.
    PasteEmpty,
    /// Config blocks were looked for in the first `read` bytes only (`MAX_CONFIG_INPUT`).
    ConfigCut {
        read: usize,
    },
    /// More blocks than `MAX_BLOCKS`.
    TooManyBlocks {
        max: usize,
    },
    /// More settings than `MAX_SETTINGS`.
    TooManySettings {
        max: usize,
    },
    /// Nesting deeper than `MAX_DEPTH`.
    TooDeep {
        max: usize,
        line: usize,
    },
    /// A JSON block read from its middle: no opening `{`.
    JsonNoOpeningBrace,
    JsonEndsEarly {
        line: usize,
    },
    JsonStops {
        line: usize,
    },
    /// A character the reader did not expect (`found`: the character escaped, when there is
    /// one), and what it expected there.
    Unexpected {
        found: Option<T>,
        line: usize,
        expected: Expected,
    },
    MissingComma {
        line: usize,
    },
    /// A string still open at the end of the block, opened at `line`.
    StringNotClosedSince {
        line: usize,
    },
    /// A string still open at the end of `line`.
    StringNotClosed {
        line: usize,
    },
    /// A bare word where a TOML value belongs (`text`: the word, cut at 40 characters).
    NotTomlValue {
        line: usize,
        text: T,
    },
    TomlEndsEarly {
        line: usize,
    },
    TomlStops {
        line: usize,
    },
    TomlTextAfterValue {
        line: usize,
    },
    HttpBodyEndsEarly {
        line: usize,
    },
    HttpBodyStops {
        line: usize,
    },
    CodeEndsEarly {
        line: usize,
    },
    CodeStops {
        line: usize,
    },
    /// An assignment in code whose value was not read to its end.
    CodeValueNotRead,
    CurlWithoutArguments,
    CurlBodyEndsEarly {
        line: usize,
    },
    CurlBodyStops {
        line: usize,
    },
    /// A curl body with text after its JSON.
    CurlBodyTextAfter,
    /// A shell word's quote left open.
    ShellUnclosedQuote {
        quote: Quote,
        line: usize,
    },
    /// cmd's `set "…` left open, at byte `offset`.
    SetUnclosedQuote {
        offset: usize,
    },
    /// cmd's `set NAME="…"` keeps the quotes in the value (`name`: the variable).
    CmdSetKeepsQuotes {
        name: T,
    },
    /// An env line's value whose quote is left open (`name`: the variable).
    UnclosedQuoteInValue {
        name: T,
    },
    YamlWithoutValues,
}

/// What a JSON or TOML reader expected where it stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    KeyOrBrace,
    Colon,
    Bracket,
    Value,
}

/// A shell quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quote {
    Single,
    Double,
}

impl Quote {
    /// The quote that `b` is, if it is one.
    pub fn of(b: u8) -> Option<Quote> {
        match b {
            b'\'' => Some(Quote::Single),
            b'"' => Some(Quote::Double),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Quote::Single => "'",
            Quote::Double => "\"",
        }
    }
}

impl Note<String> {
    /// The note with every text from the paste masked by `mask`.
    pub fn mask(self, mut mask: impl FnMut(&str) -> Masked) -> Note<Masked> {
        use Note::*;
        match self {
            PasteCut { size, read } => PasteCut { size, read },
            PasteEmpty => PasteEmpty,
            ConfigCut { read } => ConfigCut { read },
            TooManyBlocks { max } => TooManyBlocks { max },
            TooManySettings { max } => TooManySettings { max },
            TooDeep { max, line } => TooDeep { max, line },
            JsonNoOpeningBrace => JsonNoOpeningBrace,
            JsonEndsEarly { line } => JsonEndsEarly { line },
            JsonStops { line } => JsonStops { line },
            Unexpected {
                found,
                line,
                expected,
            } => Unexpected {
                found: found.map(|f| mask(&f)),
                line,
                expected,
            },
            MissingComma { line } => MissingComma { line },
            StringNotClosedSince { line } => StringNotClosedSince { line },
            StringNotClosed { line } => StringNotClosed { line },
            NotTomlValue { line, text } => NotTomlValue {
                line,
                text: mask(&text),
            },
            TomlEndsEarly { line } => TomlEndsEarly { line },
            TomlStops { line } => TomlStops { line },
            TomlTextAfterValue { line } => TomlTextAfterValue { line },
            HttpBodyEndsEarly { line } => HttpBodyEndsEarly { line },
            HttpBodyStops { line } => HttpBodyStops { line },
            CodeEndsEarly { line } => CodeEndsEarly { line },
            CodeStops { line } => CodeStops { line },
            CodeValueNotRead => CodeValueNotRead,
            CurlWithoutArguments => CurlWithoutArguments,
            CurlBodyEndsEarly { line } => CurlBodyEndsEarly { line },
            CurlBodyStops { line } => CurlBodyStops { line },
            CurlBodyTextAfter => CurlBodyTextAfter,
            ShellUnclosedQuote { quote, line } => ShellUnclosedQuote { quote, line },
            SetUnclosedQuote { offset } => SetUnclosedQuote { offset },
            CmdSetKeepsQuotes { name } => CmdSetKeepsQuotes { name: mask(&name) },
            UnclosedQuoteInValue { name } => UnclosedQuoteInValue { name: mask(&name) },
            YamlWithoutValues => YamlWithoutValues,
        }
    }
}

impl<T: AsRef<str>> std::fmt::Display for Note<T> {
    /// The English words, with the paste's text as it is (the config readers' own tests and
    /// debugging; the report's notes are worded by [`crate::messages::Wording::note`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (m, args) = crate::labels::notes::words(self);
        let english = crate::Catalog::english();
        let args: Vec<(&str, String)> = args
            .iter()
            .map(|(name, a)| {
                let v = match a {
                    Arg::Num(n) => n.to_string(),
                    Arg::Fixed(s) => (*s).to_string(),
                    Arg::Word(m) => english.message(Lang::En, *m).to_string(),
                    Arg::Text(t) => t.as_ref().to_string(),
                };
                (*name, v)
            })
            .collect();
        let args: Vec<(&str, &dyn std::fmt::Display)> = args
            .iter()
            .map(|(n, v)| (*n, v as &dyn std::fmt::Display))
            .collect();
        f.write_str(&english.wording(Lang::En).fill(m, &args))
    }
}

impl Serialize for Note<String> {
    /// The English words (a config read serialized for debugging; the report's JSON words its
    /// notes with the catalog it is given).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: Lang, note: &Note) -> String {
        crate::Catalog::embedded()
            .wording(lang)
            .note(note)
            .to_string()
    }

    /// One note of every kind.
    fn every_note() -> Vec<Note<String>> {
        let t = || "x".to_string();
        vec![
            Note::PasteCut { size: 9, read: 8 },
            Note::PasteEmpty,
            Note::ConfigCut { read: 8 },
            Note::TooManyBlocks { max: 2 },
            Note::TooManySettings { max: 2 },
            Note::TooDeep { max: 2, line: 3 },
            Note::JsonNoOpeningBrace,
            Note::JsonEndsEarly { line: 3 },
            Note::JsonStops { line: 3 },
            Note::Unexpected {
                found: Some(t()),
                line: 3,
                expected: Expected::KeyOrBrace,
            },
            Note::Unexpected {
                found: None,
                line: 3,
                expected: Expected::Value,
            },
            Note::MissingComma { line: 3 },
            Note::StringNotClosedSince { line: 3 },
            Note::StringNotClosed { line: 3 },
            Note::NotTomlValue { line: 3, text: t() },
            Note::TomlEndsEarly { line: 3 },
            Note::TomlStops { line: 3 },
            Note::TomlTextAfterValue { line: 3 },
            Note::HttpBodyEndsEarly { line: 3 },
            Note::HttpBodyStops { line: 3 },
            Note::CodeEndsEarly { line: 3 },
            Note::CodeStops { line: 3 },
            Note::CodeValueNotRead,
            Note::CurlWithoutArguments,
            Note::CurlBodyEndsEarly { line: 3 },
            Note::CurlBodyStops { line: 3 },
            Note::CurlBodyTextAfter,
            Note::ShellUnclosedQuote {
                quote: Quote::Double,
                line: 3,
            },
            Note::SetUnclosedQuote { offset: 3 },
            Note::CmdSetKeepsQuotes { name: t() },
            Note::UnclosedQuoteInValue { name: t() },
            Note::YamlWithoutValues,
        ]
    }

    #[test]
    fn every_note_has_words_in_both_languages_with_a_place_for_each_argument() {
        for n in every_note() {
            let (m, args) = crate::labels::notes::words(&n);
            let names: std::collections::BTreeSet<&str> = args.iter().map(|(n, _)| *n).collect();
            for lang in [Lang::En, Lang::Zh] {
                let template = crate::Catalog::embedded().message(lang, m);
                for name in &names {
                    assert!(
                        template.contains(&format!("{{{name}}}")),
                        "{n:?}: {template}"
                    );
                }
            }
            let masked = n.clone().mask(|_| Masked::fixed("x"));
            let (en, zh) = (words(Lang::En, &masked), words(Lang::Zh, &masked));
            assert_eq!(en, n.to_string(), "{n:?}");
            assert!(!en.contains('{') || en.contains("'{'"), "{n:?}: {en}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{n:?}: {zh}"
            );
        }
    }

    #[test]
    fn a_chinese_report_has_chinese_notes_and_an_english_one_the_old_words() {
        let opts = |lang| crate::Options {
            lang,
            ..Default::default()
        };
        let en = crate::diagnose("  \n", &opts(Lang::En));
        let zh = crate::diagnose("  \n", &opts(Lang::Zh));
        assert_eq!(en.facts.notes, [Note::PasteEmpty]);
        let json = |r: &crate::Report| {
            let j = serde_json::to_value(r.json(crate::Catalog::embedded())).unwrap_or_default();
            j["facts"]["notes"].to_string()
        };
        assert_eq!(json(&en), r#"["The paste is empty."]"#);
        assert_eq!(json(&zh), r#"["粘贴内容为空。"]"#);
        let broken = "{\n  \"env\": {\n    \"A\": \"b\"\n";
        let zh = crate::diagnose(broken, &opts(Lang::Zh));
        let block_notes: Vec<String> = zh.facts.config.blocks[0]
            .notes
            .iter()
            .map(|n| words(Lang::Zh, n))
            .collect();
        assert_eq!(block_notes, ["JSON 块在第 3 行提前结束"], "{block_notes:?}");
        // The reordered arguments of a Chinese note go to their places by name.
        let deep = Note::<String>::TooDeep { max: 2, line: 9 }.mask(|_| Masked::default());
        assert_eq!(
            words(Lang::Zh, &deep),
            "第 9 行嵌套超过 2 层；其余部分未读取"
        );
    }

    #[test]
    fn paste_text_in_a_note_is_the_masked_text() {
        let n = Note::UnclosedQuoteInValue {
            name: "SECRET_NAME".to_string(),
        };
        assert_eq!(n.to_string(), "unclosed quote in the value of SECRET_NAME");
        let masked = n.mask(|_| Masked::fixed("…"));
        assert_eq!(words(Lang::En, &masked), "unclosed quote in the value of …");
    }
}
