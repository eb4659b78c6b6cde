//! Command-line arguments, parsed by hand (no dependency): the contract flags from DESIGN.md
//! plus `rules`, `explain ID`, `--billing-day`, `--color`.

use llmdoctor_core::{parse_rfc3339, Instant, Lang};

pub const USAGE: &str = "\
llmdoctor — why did my LLM API call fail? Paste in, root cause and fix out.

Usage:
  llmdoctor [OPTIONS] [FILE|-]...     diagnose files (stdin when none, or `-`)
  llmdoctor rules [--format json]     list every rule
  llmdoctor explain ID                show one rule in full

Options:
  --format human|json    output format (default: human)
  --lang en|zh           language (default: from $LANG, else en)
  --now RFC3339          the current time, for quota reset times (default: the clock)
  --billing-day N        your Coding Plan subscription day (1-31), for the monthly reset
  --show-secrets         print keys unmasked (they are masked by default)
  --diff                 show corrections as unified diffs (default: the corrected text)
  --fix                  apply safe fixes to FILE arguments in place (a .bak is kept)
  --unsafe-fixes         with --fix, also apply fixes marked for review
  --bundle               print a sanitized support bundle instead of the diagnosis
  --color auto|always|never
  -h, --help             this help
  -V, --version          the version

Several files are read as one paste (joined by newlines), so an error and a config diagnose
together. Exit status: 0 nothing found, 1 something found, 2 usage error or unreadable input.
";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Diagnose,
    Rules,
    Explain(String),
    Help,
    Version,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
pub struct Args {
    pub command: Command,
    pub inputs: Vec<String>,
    pub format: Format,
    pub lang: Option<Lang>,
    pub now: Option<Instant>,
    pub billing_day: Option<u8>,
    pub show_secrets: bool,
    pub color: Color,
    pub diff: bool,
    pub fix: bool,
    pub unsafe_fixes: bool,
    pub bundle: bool,
}

pub fn parse(argv: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        command: Command::Diagnose,
        inputs: Vec::new(),
        format: Format::Human,
        lang: None,
        now: None,
        billing_day: None,
        show_secrets: false,
        color: Color::Auto,
        diff: false,
        fix: false,
        unsafe_fixes: false,
        bundle: false,
    };
    let mut it = argv.into_iter();
    let mut positional = Vec::new();
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            positional.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => a.command = Command::Help,
            "-V" | "--version" => a.command = Command::Version,
            "--format" => {
                a.format = match value("--format")?.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    v => return Err(format!("--format: expected one of human, json; got `{v}`")),
                }
            }
            "--lang" => {
                let v = value("--lang")?;
                a.lang = Some(
                    Lang::parse(&v)
                        .ok_or_else(|| format!("--lang: expected one of en, zh; got `{v}`"))?,
                );
            }
            "--now" => {
                let v = value("--now")?;
                a.now = Some(parse_rfc3339(&v).ok_or_else(|| {
                    format!("--now: expected an RFC 3339 time such as 2026-11-22T10:30:00+08:00; got `{v}`")
                })?);
            }
            "--billing-day" => {
                let v = value("--billing-day")?;
                let d: u8 = v
                    .parse()
                    .ok()
                    .filter(|d| (1..=31).contains(d))
                    .ok_or_else(|| format!("--billing-day: expected a day 1-31; got `{v}`"))?;
                a.billing_day = Some(d);
            }
            "--show-secrets" => a.show_secrets = true,
            "--diff" => a.diff = true,
            "--fix" => a.fix = true,
            "--unsafe-fixes" => a.unsafe_fixes = true,
            "--bundle" => a.bundle = true,
            "--color" => {
                a.color = match value("--color")?.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    v => {
                        return Err(format!(
                            "--color: expected one of auto, always, never; got `{v}`"
                        ))
                    }
                }
            }
            other => return Err(format!("unknown option `{other}` (see --help)")),
        }
    }
    if a.unsafe_fixes && !a.fix {
        return Err("--unsafe-fixes goes with --fix".into());
    }
    if a.command == Command::Diagnose {
        match positional.first().map(String::as_str) {
            Some("rules") if positional.len() == 1 => a.command = Command::Rules,
            Some("explain") => match positional.get(1) {
                Some(id) if positional.len() == 2 => a.command = Command::Explain(id.clone()),
                _ => return Err("usage: llmdoctor explain ID".into()),
            },
            _ => a.inputs = positional,
        }
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[&str]) -> Result<Args, String> {
        parse(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_contract_flags() {
        let a = p(&[
            "--format",
            "json",
            "--lang=zh",
            "--now",
            "2026-11-22T03:20:00Z",
            "a.txt",
            "-",
        ])
        .expect("valid");
        assert_eq!(
            (a.format, a.lang, a.inputs.len()),
            (Format::Json, Some(Lang::Zh), 2)
        );
        assert_eq!(a.now, parse_rfc3339("2026-11-22T03:20:00Z"));
        assert_eq!(p(&["rules"]).expect("valid").command, Command::Rules);
        assert_eq!(
            p(&["explain", "x"]).expect("valid").command,
            Command::Explain("x".into())
        );
    }

    #[test]
    fn rejects_bad_values_with_what_would_be_valid() {
        let e = p(&["--format", "xml"]).expect_err("invalid");
        assert!(e.contains("human, json"), "{e}");
        assert!(p(&["--now", "yesterday"])
            .expect_err("invalid")
            .contains("RFC 3339"));
        assert!(p(&["--billing-day", "32"]).is_err());
        assert!(p(&["--frobnicate"]).is_err());
        assert!(p(&["--lang"]).is_err());
    }
}
