//! Reading the inputs: files or stdin, joined into one paste. Binary input is refused; invalid
//! UTF-8 is read lossily with a warning.
//!
//! Big input: every input is read straight into the one buffer that becomes the paste (no second
//! copy when it is valid UTF-8: the buffer becomes the `String` as it is), and reading stops at
//! the engine's bound ([`MAX_INPUT`]) with a warning, so a multi-gigabyte log is never loaded
//! whole; the engine diagnoses the part read.

use crate::progress::Progress;
use llmdoctor_core::MAX_INPUT;
use llmdoctor_core::{Msg, Wording};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a part of the paste comes from, which decides whether `--fix` may write it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A file, written back by `--fix` (after a `.bak`).
    File,
    /// Standard input: never rewritten.
    Stdin,
    /// Environment variables (`llmdoctor doctor`): shown, never rewritten.
    Environment,
    /// A line llmdoctor adds to label the part that follows (`# ~/.claude/settings.json`).
    Label,
    /// Some lines of a file, not the whole file (`~/.claude.json`): never rewritten.
    Excerpt,
}

/// The syntax of a file `llmdoctor doctor` reads: `--fix` refuses a file that does not parse
/// as it, and an edit after which it would not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    /// JSON with comments and trailing commas (Qwen Code, Gemini CLI, opencode).
    Jsonc,
    /// JSON5 (OpenClaw).
    Json5,
    Toml,
    Yaml,
    /// `NAME=value` lines (`.env`).
    Dotenv,
}

pub struct Source {
    /// The name shown for this part: the path as given, `<stdin>`, `~/.codex/config.toml`.
    pub name: String,
    /// The file to write back (`--fix`); `None` for stdin and for parts that are not files.
    pub path: Option<PathBuf>,
    pub kind: Kind,
    pub syntax: Option<Syntax>,
    /// Lines of the file before the first line of this part (an excerpt starts mid-file).
    pub line_offset: usize,
    /// Whether the input itself ended with a newline (the join adds one when it did not).
    pub ends_with_newline: bool,
    /// Byte offset of this input in the joined paste.
    pub start: usize,
    /// 1-based line of the joined paste where this input begins.
    pub first_line: usize,
    /// The paste holds this input changed (invalid UTF-8 replaced) or in part (over the bound):
    /// `--fix` must not write it back.
    pub altered: bool,
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

/// Errors and warnings are worded by `w`.
pub fn read(names: &[PathBuf], progress: &mut Progress, w: &Wording) -> Result<Input, String> {
    read_bounded(names, MAX_INPUT, progress, w)
}

fn is_stdin(name: &Path) -> bool {
    name.as_os_str() == "-"
}

/// [`read`] with the bound on the joined paste as a parameter (tests use a small one).
fn read_bounded(
    names: &[PathBuf],
    limit: usize,
    progress: &mut Progress,
    w: &Wording,
) -> Result<Input, String> {
    let names: Vec<PathBuf> = if names.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        names.to_vec()
    };
    let sizes: Option<u64> = names
        .iter()
        .map(|n| {
            if is_stdin(n) {
                None
            } else {
                std::fs::metadata(n).ok().map(|m| m.len())
            }
        })
        .sum();
    progress.start_reading(sizes.map(|s| s.min(limit as u64)));
    let mut buf: Vec<u8> = Vec::new();
    let mut sources = Vec::new();
    let mut warnings = Vec::new();
    let mut line = 1;
    for name in names {
        // A name that is not UTF-8 is shown with U+FFFD where its bad bytes are, and opened as
        // it is.
        let stdin = is_stdin(&name);
        let shown = if stdin {
            "<stdin>".to_string()
        } else {
            name.to_string_lossy().into_owned()
        };
        if !buf.is_empty() && buf.last() != Some(&b'\n') {
            buf.push(b'\n');
            line += 1;
        }
        let start = buf.len();
        // One byte over what is left tells a cut input from one that fits exactly.
        let room = limit.saturating_sub(start);
        let want = u64::try_from(room).unwrap_or(u64::MAX).saturating_add(1);
        let read = if stdin {
            progress
                .reader(std::io::stdin().lock())
                .take(want)
                .read_to_end(&mut buf)
        } else {
            std::fs::File::open(&name).and_then(|f| {
                let size = f.metadata().map_or(0, |m| m.len());
                buf.reserve(usize::try_from(size.min(want)).unwrap_or(room));
                progress.reader(f).take(want).read_to_end(&mut buf)
            })
        };
        read.map_err(|e| w.fill(Msg::CliCannotRead, &[("name", &shown), ("error", &e)]))?;
        if is_binary(&buf[start..]) {
            return Err(w.fill(Msg::CliBinaryFile, &[("name", &shown)]));
        }
        let mut altered = false;
        if buf.len() - start > room {
            // Cut at the bound, on a character's first byte.
            let mut cut = start + room;
            while cut > start && buf.get(cut).is_some_and(|&b| b & 0xC0 == 0x80) {
                cut -= 1;
            }
            buf.truncate(cut);
            altered = true;
            warnings.push(w.fill(
                Msg::CliInputCut,
                &[
                    ("name", &shown),
                    ("read", &(cut - start)),
                    ("limit", &(limit / (1024 * 1024))),
                ],
            ));
        }
        if buf[start..].starts_with("\u{feff}".as_bytes()) {
            buf.drain(start..start + 3);
        }
        if std::str::from_utf8(&buf[start..]).is_err() {
            warnings.push(w.fill(Msg::CliNotUtf8, &[("name", &shown)]));
            let fixed = String::from_utf8_lossy(&buf[start..]).into_owned();
            buf.truncate(start);
            buf.extend_from_slice(fixed.as_bytes());
            altered = true;
        }
        sources.push(Source {
            name: shown,
            path: (!stdin).then_some(name),
            kind: if stdin { Kind::Stdin } else { Kind::File },
            syntax: None,
            line_offset: 0,
            start,
            first_line: line,
            ends_with_newline: buf.len() > start && buf.last() == Some(&b'\n'),
            altered,
        });
        line += memchr::memchr_iter(b'\n', &buf[start..]).count();
    }
    progress.done_reading();
    // Every part was checked above: this only re-validates, it does not copy.
    let text =
        String::from_utf8(buf).map_err(|e| w.fill(Msg::CliNotUtf8After, &[("error", &e)]))?;
    Ok(Input {
        text,
        sources,
        warnings,
    })
}

impl Input {
    /// 1-based line of the joined paste holding a byte offset.
    pub fn line_of(&self, pos: usize) -> usize {
        memchr::memchr_iter(b'\n', &self.text.as_bytes()[..pos.min(self.text.len())]).count() + 1
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
            (s.name.as_str(), line + 1 - s.first_line + s.line_offset)
        })
    }

    /// Byte range of part `i` in the joined paste (up to the next part).
    pub fn range(&self, i: usize) -> (usize, usize) {
        let start = self.sources.get(i).map_or(0, |s| s.start);
        let end = self.sources.get(i + 1).map_or(self.text.len(), |n| n.start);
        (start, end)
    }

    /// Joins parts built in memory (`llmdoctor doctor`) the way [`read`] joins inputs.
    pub fn join(parts: Vec<Part>) -> Input {
        let mut text = String::new();
        let mut sources = Vec::new();
        let mut line = 1;
        for p in parts {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
                line += 1;
            }
            let start = text.len();
            text.push_str(&p.text);
            sources.push(Source {
                name: p.name,
                path: p.path,
                kind: p.kind,
                syntax: p.syntax,
                line_offset: p.line_offset,
                ends_with_newline: p.text.ends_with('\n'),
                start,
                first_line: line,
                altered: false,
            });
            line += p.text.matches('\n').count();
        }
        Input {
            text,
            sources,
            warnings: Vec::new(),
        }
    }
}

/// A part of a paste built in memory.
pub struct Part {
    pub name: String,
    pub path: Option<PathBuf>,
    pub kind: Kind,
    pub syntax: Option<Syntax>,
    pub line_offset: usize,
    pub text: String,
}

#[cfg(test)]
mod tests {

    use crate::progress::Progress;

    fn read_bounded(names: &[std::path::PathBuf], limit: usize) -> Result<super::Input, String> {
        let w = crate::wording(llmdoctor_core::Lang::En);
        super::read_bounded(names, limit, &mut Progress::new(false), &w)
    }

    fn files(parts: &[&[u8]]) -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
        let dir = std::env::temp_dir().join(format!(
            "llmdoctor-input-{}-{}",
            std::process::id(),
            parts.len() * 1000 + parts.first().map_or(0, |p| p.len())
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let names = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let f = dir.join(format!("{i}.txt"));
                std::fs::write(&f, p).expect("write");
                f
            })
            .collect();
        (dir, names)
    }

    #[test]
    fn inputs_are_joined_with_a_newline_and_their_lines_counted() {
        let (dir, names) = files(&[b"a\nb", b"\xef\xbb\xbfc\n", b"d"]);
        let input = read_bounded(&names, 1 << 20).expect("read");
        assert_eq!(input.text, "a\nb\nc\nd");
        let starts: Vec<(usize, usize)> = input
            .sources
            .iter()
            .map(|s| (s.start, s.first_line))
            .collect();
        assert_eq!(starts, [(0, 1), (4, 3), (6, 4)]);
        assert!(input.warnings.is_empty());
        assert!(input.sources.iter().all(|s| !s.altered));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn invalid_utf8_is_replaced_in_its_own_part_with_a_warning() {
        let (dir, names) = files(&[b"ok\n", b"caf\xe9\n"]);
        let input = read_bounded(&names, 1 << 20).expect("read");
        assert_eq!(input.text, "ok\ncaf\u{fffd}\n");
        assert_eq!(input.warnings.len(), 1);
        assert!(input.warnings[0].contains("not valid UTF-8"));
        assert_eq!(
            input.sources.iter().map(|s| s.altered).collect::<Vec<_>>(),
            [false, true]
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn reading_stops_at_the_bound_on_a_character_boundary_with_a_warning() {
        // 10 bytes allowed: "abcdefgh" + the first byte of "é" would split it.
        let (dir, names) = files(&["abcdefghé tail".as_bytes(), b"second"]);
        let input = read_bounded(&names, 9).expect("read");
        assert_eq!(
            input.text, "abcdefgh\n",
            "cut before the split character; nothing of the second file fits"
        );
        assert!(input
            .warnings
            .iter()
            .any(|w| w.contains("only the first 8 bytes")));
        assert!(input.sources[0].altered);
        let exact = read_bounded(&names[..1], "abcdefghé tail".len()).expect("read");
        assert!(
            exact.warnings.is_empty(),
            "an input that fits exactly is not cut"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn nul_bytes_are_refused() {
        let (dir, names) = files(&[b"x\0y"]);
        let err = read_bounded(&names, 1 << 20).err().unwrap_or_default();
        assert!(err.contains("binary"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
