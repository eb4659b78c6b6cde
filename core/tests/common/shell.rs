//! A strict reader of POSIX shell command lines, for tests of the commands llmdoctor prints:
//! it splits words as `sh` would and refuses everything that is not plain data — command
//! substitution (`$(…)`, backticks), operators (`;`, `|`, `&`, `<`, `>`, `(`, `)`), a second
//! line, unbalanced quotes, globs, brace and tilde expansion, history expansion (`!`), `$'…'`
//! and any `$` that is not a plain variable reference (`$NAME`, `${NAME}`).

#![allow(dead_code)]

/// One piece of a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Lit(String),
    Var(String),
}

/// A word: its pieces (adjacent literals merged).
pub type Word = Vec<Seg>;

fn push_lit(w: &mut Word, c: char) {
    if let Some(Seg::Lit(s)) = w.last_mut() {
        s.push(c);
    } else {
        w.push(Seg::Lit(c.to_string()));
    }
}

fn name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// After a `$` at `cs[i]`: a variable reference and the index after it.
fn dollar(cs: &[char], i: usize) -> Result<(String, usize), String> {
    match cs.get(i + 1) {
        Some('(') => Err("command substitution `$(`".into()),
        Some('{') => {
            let mut j = i + 2;
            let mut name = String::new();
            while let Some(&c) = cs.get(j) {
                if c == '}' {
                    break;
                }
                name.push(c);
                j += 1;
            }
            if cs.get(j) != Some(&'}') {
                return Err("unclosed `${`".into());
            }
            if !name.chars().next().is_some_and(name_start) || !name.chars().all(name_char) {
                return Err(format!("parameter expansion `${{{name}}}`"));
            }
            Ok((name, j + 1))
        }
        Some(&c) if name_start(c) => {
            let mut j = i + 1;
            let mut name = String::new();
            while let Some(&c) = cs.get(j).filter(|c| name_char(**c)) {
                name.push(c);
                j += 1;
            }
            Ok((name, j))
        }
        other => Err(format!("`$` followed by {other:?}")),
    }
}

/// The words of `line`, or why it is not a plain command.
pub fn split(line: &str) -> Result<Vec<Word>, String> {
    let cs: Vec<char> = line.chars().collect();
    let mut words: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            ' ' | '\t' => {
                if let Some(w) = cur.take() {
                    words.push(w);
                }
                i += 1;
            }
            '\n' | '\r' => return Err("a line break: a second command".into()),
            ';' | '|' | '&' | '<' | '>' | '(' | ')' => return Err(format!("operator `{c}`")),
            '`' => return Err("command substitution (backtick)".into()),
            '*' | '?' | '[' | ']' | '{' | '}' => {
                return Err(format!("unquoted `{c}` (glob/brace)"))
            }
            '!' => return Err("history expansion `!`".into()),
            '#' | '~' if cur.is_none() => return Err(format!("`{c}` at a word's start")),
            '\\' => {
                let Some(&n) = cs.get(i + 1) else {
                    return Err("trailing backslash".into());
                };
                if n == '\n' {
                    return Err("line continuation".into());
                }
                push_lit(cur.get_or_insert_with(Vec::new), n);
                i += 2;
            }
            '$' => {
                if cs.get(i + 1) == Some(&'\'') {
                    return Err("`$'…'` quoting".into());
                }
                let (name, j) = dollar(&cs, i)?;
                cur.get_or_insert_with(Vec::new).push(Seg::Var(name));
                i = j;
            }
            '\'' => {
                let w = cur.get_or_insert_with(Vec::new);
                if w.is_empty() {
                    w.push(Seg::Lit(String::new()));
                }
                let mut j = i + 1;
                loop {
                    match cs.get(j) {
                        None => return Err("unbalanced `'`".into()),
                        Some('\'') => break,
                        Some(&d) => push_lit(w, d),
                    }
                    j += 1;
                }
                i = j + 1;
            }
            '"' => {
                let w = cur.get_or_insert_with(Vec::new);
                if w.is_empty() {
                    w.push(Seg::Lit(String::new()));
                }
                let mut j = i + 1;
                loop {
                    match cs.get(j) {
                        None => return Err("unbalanced `\"`".into()),
                        Some('"') => break,
                        Some('`') => return Err("command substitution (backtick)".into()),
                        Some('!') => return Err("history expansion `!` in double quotes".into()),
                        Some('$') => {
                            let (name, k) = dollar(&cs, j)?;
                            w.push(Seg::Var(name));
                            j = k;
                            continue;
                        }
                        Some('\\') => match cs.get(j + 1) {
                            Some('\n') => return Err("line continuation".into()),
                            Some(&e @ ('$' | '`' | '"' | '\\')) => {
                                push_lit(w, e);
                                j += 2;
                                continue;
                            }
                            _ => push_lit(w, '\\'),
                        },
                        Some(&d) => push_lit(w, d),
                    }
                    j += 1;
                }
                i = j + 1;
            }
            _ => {
                push_lit(cur.get_or_insert_with(Vec::new), c);
                i += 1;
            }
        }
    }
    if let Some(w) = cur.take() {
        words.push(w);
    }
    // Merge adjacent literals (`'a'"b"` is one literal `ab`), drop empty ones beside others.
    Ok(words
        .into_iter()
        .map(|w| {
            let mut out: Word = Vec::new();
            for s in w {
                match (out.last_mut(), s) {
                    (Some(Seg::Lit(a)), Seg::Lit(b)) => a.push_str(&b),
                    (_, s) => out.push(s),
                }
            }
            if out.len() > 1 {
                out.retain(|s| s != &Seg::Lit(String::new()));
            }
            out
        })
        .collect())
}

/// The word as text, variables written `$NAME`.
pub fn show(w: &Word) -> String {
    w.iter()
        .map(|s| match s {
            Seg::Lit(l) => l.clone(),
            Seg::Var(v) => format!("${v}"),
        })
        .collect()
}

/// What in a POSIX command line would run more than its own words: command substitution,
/// backticks, `;` `|` `&` `<` `>` `(` `)` or a line break outside quotes, history expansion, an
/// open quote. Globs, braces, `~` and `$NAME` are fine here (they expand, they run nothing);
/// a `#` at a word's start ends the check (a comment). `None` when there is nothing.
pub fn danger(line: &str) -> Option<String> {
    let cs: Vec<char> = line.chars().collect();
    let mut q: Option<char> = None;
    let mut word_start = true;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let next = cs.get(i + 1).copied();
        let history = !matches!(next, None | Some(' ' | '\t' | '=' | '"'));
        match q {
            Some('\'') => {
                if c == '\'' {
                    q = None;
                }
            }
            Some(_) => match c {
                '"' => q = None,
                '\\' => i += 1,
                '`' => return Some("backtick in double quotes".into()),
                '$' if next == Some('(') => return Some("`$(` in double quotes".into()),
                '!' if history => return Some("`!` in double quotes".into()),
                _ => {}
            },
            None => match c {
                '\'' | '"' => q = Some(c),
                '\\' => i += 1,
                '#' if word_start => return None,
                '`' => return Some("backtick".into()),
                '$' if next == Some('(') => return Some("`$(`".into()),
                '!' if history => return Some("`!`".into()),
                ';' | '|' | '&' | '<' | '>' | '(' | ')' | '\n' | '\r' => {
                    return Some(format!("unquoted {c:?}"))
                }
                _ => {}
            },
        }
        word_start = q.is_none() && c.is_whitespace();
        i += 1;
    }
    q.map(|q| format!("open {q}"))
}
