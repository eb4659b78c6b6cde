//! Writes the rule texts the page loads (core/src/texts.rs) into the directory given as the
//! argument, else into `$TRUNK_STAGING_DIR` — Trunk runs this as a pre-build hook (Trunk.toml),
//! so the files land in dist/ beside the wasm:
//!
//! - `texts/<lang>/<rule id>.txt`: one rule's words, fetched when a diagnosis shows that rule;
//! - `texts/<lang>/titles.txt`: every rule's id and title, for the rules index;
//! - `texts/<lang>/messages.txt`: the page's own words (rules/messages/<lang>.toml), fetched
//!   when the page is shown in that language (English is in the wasm too);
//! - `texts-<lang>.txt`: everything, for the single-file build (scripts/single-file.mjs).

use llmdoctor_core::{messages, texts, Lang, RULES};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn run(dir: &Path) -> Result<(), String> {
    for lang in [Lang::En, Lang::Zh] {
        let code = lang.code();
        let words = messages::embedded_text(lang);
        write(
            &dir.join(format!("texts-{code}.txt")),
            &format!("{}{words}", texts::embedded(lang)),
        )?;
        let sub = dir.join("texts").join(code);
        std::fs::create_dir_all(&sub)
            .map_err(|e| format!("cannot create {}: {e}", sub.display()))?;
        let mut titles = String::new();
        for (ord, r) in RULES.iter().enumerate() {
            let line = texts::embedded_line(lang, ord)
                .ok_or_else(|| format!("no {code} text for {}", r.id))?;
            write(&sub.join(format!("{}.txt", r.id)), &format!("{line}\n"))?;
            let title = line.split('\t').take(2).collect::<Vec<_>>().join("\t");
            titles.push_str(&title);
            titles.push('\n');
        }
        write(&sub.join("titles.txt"), &titles)?;
        write(&sub.join("messages.txt"), words)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
    else {
        eprintln!("usage: texts DIR (or set TRUNK_STAGING_DIR)");
        return ExitCode::from(2);
    };
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
