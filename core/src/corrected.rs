//! The user's own config with the fixes applied: span edits on the original text, so
//! formatting, comments and order survive; masked like everything else; plus a unified diff.

use crate::config::Config;
use crate::fix::Edit;
use crate::report::{Corrected, Edit as ReportEdit, Report, Verify};
use crate::secrets::{Masked, Redactor};
use crate::verify;

/// Blocks longer than this get no diff (the corrected text is still given): the diff is linear,
/// this only bounds its size.
const MAX_DIFF_LINES: usize = 20_000;

/// One corrected snippet per config block that any edit touches.
pub(crate) fn build(text: &str, cfg: &Config, edits: &[Edit], r: &Redactor) -> Vec<Corrected> {
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
        let mine = applying(mine, |e| (e.start, e.end, e.replacement.as_str()));
        let original = r.slice(text, b.start, b.end);
        let mut fixed = Masked::default();
        let mut raw = String::new();
        let mut at = b.start;
        for e in mine {
            fixed.push(&r.slice(text, at, e.start));
            fixed.push(&r.scrub(&e.replacement, text));
            raw.push_str(text.get(at..e.start).unwrap_or(""));
            raw.push_str(&e.replacement);
            at = e.end;
        }
        fixed.push(&r.slice(text, at, b.end));
        raw.push_str(text.get(at..b.end).unwrap_or(""));
        if fixed == original {
            continue;
        }
        // Env lines and curl commands are pasted into a shell, code is run: offered (masked,
        // and as "Copy with my key" gives them) only when running them runs nothing but what
        // they say (`escape::offerable`).
        if !crate::escape::offerable(text, cfg, block, &raw)
            || !crate::escape::offerable(text, cfg, block, &fixed)
        {
            continue;
        }
        // Both sides are masked: so is their diff.
        let diff = r.scrub(&unified_diff(&original, &fixed), text);
        let verify = verify::command(cfg, block, &mine_all).map(|v| match v {
            verify::Check::Command(c) => Verify::Command(r.scrub(&c, text)),
            verify::Check::CodingPlan => Verify::CodingPlan,
        });
        out.push(Corrected {
            format: b.format,
            start: b.start,
            end: b.end,
            text: fixed,
            diff,
            verify,
        });
    }
    out
}

/// Of `edits` sorted by span, the ones that apply: duplicates dropped, and of overlapping ones
/// the first. The one overlap policy of the masked corrected text and of the reveal path.
fn applying<E>(edits: Vec<E>, key: impl Fn(&E) -> (usize, usize, &str)) -> Vec<E> {
    let mut out: Vec<E> = Vec::with_capacity(edits.len());
    let mut at = 0;
    for e in edits {
        let (start, end, repl) = key(&e);
        if let Some(last) = out.last() {
            let (ls, le, lr) = key(last);
            if (ls, le, lr) == (start, end, repl) {
                continue;
            }
        }
        if start < at {
            continue; // overlapping edits: the first wins
        }
        at = end;
        out.push(e);
    }
    out
}

/// The corrected snippets of `report` with the real values the fixes write (the cleaned key of
/// a key-whitespace fix, say): the explicit reveal path, for the page's "Copy with my key" and
/// `--fix`. Built from the paste and the fix edits; nothing is diagnosed again.
pub fn revealed(text: &str, report: &Report) -> Vec<String> {
    let edits = fix_edits(report);
    report
        .corrected
        .iter()
        .map(|c| apply_revealed(text, &edits, c.start, c.end))
        .collect()
}

/// Every fix edit of `report`, in diagnosis order.
pub fn fix_edits(report: &Report) -> Vec<&ReportEdit> {
    report
        .diagnoses
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| f.edits.iter())
        .collect()
}

/// `text[start..end]` with the edits that lie inside it applied, with their real values, by the
/// one overlap policy (`applying`: duplicates once, of overlapping edits the first). What the
/// reveal path and the CLI's `--fix` write.
pub fn apply_revealed(text: &str, edits: &[&ReportEdit], start: usize, end: usize) -> String {
    let mut mine: Vec<&ReportEdit> = edits
        .iter()
        .copied()
        .filter(|e| e.start >= start && e.end <= end)
        .collect();
    crate::order::sort_by_key(&mut mine, |e| (e.start as u64, e.end as u64, 0));
    let mine = applying(mine, |e| (e.start, e.end, e.revealed.reveal()));
    let mut out = String::new();
    let mut at = start;
    for e in mine {
        out.push_str(text.get(at..e.start).unwrap_or(""));
        out.push_str(e.revealed.reveal());
        at = e.end;
    }
    out.push_str(text.get(at..end).unwrap_or(""));
    out
}

/// A unified diff (hunks with 3 lines of context) of a block and its corrected text.
pub(crate) fn unified_diff(a: &str, b: &str) -> String {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    if x.len() > MAX_DIFF_LINES || y.len() > MAX_DIFF_LINES {
        return String::new();
    }
    // Linear, no LCS table: the corrected text is the original with span edits, so lines
    // either stay in step (value replacements: compared pairwise, each run of changed lines
    // shown as its removals then its additions) or, when an edit adds or removes lines, differ
    // in one region between a common head and a common tail.
    let (n, m) = (x.len(), y.len());
    let mut ops: Vec<(char, &str)> = Vec::with_capacity(n + m);
    if n == m {
        let mut k = 0;
        while k < n {
            if x[k] == y[k] {
                ops.push((' ', x[k]));
                k += 1;
                continue;
            }
            let run = x[k..]
                .iter()
                .zip(&y[k..])
                .take_while(|(a, b)| a != b)
                .count();
            ops.extend(x[k..k + run].iter().map(|l| ('-', *l)));
            ops.extend(y[k..k + run].iter().map(|l| ('+', *l)));
            k += run;
        }
    } else {
        let head = x.iter().zip(&y).take_while(|(a, b)| a == b).count();
        let tail = x[head..]
            .iter()
            .rev()
            .zip(y[head..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        ops.extend(x[..head].iter().map(|l| (' ', *l)));
        ops.extend(x[head..n - tail].iter().map(|l| ('-', *l)));
        ops.extend(y[head..m - tail].iter().map(|l| ('+', *l)));
        ops.extend(x[n - tail..].iter().map(|l| (' ', *l)));
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

    #[test]
    fn diff_groups_a_run_of_changed_lines_and_handles_added_lines() {
        let a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj";
        // Two adjacent lines changed: their removals, then their additions.
        let d = unified_diff(a, &a.replace("c\nd", "C\nD"));
        assert!(d.contains("\n-c\n-d\n+C\n+D\n"), "{d}");
        assert!(d.contains("@@ -1,7 +1,7 @@"), "{d}");
        // A line added: one hunk between the common head and tail.
        let d = unified_diff(a, &a.replace("e\n", "e\nE2\n"));
        assert!(
            d.contains("@@ -3,6 +3,7 @@\n c\n d\n e\n+E2\n f\n g\n h\n"),
            "{d}"
        );
        // Two changes far apart: two hunks.
        let far = a.replace('a', "A").replace('j', "J");
        assert_eq!(unified_diff(a, &far).matches("@@ -").count(), 2);
    }

    #[test]
    fn the_reveal_path_applies_edits_by_one_overlap_policy() {
        use crate::report::Edit;
        use crate::secrets::{Masked, Revealed};
        let edit = |start, end, real: &str| Edit {
            start,
            end,
            replacement: Masked::fixed("…"),
            revealed: Revealed::new(real.to_string()),
        };
        let text = "abcdefghij";
        let (a, b, c, d) = (
            edit(2, 5, "X"),
            edit(4, 7, "Y"),
            edit(8, 9, "Z"),
            edit(8, 9, "Z"),
        );
        // Given in any order: sorted; of the overlapping pair the first; a duplicate once;
        // edits outside the range left out.
        let edits = vec![&c, &b, &a, &d];
        assert_eq!(super::apply_revealed(text, &edits, 0, 10), "abXfghZj");
        assert_eq!(super::apply_revealed(text, &edits, 6, 10), "ghZj");
    }
}
