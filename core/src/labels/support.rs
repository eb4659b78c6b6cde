//! The support bundle's words (`support::bundle`): its heading, its field names and what it says
//! where the paste does not tell.

use crate::messages::{Msg, Wording};

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

/// `word` in `w`'s language.
pub fn word<'a>(w: &Wording<'a>, word: Word) -> &'a str {
    w.get(match word {
        Word::Heading => Msg::SupportHeading,
        Word::Unknown => Msg::SupportUnknown,
        Word::Time => Msg::SupportTime,
        Word::ToolAndVersion => Msg::SupportToolAndVersion,
        Word::NoTool => Msg::SupportNoTool,
        Word::Endpoint => Msg::SupportEndpoint,
        Word::NoKey => Msg::SupportNoKey,
        Word::KeyId => Msg::SupportKeyId,
        Word::Model => Msg::SupportModel,
        Word::NotInPaste => Msg::SupportNotInPaste,
        Word::Parameters => Msg::SupportParameters,
        Word::Error => Msg::SupportError,
        Word::NoErrorLine => Msg::SupportNoErrorLine,
        Word::Diagnosis => Msg::SupportDiagnosis,
    })
}
