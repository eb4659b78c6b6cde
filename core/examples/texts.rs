//! Writes the rule texts the page loads, `texts-en.txt` and `texts-zh.txt` (core/src/texts.rs),
//! into the directory given as the argument, else into `$TRUNK_STAGING_DIR` — Trunk runs this as
//! a pre-build hook (Trunk.toml), so the files land in dist/ beside the wasm.

use llmdoctor_core::{texts, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
    else {
        eprintln!("usage: texts DIR (or set TRUNK_STAGING_DIR)");
        return ExitCode::from(2);
    };
    for (lang, name) in [(Lang::En, "texts-en.txt"), (Lang::Zh, "texts-zh.txt")] {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, texts::embedded(lang)) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
