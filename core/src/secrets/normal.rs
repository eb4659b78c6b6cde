//! The paste as the detector reads it: what hides a key from a plain search taken away, with a
//! map back to the paste's own offsets.
//!
//! Removed: ANSI escape sequences (`ESC[1m`, and `\x1b[1m` / `\u001b[1m` / `\033[1m` written
//! out), carriage returns and other control characters, zero-width characters, the byte-order
//! mark, soft hyphens, U+FFFD (an invalid byte read from a file). Read as what they stand for:
//! JSON and Python escapes (`\n`, `\t`, `\"`, `\\`, `\/`, `\uXXXX`, `\xXX`) and URL escapes
//! (`%20`, `%2D`). Read as a plain space: no-break and other wide spaces (U+00A0, U+2000–U+200A,
//! U+202F, U+3000). A key glued to `\n`, split by an ANSI reset or a CR, or spelled in `\u`
//! escapes is then an ordinary key.

use std::borrow::Cow;

pub(crate) struct Normal<'a> {
    pub text: Cow<'a, str>,
    /// `(normalized offset, original offset)` at every place the two stop moving together,
    /// sorted; empty when nothing changed.
    map: Vec<(usize, usize)>,
}

impl<'a> Normal<'a> {
    pub(crate) fn new(src: &'a str) -> Normal<'a> {
        let b = src.as_bytes();
        let Some(first) = b.iter().position(|&c| special(c)) else {
            return Normal {
                text: Cow::Borrowed(src),
                map: Vec::new(),
            };
        };
        let mut out = String::with_capacity(src.len());
        let mut map = Vec::new();
        let mut copied = 0; // original bytes before this are in `out`
        let mut i = first;
        while i < b.len() {
            if !special(b[i]) {
                // To the next special byte at once.
                i += b[i..]
                    .iter()
                    .position(|&c| special(c))
                    .unwrap_or(b.len() - i);
                continue;
            }
            let Some((len, with)) = rewrite(src, i) else {
                i += 1;
                continue;
            };
            out.push_str(&src[copied..i]);
            match with {
                With::Nothing => {}
                With::Char(c) => out.push(c),
            }
            i += len;
            copied = i;
            map.push((out.len(), i));
        }
        if map.is_empty() {
            return Normal {
                text: Cow::Borrowed(src),
                map,
            };
        }
        out.push_str(&src[copied..]);
        Normal {
            text: Cow::Owned(out),
            map,
        }
    }

    /// The original offset of normalized offset `p`: the start of what it was read from.
    pub(crate) fn start(&self, p: usize) -> usize {
        self.at(p, true)
    }

    /// The original offset just after normalized offset `p - 1`: a span's end.
    pub(crate) fn end(&self, p: usize) -> usize {
        self.at(p, false)
    }

    fn at(&self, p: usize, start: bool) -> usize {
        if self.map.is_empty() {
            return p;
        }
        // The last change point at or before `p` (for an end: so that a decoded escape ending
        // at `p` maps to the end of its original bytes).
        let i = self.map.partition_point(|&(n, _)| n <= p);
        if i == 0 {
            return p;
        }
        let (n, o) = self.map[i - 1];
        if start && n == p {
            // Text removed just before `p` belongs to no key: start after it.
            return o;
        }
        o + (p - n)
    }
}

enum With {
    Nothing,
    Char(char),
}

/// Bytes that can start something to rewrite.
fn special(c: u8) -> bool {
    SPECIAL[usize::from(c)]
}

/// [`special`] as a table: one load a byte on the scan that runs over every paste.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b == 0x1b
            || b == b'\\'
            || b == b'%'
            || b == b'\r'
            || b >= 0x80
            || (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f;
        c += 1;
    }
    t
};

/// What stands at `i` (a special byte): its length in the original and what it reads as.
fn rewrite(src: &str, i: usize) -> Option<(usize, With)> {
    let b = src.as_bytes();
    let c = b[i];
    match c {
        0x1b => Some((ansi_len(b, i + 1).map_or(1, |n| n + 1), With::Nothing)),
        b'\\' => escape(b, i),
        b'%' => {
            let v = hex_pair(b.get(i + 1..i + 3)?)?;
            (v.is_ascii_graphic() || v == b' ').then_some((3, With::Char(char::from(v))))
        }
        0x80.. => {
            let ch = src.get(i..)?.chars().next()?;
            let with = match ch {
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{FFFD}' => {
                    With::Nothing
                }
                '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => With::Char(' '),
                _ => return None,
            };
            Some((ch.len_utf8(), with))
        }
        _ => Some((1, With::Nothing)), // CR, other control characters
    }
}

/// The length of an ANSI sequence after its ESC: CSI `[ … final`, or one character.
fn ansi_len(b: &[u8], at: usize) -> Option<usize> {
    match b.get(at)? {
        b'[' => {
            let n = b
                .get(at + 1..)?
                .iter()
                .take(32)
                .position(|c| (0x40..=0x7e).contains(c))?;
            Some(n + 2)
        }
        c if c.is_ascii() => Some(1),
        _ => None,
    }
}

/// A backslash escape at `i`: JSON/Python string escapes, `\uXXXX`, `\xXX`, `\033`, and an
/// escaped ANSI sequence as a whole.
fn escape(b: &[u8], i: usize) -> Option<(usize, With)> {
    let next = *b.get(i + 1)?;
    let (len, v): (usize, u32) = match next {
        b'n' => (2, u32::from(b'\n')),
        b't' => (2, u32::from(b'\t')),
        b'r' => return Some((2, With::Nothing)),
        b'"' | b'\'' | b'\\' | b'/' => (2, u32::from(next)),
        b'u' => {
            let h = b.get(i + 2..i + 6)?;
            let hi = u32::from(hex_pair(&h[..2])?);
            let lo = u32::from(hex_pair(&h[2..])?);
            (6, hi << 8 | lo)
        }
        b'x' => (4, u32::from(hex_pair(b.get(i + 2..i + 4)?)?)),
        b'0' if b.get(i + 2..i + 4) == Some(b"33") => (4, 0x1b),
        b'e' if b.get(i + 2) == Some(&b'[') => (2, 0x1b),
        _ => return None,
    };
    if v == 0x1b {
        // An escaped ESC starts an escaped ANSI sequence: drop it whole.
        let n = ansi_len(b, i + len).unwrap_or(0);
        return Some((len + n, With::Nothing));
    }
    let ch = char::from_u32(v)?;
    let with = match ch {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => With::Nothing,
        '\u{00A0}' | '\u{3000}' => With::Char(' '),
        c if c == '\n' || c == '\t' || (' '..='~').contains(&c) => With::Char(c),
        c if c.is_control() => With::Nothing,
        _ => return None,
    };
    Some((len, with))
}

fn hex_pair(h: &[u8]) -> Option<u8> {
    let d = |c: u8| char::from(c).to_digit(16);
    match h {
        [a, b] => Some((d(*a)? * 16 + d(*b)?) as u8),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normal::new(s).text.into_owned()
    }

    #[test]
    fn hiding_is_taken_away() {
        assert_eq!(norm("\x1b[1msk-abc\x1b[0mdef"), "sk-abcdef");
        assert_eq!(norm("a\\nsk-1"), "a\nsk-1");
        assert_eq!(norm("Bearer%20sk-1"), "Bearer sk-1");
        assert_eq!(norm("\\u0073\\u006b-1"), "sk-1");
        assert_eq!(norm("sk-a\u{200B}b\u{00AD}c\rd\u{FFFD}e"), "sk-abcde");
        assert_eq!(norm("a\u{00A0}b\u{3000}c"), "a b c");
        assert_eq!(norm("\\x1b[31mred\\x1b[0m"), "red");
        assert_eq!(norm("plain text 中文"), "plain text 中文");
        assert_eq!(norm("C:\\Users\\me"), "C:\\Users\\me");
        assert_eq!(norm("100% sure"), "100% sure");
    }

    #[test]
    fn offsets_map_back() {
        let src = "x=\x1b[1msk-ab\x1b[0mcd end";
        let n = Normal::new(src);
        let t = n.text.as_ref();
        let s = t.find("sk-").unwrap_or(0);
        let e = t.find(" end").unwrap_or(0);
        assert_eq!(&src[n.start(s)..n.end(e)], "sk-ab\x1b[0mcd");
        let src = "k=\\u0073k-12";
        let n = Normal::new(src);
        assert_eq!(n.text, "k=sk-12");
        assert_eq!(&src[n.start(2)..n.end(7)], "\\u0073k-12");
        assert_eq!(&src[n.start(2)..n.end(3)], "\\u0073");
    }
}
