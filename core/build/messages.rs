//! The message catalog (`rules/messages/<lang>.toml`): every word of the engine, the CLI and
//! the page, one file per language. Checked here — the same sections and keys in every
//! language, the same `{placeholders}` in each message, no tab or line break, nothing empty —
//! and compiled into `messages_gen.rs`: the [`Msg`] enum (one variant per message, named
//! `SectionKey`), the English words as a static table, the Chinese as one behind the
//! `embedded-texts` feature, and each language as text (`messages_<lang>.txt`, one message per
//! line in `Msg` order, after a header naming the catalog's version) for the page to fetch.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The languages, in `Lang` order; the first is the one every build carries.
pub const LANGS: &[&str] = &["en", "zh"];

/// Sections only the CLI says: the page's build (no `embedded-texts`) carries them empty.
const CLI_ONLY: &[&str] = &["cli", "doctor", "human"];

/// One language's messages: `(section, key) → words`, sorted.
type Table = BTreeMap<(String, String), String>;

/// The compiled catalog: Rust code and each language's text.
pub struct Compiled {
    pub code: String,
    pub texts: Vec<(String, String)>,
}

/// Reads one language's file (`name` for messages).
pub fn parse(name: &str, src: &str) -> Result<Table, String> {
    let doc: toml::Table = toml::from_str(src).map_err(|e| format!("{name}: {e}"))?;
    let mut table = Table::new();
    for (section, items) in doc {
        let toml::Value::Table(items) = items else {
            return Err(format!(
                "{name}: `{section}` must be a [section] of messages"
            ));
        };
        for (key, value) in items {
            let toml::Value::String(words) = value else {
                return Err(format!("{name}: {section}.{key} must be a string"));
            };
            if words.is_empty() {
                return Err(format!("{name}: {section}.{key} is empty"));
            }
            if let Some(c) = words.chars().find(|c| c.is_control()) {
                return Err(format!(
                    "{name}: {section}.{key} holds the control character U+{:04X} (no tab or line break in a message)",
                    c as u32
                ));
            }
            table.insert((section.clone(), key), words);
        }
    }
    Ok(table)
}

/// The `{name}` placeholders of `words` (a brace around anything else is text).
pub fn placeholders(words: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = words;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            found.insert(name);
            rest = &rest[close + 1..];
        }
    }
    found
}

/// Checks the languages against the first and compiles them.
pub fn compile(tables: &[Table]) -> Result<Compiled, String> {
    let Some(first) = tables.first() else {
        return Err("rules/messages: no language".to_string());
    };
    let mut errors = Vec::new();
    for (lang, table) in LANGS.iter().zip(tables).skip(1) {
        for (s, k) in first.keys() {
            if !table.contains_key(&(s.clone(), k.clone())) {
                errors.push(format!("rules/messages/{lang}.toml: {s}.{k} is missing"));
            }
        }
        for ((s, k), words) in table {
            match first.get(&(s.clone(), k.clone())) {
                None => errors.push(format!(
                    "rules/messages/{lang}.toml: {s}.{k} is not in rules/messages/{}.toml",
                    LANGS[0]
                )),
                Some(en) if placeholders(en) != placeholders(words) => errors.push(format!(
                    "rules/messages/{lang}.toml: {s}.{k} has the placeholders {:?}, the English {:?}",
                    placeholders(words),
                    placeholders(en)
                )),
                Some(_) => {}
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let names: Vec<String> = first
        .keys()
        .map(|(s, k)| super::camel(s) + &super::camel(k))
        .collect();
    let version = version(first.keys());
    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// A message of the catalog (`rules/messages/<lang>.toml`): `[section] key` as `SectionKey`.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         #[allow(dead_code)]\n\
         pub enum Msg {{"
    );
    for ((s, k), name) in first.keys().zip(&names) {
        let _ = writeln!(code, "    /// `[{s}] {k}`\n    {name},");
    }
    let _ = writeln!(code, "}}\n\n/// How many messages there are.");
    let _ = writeln!(code, "pub(crate) const COUNT: usize = {};", names.len());
    let _ = writeln!(
        code,
        "/// The first line of a language's text: the catalog's version (its keys).\n\
         pub(crate) const HEADER: &str = {:?};",
        header(names.len(), version)
    );
    for (i, (lang, table)) in LANGS.iter().zip(tables).enumerate() {
        let gate = if i == 0 {
            ""
        } else {
            "#[cfg(feature = \"embedded-texts\")]\n"
        };
        let _ = writeln!(
            code,
            "/// The {lang} words, in `Msg` order.\n{gate}pub(crate) static {}: [&str; COUNT] = [",
            lang.to_uppercase()
        );
        for ((section, _), words) in table {
            if i == 0 && CLI_ONLY.contains(&section.as_str()) {
                let _ = writeln!(
                    code,
                    "    if cfg!(feature = \"embedded-texts\") {{ {words:?} }} else {{ \"\" }},"
                );
            } else {
                let _ = writeln!(code, "    {words:?},");
            }
        }
        let _ = writeln!(code, "];");
    }
    let texts = LANGS
        .iter()
        .zip(tables)
        .map(|(lang, table)| {
            let mut text = header(names.len(), version);
            for words in table.values() {
                text.push('\n');
                text.push_str(words);
            }
            text.push('\n');
            (lang.to_string(), text)
        })
        .collect();
    Ok(Compiled { code, texts })
}

fn header(count: usize, version: u64) -> String {
    format!("llmdoctor messages {count} {version:016x}")
}

/// FNV-1a over the keys: a text written for another set of messages is refused.
fn version<'a>(keys: impl Iterator<Item = &'a (String, String)>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (s, k) in keys {
        for b in s.bytes().chain([b'.']).chain(k.bytes()).chain([b'\n']) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}
