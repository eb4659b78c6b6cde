//! Colour, as cargo and rustc do it: anstyle styles painted only when colour is on, and anstream
//! deciding whether it is on and writing it out.
//!
//! `--color always|never` decides alone; `--color auto` (the default) asks anstream, which
//! honours `NO_COLOR` (off), `CLICOLOR_FORCE` (on, even into a pipe), `CLICOLOR=0` and
//! `TERM=dumb`, and otherwise colours a terminal only. On a Windows console without ANSI
//! support anstream turns the styles into console calls.
//!
//! Nothing here escapes text: what is painted was made printable before (see human.rs).

use crate::args::Color;
use anstream::{AutoStream, ColorChoice};
use anstyle::{AnsiColor, Style};
use std::io::Write;

/// Headings and labels (`fix:`, `verify:`, the summary).
pub const BOLD: Style = Style::new().bold();
/// Asides: sources, `llmdoctor explain ID`, counts.
pub const DIM: Style = Style::new().dimmed();
/// `note:`.
pub const NOTE: Style = AnsiColor::Cyan.on_default().bold();
/// Good news: a fix is available, nothing was found.
pub const GOOD: Style = AnsiColor::Green.on_default();
/// Diff lines.
pub const ADDED: Style = AnsiColor::Green.on_default();
pub const REMOVED: Style = AnsiColor::Red.on_default();
pub const HUNK: Style = AnsiColor::Cyan.on_default();
/// Severities, as annotate-snippets paints `error[...]` and `warning[...]`.
pub const ERROR: Style = annotate_snippets::renderer::DEFAULT_ERROR_STYLE;
pub const WARNING: Style = annotate_snippets::renderer::DEFAULT_WARNING_STYLE;
/// A section's heading (`━━ Claude Code ━━` in `doctor`).
pub const SECTION: Style = AnsiColor::Magenta.on_default().bold();

/// `s` in `style` when `color`, else `s` as it is.
pub fn paint(color: bool, style: Style, s: &str) -> String {
    if color {
        format!("{style}{s}{style:#}")
    } else {
        s.to_string()
    }
}

/// What `--color` asks for, with `auto` decided by anstream for stdout (never `Auto`).
pub fn choice(when: Color) -> ColorChoice {
    match when {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto => AutoStream::choice(&std::io::stdout()),
    }
}

/// Whether `choice` colours.
pub fn colors(choice: ColorChoice) -> bool {
    matches!(choice, ColorChoice::Always | ColorChoice::AlwaysAnsi)
}

/// Writes painted text to stdout through anstream: as it is on a terminal that reads ANSI,
/// as console calls on an old Windows console, stripped when `choice` is off. A closed pipe
/// (`| head`) is not an error.
pub fn emit(s: &str, choice: ColorChoice) {
    let mut out = AutoStream::new(std::io::stdout().lock(), choice);
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}
