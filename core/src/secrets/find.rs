//! Finding secrets in a paste: keys by their shape (rules/secrets.toml) anywhere, values of
//! secret-named settings in any syntax, passwords in URLs and `curl -u`, cookies. Runs on the
//! normalized paste ([`Normal`]) and maps every span back to the paste's own offsets.

use super::names;
use super::normal::Normal;
use super::shapes::{self, Shape, SHAPES};
use super::{mask_value, KeyKind, Secret};
use crate::keywords::Keywords;
use crate::scan::{first_newline, last_newline};
use std::sync::OnceLock;

/// What a literal of the detector's automaton marks.
#[derive(Clone, Copy)]
enum Mark {
    Anchor,
    Name,
    Url,
    CurlUser,
}

struct Detector {
    ac: Keywords,
    marks: Vec<Mark>,
}

fn detector() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(|| {
        let mut lits: Vec<String> = Vec::new();
        let mut marks = Vec::new();
        let mut add = |l: String, m: Mark| {
            if !l.is_empty() && !lits.contains(&l) {
                lits.push(l);
                marks.push(m);
            }
        };
        for s in SHAPES {
            add(s.anchor.to_ascii_lowercase(), Mark::Anchor);
        }
        for m in names::markers() {
            add(m.clone(), Mark::Name);
        }
        add("://".into(), Mark::Url);
        add("-u ".into(), Mark::CurlUser);
        add("--user".into(), Mark::CurlUser);
        Detector {
            ac: Keywords::new(&lits),
            marks,
        }
    })
}

/// A secret in normalized offsets, before mapping.
struct Found {
    /// Where what found it stands: the anchor, the run, or the start of the line whose
    /// setting's name marked it (a YAML list's values are on the lines below).
    origin: usize,
    start: usize,
    end: usize,
    kind: KeyKind,
    /// The key as it reads, pieces joined (what the mask's tail and scrubbing use).
    clean: String,
    anchor: &'static str,
    placeholder: bool,
}

/// Every secret in `text`, sorted by start and merged where they overlap; `lower` is `text`
/// ASCII-lowercased (the scanner has it already).
pub(crate) fn find(text: &str, lower: &str) -> Vec<Secret> {
    let mut f = Finder::default();
    f.search(text, lower, text.len(), text.len());
    f.finish(text)
}

/// The search in pieces that end at line ends, for the page's stepped diagnosis
/// ([`crate::diagnose::Session`]): [`Finder::feed`] up to each piece's end, then [`Finder::finish`].
/// A key may go on over the next lines (a quoted string broken by a line break, a `\`
/// continuation, a wrapped line): the last [`LOOKAHEAD_LINES`] lines of a piece are searched
/// again with the next, so that the result is the same whatever the pieces.
#[derive(Default)]
pub(crate) struct Finder {
    found: Vec<Secret>,
    /// Where the next search starts: the text before it is searched for good.
    from: usize,
}

/// Lines a key found in one piece may need after it to be read whole.
const LOOKAHEAD_LINES: usize = 16;

impl Finder {
    /// Searches the paste up to `to` (a line end or the end); `lower` is `text` lowercased at
    /// least to `to`. Keys that start in the last [`LOOKAHEAD_LINES`] lines wait for the next
    /// piece.
    pub(crate) fn feed(&mut self, text: &str, lower: &str, to: usize) {
        let cut = lines_back(text.as_bytes(), self.from, to, LOOKAHEAD_LINES);
        let (Some(piece), Some(low)) = (text.get(self.from..to), lower.get(self.from..to)) else {
            return;
        };
        self.search(piece, low, to, cut);
    }

    /// Every occurrence of what was found, anywhere in `text`; sorted and merged.
    pub(crate) fn finish(mut self, text: &str) -> Vec<Secret> {
        if let Some(tail) = text.get(self.from..).filter(|t| !t.is_empty()) {
            let low = tail.to_ascii_lowercase();
            self.search(tail, &low, text.len(), text.len());
        }
        let mut out = self.found;
        super::everywhere(text, &mut out);
        super::sort_secrets(&mut out);
        super::merge_overlapping(&mut out);
        out
    }

    /// Keeps the keys of `piece` (the paste from `self.from` to `to`, and `low` it lowercased)
    /// found from before `cut` (a key's anchor, or the line of the name that marks a value);
    /// the search goes on from `cut`.
    fn search(&mut self, piece: &str, low: &str, to: usize, cut: usize) {
        let from = self.from;
        debug_assert_eq!(from + piece.len(), to);
        self.found.extend(
            find_in(piece, low)
                .into_iter()
                .filter(|(origin, _)| from + origin < cut)
                .map(|(_, mut s)| {
                    s.start += from;
                    s.end += from;
                    s
                }),
        );
        self.from = cut;
    }
}

/// The start of the line `n` lines before the one that ends at `to`, not before `floor`, and
/// no further back than needed to hold [`LOOKAHEAD_BYTES`] (long lines are searched again once,
/// not many times).
fn lines_back(b: &[u8], floor: usize, to: usize, n: usize) -> usize {
    let mut at = to;
    for _ in 0..=n {
        if to - at >= LOOKAHEAD_BYTES {
            break;
        }
        match last_newline(&b[floor..at.saturating_sub(1).max(floor)]) {
            Some(i) => at = floor + i + 1,
            None => return floor,
        }
    }
    at
}

/// Bytes a key found in one piece may need after it.
const LOOKAHEAD_BYTES: usize = 8 * 1024;

/// The secrets of one piece, in the piece's offsets, each with where what found it stands.
fn find_in(text: &str, lower: &str) -> Vec<(usize, Secret)> {
    let n = Normal::new(text);
    let t = n.text.as_ref();
    let owned;
    let low: &str = if matches!(n.text, std::borrow::Cow::Borrowed(_)) && lower.len() == t.len() {
        lower
    } else {
        owned = t.to_ascii_lowercase();
        &owned
    };
    let mut found: Vec<Found> = Vec::new();
    let d = detector();
    let (b, lb) = (t.as_bytes(), low.as_bytes());
    // The end of the line last read for values: hits before it are on a line already read
    // (kept so that a 10 MB line with thousands of `key`s is read once, not once per hit).
    let mut read_to: Option<usize> = None;
    for m in d.ac.overlapping(lb) {
        match d.marks[m.pattern] {
            Mark::Anchor => {
                if let Some(f) = at_anchor(b, lb, m.start) {
                    found.push(f);
                }
            }
            Mark::Name | Mark::Url | Mark::CurlUser => {
                if read_to.is_some_and(|e| m.start <= e) {
                    continue;
                }
                // Back to the line start, but not past the last line read.
                let floor = read_to.map_or(0, |e| e + 1);
                let ls = last_newline(&lb[floor..m.start]).map_or(floor, |i| floor + i + 1);
                let le = first_newline(&lb[m.start..]).map_or(b.len(), |i| m.start + i);
                read_to = Some(le);
                line_values(t, ls, le, &mut found);
            }
        }
    }
    for s in SHAPES.iter().filter(|s| s.anchor.is_empty()) {
        unanchored(b, s, &mut found);
    }
    let out: Vec<(usize, Secret)> = found
        .into_iter()
        .filter_map(|f| {
            let (start, end) = (n.start(f.start), n.end(f.end));
            let origin = n.start(f.origin);
            (start < end && text.is_char_boundary(start) && text.is_char_boundary(end)).then(|| {
                let masked = if f.placeholder {
                    text[start..end].to_string()
                } else {
                    mask_value(f.anchor, &f.clean)
                };
                let secret = Secret {
                    start,
                    end,
                    kind: f.kind,
                    masked,
                    placeholder: f.placeholder,
                    clean: f.clean,
                };
                (origin, secret)
            })
        })
        .collect();
    out
}

/// A key of a known shape whose anchor starts at `p`, if there is one.
fn at_anchor(b: &[u8], lb: &[u8], p: usize) -> Option<Found> {
    let mut placeholder = None;
    for shape in shapes::anchored(&lb[p..]) {
        if !shape.glued && p > 0 && b[p - 1].is_ascii_alphanumeric() {
            continue;
        }
        let body_start = p + shape.anchor.len();
        // The body is read loosely (a wrong guess about a key's charset must fail towards
        // masking), but strictly when the anchor is glued to a word (`risk-assessment-2024`).
        let glued = p > 0 && (b[p - 1].is_ascii_alphanumeric() || matches!(b[p - 1], b'_' | b'-'));
        let loose = |c: u8| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.') || shape.body_byte(c)
        };
        let (end, clean_body) = if glued {
            read_body(b, p, body_start, |c| shape.body_byte(c))
        } else {
            read_body(b, p, body_start, loose)
        };
        // What follows the shape's whole leading literal (`v1-` of `sk-or-v1-` is fixed text).
        let lead = match shape.parts.first() {
            Some(shapes::Part::Lit(l)) => l.get(shape.anchor.len()..).unwrap_or(""),
            _ => "",
        };
        let body = clean_body
            .strip_prefix(lead)
            .unwrap_or(&clean_body)
            .as_bytes();
        if is_placeholder(body) {
            placeholder.get_or_insert(Found {
                origin: p,
                start: p,
                end,
                kind: shape.kind,
                clean: String::new(),
                anchor: shape.anchor,
                placeholder: true,
            });
            // A family's placeholder (`sk-or-v1-xxxx`) is not a shorter family's key.
            break;
        }
        if body.len() < shape.min_masked().max(4) || !random_enough(body) {
            continue;
        }
        let anchor_text = std::str::from_utf8(&b[p..body_start]).unwrap_or(shape.anchor);
        // A provider's half-masked display (`sk-proj-ab12*****wxyz`) is one token.
        let mut end = end;
        if b.get(end) == Some(&b'*') {
            end += b[end..].iter().take_while(|&&c| c == b'*').count();
            end += b[end..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
        }
        return Some(Found {
            origin: p,
            start: p,
            end,
            kind: shape.kind,
            clean: format!("{anchor_text}{clean_body}"),
            anchor: shape.anchor,
            placeholder: false,
        });
    }
    placeholder
}

/// A key's body from `at`: a run of `ok` bytes, and the pieces that continue it past what
/// splits keys in pastes (string concatenation, a `\` line continuation, a raw line break inside
/// a quoted string, a lone space or tab before a long random run). Returns the end and the
/// pieces joined.
fn read_body(b: &[u8], key_start: usize, at: usize, ok: impl Fn(u8) -> bool) -> (usize, String) {
    let run = |from: usize| {
        from + b[from.min(b.len())..]
            .iter()
            .take_while(|&&c| ok(c))
            .count()
    };
    let mut end = run(at);
    // Inside a quoted string, a raw line break does not end the key (a JSON string broken by
    // an editor); elsewhere it does.
    let quoted = key_start > 0 && matches!(b[key_start - 1], b'"' | b'\'');
    // A sentence's full stop is not the key's, unless the key goes on after it.
    if continuation(b, end, quoted).is_none() {
        while end > at && b[end - 1] == b'.' {
            end -= 1;
        }
    }
    let mut clean = String::from_utf8_lossy(&b[at..end]).into_owned();
    for _ in 0..8 {
        let Some(next) = continuation(b, end, quoted) else {
            break;
        };
        let e = run(next);
        if e == next {
            break;
        }
        let piece = &b[next..e];
        if !joins(b, end, e, piece) {
            break;
        }
        clean.push_str(&String::from_utf8_lossy(piece));
        end = e;
    }
    (end, clean)
}

/// Whether `piece` (ending at `e`), found past what split a key at `end`, is the key's rest.
/// Across a blank only a random run of 8 or more joins (not the next word). Adjacent string
/// literals are one string (`"sk-…" "…"`, Python and C), whatever the piece looks like (an
/// upper-case key's rest may be letters only), unless the next literal is a JSON name (`"x":`).
fn joins(b: &[u8], end: usize, e: usize, piece: &[u8]) -> bool {
    match b.get(end) {
        Some(b' ' | b'\t') => {
            // An upper-case key's rest may be letters only: upper case after upper case.
            let upper = |x: &[u8]| {
                x.iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            };
            let before = &b[end.saturating_sub(8)..end];
            (piece.len() >= 8 && random_enough(piece))
                || (piece.len() >= 12 && upper(piece) && upper(before))
        }
        Some(b'"' | b'\'') => {
            let name = matches!(b.get(e), Some(b'"' | b'\''))
                && b[e + 1..]
                    .iter()
                    .find(|c| !matches!(c, b' ' | b'\t'))
                    .is_some_and(|&c| c == b':');
            piece.len() >= 4 && !name
        }
        _ => true,
    }
}

/// Where a key split at `end` goes on, if it does.
fn continuation(b: &[u8], end: usize, quoted: bool) -> Option<usize> {
    let c = *b.get(end)?;
    let skip_ws = |mut i: usize, nl: bool| {
        while i < b.len()
            && (b[i] == b' ' || b[i] == b'\t' || (nl && (b[i] == b'\n' || b[i] == b'\r')))
        {
            i += 1;
        }
        i
    };
    match c {
        b'"' | b'\'' => {
            // `"sk-abc" "def"`, `"sk-abc" + "def"`, over lines too.
            let mut i = skip_ws(end + 1, true);
            if b.get(i) == Some(&b'+') {
                i = skip_ws(i + 1, true);
            }
            (i > end + 1
                || b.get(end + 1) == Some(&b'+')
                || b.get(end + 1).is_some_and(|&q| q == b'"' || q == b'\''))
            .then_some(())?;
            let q = *b.get(i)?;
            (q == b'"' || q == b'\'').then_some(i + 1)
        }
        b'\\' => {
            let mut i = end + 1;
            if b.get(i) == Some(&b'\r') {
                i += 1;
            }
            (b.get(i) == Some(&b'\n')).then(|| skip_ws(i + 1, false))
        }
        b'\n' if quoted => Some(skip_ws(end + 1, false)),
        // Elsewhere a key goes on past a line break only onto a line that is nothing but a
        // random run (a terminal's wrap; a CR inside the key, which a text box turns into a
        // line break).
        b'\n' => {
            let i = end + 1;
            let n = b[i..]
                .iter()
                .take_while(|&&c| {
                    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'/' | b'+')
                })
                .count();
            // `=` only as base64 padding: `NAME=value` is the next setting.
            let pad = b[i + n..].iter().take_while(|&&c| c == b'=').count();
            let whole_line = b.get(i + n + pad).is_none_or(|&c| c == b'\n');
            // Random, or long enough to be nothing else (an upper-case key's rest may be
            // letters only).
            let run = &b[i..i + n];
            let alnum = run.iter().filter(|c| c.is_ascii_alphanumeric()).count();
            let keyish = (n >= 12 && random_enough(run)) || (n >= 16 && alnum >= 12);
            (whole_line && keyish).then_some(i)
        }
        b' ' | b'\t' => {
            let i = end + 1;
            b.get(i)
                .is_some_and(|x| x.is_ascii_alphanumeric() || matches!(x, b'-' | b'.' | b'_'))
                .then_some(i)
        }
        _ => None,
    }
}

/// Keys matched by their runs alone (`<32 hex>.<16 alnum>`), with a boundary on both sides.
fn unanchored(b: &[u8], s: &'static Shape, out: &mut Vec<Found>) {
    #[cfg(feature = "fast-keywords")]
    if let Some(starts) = run_starts_before_literal(b, s) {
        for i in starts {
            key_at(b, s, i, out);
        }
        return;
    }
    unanchored_walk(b, s, out);
}

/// [`unanchored`] by walking every run of the shape's first charset (the page's way, and for
/// shapes without a literal after their run).
fn unanchored_walk(b: &[u8], s: &'static Shape, out: &mut Vec<Found>) {
    let Some(shapes::Part::Run(first, min, max)) = s.parts.first().copied() else {
        return;
    };
    let mut i = 0;
    while i < b.len() {
        if !first.contains(b[i]) {
            i += 1;
            continue;
        }
        let n = b[i..].iter().take_while(|&&c| first.contains(c)).count();
        let bounded = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if bounded && (min..=max).contains(&n) {
            key_at(b, s, i, out);
        }
        i += n;
    }
}

/// The key of unanchored shape `s` starting at `i`, if one does.
fn key_at(b: &[u8], s: &'static Shape, i: usize, out: &mut Vec<Found>) {
    if let Some(e) = s.match_at(b, i) {
        if b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric()) && random_enough(&b[i..e]) {
            out.push(Found {
                origin: i,
                start: i,
                end: e,
                kind: s.kind,
                clean: String::from_utf8_lossy(&b[i..e]).into_owned(),
                anchor: "",
                placeholder: false,
            });
        }
    }
}

/// Where a shape whose run is followed by a literal the run cannot swallow (`.` after hex) can
/// start: that byte is looked for and the run counted backwards from it; each whole run (no
/// letter or digit before it) of an allowed length, in order. A log has far fewer `.` than hex
/// letters and digits: on a 10 MB log this is ~110 M instructions less than walking every run.
/// Native builds only (`fast-keywords`): it costs the page ~500 B.
#[cfg(feature = "fast-keywords")]
fn run_starts_before_literal(b: &[u8], s: &Shape) -> Option<Vec<usize>> {
    let (Some(&shapes::Part::Run(first, min, max)), Some(&shapes::Part::Lit(l))) =
        (s.parts.first(), s.parts.get(1))
    else {
        return None;
    };
    let c = l.bytes().next().filter(|&c| !first.contains(c))?;
    let mut v = Vec::new();
    for d in memchr::memchr_iter(c, b) {
        let n = b[..d]
            .iter()
            .rev()
            .take(max + 1)
            .take_while(|&&x| first.contains(x))
            .count();
        let i = d - n;
        if (min..=max).contains(&n) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            v.push(i);
        }
    }
    Some(v)
}

/// Values of secret-named settings on one line (`ls..le` of the normalized text), in the
/// syntaxes people paste them in; and passwords in URLs and `curl -u`.
fn line_values(t: &str, ls: usize, le: usize, out: &mut Vec<Found>) {
    let Some(line) = t.get(ls..le) else {
        return;
    };
    let b = t.as_bytes();
    for v in names::values_on_line(t, ls, le, line) {
        let Some(value) = t.get(v.start..v.end) else {
            continue;
        };
        // The value as it reads: blanks inside dropped, and what continues it on the next
        // lines (a `\` continuation, a quoted string broken by a raw line break, Python's
        // `"abc"\n    "def"`) joined.
        let mut clean: String = value.split_whitespace().collect();
        let mut end = v.end;
        let quoted = v.start > 0 && matches!(b[v.start - 1], b'"' | b'\'');
        let key_byte = |c: u8| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'+' | b'/' | b'=')
        };
        // An unquoted value read up to a `\` that continues the line.
        if !quoted && b.get(end.wrapping_sub(1)) == Some(&b'\\') {
            end -= 1;
            clean.pop();
        }
        for _ in 0..8 {
            let Some(next) = continuation(b, end, quoted) else {
                break;
            };
            let e = next + b[next..].iter().take_while(|&&c| key_byte(c)).count();
            let piece = &b[next..e];
            // A piece on the next line that reads `NAME=` is the next setting, not the rest.
            let next_setting = piece.contains(&b'=');
            if e == next || next_setting || !joins(b, end, e, piece) {
                break;
            }
            clean.push_str(&String::from_utf8_lossy(piece));
            end = e;
        }
        // Judged whole: the first piece of a split key alone may look like nothing.
        if !super::worth_masking(value, v.strength) && !super::worth_masking(&clean, v.strength) {
            continue;
        }
        let shape = shapes::of_value(&clean);
        out.push(Found {
            origin: ls,
            start: v.start,
            end,
            kind: shape.map_or(KeyKind::Unknown, |s| s.kind),
            clean,
            anchor: shape.map_or("", |s| s.anchor),
            placeholder: false,
        });
    }
}

/// `xxx`, `****`, `your-api-key-here`, `<replace-me>`-like bodies: documentation, not keys.
pub(crate) fn is_placeholder(body: &[u8]) -> bool {
    use shapes::{ALLOW_FILLER, ALLOW_WORDS};
    if body.len() >= 3 && body.iter().all(|c| ALLOW_FILLER.as_bytes().contains(c)) {
        return true;
    }
    if body.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    ALLOW_WORDS
        .iter()
        .any(|w| placeholder_word(&lower, w.as_bytes()))
}

/// Whether `w` stands in `lower` as a placeholder's word: on its own, no letter glued to it
/// (`your-key-here`, `YOUR_API_KEY`), not inside a password of letters (`WhereIsMyToken`); a
/// word of `x` as its whole run, on its own or 6 long (`key-xxx`, `AIzaSyXXXXXXXXXX`), not the
/// `xXXx` of a password (a fuzz run planted `SyObxXXx…` as a DB_PASSWORD, shown whole).
fn placeholder_word(lower: &[u8], w: &[u8]) -> bool {
    let x = w.iter().all(|&c| c == b'x');
    let letter = |i: usize| lower.get(i).is_some_and(u8::is_ascii_alphabetic);
    let mut i = 0;
    while i + w.len() <= lower.len() {
        if !lower[i..].starts_with(w) {
            i += 1;
            continue;
        }
        let mut e = i + w.len();
        while x && lower.get(e) == Some(&b'x') {
            e += 1;
        }
        if ((i == 0 || !letter(i - 1)) && !letter(e)) || (x && e - i >= 6) {
            return true;
        }
        i = e;
    }
    false
}

/// A random-looking body: letters and digits, or both cases.
pub(crate) fn random_enough(body: &[u8]) -> bool {
    let digit = body.iter().any(u8::is_ascii_digit);
    let upper = body.iter().any(u8::is_ascii_uppercase);
    let lower = body.iter().any(u8::is_ascii_lowercase);
    (digit && (upper || lower)) || (upper && lower)
}

/// Secrets the config readers show: values of secret-named settings in any syntax they read
/// (YAML lists and blocks, TOML multi-line strings, arrays: an element takes its array's name),
/// and keys pasted where a model id or a variable name belongs (`"model": "a8f5…"`). Added to
/// `keys` with every other occurrence; sorted and merged again.
pub(crate) fn from_settings(text: &str, cfg: &crate::config::Config, keys: &mut Vec<Secret>) {
    use crate::config::ValueKind;
    // `keys` is sorted by start and disjoint (Finder::finish): an overlap is one binary search.
    let overlaps = |keys: &[Secret], a: usize, b: usize| {
        let i = keys.partition_point(|k| k.end <= a);
        keys.get(i).is_some_and(|k| k.start < b)
    };
    let mut add: Vec<Secret> = Vec::new();
    // A key used as a map's key (`{"<key>": {…}}`, `[keys."<key>"]`): its path shows it.
    let mut seen: Vec<&str> = Vec::new();
    for s in &cfg.settings {
        for seg in s.path.split('.') {
            let seg = seg.trim_matches(['"', '\'', ' ']);
            let uuid_hex: String = seg.chars().filter(|&c| c != '-').collect();
            let random = super::random_token(seg)
                || high_entropy(seg)
                || super::long_hex(&uuid_hex)
                || (super::symbolic(seg) && !seg.contains("://"));
            if seen.contains(&seg) || !random {
                continue;
            }
            seen.push(seg);
            if let Some(at) = text.find(seg) {
                add.push(Secret {
                    start: at,
                    end: at + seg.len(),
                    kind: KeyKind::Unknown,
                    masked: mask_value("", seg),
                    placeholder: false,
                    clean: String::new(),
                });
            }
        }
    }
    for (index, s) in cfg.settings.iter().enumerate() {
        if matches!(
            s.kind,
            ValueKind::Object | ValueKind::Array | ValueKind::Bool | ValueKind::Null
        ) {
            continue;
        }
        let (a, b) = s.value_span;
        let name = match setting_name(&cfg.settings, index) {
            "default" => hcl_variable_above(text, a).unwrap_or("default"),
            n => n,
        };
        let Some(raw) = text.get(a..b) else { continue };
        let value = s.value.trim();
        let secret = match names::secret_name(name) {
            Some(strength) => super::worth_masking(value, strength),
            None => {
                (names::holds_id(name) && key_in_id_place(value))
                    || high_entropy(value)
                    || super::random_token(value)
                    || (super::long_hex(value) && !names::names_an_id(name))
                    || unnamed_password(value)
            }
        };
        if !secret {
            continue;
        }
        // A value holding a key already found keeps that key's exact span: masking the whole
        // value would hide what is wrong around the key (a space, a line break). The value's
        // other pieces are masked apart (a password continued on the next line by `\`, read as
        // one value by the config reader, was found only up to the line's end).
        if overlaps(keys, a, b) {
            // The value's stretches outside every key found (sorted, disjoint), blanks and quotes
            // at their ends taken off.
            let first = keys.partition_point(|k| k.end <= a);
            let mut gaps = Vec::new();
            let mut at = a;
            for k in keys[first..].iter().take_while(|k| k.start < b) {
                gaps.push((at, k.start.max(at)));
                at = at.max(k.end);
            }
            gaps.push((at, b));
            for (gs, ge) in gaps {
                let Some(gap) = text.get(gs..ge.max(gs)) else {
                    continue;
                };
                let piece = gap.trim_matches(super::interrupts);
                let ps = gs + (gap.len() - gap.trim_start_matches(super::interrupts).len());
                // Random: digits and letters, or a long run of both cases — not a word
                // (`Bearer` before a key found in an Authorization value).
                let random = piece.bytes().any(|c| c.is_ascii_digit())
                    && piece.bytes().any(|c| c.is_ascii_alphabetic())
                    || super::looks_secret(piece);
                if piece.len() >= 4 && random {
                    add.push(Secret {
                        start: ps,
                        end: ps + piece.len(),
                        kind: KeyKind::Unknown,
                        masked: mask_value("", piece),
                        placeholder: false,
                        clean: String::new(),
                    });
                }
            }
            continue;
        }
        let shape = shapes::of_value(value);
        let anchor = shape.map_or("", |s| s.anchor);
        add.push(Secret {
            start: a,
            end: b,
            kind: shape.map_or(KeyKind::Unknown, |s| s.kind),
            masked: mask_value(anchor, value),
            placeholder: false,
            clean: if raw == value {
                String::new()
            } else {
                value.to_string()
            },
        });
    }
    if !add.is_empty() {
        keys.extend(add);
        super::everywhere(text, keys);
        super::sort_secrets(keys);
        super::merge_overlapping(keys);
    }
}

/// The name a setting's value goes by: its key, or where the key only says "value" the name
/// beside it (`{"name": "OPENAI_API_KEY", "value": "…"}` of Kubernetes env lists and HAR
/// headers), a `default` its block's name (HCL `variable "api_key" { default = "…" }`), and an
/// array element the flag before it (`"args": ["--token", "…"]`). Siblings are looked for
/// among the 8 settings on either side (a reader records them in document order): linear in
/// the settings, however many (up to `MAX_SETTINGS`).
fn setting_name(settings: &[crate::config::Setting], index: usize) -> &str {
    let Some(this) = settings.get(index) else {
        return "";
    };
    let path = this.path.as_str();
    let near = &settings[index.saturating_sub(8)..(index + 9).min(settings.len())];
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    // A sibling's value by its last word, in any case (`Name`/`Value` of AWS task definitions).
    let sibling = |w: &str| {
        near.iter()
            .find(|x| {
                let (p, l) = x.path.rsplit_once('.').unwrap_or(("", x.path.as_str()));
                x.block == this.block && p == parent && l.eq_ignore_ascii_case(w)
            })
            .map(|x| x.value.as_str())
    };
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        let flag = last
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| sibling(&n.to_string()))
            .filter(|f| f.starts_with('-'))
            .map(|f| f.trim_start_matches('-'));
        if let Some(f) = flag.filter(|f| names::secret_name(f).is_some()) {
            return f;
        }
        return parent
            .rsplit('.')
            .find(|seg| !seg.is_empty() && !seg.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or("");
    }
    let lower = last.to_ascii_lowercase();
    if matches!(lower.as_str(), "value" | "val" | "content") {
        // `{"name": "OPENAI_API_KEY", "value": …}` (Kubernetes, HAR, ECS, Terraform `env`
        // blocks), `{"key": …, "value": …}` (Postman), `label`/`val`, `field`/`content`.
        let named = ["name", "key", "label", "field"]
            .iter()
            .find_map(|k| sibling(k))
            .filter(|n| names::secret_name(n).is_some());
        if let Some(n) = named {
            return n;
        }
    }
    if matches!(lower.as_str(), "value" | "val" | "content" | "default") {
        // A block named for the secret: HCL `variable "api_key" { default = … }`, TOML
        // `[API_KEY]` / `value = …`.
        if let Some(p) = parent
            .rsplit('.')
            .next()
            .filter(|p| names::secret_name(p).is_some())
        {
            return p;
        }
    }
    last
}

/// A value no name calls secret that is a password: [`super::symbolic`], both cases, and no
/// URL, path, timestamp (`2026-01-24T19:51:05+00:00`: one case) or code (`ChatHunyuan(x=True`).
fn unnamed_password(v: &str) -> bool {
    let b = v.as_bytes();
    super::symbolic(v)
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && !v.contains('/')
        && !super::code_call(b)
}

/// The name of the HCL variable whose block holds a `default` at `at`, when the block opens a
/// few lines above (`variable "api_key" {` / `type = string` / `default = "…"`): a reader that
/// took the block's body as its own document did not see it.
fn hcl_variable_above(text: &str, at: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut end = at.min(b.len());
    // The 6 lines above, nearest first: the one whose first word is `variable`.
    for _ in 0..6 {
        let start = last_newline(&b[..end]).map_or(0, |i| i + 1);
        let line = text.get(start..end)?.trim();
        if let Some(rest) = line.strip_prefix("variable ") {
            return Some(rest.trim_end_matches('{').trim().trim_matches('"'));
        }
        end = start.checked_sub(1)?;
    }
    None
}

/// A value no name calls secret that still is one (`TOKEN_B = "4sX6V87Z0Mhrw…"`, HCL's
/// `default = "…"` under `variable "api_key"`): 24 or more characters of a key's or base64's
/// alphabet with digits and both cases, not a path (it does not start with `/`, has at most two).
fn high_entropy(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 24
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'_' | b'-'))
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.first() != Some(&b'/')
        && b.iter().filter(|&&c| c == b'/').count() <= 2
}

/// A value where a model id or variable name belongs that is a key: a known key shape, or a
/// long run of letters and digits (no `-`, `.`, `/`, `:` that ids have) with both.
fn key_in_id_place(v: &str) -> bool {
    if shapes::of_value(v).is_some_and(|s| v.len() > s.anchor.len() + 8) {
        return true;
    }
    v.len() >= 24
        && v.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
        && random_enough(v.as_bytes())
        && !v.contains('_')
}

#[cfg(all(test, feature = "fast-keywords"))]
mod tests {
    use super::*;

    /// The backwards count from the literal finds the same keys as walking every run, on
    /// texts made of hex runs of lengths around the shape's, dots, other letters and separators.
    #[test]
    fn run_starts_from_the_literal_equal_the_forward_walk() {
        let shape = SHAPES
            .iter()
            .find(|s| s.anchor.is_empty())
            .expect("rules/secrets.toml has an unanchored shape");
        let Some(&shapes::Part::Run(_, _, max)) = shape.parts.first() else {
            panic!("an unanchored shape starts with a run");
        };
        use proptest::prelude::*;
        use proptest::sample::Index;
        use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestRunner};
        // A fixed seed (the same texts every run), as shapes.rs's test; choices past the end of
        // the list are 0, and a failure shrinks to a shorter text.
        let config = Config {
            cases: 2_000,
            rng_algorithm: RngAlgorithm::ChaCha,
            rng_seed: RngSeed::Fixed(0x2545_f491_4f6c_dd1d),
            failure_persistence: None,
            ..Config::default()
        };
        let (texts, keys) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
        let choices = prop::collection::vec(any::<Index>(), 0..1024);
        let result = TestRunner::new(config).run(&choices, |c| {
            let mut choice = c.iter();
            let mut next = |n: usize| choice.next().map_or(0, |x| x.index(n));
            let mut b = Vec::new();
            while b.len() < 400 {
                match next(6) {
                    0 | 1 => {
                        if next(2) == 0 {
                            b.push(b' ');
                        }
                        let len = max - 2 + next(5); // around the run's length
                        b.extend((0..len).map(|_| b"0123456789abcdef"[next(16)]));
                    }
                    2 => b.push(b'.'),
                    3 => b.extend((0..1 + next(20)).map(|_| b"ghxyzGHQ0a9"[next(11)])),
                    4 => b.push(b" _-/:\n=\"'"[next(9)]),
                    _ => {
                        // What follows the run in a key: `.`, 16 letters and digits, an end.
                        b.push(b'.');
                        let len = if next(3) == 0 { 15 + next(3) } else { 16 };
                        b.extend((0..len).map(|_| b"AbCdEfXyZ0123456789qrs"[next(22)]));
                        b.push(b" ,\n\""[next(4)]);
                    }
                }
            }
            let spans = |found: Vec<Found>| -> Vec<(usize, usize)> {
                found.iter().map(|f| (f.start, f.end)).collect()
            };
            let (mut fast, mut walk) = (Vec::new(), Vec::new());
            unanchored(&b, shape, &mut fast);
            unanchored_walk(&b, shape, &mut walk);
            let (fast, walk) = (spans(fast), spans(walk));
            prop_assert_eq!(&fast, &walk, "text: {:?}", String::from_utf8_lossy(&b));
            texts.set(texts.get() + 1);
            keys.set(keys.get() + fast.len());
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
        let (texts, keys) = (texts.get(), keys.get());
        assert!(
            texts == 2_000 && keys > 200,
            "the texts hold keys to find: {keys}"
        );
    }
}
