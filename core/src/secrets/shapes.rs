//! Key shapes from rules/secrets.toml: what a key of each kind looks like, how the detector
//! reads one at its anchor, and how tests and the fuzzer make fresh ones.

/// A character class of a key's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    Alnum,
    Word,
    Hex,
    Upper,
    B64,
    DotWord,
    DotAlnum,
}

impl Charset {
    pub fn contains(self, b: u8) -> bool {
        match self {
            Charset::Alnum => b.is_ascii_alphanumeric(),
            Charset::Word => b.is_ascii_alphanumeric() || b == b'_' || b == b'-',
            Charset::Hex => b.is_ascii_hexdigit(),
            Charset::Upper => b.is_ascii_uppercase() || b.is_ascii_digit(),
            Charset::B64 => b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=',
            Charset::DotWord => b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'),
            Charset::DotAlnum => b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'),
        }
    }

    /// The characters a generated key draws from (separators left out: a key made for a test
    /// is a run of letters and digits).
    pub fn alphabet(self) -> &'static [u8] {
        const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        match self {
            Charset::Hex => b"0123456789abcdef",
            Charset::Upper => b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            _ => ALNUM,
        }
    }
}

/// A piece of a shape: literal text, or a run of `min..=max` characters of a charset.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    Lit(&'static str),
    Run(Charset, usize, usize),
}

/// One `[[key]]` of rules/secrets.toml.
#[derive(Debug)]
pub struct Shape {
    pub id: &'static str,
    /// What the key tells the checks: `plan`, `general`, `anthropic`, `openai`, …
    pub kind: KeyKind,
    /// The start the detector looks for, and the mask keeps; empty for shapes found by their
    /// runs alone (`<32 hex>.<16 alnum>`).
    pub anchor: &'static str,
    pub parts: &'static [Part],
    /// Found even when glued to the word before it.
    pub glued: bool,
    /// A key cut short is masked from this many body characters on (0: whole keys only).
    pub truncated: usize,
    pub true_samples: &'static [&'static str],
    pub false_samples: &'static [&'static str],
}

use super::KeyKind;

include!(concat!(env!("OUT_DIR"), "/secrets_gen.rs"));

impl Shape {
    /// Whether `b` can be part of this key's body (after the anchor): any charset of its runs,
    /// or a character of its literal parts (`.` between a JWT's parts).
    pub fn body_byte(&self, b: u8) -> bool {
        // The leading literal is the anchor's, but for what it has beyond the anchor
        // (`v1-` of `sk-or-v1-`, read after the anchor `sk-or-`).
        let (skip, beyond) = match self.parts.first() {
            Some(Part::Lit(l)) => (1, l.get(self.anchor.len()..).unwrap_or("")),
            _ => (0, ""),
        };
        beyond.as_bytes().contains(&b)
            || self.parts[skip..].iter().any(|p| match p {
                Part::Run(cs, _, _) => cs.contains(b),
                Part::Lit(l) => l.as_bytes().contains(&b) && !b.is_ascii_whitespace(),
            })
    }

    /// Body characters a whole key has at least (its runs' minimums).
    pub fn min_body(&self) -> usize {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Run(_, min, _) => *min,
                Part::Lit(_) => 0,
            })
            .sum()
    }

    /// Body characters from which a key of this shape is masked: fewer when a cut-short key
    /// is still recognisable by its anchor.
    pub fn min_masked(&self) -> usize {
        if self.truncated > 0 {
            self.truncated
        } else {
            self.min_body()
        }
    }

    /// The end of a key matching every part exactly from `pos`, runs taken greedily up to
    /// their maximum, if there is one.
    pub fn match_at(&self, b: &[u8], pos: usize) -> Option<usize> {
        let mut at = pos;
        for p in self.parts {
            match *p {
                Part::Lit(l) => {
                    if !b.get(at..)?.starts_with(l.as_bytes()) {
                        return None;
                    }
                    at += l.len();
                }
                Part::Run(cs, min, max) => {
                    let n = b
                        .get(at..)?
                        .iter()
                        .take(max)
                        .take_while(|&&c| cs.contains(c))
                        .count();
                    if n < min {
                        return None;
                    }
                    at += n;
                }
            }
        }
        Some(at)
    }

    /// A fresh key of this shape; `pick(n)` returns a number below `n` (the caller's random
    /// source). Every run starts with a letter and a digit (real keys have both; the detector's
    /// entropy floor wants them) where it is long enough.
    pub fn example(&self, pick: &mut dyn FnMut(usize) -> usize) -> String {
        let mut out = String::new();
        for p in self.parts {
            match *p {
                Part::Lit(l) => out.push_str(l),
                Part::Run(cs, min, max) => {
                    let n = min + pick(max - min + 1);
                    let abc = cs.alphabet();
                    for i in 0..n {
                        let c = match (i, n >= 4) {
                            (0, true) => abc.iter().find(|c| c.is_ascii_alphabetic()),
                            (1, true) => abc.iter().find(|c| c.is_ascii_digit()),
                            _ => abc.get(pick(abc.len())),
                        };
                        out.push(char::from(*c.unwrap_or(&b'7')));
                    }
                }
            }
        }
        out
    }
}

/// The shapes whose anchor starts `lower` (ASCII-lowercased text at a candidate), longest
/// anchor first.
pub(crate) fn anchored(lower: &[u8]) -> impl Iterator<Item = &'static Shape> + '_ {
    let mut v: Vec<&'static Shape> = SHAPES
        .iter()
        .filter(|s| !s.anchor.is_empty())
        .filter(|s| {
            let a = s.anchor.as_bytes();
            lower.len() >= a.len() && lower[..a.len()].eq_ignore_ascii_case(a)
        })
        .collect();
    crate::order::sort_by_key(&mut v, |s| (crate::order::desc(s.anchor.len()), 0, 0));
    v.into_iter()
}

/// The shape whose anchor a found value starts with (longest first), for its kind and mask.
pub(crate) fn of_value(value: &str) -> Option<&'static Shape> {
    anchored(value.as_bytes()).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shape's examples match the shape: 20 per shape, made from proptest's choices (a
    /// fixed seed: the same keys every run; a failure shrinks to the simplest key that does not
    /// match). Choices past the end of the list are 0.
    #[test]
    fn every_shape_makes_keys_it_matches() {
        use proptest::prelude::*;
        use proptest::sample::Index;
        use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestRunner};
        for (i, s) in SHAPES.iter().enumerate() {
            let config = Config {
                cases: 20,
                rng_algorithm: RngAlgorithm::ChaCha,
                rng_seed: RngSeed::Fixed(0x9e37_79b9_7f4a_7c15 + i as u64),
                failure_persistence: None,
                ..Config::default()
            };
            let choices = prop::collection::vec(any::<Index>(), 0..512);
            let result = TestRunner::new(config).run(&choices, |c| {
                let mut next = c.iter();
                let k = s.example(&mut |n| next.next().map_or(0, |x| x.index(n)));
                prop_assert_eq!(
                    s.match_at(k.as_bytes(), 0),
                    Some(k.len()),
                    "{}: {}",
                    s.id,
                    k
                );
                Ok(())
            });
            if let Err(e) = result {
                panic!("{}: {e}", s.id);
            }
        }
    }

    #[test]
    fn anchors_pick_the_longest_family() {
        assert_eq!(of_value("sk-sp-abc").map(|s| s.kind.as_str()), Some("plan"));
        assert_eq!(
            of_value("sk-ant-oat01-x").map(|s| s.kind.as_str()),
            Some("anthropic")
        );
        assert_eq!(of_value("sk-abc").map(|s| s.kind.as_str()), Some("general"));
        assert_eq!(of_value("SK-ABC").map(|s| s.kind.as_str()), Some("general"));
        assert!(of_value("nothing").is_none());
    }
}
