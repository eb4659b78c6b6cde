//! The support bundle's words (`support::bundle`): its heading, its field names and what it says
//! where the paste does not tell.

use crate::vocabulary::Lang;

/// A fixed text of the support bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// The bundle's heading line.
    Heading,
    /// The time when no clock was given.
    Unknown,
    /// Field: the time.
    Time,
    /// Field: the tool and its version.
    ToolAndVersion,
    /// No tool and no version in the paste.
    NoTool,
    /// Field: the endpoints.
    Endpoint,
    /// No key in the paste.
    NoKey,
    /// Field: the key identifier (never the key).
    KeyId,
    /// Field: the model.
    Model,
    /// Not in the paste (the model).
    NotInPaste,
    /// Field: the parameters worth telling.
    Parameters,
    /// Field: the error lines.
    Error,
    /// No error line recognised.
    NoErrorLine,
    /// Field: the first diagnosis.
    Diagnosis,
}

/// `word` in `lang`.
pub const fn word(lang: Lang, word: Word) -> &'static str {
    let (en, zh) = match word {
        Word::Heading => (
            "## LLM API issue — support bundle (sanitized by llmdoctor)",
            "## LLM API 问题——支持信息（已由 llmdoctor 脱敏）",
        ),
        Word::Unknown => ("(unknown)", "（未知）"),
        Word::Time => ("Time", "时间"),
        Word::ToolAndVersion => ("Tool and version", "工具及版本"),
        Word::NoTool => (
            "(not in the paste: add tool name and version)",
            "（粘贴内容中没有：请补充工具名称和版本）",
        ),
        Word::Endpoint => ("Endpoint", "接口地址"),
        Word::NoKey => (
            "(not in the paste: give the key's name or last 4 characters)",
            "（粘贴内容中没有：请提供 Key 的名称或后 4 位）",
        ),
        Word::KeyId => ("Key identifier", "Key 标识"),
        Word::Model => ("Model", "模型"),
        Word::NotInPaste => ("(not in the paste)", "（粘贴内容中没有）"),
        Word::Parameters => ("Parameters", "关键参数"),
        Word::Error => ("Error", "错误信息"),
        Word::NoErrorLine => (
            "(no recognised error line; paste the full error text)",
            "（未识别到错误行；请粘贴完整的错误信息）",
        ),
        Word::Diagnosis => ("llmdoctor's diagnosis", "llmdoctor 诊断"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
