//! `--fix`: applies the report's span edits to the files they came from. Each file is backed up
//! as `FILE.bak` first; stdin, the environment and excerpts are never touched; fixes marked
//! `review` need `--unsafe-fixes`. A file whose syntax is known (`llmdoctor doctor`) is refused
//! when it does not parse, and when it would not parse after the edits.

use crate::input::{Input, Kind, Syntax};
use llmdoctor_core::report::{Applicability, Edit, Report};
use llmdoctor_core::{Msg, Wording};

pub struct Outcome {
    /// What happened, worded (one line each).
    pub messages: Vec<String>,
    /// The report had no fix at all (its one message says so).
    pub nothing: bool,
    pub failed: bool,
    /// Files written (their `.bak` beside them).
    pub written: Vec<String>,
}

/// Writes each edit's real value (the explicit reveal path) into the file it came from. `done`:
/// files already rewritten in this run (doctor reads a file such as `~/.env` for several tools):
/// they are not written twice from a stale reading; the files written here are added. `w`
/// words the messages.
pub fn apply(
    report: &Report,
    input: &Input,
    unsafe_fixes: bool,
    done: &mut Vec<std::path::PathBuf>,
    w: &Wording,
) -> Outcome {
    let mut out = Outcome {
        messages: Vec::new(),
        nothing: false,
        failed: false,
        written: Vec::new(),
    };
    let mut edits: Vec<(&Edit, Applicability)> = report
        .diagnoses
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| f.edits.iter().map(move |e| (e, f.applicability)))
        .collect();
    if edits.is_empty() {
        out.messages.push(w.get(Msg::CliNothingToFix).to_string());
        out.nothing = true;
        return out;
    }
    edits.sort_by_key(|(e, _)| (e.start, e.end));
    edits.dedup_by(|a, b| a.0 == b.0);
    for (i, src) in input.sources.iter().enumerate() {
        let (start, end) = input.range(i);
        let mine: Vec<&(&Edit, Applicability)> = edits
            .iter()
            .filter(|(e, _)| e.start >= start && e.end <= end)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let path = match (src.kind, &src.path) {
            (Kind::File, Some(p)) => p,
            (Kind::Stdin, _) => {
                out.messages.push(w.get(Msg::CliFixStdin).to_string());
                continue;
            }
            (Kind::Environment, _) => {
                for (e, _) in &mine {
                    let line_start = input.text[..e.start].rfind('\n').map_or(0, |p| p + 1);
                    let line_end = input.text[e.end..]
                        .find('\n')
                        .map_or(input.text.len(), |p| e.end + p);
                    let (name, line) = input.locate(input.line_of(e.start));
                    let place = format!("{name}:{line}");
                    let value = format!(
                        "{}{}{}",
                        &input.text[line_start..e.start],
                        e.replacement,
                        &input.text[e.end..line_end]
                    );
                    out.messages.push(w.fill(
                        Msg::CliFixEnvironment,
                        &[("place", &place), ("value", &value)],
                    ));
                }
                continue;
            }
            _ => {
                out.messages
                    .push(w.fill(Msg::CliFixPartRead, &[("name", &src.name)]));
                continue;
            }
        };
        if done.contains(path) {
            out.messages
                .push(w.fill(Msg::CliFixAlready, &[("name", &src.name)]));
            continue;
        }
        if src.altered {
            // Writing the paste back would replace bytes the file really has (invalid UTF-8)
            // or drop its end (over the input bound).
            out.messages
                .push(w.fill(Msg::CliFixAltered, &[("name", &src.name)]));
            out.failed = true;
            continue;
        }
        let review = mine
            .iter()
            .filter(|(_, a)| *a == Applicability::Review)
            .count();
        if review > 0 && !unsafe_fixes {
            out.messages.push(w.fill(
                Msg::CliFixReview,
                &[("name", &src.name), ("count", &review)],
            ));
            out.failed = true;
            continue;
        }
        let original = &input.text[start..end];
        if let Some(syntax) = src.syntax {
            if let Err(e) = check(syntax, original) {
                let (syntax_words, error) = (syntax_name(syntax, w), e.words(syntax, w));
                out.messages.push(w.fill(
                    Msg::CliFixUnparsable,
                    &[
                        ("name", &src.name),
                        ("syntax", &syntax_words),
                        ("error", &error),
                    ],
                ));
                out.failed = true;
                continue;
            }
        }
        // Core's one overlap policy, the same as the corrected text and "Copy with my key".
        let real: Vec<&Edit> = mine.iter().map(|(e, _)| *e).collect();
        let mut text = llmdoctor_core::corrected::apply_revealed(&input.text, &real, start, end);
        if let Some(syntax) = src.syntax {
            if check(syntax, &text).is_err() {
                let syntax_words = syntax_name(syntax, w);
                out.messages.push(w.fill(
                    Msg::CliFixWouldBreak,
                    &[("name", &src.name), ("syntax", &syntax_words)],
                ));
                out.failed = true;
                continue;
            }
        }
        // The joined paste added a newline between inputs; the file did not have it.
        if i + 1 < input.sources.len()
            && text.ends_with('\n')
            && !input.original_ends_with_newline(i)
        {
            text.pop();
        }
        let mut bak = path.clone().into_os_string();
        bak.push(".bak");
        let bak = std::path::PathBuf::from(bak);
        let result = std::fs::copy(path, &bak).and_then(|_| std::fs::write(path, &text));
        match result {
            Ok(()) => {
                out.messages.push(w.fill(
                    Msg::CliFixApplied,
                    &[("name", &src.name), ("count", &mine.len())],
                ));
                out.written.push(src.name.clone());
                done.push(path.clone());
            }
            Err(e) => {
                out.messages
                    .push(w.fill(Msg::CliCannotWrite, &[("name", &src.name), ("error", &e)]));
                out.failed = true;
            }
        }
    }
    out
}

fn syntax_name<'a>(s: Syntax, w: &Wording<'a>) -> &'a str {
    match s {
        Syntax::Json => "JSON",
        Syntax::Jsonc => w.get(Msg::CliSyntaxJsonc),
        Syntax::Json5 => "JSON5",
        Syntax::Toml => "TOML",
        Syntax::Yaml => "YAML",
        Syntax::Dotenv => w.get(Msg::CliSyntaxDotenv),
    }
}

/// Why a file does not parse: where, as the parser says (never a value).
#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    At {
        line: usize,
        column: usize,
    },
    Line(usize),
    /// The parser named no place.
    Invalid,
    NotNameValue(usize),
    NotVariableName(usize),
    QuoteNotClosed,
}

impl ParseError {
    fn words(&self, syntax: Syntax, w: &Wording) -> String {
        match self {
            ParseError::At { line, column } => {
                w.fill(Msg::CliAtLineColumn, &[("line", line), ("column", column)])
            }
            ParseError::Line(line) => w.fill(Msg::CliAtLine, &[("line", line)]),
            ParseError::Invalid => {
                let syntax = syntax_name(syntax, w);
                w.fill(Msg::CliInvalid, &[("syntax", &syntax)])
            }
            ParseError::NotNameValue(line) => w.fill(Msg::CliNotNameValue, &[("line", line)]),
            ParseError::NotVariableName(line) => w.fill(Msg::CliNotVariableName, &[("line", line)]),
            ParseError::QuoteNotClosed => w.get(Msg::CliQuoteNotClosed).to_string(),
        }
    }
}

/// Whether `text` parses as `syntax`; where it does not when not.
pub fn check(syntax: Syntax, text: &str) -> Result<(), ParseError> {
    let at = |line, column| ParseError::At { line, column };
    match syntax {
        Syntax::Json => serde_json::from_str::<serde_json::Value>(text)
            .map(|_| ())
            .map_err(|e| at(e.line(), e.column())),
        Syntax::Jsonc => {
            serde_json::from_str::<serde_json::Value>(&crate::doctor::jsonc::strip(text))
                .map(|_| ())
                .map_err(|e| at(e.line(), e.column()))
        }
        Syntax::Json5 => json5::from_str::<serde_json::Value>(text)
            .map(|_| ())
            .map_err(|_| ParseError::Invalid),
        Syntax::Toml => toml::from_str::<toml::Table>(text)
            .map(|_| ())
            .map_err(|e| match e.span() {
                Some(s) => ParseError::Line(
                    text.as_bytes()[..s.start.min(text.len())]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count()
                        + 1,
                ),
                None => ParseError::Invalid,
            }),
        Syntax::Yaml => serde_yaml::from_str::<serde_yaml::Value>(text)
            .map(|_| ())
            .map_err(|e| match e.location() {
                Some(l) => at(l.line(), l.column()),
                None => ParseError::Invalid,
            }),
        Syntax::Dotenv => dotenv_check(text),
    }
}

/// `.env` lines: blank, `# comment`, or `[export ]NAME=value` (a quoted value may span lines).
fn dotenv_check(text: &str) -> Result<(), ParseError> {
    let mut open: Option<char> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(q) = open {
            if line.contains(q) {
                open = None;
            }
            continue;
        }
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let t = t.strip_prefix("export ").unwrap_or(t).trim_start();
        let Some((name, value)) = t.split_once('=') else {
            return Err(ParseError::NotNameValue(n + 1));
        };
        let name = name.trim_end();
        let ok = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-');
        if !ok {
            return Err(ParseError::NotVariableName(n + 1));
        }
        let v = value.trim_start();
        if let Some(q) = v.chars().next().filter(|c| matches!(c, '"' | '\'' | '`')) {
            if !v[1..].contains(q) {
                open = Some(q);
            }
        }
    }
    match open {
        Some(_) => Err(ParseError::QuoteNotClosed),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_checks_accept_and_refuse() {
        assert!(check(Syntax::Json, "{\"a\": 1}").is_ok());
        assert!(check(Syntax::Json, "{\"a\": 1,}").is_err());
        assert!(check(Syntax::Jsonc, "{\n // c\n \"a\": \"x//y\", /* b */\n}").is_ok());
        assert!(check(Syntax::Json5, "{a: 1, // c\n b: 'x',}").is_ok());
        assert!(check(Syntax::Toml, "[a]\nb = \"c\"\n").is_ok());
        assert!(check(Syntax::Toml, "[a\nb = \"c\"\n").is_err());
        assert!(check(Syntax::Yaml, "models:\n  - name: x\n").is_ok());
        assert!(check(Syntax::Yaml, "a: [\n").is_err());
        assert!(check(
            Syntax::Dotenv,
            "# c\nexport A=1\nB=\"two\nlines\"\n\nC_D='x'\n"
        )
        .is_ok());
        assert!(check(Syntax::Dotenv, "not a line\n").is_err());
        assert!(check(Syntax::Dotenv, "A=\"open\n").is_err());
    }
}
