//! The engine's notes ([`Note`]) in words: each note's message and the arguments that fill
//! its `{placeholders}`. The English words are the contract's (the JSON report has always
//! carried them); changing one is a change of the report.

use crate::messages::{Fill, Msg, Wording};
use crate::notes::{Expected, Note};
use crate::secrets::Masked;

/// One argument of a note's words.
pub(crate) enum Arg<'a, T> {
    Num(usize),
    /// Fixed at build time (a quote character).
    Fixed(&'static str),
    /// Another message (what the reader expected).
    Word(Msg),
    /// Text from the paste.
    Text(&'a T),
}

/// `note`'s message and its named arguments.
pub(crate) fn words<T>(note: &Note<T>) -> (Msg, Vec<(&'static str, Arg<'_, T>)>) {
    use Arg::{Fixed, Num, Text, Word};
    use Note::*;
    let line = |l: &usize| vec![("line", Num(*l))];
    match note {
        PasteCut { size, read } => (
            Msg::NotePasteCut,
            vec![("size", Num(*size)), ("read", Num(*read))],
        ),
        PasteEmpty => (Msg::NotePasteEmpty, vec![]),
        ConfigCut { read } => (Msg::NoteConfigCut, vec![("read", Num(*read))]),
        TooManyBlocks { max } => (Msg::NoteTooManyBlocks, vec![("max", Num(*max))]),
        TooManySettings { max } => (Msg::NoteTooManySettings, vec![("max", Num(*max))]),
        TooDeep { max, line } => (
            Msg::NoteTooDeep,
            vec![("max", Num(*max)), ("line", Num(*line))],
        ),
        JsonNoOpeningBrace => (Msg::NoteJsonNoOpeningBrace, vec![]),
        JsonEndsEarly { line: l } => (Msg::NoteJsonEndsEarly, line(l)),
        JsonStops { line: l } => (Msg::NoteJsonStops, line(l)),
        Unexpected {
            found,
            line,
            expected,
        } => {
            let expected = Word(match expected {
                Expected::KeyOrBrace => Msg::NoteExpectedKeyOrBrace,
                Expected::Colon => Msg::NoteExpectedColon,
                Expected::Bracket => Msg::NoteExpectedBracket,
                Expected::Value => Msg::NoteExpectedValue,
            });
            match found {
                Some(c) => (
                    Msg::NoteUnexpectedFound,
                    vec![
                        ("found", Text(c)),
                        ("line", Num(*line)),
                        ("expected", expected),
                    ],
                ),
                None => (
                    Msg::NoteUnexpectedEnd,
                    vec![("line", Num(*line)), ("expected", expected)],
                ),
            }
        }
        MissingComma { line: l } => (Msg::NoteMissingComma, line(l)),
        StringNotClosedSince { line: l } => (Msg::NoteStringNotClosedSince, line(l)),
        StringNotClosed { line: l } => (Msg::NoteStringNotClosed, line(l)),
        NotTomlValue { line, text } => (
            Msg::NoteNotTomlValue,
            vec![("line", Num(*line)), ("text", Text(text))],
        ),
        TomlEndsEarly { line: l } => (Msg::NoteTomlEndsEarly, line(l)),
        TomlStops { line: l } => (Msg::NoteTomlStops, line(l)),
        TomlTextAfterValue { line: l } => (Msg::NoteTomlTextAfterValue, line(l)),
        HttpBodyEndsEarly { line: l } => (Msg::NoteHttpBodyEndsEarly, line(l)),
        HttpBodyStops { line: l } => (Msg::NoteHttpBodyStops, line(l)),
        CodeEndsEarly { line: l } => (Msg::NoteCodeEndsEarly, line(l)),
        CodeStops { line: l } => (Msg::NoteCodeStops, line(l)),
        CodeValueNotRead => (Msg::NoteCodeValueNotRead, vec![]),
        CurlWithoutArguments => (Msg::NoteCurlWithoutArguments, vec![]),
        CurlBodyEndsEarly { line: l } => (Msg::NoteCurlBodyEndsEarly, line(l)),
        CurlBodyStops { line: l } => (Msg::NoteCurlBodyStops, line(l)),
        CurlBodyTextAfter => (Msg::NoteCurlBodyTextAfter, vec![]),
        ShellUnclosedQuote { quote, line } => (
            Msg::NoteShellUnclosedQuote,
            vec![("quote", Fixed(quote.as_str())), ("line", Num(*line))],
        ),
        SetUnclosedQuote { offset } => (Msg::NoteSetUnclosedQuote, vec![("offset", Num(*offset))]),
        CmdSetKeepsQuotes { name } => (Msg::NoteCmdSetKeepsQuotes, vec![("name", Text(name))]),
        UnclosedQuoteInValue { name } => {
            (Msg::NoteUnclosedQuoteInValue, vec![("name", Text(name))])
        }
        YamlWithoutValues => (Msg::NoteYamlWithoutValues, vec![]),
    }
}

impl<'a> Wording<'a> {
    /// A note of the report in words: masked, as its arguments are.
    pub fn note(&self, note: &Note) -> Masked {
        let (m, args) = words(note);
        let args: Vec<(&str, Fill<'_>)> = args
            .iter()
            .map(|(name, a)| {
                let fill = match a {
                    Arg::Num(n) => Fill::Num(*n),
                    Arg::Fixed(s) => Fill::Word(s),
                    Arg::Word(m) => Fill::Word(self.get(*m)),
                    Arg::Text(t) => Fill::Text(t),
                };
                (*name, fill)
            })
            .collect();
        self.fill_masked(m, &args)
    }
}
