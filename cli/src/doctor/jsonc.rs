//! JSON with comments (`//`, `/* */`) and trailing commas, as Qwen Code, Gemini CLI and opencode
//! accept in their settings: [`strip`] blanks both out (same length, same line breaks) so that
//! serde_json reads the rest and its line numbers stay the file's.

pub fn strip(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let mut in_str = false;
    // Position of the last comma outside strings, while only blanks follow it.
    let mut comma: Option<usize> = None;
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                comma = None;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut j = i;
                while j < b.len() && !(b[j] == b'*' && b.get(j + 1) == Some(&b'/')) {
                    if b[j] != b'\n' {
                        out[j] = b' ';
                    }
                    j += 1;
                }
                out[j..(j + 2).min(b.len())].fill(b' ');
                i = j + 2;
                continue;
            }
            b',' => comma = Some(i),
            b'}' | b']' => {
                if let Some(at) = comma.take() {
                    out[at] = b' ';
                }
            }
            c if c.is_ascii_whitespace() => {}
            _ => comma = None,
        }
        i += 1;
    }
    // Only ASCII bytes were replaced (by spaces), so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn comments_and_trailing_commas_are_blanked_strings_kept() {
        let src = "{\n  // note\n  \"a\": \"x // y, }\", /* b */\n  \"c\": [1, 2,],\n}\n";
        let s = strip(src);
        assert_eq!(s.len(), src.len());
        assert_eq!(s.lines().count(), src.lines().count());
        let v: serde_json::Value = serde_json::from_str(&s).expect("valid after strip");
        assert_eq!(v["a"], "x // y, }");
        assert_eq!(v["c"][1], 2);
    }
}
