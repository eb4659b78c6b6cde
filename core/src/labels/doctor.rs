//! The words of `llmdoctor doctor` (this machine's tool setup): its headings and the findings it
//! adds to the engine's — a value that is not used, a variable nobody sets, a provider nobody
//! defines. Places (`file:line`) and names are filled in; the words are the catalog's.

use crate::messages::{Msg, Wording};
use std::fmt::Display;

/// A fixed line or heading of doctor's report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// Before the files a tool reads.
    Read,
    /// Before a tool's precedence of files and variables.
    Precedence,
    /// A tool with nothing found.
    NoProblem,
    /// Before the settings the findings are in.
    WhereFindings,
    /// Before the settings in use.
    SettingsInUse,
    /// The setting a finding is in is the one in use.
    InUse,
    /// The environment as a layer in a message.
    Environment,
}

/// `word` in `w`'s language.
pub fn word<'a>(w: &Wording<'a>, word: Word) -> &'a str {
    w.get(match word {
        Word::Read => Msg::DoctorRead,
        Word::Precedence => Msg::DoctorPrecedence,
        Word::NoProblem => Msg::DoctorNoProblem,
        Word::WhereFindings => Msg::DoctorWhereFindings,
        Word::SettingsInUse => Msg::DoctorSettingsInUse,
        Word::InUse => Msg::DoctorInUse,
        Word::Environment => Msg::DoctorEnvironment,
    })
}

/// No tool's configuration and no variable found under `home`.
pub fn nothing_found(w: &Wording, home: &str) -> String {
    w.fill(Msg::DoctorNothingFound, &[("home", &home)])
}

/// A finding's setting is not the one in use: the value at `file:line` wins.
pub fn not_in_use(w: &Wording, file: impl Display, line: impl Display) -> String {
    w.fill(Msg::DoctorNotInUse, &[("file", &file), ("line", &line)])
}

/// Where a value is set and where it loses to another.
pub struct Overridden<'a> {
    /// The setting's name.
    pub name: &'a str,
    /// The tool that reads it.
    pub tool: &'a str,
    /// Where the unused value is (`file`, `line`).
    pub lose: (&'a str, usize),
    /// Where the value in use is.
    pub win: (&'a str, usize),
    /// The winning layer, described.
    pub win_layer: &'a str,
    /// The losing layer, described.
    pub lose_layer: &'a str,
}

/// A value set in a layer the tool reads under another one that wins.
pub fn overridden(w: &Wording, o: &Overridden) -> String {
    w.fill(
        Msg::DoctorOverridden,
        &[
            ("name", &o.name),
            ("tool", &o.tool),
            ("lose_file", &o.lose.0),
            ("lose_line", &o.lose.1),
            ("win_file", &o.win.0),
            ("win_line", &o.win.1),
            ("win_layer", &o.win_layer),
            ("lose_layer", &o.lose_layer),
        ],
    )
}

/// `setting` (at `file:line`) names the variable `var`, set nowhere `tool` reads it.
pub fn unset_variable(
    w: &Wording,
    setting: &str,
    var: &str,
    (file, line): (&str, usize),
    tool: &str,
) -> String {
    w.fill(
        Msg::DoctorUnsetVariable,
        &[
            ("setting", &setting),
            ("var", &var),
            ("file", &file),
            ("line", &line),
            ("tool", &tool),
        ],
    )
}

/// Codex's `model_provider = "provider"` (at `file:line`) with no table defining it.
pub fn missing_provider(w: &Wording, provider: &str, (file, line): (&str, usize)) -> String {
    w.fill(
        Msg::DoctorMissingProvider,
        &[("provider", &provider), ("file", &file), ("line", &line)],
    )
}

/// The last line: `sections` checked, `total` findings, and each section's `summary`.
pub fn summary(w: &Wording, sections: usize, total: usize, summary: &[String]) -> String {
    let sections = w.count(sections, Msg::DoctorSectionsOne, Msg::DoctorSectionsOther);
    let findings = w.count(total, Msg::DoctorFindingsOne, Msg::DoctorFindingsOther);
    let list = summary.join(w.get(Msg::DoctorListSeparator));
    w.fill(
        Msg::DoctorSummary,
        &[
            ("sections", &sections),
            ("findings", &findings),
            ("list", &list),
        ],
    )
}
