//! The user's own config with the fixes applied: span edits on the original text, so
//! formatting, comments and order survive; masked like everything else; plus a unified diff.

use crate::config::Config;
use crate::model::Lang;
use crate::report::{Corrected, Edit};
use crate::secrets::Redactor;
use crate::verify;

/// Blocks longer than this get no diff (the corrected text is still given).
const MAX_DIFF_LINES: usize = 2000;

/// One corrected snippet per config block that any edit touches.
pub fn build(text: &str, cfg: &Config, edits: &[Edit], r: &Redactor, lang: Lang) -> Vec<Corrected> {
    let mut out = Vec::new();
    for (block, b) in cfg.blocks.iter().enumerate() {
        let mut mine: Vec<&Edit> = edits
            .iter()
            .filter(|e| e.start >= b.start && e.end <= b.end)
            .collect();
        if mine.is_empty() {
            continue;
        }
        crate::order::sort_by_key(&mut mine, |e| (e.start as u64, e.end as u64, 0));
        let mine_all = mine.clone();
        mine.dedup_by(|x, y| {
            x.start == y.start && x.end == y.end && x.replacement == y.replacement
        });
        let (mut fixed, original) = (String::new(), r.slice(text, b.start, b.end));
        let mut at = b.start;
        for e in mine {
            if e.start < at {
                continue; // overlapping edits: the first wins
            }
            fixed.push_str(&r.slice(text, at, e.start));
            fixed.push_str(&r.scrub(&e.replacement, text));
            at = e.end;
        }
        fixed.push_str(&r.slice(text, at, b.end));
        if fixed == original {
            continue;
        }
        let diff = unified_diff(&original, &fixed);
        let verify = verify::command(cfg, block, &mine_all, lang);
        out.push(Corrected {
            format: b.format.as_str(),
            start: b.start,
            end: b.end,
            text: fixed,
            diff,
            verify,
        });
    }
    out
}

/// A unified diff (hunks with 3 lines of context) of two small texts.
pub fn unified_diff(a: &str, b: &str) -> String {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    if x.len() > MAX_DIFF_LINES || y.len() > MAX_DIFF_LINES {
        return String::new();
    }
    // LCS table, small inputs only.
    let (n, m) = (x.len(), y.len());
    let mut l = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            l[i][j] = if x[i] == y[j] {
                l[i + 1][j + 1] + 1
            } else {
                l[i + 1][j].max(l[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && x[i] == y[j] {
            ops.push((' ', x[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || l[i + 1][j] >= l[i][j + 1]) {
            ops.push(('-', x[i]));
            i += 1;
        } else {
            ops.push(('+', y[j]));
            j += 1;
        }
    }
    let mut out = String::from("--- original\n+++ corrected\n");
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(k, _)| k)
        .collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(3);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 6 {
            end = changed[k];
            k += 1;
        }
        let end = (end + 4).min(ops.len());
        let a_start = ops[..start].iter().filter(|o| o.0 != '+').count() + 1;
        let b_start = ops[..start].iter().filter(|o| o.0 != '-').count() + 1;
        let a_len = ops[start..end].iter().filter(|o| o.0 != '+').count();
        let b_len = ops[start..end].iter().filter(|o| o.0 != '-').count();
        out.push_str(&format!("@@ -{a_start},{a_len} +{b_start},{b_len} @@\n"));
        for (c, line) in &ops[start..end] {
            out.push(*c);
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unified_diff;

    #[test]
    fn diff_shows_only_the_changed_line_with_context() {
        let a = "{\n  \"env\": {\n    \"URL\": \"https://h/v1\",\n    \"M\": \"x\"\n  }\n}";
        let b = a.replace("/v1", "/apps/anthropic");
        let d = unified_diff(a, &b);
        assert!(
            d.contains(
                "-    \"URL\": \"https://h/v1\",\n+    \"URL\": \"https://h/apps/anthropic\",\n"
            ),
            "{d}"
        );
        assert!(d.contains("@@ -1,6 +1,6 @@"), "{d}");
        assert_eq!(unified_diff(a, a), "--- original\n+++ corrected\n");
    }
}
