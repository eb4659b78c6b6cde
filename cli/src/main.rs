//! llmdoctor: the command-line front end. A thin adapter over llmdoctor-core: it reads input,
//! picks options, and prints the core's report (human or JSON). Nothing is decided here.
//!
//! The process's environment, home and working directory are read once, into a
//! [`doctor::Machine`]; everything below reads them from there, but for colour: `--color auto`
//! is anstream's decision (NO_COLOR, CLICOLOR_FORCE, a terminal; render.rs).

mod args;
mod doctor;
mod fix;
mod human;
mod input;
mod progress;
mod render;

use args::{Cmd, Format, Opts, Parsed};
use doctor::Machine;
use llmdoctor_core::{escape_controls, rule, Catalog, Instant, Lang, Msg, Options, RULES};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The compiled-in catalog in `lang`: every word the CLI prints comes from it.
fn wording(lang: Lang) -> llmdoctor_core::Wording<'static> {
    Catalog::embedded().wording(lang)
}

fn main() -> ExitCode {
    let machine = Machine::from_process();
    ExitCode::from(run(std::env::args_os().skip(1), &machine))
}

fn run(argv: impl IntoIterator<Item = std::ffi::OsString>, m: &Machine) -> u8 {
    let cli = match args::parse(argv) {
        Parsed::Run(c) => c,
        Parsed::Exit { text, stderr, code } => {
            if stderr {
                eprint!("{text}");
            } else {
                emit(&text);
            }
            return code;
        }
    };
    let o = &cli.opts;
    if o.version {
        emit(&format!(
            "llmdoctor {} ({} rules)\n",
            llmdoctor_core::VERSION,
            RULES.len()
        ));
        return 0;
    }
    let lang = o.lang.unwrap_or_else(|| env_lang(m));
    match &cli.command {
        None => run_diagnose(&cli.inputs, o, lang),
        Some(Cmd::Rules) => {
            let out = match o.format {
                Format::Json => {
                    let list: Vec<_> = RULES
                        .iter()
                        .map(|r| serde_json::json!({"id": r.id, "category": r.category, "severity": r.severity, "title": Catalog::embedded().text(lang, r).title}))
                        .collect();
                    serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
                }
                Format::Human => human::rules_table(RULES.all(), Catalog::embedded(), lang),
            };
            emit(&out);
            0
        }
        Some(Cmd::Explain { id }) => match rule(id) {
            Some(r) => {
                emit(&human::explain(r, Catalog::embedded(), lang));
                0
            }
            None => {
                let id = escape_controls(id);
                let line = wording(lang).fill(Msg::CliNoRule, &[("id", &id)]);
                eprintln!("llmdoctor: {line}");
                2
            }
        },
        Some(Cmd::Completions { shell }) => {
            emit_bytes(&args::completions(*shell));
            0
        }
        Some(Cmd::Man) => {
            emit_bytes(&args::man_page());
            0
        }
        Some(Cmd::Doctor) => {
            if o.bundle {
                eprintln!(
                    "llmdoctor: {}",
                    wording(lang).get(Msg::CliBundleNotForDoctor)
                );
                return 2;
            }
            let choice = render::choice(o.color);
            let settings = doctor::Settings {
                engine: engine_options(o, lang),
                json: o.format == Format::Json,
                color: render::colors(choice),
                diff: o.diff,
                fix: o.fix,
                unsafe_fixes: o.unsafe_fixes,
            };
            let out = doctor::run(m, &settings);
            for msg in &out.stderr {
                eprintln!("llmdoctor: {msg}");
            }
            if settings.json {
                emit(&out.stdout);
            } else {
                render::emit(&out.stdout, choice);
            }
            out.code
        }
    }
}

fn engine_options(o: &Opts, lang: Lang) -> Options {
    Options {
        lang,
        now: Some(o.now.unwrap_or_else(clock)),
        billing_day: o.billing_day,
        show_secrets: o.show_secrets,
        ..Options::default()
    }
}

fn run_diagnose(inputs: &[std::path::PathBuf], o: &Opts, lang: Lang) -> u8 {
    let w = wording(lang);
    if inputs.is_empty() && std::io::stdin().is_terminal() {
        eprintln!("llmdoctor: {}", w.get(Msg::CliReadingStdin));
    }
    let mut progress = progress::Progress::new(std::io::stderr().is_terminal());
    let input = match input::read(inputs, &mut progress, &w) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("llmdoctor: {}", escape_controls(&e.to_string()));
            return 2;
        }
    };
    for warning in &input.warnings {
        let message = escape_controls(warning);
        eprintln!(
            "llmdoctor: {}",
            w.fill(Msg::CliWarning, &[("message", &message)])
        );
    }
    let opts = engine_options(o, lang);
    let mut report = progress.diagnose(&input.text, &opts);
    if o.bundle {
        emit(&llmdoctor_core::support::bundle(
            &input.text,
            &report,
            Catalog::embedded(),
            opts.now,
            lang,
        ));
        return 0;
    }
    if o.fix {
        // The edits' real values (the explicit reveal path) go to the files only.
        let outcome = fix::apply(&report, &input, o.unsafe_fixes, &mut Vec::new(), &w);
        for msg in &outcome.messages {
            eprintln!("llmdoctor: {}", report.mask(msg, &input.text).printable());
        }
        if outcome.failed {
            return 2;
        }
    }
    report.set_inputs(
        input.sources.iter().map(|s| (s.name.as_str(), s.start)),
        &input.text,
    );
    match o.format {
        Format::Json => emit(
            &(serde_json::to_string_pretty(&report.json(Catalog::embedded())).unwrap_or_default()
                + "\n"),
        ),
        Format::Human => {
            let choice = render::choice(o.color);
            let style = human::Style {
                color: render::colors(choice),
            };
            render::emit(
                &human::render(&report, Catalog::embedded(), &input, &style, o.diff),
                choice,
            );
        }
    }
    u8::from(!report.diagnoses.is_empty())
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(s: &str) {
    emit_bytes(s.as_bytes());
}

fn emit_bytes(b: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(b).and_then(|_| out.flush());
}

fn env_lang(m: &Machine) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| m.var(k))
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
