//! The rule table, dictionary-coded for the page's gzipped wasm. The table (~125 KB of text) is
//! longer than gzip's 32 KB window, so the words its rules share across that distance (`invalid`,
//! `exceeded`, `(?-u:\b)`, `[^\n]{0,`) are paid for again and again. Each of the most frequent
//! ones is written as a one- or two-character token instead; core/src/vocabulary.rs (`expand`) puts
//! them back once, at start. Measured on the 567-rule table: 29,462 → 27,403 B gzipped, the
//! dictionary included; the page's first load 2,288 B smaller (docs/BENCHMARKS.md, session 9).
//!
//! Tokens: U+0001–U+0008 and U+000B–U+001B stand for words 0–24; U+001C followed by a character
//! from `!` to `~` for words 25 onwards. The raw table may not hold any of these characters
//! (build.rs fails if it does).

use std::collections::BTreeMap;

/// Regex idioms the rules repeat, counted beside the words.
const IDIOMS: &[&str] = &[
    "(?-u:\\b)",
    "[ \\t]",
    "[^\\n]{0,",
    "\\\\?[\"']",
    "[ _-]?",
    "[ _]?",
    "(?:",
];

/// At most this many words: 25 one-character tokens and 94 two-character ones.
pub const MAX_WORDS: usize = 25 + 94;

/// Whether `c` is a character the coded table reserves for tokens.
pub fn reserved(c: char) -> bool {
    matches!(c as u32, 0x01..=0x08 | 0x0b..=0x1c)
}

fn token(i: usize) -> String {
    let one = |n: usize| {
        char::from_u32(n as u32)
            .map(String::from)
            .unwrap_or_default()
    };
    match i {
        0..=7 => one(0x01 + i),
        8..=24 => one(0x0b + i - 8),
        _ => format!("\u{1c}{}", one(0x21 + i - 25)),
    }
}

/// The dictionary (word `i` is token `i`) and the coded table.
pub fn code(table: &str) -> (Vec<String>, String) {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    let b = table.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_lowercase() {
            let start = i;
            while i < b.len() && b[i].is_ascii_lowercase() {
                i += 1;
            }
            if i - start >= 4 {
                *count.entry(&table[start..i]).or_default() += 1;
            }
        } else {
            i += 1;
        }
    }
    for idiom in IDIOMS {
        count.insert(idiom, table.matches(idiom).count());
    }
    // What a word saves: its length less a token's, for every time it occurs.
    let mut ranked: Vec<(&str, usize)> = count
        .into_iter()
        .filter(|&(w, n)| n >= 3 && w.len() > 2)
        .map(|(w, n)| (w, (w.len() - 2) * n))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let words: Vec<String> = ranked
        .into_iter()
        .take(MAX_WORDS)
        .map(|(w, _)| w.to_string())
        .collect();
    // Leftmost, longest word first.
    let mut by_length: Vec<usize> = (0..words.len()).collect();
    by_length.sort_by(|&a, &b| words[b].len().cmp(&words[a].len()).then(a.cmp(&b)));
    let mut out = String::with_capacity(table.len());
    let mut rest = table;
    while let Some(c) = rest.chars().next() {
        match by_length
            .iter()
            .find(|&&w| rest.starts_with(words[w].as_str()))
        {
            Some(&w) => {
                out.push_str(&token(w));
                rest = &rest[words[w].len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    (words, out)
}
