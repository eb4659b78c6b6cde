//! Reading the inputs: files or stdin, joined into one paste. Binary input is refused; invalid
//! UTF-8 is read lossily with a warning.

use std::io::Read;

pub struct Source {
    pub name: String,
    /// Whether the input itself ended with a newline (the join adds one when it did not).
    pub ends_with_newline: bool,
    /// Byte offset of this input in the joined paste.
    pub start: usize,
    /// 1-based line of the joined paste where this input begins.
    pub first_line: usize,
}

pub struct Input {
    pub text: String,
    pub sources: Vec<Source>,
    pub warnings: Vec<String>,
}

/// Like git and ripgrep: a NUL byte in the first 8 KiB means binary.
fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

pub fn read(names: &[String]) -> Result<Input, String> {
    let names: Vec<String> = if names.is_empty() {
        vec!["-".into()]
    } else {
        names.to_vec()
    };
    let mut input = Input {
        text: String::new(),
        sources: Vec::new(),
        warnings: Vec::new(),
    };
    let mut line = 1;
    for name in names {
        let bytes = if name == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
            buf
        } else {
            std::fs::read(&name).map_err(|e| format!("{name}: cannot read: {e}"))?
        };
        let shown = if name == "-" {
            "<stdin>".to_string()
        } else {
            name
        };
        if is_binary(&bytes) {
            return Err(format!("{shown}: looks like a binary file (NUL bytes); paste the error text or the config instead"));
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                input.warnings.push(format!(
                    "{shown}: not valid UTF-8; invalid bytes were replaced with U+FFFD"
                ));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let mut text = text;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if !input.text.is_empty() && !input.text.ends_with('\n') {
            input.text.push('\n');
            line += 1;
        }
        input.sources.push(Source {
            name: shown,
            start: input.text.len(),
            first_line: line,
            ends_with_newline: text.ends_with('\n'),
        });
        line += text.matches('\n').count();
        if input.text.is_empty() {
            input.text = text; // one input: no copy
        } else {
            input.text.push_str(&text);
        }
    }
    Ok(input)
}

impl Input {
    /// 1-based line of the joined paste holding a byte offset.
    pub fn line_of(&self, pos: usize) -> usize {
        self.text.as_bytes()[..pos.min(self.text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    pub fn original_ends_with_newline(&self, i: usize) -> bool {
        self.sources.get(i).is_some_and(|s| s.ends_with_newline)
    }

    /// The input holding a 1-based line of the joined paste, and the line within it.
    pub fn locate(&self, line: usize) -> (&str, usize) {
        let s = self
            .sources
            .iter()
            .rev()
            .find(|s| s.first_line <= line)
            .or(self.sources.first());
        s.map_or(("<stdin>", line), |s| {
            (s.name.as_str(), line + 1 - s.first_line)
        })
    }
}
