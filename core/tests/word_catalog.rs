//! Every word a user sees comes from the catalog (issue #13): the message catalog
//! (`rules/messages/<lang>.toml`) and the rules' own words (`rules/*.toml`). No Chinese
//! character is written in the sources of core, the CLI or the page outside test code and the
//! few files where Chinese text is input to match rather than words to show.
//!
//! Test code is a file named `tests.rs` and a file's trailing `#[cfg(test)] mod tests { … }`
//! (everything from that line on is skipped: the house puts the test module last).

use std::path::{Path, PathBuf};

/// Where the catalog and the input-matching data are, relative to the repository, each with why.
const ALLOWED: &[(&str, &str)] = &[
    // Status-code markers and the status regex read Chinese logs (`状态码：400`, `报错 401`).
    (
        "core/src/facts.rs",
        "input matching: Chinese status markers",
    ),
    // The model-name regex finds a model named after `模型` in Chinese error messages.
    (
        "core/src/model_names.rs",
        "input matching: the model-name regex",
    ),
    // Chinese secret names (`密钥`, `令牌`, `密码`) and the prose around them (`是`, `：`), so that
    // keys under them are masked.
    (
        "core/src/secrets/names.rs",
        "input matching: Chinese secret names",
    ),
];

/// The source folders scanned: every `.rs` file under them.
const SCANNED: &[&str] = &["core/src", "cli/src", "web/src"];

/// A CJK unified ideograph (the basic block and extension A).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The part of a source file that is not its trailing test module.
fn non_test(text: &str) -> &str {
    let mut at = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod tests"))
        {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

/// `(line, text)` of each line of `text`'s non-test part that holds a CJK character.
fn cjk_lines(text: &str) -> Vec<(usize, String)> {
    non_test(text)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.chars().any(is_cjk))
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .collect()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ has a parent")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every scanned file's path relative to the repository, with `/` separators.
fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(root()).expect("under the repository");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn allowed(rel: &str) -> bool {
    rel.ends_with("/tests.rs") || ALLOWED.iter().any(|(p, _)| rel.starts_with(p))
}

#[test]
fn no_cjk_literal_outside_the_catalog() {
    let mut files = Vec::new();
    for dir in SCANNED {
        rust_files(&root().join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 50, "too few sources found: {}", files.len());
    let mut found = Vec::new();
    for path in &files {
        let rel = relative(path);
        if allowed(&rel) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (line, l) in cjk_lines(&text) {
            found.push(format!("{rel}:{line}: {l}"));
        }
    }
    assert!(
        found.is_empty(),
        "words for the user belong in the catalog (rules/messages/<lang>.toml), \
         or the file in ALLOWED with its reason:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_allowlist_names_what_is_there() {
    for (p, why) in ALLOWED {
        assert!(root().join(p).exists(), "{p} ({why}) is gone: drop it");
    }
}

#[test]
fn a_cjk_literal_is_found_and_a_test_module_is_not() {
    let code = "fn f() -> &'static str {\n    \"\u{9519}\u{8bef}\"\n}\n";
    assert_eq!(cjk_lines(code), [(2, "\"\u{9519}\u{8bef}\"".to_string())]);
    let tested = "fn f() {}\n\n#[cfg(test)]\nmod tests {\n    const S: &str = \"\u{4e2d}\";\n}\n";
    assert!(cjk_lines(tested).is_empty());
    // A `#[cfg(test)]` on anything but the test module does not hide what follows.
    let gated = "#[cfg(test)]\nfn helper() {}\nconst S: &str = \"\u{4e2d}\";\n";
    assert_eq!(cjk_lines(gated).len(), 1);
    assert!(!is_cjk('a') && !is_cjk('\u{ff1a}') && is_cjk('\u{6a21}'));
}
