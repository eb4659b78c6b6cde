//! Command-line arguments, parsed by clap (derive) over `OsString`: the contract flags from
//! docs/CONTRACT.md (`[FILE|-]...`, `--format`, `--lang`, `--now`, `--show-secrets`) plus
//! `--billing-day`, `--diff`, `--fix`, `--unsafe-fixes`, `--bundle`, `--color`, and the
//! subcommands `rules`, `explain ID`, `doctor`, `completions SHELL`, `man`.
//!
//! File names are `PathBuf`s, so a name that is not valid UTF-8 is read like any other. A file
//! named like a subcommand is passed after `--` (`llmdoctor -- rules`). Usage errors exit 2
//! (clap's own exit code for them), `--help` and `--version` exit 0.

use clap::{ArgAction, CommandFactory, Parser, Subcommand, ValueEnum};
use llmdoctor_core::{parse_rfc3339, Instant, Lang};
use std::ffi::OsString;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Several files are read as one paste (joined by newlines), so an error and a config diagnose
together; stdin is read when no FILE is given (or `-`). A file named like a subcommand goes
after `--`: `llmdoctor -- rules` reads the file `rules`.

Exit status: 0 nothing found, 1 something found, 2 usage error or unreadable input.";

#[derive(Debug, Parser)]
#[command(
    name = "llmdoctor",
    about = "Why did my LLM API call fail? Paste in, root cause and fix out.",
    long_about = "Why did my LLM API call fail? Paste in, root cause and fix out.\n\n\
                  llmdoctor reads an error, a log, a settings file, a curl command (any mix) and \
                  names the root cause, the fix steps and your corrected config. Keys are masked; \
                  nothing leaves your machine.",
    after_help = AFTER_HELP,
    version = llmdoctor_core::VERSION,
    disable_version_flag = true,
    disable_help_subcommand = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Files to diagnose, read as one paste (stdin when none, or `-`)
    #[arg(value_name = "FILE|-", value_parser = clap::value_parser!(PathBuf))]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub opts: Opts,

    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// Options shared by every subcommand (they may come before or after it).
#[derive(Debug, clap::Args)]
pub struct Opts {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, global = true)]
    pub format: Format,

    /// Language [default: from $LC_ALL / $LC_MESSAGES / $LANG, else en]
    #[arg(long, value_name = "en|zh", value_parser = parse_lang, global = true)]
    pub lang: Option<Lang>,

    /// The current time, for quota reset times [default: the clock]
    #[arg(long, value_name = "RFC3339", value_parser = parse_now, global = true)]
    pub now: Option<Instant>,

    /// Your Coding Plan subscription day (1-31), for the monthly reset
    #[arg(long, value_name = "N", value_parser = parse_billing_day, global = true)]
    pub billing_day: Option<u8>,

    /// Print keys unmasked (they are masked by default)
    #[arg(long, global = true)]
    pub show_secrets: bool,

    /// Show corrections as unified diffs (default: the corrected text)
    #[arg(long, global = true)]
    pub diff: bool,

    /// Apply safe fixes to the files read, in place (a FILE.bak is kept)
    #[arg(long, global = true)]
    pub fix: bool,

    /// With --fix, also apply fixes marked for review
    #[arg(long, requires = "fix", global = true)]
    pub unsafe_fixes: bool,

    /// Print a sanitized support bundle instead of the diagnosis
    #[arg(long, global = true)]
    pub bundle: bool,

    /// When to colour the output
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Color::Auto, global = true)]
    pub color: Color,

    /// Print the version and the number of rules
    #[arg(short = 'V', long, action = ArgAction::SetTrue, global = true)]
    pub version: bool,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List every rule (`--format json` for JSON)
    Rules,
    /// Show one rule in full
    Explain {
        /// The rule's id, as `llmdoctor rules` lists it
        id: String,
    },
    /// Diagnose this machine's own tool setup (config files and environment), read-only
    ///
    /// Reads the configuration of the tools pointed at LLM gateways on this machine (Claude
    /// Code, Codex, Qwen Code, OpenClaw, Gemini CLI, Continue, Aider, opencode, Cline) and the
    /// environment variables they read, read-only and offline, and diagnoses each tool: every
    /// finding names the file, the line and whether that value is the one the tool uses.
    /// `--fix` repairs the files (keeping a .bak); `--format json` gives one report per tool.
    Doctor,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `llmdoctor man > llmdoctor.1`
    Man,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

fn parse_lang(v: &str) -> Result<Lang, String> {
    Lang::parse(v).ok_or_else(|| format!("expected one of en, zh; got `{v}`"))
}

fn parse_now(v: &str) -> Result<Instant, String> {
    parse_rfc3339(v).ok_or_else(|| {
        format!("expected an RFC 3339 time such as 2026-11-22T10:30:00+08:00; got `{v}`")
    })
}

fn parse_billing_day(v: &str) -> Result<u8, String> {
    v.parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
        .ok_or_else(|| format!("expected a day 1-31; got `{v}`"))
}

/// What parsing gave: the arguments, or what to print and the exit code (help, version: 0 on
/// stdout; a usage error: 2 on stderr).
pub enum Parsed {
    Run(Box<Cli>),
    Exit {
        text: String,
        stderr: bool,
        code: u8,
    },
}

pub fn parse(argv: impl IntoIterator<Item = OsString>) -> Parsed {
    let argv = std::iter::once(OsString::from("llmdoctor")).chain(argv);
    match Cli::try_parse_from(argv) {
        Ok(cli) => Parsed::Run(Box::new(cli)),
        Err(e) => {
            let code = u8::try_from(e.exit_code()).unwrap_or(2);
            Parsed::Exit {
                text: e.render().to_string(),
                stderr: e.use_stderr(),
                code,
            }
        }
    }
}

/// The clap command, for completions and the man page.
pub fn command() -> clap::Command {
    Cli::command()
}

/// A completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "llmdoctor", &mut out);
    out
}

/// The man page, in roff.
pub fn man_page() -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = clap_mangen::Man::new(command()).render(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[&str]) -> Result<Cli, (String, u8)> {
        match parse(v.iter().map(OsString::from)) {
            Parsed::Run(c) => Ok(*c),
            Parsed::Exit { text, code, .. } => Err((text, code)),
        }
    }

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
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
            (a.opts.format, a.opts.lang, a.inputs.len()),
            (Format::Json, Some(Lang::Zh), 2)
        );
        assert_eq!(a.opts.now, parse_rfc3339("2026-11-22T03:20:00Z"));
        assert!(matches!(
            p(&["rules"]).expect("valid").command,
            Some(Cmd::Rules)
        ));
        assert!(matches!(
            p(&["explain", "x", "--lang", "zh"]).expect("valid").command,
            Some(Cmd::Explain { id }) if id == "x"
        ));
    }

    #[test]
    fn a_file_named_like_a_subcommand_goes_after_double_dash() {
        let a = p(&["--", "rules"]).expect("valid");
        assert!(a.command.is_none());
        assert_eq!(a.inputs, [PathBuf::from("rules")]);
        let a = p(&["notes.txt", "rules"]).expect("valid");
        assert_eq!(a.inputs.len(), 2, "a second positional is a file");
    }

    #[test]
    fn rejects_bad_values_with_what_would_be_valid_and_exit_2() {
        let (e, code) = p(&["--format", "xml"]).err().unwrap_or_default();
        assert!(e.contains("human") && e.contains("json"), "{e}");
        assert_eq!(code, 2);
        let (e, _) = p(&["--now", "yesterday"]).err().unwrap_or_default();
        assert!(e.contains("RFC 3339"), "{e}");
        for bad in [
            &["--billing-day", "32"][..],
            &["--frobnicate"],
            &["--lang"],
            &["--unsafe-fixes"],
            &["explain"],
            &["explain", "a", "b"],
            &["completions", "tcsh"],
        ] {
            assert_eq!(p(bad).err().map(|e| e.1), Some(2), "{bad:?}");
        }
    }

    #[test]
    fn help_exits_0() {
        let (text, code) = p(&["--help"]).err().unwrap_or_default();
        assert_eq!(code, 0);
        assert!(
            text.contains("doctor") && text.contains("--billing-day"),
            "{text}"
        );
    }
}
