//! Keywords written inside the patterns that hold them. Most of a rule's keywords are text of its
//! own patterns (`invalid api key` in `invalid api key(?:[ \t]provided)?`); written again in the
//! keyword list, each costs the page's gzipped table a back-reference of 2–4 bytes. Instead, such
//! a keyword is marked by [`MARK`] where it starts in a pattern, and read back as the text from
//! there to the next regex metacharacter (or the pattern's end). core/src/vocabulary.rs
//! (`keywords_and_patterns`) reads it; core's unit tests compare the decoded rules with the same
//! rules compiled as statics, whose keywords [`decoded`] lists in the decoder's order.

/// The mark (DEL: no rule holds it; build.rs fails if one does).
pub const MARK: char = '\u{7f}';

/// What ends a marked keyword: a regex metacharacter, or the separator between patterns. The
/// decoder (vocabulary.rs) spells the same set; were they to differ, the decoded table would no
/// longer equal the statics (its unit test). One shared file cost the page 54 B gzipped.
pub fn ends_keyword(c: char) -> bool {
    "[](){}\\?|.*+^$\u{1f}".contains(c)
}

/// `keywords` split into those written as they are, and `patterns` joined by U+001F with a
/// [`MARK`] before each keyword they hold up to a metacharacter.
pub fn encode(keywords: &[String], patterns: &[String]) -> (Vec<String>, String) {
    let joined = patterns.join("\u{1f}");
    let mut starts: Vec<usize> = Vec::new();
    let mut plain = Vec::new();
    for k in keywords {
        let at = joined.match_indices(k.as_str()).map(|(i, _)| i).find(|&i| {
            !starts.contains(&i)
                && joined[i + k.len()..]
                    .chars()
                    .next()
                    .is_none_or(ends_keyword)
        });
        match at {
            Some(i) if !k.is_empty() && !k.chars().any(ends_keyword) => starts.push(i),
            _ => plain.push(k.clone()),
        }
    }
    starts.sort_unstable();
    let mut marked = String::with_capacity(joined.len() + starts.len());
    let mut last = 0;
    for &s in &starts {
        marked.push_str(&joined[last..s]);
        marked.push(MARK);
        last = s;
    }
    marked.push_str(&joined[last..]);
    (plain, marked)
}

/// The keywords as the engine decodes them: those written as they are, then the marked ones in
/// the order their marks stand.
pub fn decoded(keywords: &[String], patterns: &[String]) -> Vec<String> {
    let (plain, marked) = encode(keywords, patterns);
    read_back(plain, &marked)
}

/// [`encode`]'s output read as the engine reads it: `written`, then the marked keywords.
pub fn read_back(written: Vec<String>, marked: &str) -> Vec<String> {
    let mut out = written;
    let plain: String = marked.chars().filter(|&c| c != MARK).collect();
    let mut at = 0;
    for (i, piece) in marked.split(MARK).enumerate() {
        if i > 0 {
            let rest = &plain[at..];
            out.push(rest[..rest.find(ends_keyword).unwrap_or(rest.len())].to_string());
        }
        at += piece.len();
    }
    out
}
