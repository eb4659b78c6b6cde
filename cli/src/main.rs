//! llmdoctor: the command-line front end. A thin adapter over llmdoctor-core: it reads input,
//! picks options, and prints the core's report (human or JSON). Nothing is decided here.

mod args;
mod fix;
mod human;
mod input;

use args::{Color, Command, Format};
use llmdoctor_core::{diagnose, rule, Instant, Lang, Options, RULES};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("llmdoctor: {e}");
            return ExitCode::from(2);
        }
    };
    let lang = args.lang.unwrap_or_else(env_lang);
    let out = match &args.command {
        Command::Help => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Command::Version => {
            println!(
                "llmdoctor {} ({} rules)",
                llmdoctor_core::VERSION,
                RULES.len()
            );
            return ExitCode::SUCCESS;
        }
        Command::Rules => match args.format {
            Format::Json => {
                let list: Vec<_> = RULES
                    .iter()
                    .map(|r| serde_json::json!({"id": r.id, "category": r.category, "severity": r.severity, "title": r.text(lang).title}))
                    .collect();
                serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
            }
            Format::Human => human::rules_table(RULES, lang),
        },
        Command::Explain(id) => match rule(id) {
            Some(r) => human::explain(r, lang),
            None => {
                eprintln!("llmdoctor: no rule `{id}` (see `llmdoctor rules`)");
                return ExitCode::from(2);
            }
        },
        Command::Diagnose => return run_diagnose(&args, lang),
    };
    emit(&out);
    ExitCode::SUCCESS
}

fn run_diagnose(args: &args::Args, lang: Lang) -> ExitCode {
    if args.inputs.is_empty() && std::io::stdin().is_terminal() {
        eprintln!("llmdoctor: reading the paste from stdin; end it with Ctrl-D (or pass a FILE; --help for more)");
    }
    let input = match input::read(&args.inputs) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("llmdoctor: {e}");
            return ExitCode::from(2);
        }
    };
    for w in &input.warnings {
        eprintln!("llmdoctor: warning: {w}");
    }
    let opts = Options {
        lang,
        now: Some(args.now.unwrap_or_else(clock)),
        billing_day: args.billing_day,
        show_secrets: args.show_secrets,
    };
    if args.bundle {
        let report = diagnose(&input.text, &opts);
        emit(&llmdoctor_core::support::bundle(
            &input.text,
            &report,
            opts.now,
            lang,
        ));
        return ExitCode::SUCCESS;
    }
    let mut report = diagnose(&input.text, &opts);
    if args.fix {
        // The edits' real values (the explicit reveal path) go to the files only.
        let outcome = fix::apply(&report, &input, args.unsafe_fixes);
        for m in &outcome.messages {
            eprintln!("llmdoctor: {}", report.mask(m, &input.text).printable());
        }
        if outcome.failed {
            return ExitCode::from(2);
        }
    }
    let inputs: Vec<_> = input
        .sources
        .iter()
        .map(|s| serde_json::json!({"name": s.name, "start": s.start}))
        .collect();
    let inputs = report.mask_json(inputs.into(), &input.text);
    report.facts.insert("inputs", inputs);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            human::render(&report, &input, lang, &human::Style { color }, args.diff)
        }
    };
    emit(&text);
    if report.diagnoses.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}

fn env_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .filter(|v| v.to_ascii_lowercase().starts_with("zh"))
        .map_or(Lang::En, |_| Lang::Zh)
}

fn clock() -> Instant {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    Instant(secs)
}
