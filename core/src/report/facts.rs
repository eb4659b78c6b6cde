//! `facts` of the report: what the engine read from the paste (tools, endpoints, keys masked,
//! statuses, config blocks and settings, notes). Every text from the paste is [`Masked`];
//! the rest are the engine's own words (catalog names, kinds, numbers). Fields are declared in
//! the order of their names: the JSON keys come out sorted, as they always have.

use crate::config::Format;
use crate::notes::Note;
use crate::secrets::{KeyKind, Masked};
use crate::tool::Tool;
use serde::Serialize;

// Its JSON is `json::FactsJson`, which words the notes.
/// What the engine read from the paste (docs/CONTRACT.md, `facts`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Facts {
    /// The config blocks read and their settings.
    pub config: ConfigFacts,
    /// URLs in the paste, with the provider, plan and region of their host when the catalog
    /// knows it.
    pub endpoints: Vec<EndpointFact>,
    /// The inputs the paste was joined from (a front end's files, with where each starts);
    /// absent when the front end gave none.
    pub inputs: Option<Vec<InputFact>>,
    /// Keys found, masked.
    pub keys: Vec<KeyFact>,
    /// Catalog hosts that a host in the paste misspells.
    pub near_hosts: Vec<&'static str>,
    /// The engine's notes on its reading (bounds hit, blocks not read to their end), in the
    /// report's language.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub notes: Vec<Note>,
    /// Plans of the catalog hosts named (`coding`, …).
    pub plans: Vec<&'static str>,
    /// Providers of the catalog hosts named (`dashscope`, …).
    pub providers: Vec<&'static str>,
    /// Regions of the catalog hosts named (`cn`, `intl`, …).
    pub regions: Vec<&'static str>,
    /// HTTP statuses stated in the paste.
    pub statuses: Vec<u16>,
    /// Tools the paste comes from.
    pub tools: Vec<Tool>,
}

/// The config blocks read (`facts.config`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConfigFacts {
    pub blocks: Vec<BlockFact>,
    /// Scalar settings, at most the first 200.
    pub settings: Vec<SettingFact>,
    /// Settings read in all, containers included.
    pub settings_total: usize,
}

/// One config block: its syntax, byte span and what could not be read in it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BlockFact {
    pub end: usize,
    pub format: Format,
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub notes: Vec<Note>,
    pub start: usize,
}

/// One scalar setting: its block, dotted path and value, masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SettingFact {
    /// Index into `config.blocks`.
    pub block: usize,
    /// End of the value's span in the paste.
    pub end: usize,
    pub path: Masked,
    /// Start of the value's span in the paste.
    pub start: usize,
    pub value: Masked,
}

/// A URL in the paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EndpointFact {
    pub end: usize,
    pub host: Masked,
    pub path: Masked,
    #[serde(skip_serializing_if = "str::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub plan: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub provider: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub region: &'static str,
    pub start: usize,
    pub url: Masked,
}

/// A key in the paste, masked (unmasked only when the caller asked: `--show-secrets`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyFact {
    pub end: usize,
    pub kind: KeyKind,
    pub masked: Masked,
    pub start: usize,
}

/// One input of the paste (a file, stdin, the environment): its name, masked, and the byte
/// where its text starts in the joined paste.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InputFact {
    pub name: Masked,
    pub start: usize,
}
