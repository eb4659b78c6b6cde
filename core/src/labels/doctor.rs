//! The words of `llmdoctor doctor` (this machine's tool setup): its headings and the findings it
//! adds to the engine's — a value that is not used, a variable nobody sets, a provider nobody
//! defines. Places (`file:line`) and names are filled in; the words are these.

use crate::vocabulary::Lang;
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

/// `word` in `lang`.
pub fn word(lang: Lang, word: Word) -> &'static str {
    let (en, zh) = match word {
        Word::Read => ("read:", "读取："),
        Word::Precedence => ("precedence (lowest first):", "优先级（低 → 高）："),
        Word::NoProblem => (
            "The engine found no problem in these files and variables.",
            "引擎没有在这些文件和变量中发现问题。",
        ),
        Word::WhereFindings => ("where the findings are:", "问题所在的设置："),
        Word::SettingsInUse => ("settings in use:", "生效的设置："),
        Word::InUse => ("this value is the one in use", "生效的就是这个值"),
        Word::Environment => ("the environment", "环境变量"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// No tool's configuration and no variable found under `home`.
pub fn nothing_found(lang: Lang, home: &str) -> String {
    match lang {
        Lang::En => format!("No configuration of Claude Code, Codex, Qwen Code, OpenClaw, Gemini CLI, Continue, Aider, opencode or Cline found (home: {home}), and no LLM-related environment variable."),
        Lang::Zh => format!("在本机（主目录 {home}）没有找到 Claude Code、Codex、Qwen Code、OpenClaw、Gemini CLI、Continue、Aider、opencode、Cline 的配置，也没有大模型相关的环境变量。"),
    }
}

/// A finding's setting is not the one in use: the value at `file:line` wins.
pub fn not_in_use(lang: Lang, file: impl Display, line: impl Display) -> String {
    match lang {
        Lang::En => format!("not in use: {file}:{line} wins"),
        Lang::Zh => format!("未生效：{file}:{line} 的值优先"),
    }
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
pub fn overridden(lang: Lang, o: &Overridden) -> String {
    let Overridden {
        name,
        tool,
        lose: (lf, ll),
        win: (wf, wl),
        win_layer,
        lose_layer,
    } = o;
    match lang {
        Lang::En => format!(
            "{name} at {lf}:{ll} is not used: {wf}:{wl} wins ({tool} reads {win_layer} over {lose_layer})"
        ),
        Lang::Zh => format!(
            "{lf}:{ll} 的 {name} 没有生效：{wf}:{wl} 的值优先（{tool} 读取 {win_layer}，优先于 {lose_layer}）"
        ),
    }
}

/// `setting` (at `file:line`) names the variable `var`, set nowhere `tool` reads it.
pub fn unset_variable(
    lang: Lang,
    setting: &str,
    var: &str,
    (file, line): (&str, usize),
    tool: &str,
) -> String {
    match lang {
        Lang::En => format!(
            "{setting} names the variable {var} ({file}:{line}), which is not set in this environment nor in a file {tool} reads: the key will be missing"
        ),
        Lang::Zh => format!(
            "{setting}（{file}:{line}）指定的变量 {var} 在当前环境和 {tool} 读取的文件中都没有设置：请求将缺少 Key"
        ),
    }
}

/// Codex's `model_provider = "provider"` (at `file:line`) with no table defining it.
pub fn missing_provider(lang: Lang, provider: &str, (file, line): (&str, usize)) -> String {
    let p = provider;
    match lang {
        Lang::En => format!(
            "model_provider = \"{p}\" ({file}:{line}) but no [model_providers.{p}] table defines it: Codex stops with `Model provider {p} not found`"
        ),
        Lang::Zh => format!(
            "model_provider = \"{p}\"（{file}:{line}），但没有 [model_providers.{p}] 表定义它：Codex 会报 `Model provider {p} not found` 并退出"
        ),
    }
}

/// The last line: `sections` checked, `total` findings, and each section's `summary`.
pub fn summary(lang: Lang, sections: usize, total: usize, summary: &[String]) -> String {
    match lang {
        Lang::En => format!(
            "{sections} section{} checked, {total} finding{}: {}",
            super::human::plural(sections),
            super::human::plural(total),
            summary.join(", ")
        ),
        Lang::Zh => format!(
            "检查了 {sections} 个部分，发现 {total} 个问题：{}",
            summary.join("，")
        ),
    }
}
