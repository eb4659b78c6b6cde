//! `--fix`: applies the report's span edits to the files they came from. Each file is backed up
//! as `FILE.bak` first; stdin is never touched; fixes marked `review` need `--unsafe-fixes`.

use crate::input::Input;
use llmdoctor_core::report::{Applicability, Edit, Report};

pub struct Outcome {
    pub messages: Vec<String>,
    pub failed: bool,
}

/// Writes each edit's real value (the explicit reveal path) into the file it came from.
pub fn apply(report: &Report, input: &Input, unsafe_fixes: bool) -> Outcome {
    let mut out = Outcome {
        messages: Vec::new(),
        failed: false,
    };
    let mut edits: Vec<(&Edit, Applicability)> = report
        .diagnoses
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| f.edits.iter().map(move |e| (e, f.applicability)))
        .collect();
    if edits.is_empty() {
        out.messages.push("nothing to fix".into());
        return out;
    }
    edits.sort_by_key(|(e, _)| (e.start, e.end));
    edits.dedup_by(|a, b| a.0 == b.0);
    for (i, src) in input.sources.iter().enumerate() {
        let end = input
            .sources
            .get(i + 1)
            .map_or(input.text.len(), |n| n.start);
        let mine: Vec<&(&Edit, Applicability)> = edits
            .iter()
            .filter(|(e, _)| e.start >= src.start && e.end <= end)
            .collect();
        if mine.is_empty() {
            continue;
        }
        if src.name == "<stdin>" {
            out.messages.push(
                "<stdin>: --fix does not rewrite stdin; use --diff to see the changes".into(),
            );
            continue;
        }
        if src.altered {
            // Writing the paste back would replace bytes the file really has (invalid UTF-8)
            // or drop its end (over the input bound).
            out.messages.push(format!(
                "{}: not rewritten: it was read changed or in part (see the warning above); use --diff",
                src.name
            ));
            out.failed = true;
            continue;
        }
        let review = mine
            .iter()
            .filter(|(_, a)| *a == Applicability::Review)
            .count();
        if review > 0 && !unsafe_fixes {
            out.messages.push(format!("{}: {review} fix(es) need review; not applied (rerun with --fix --unsafe-fixes, or see --diff)", src.name));
            out.failed = true;
            continue;
        }
        let mut text = input.text[src.start..end].to_string();
        let mut last = usize::MAX;
        for (e, _) in mine.iter().rev() {
            if e.end > last {
                continue; // overlapping: keep the earlier edit
            }
            text.replace_range(e.start - src.start..e.end - src.start, e.revealed.reveal());
            last = e.start;
        }
        // The joined paste added a newline between inputs; the file did not have it.
        if i + 1 < input.sources.len()
            && text.ends_with('\n')
            && !input.original_ends_with_newline(i)
        {
            text.pop();
        }
        let bak = format!("{}.bak", src.name);
        let result = std::fs::copy(&src.name, &bak).and_then(|_| std::fs::write(&src.name, &text));
        match result {
            Ok(()) => out.messages.push(format!(
                "{}: applied {} fix(es); the original is in {bak}",
                src.name,
                mine.len()
            )),
            Err(e) => {
                out.messages
                    .push(format!("{}: cannot write: {e}", src.name));
                out.failed = true;
            }
        }
    }
    out
}
