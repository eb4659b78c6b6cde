//! Human output, in the style of a good linter: `error[rule-id]: title`, a `-->` location, the
//! line with a caret under the evidence, then explanation, steps, verification and sources.
//! Everything printed comes from the (already redacted) report. Text from the paste or the
//! command line goes through [`clean`] on its way out: a terminal sees no escape sequence,
//! carriage return, bell or bidi override but the ones this file writes (colours).

use crate::input::Input;
use llmdoctor_core::report::{Applicability, Diagnosis, Report};
use llmdoctor_core::secrets::needs_escape;
use llmdoctor_core::selfcheck::self_check;
use llmdoctor_core::{Lang, Rule, Severity};
use std::borrow::Cow;
use std::fmt::Write as _;

pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn severity(&self, sev: Severity) -> String {
        self.by_severity(sev, sev.as_str())
    }
}

fn zh(lang: Lang) -> bool {
    lang == Lang::Zh
}

/// How `c` is shown: itself, or (when a terminal would act on it) as `\r`, `\x1b`, `\u{202e}`
/// — the notation of `Masked::printable`, as ripgrep and git show such bytes.
fn shown(c: char, out: &mut String) {
    if !needs_escape(c) {
        out.push(c);
    } else if c == '\r' {
        out.push_str("\\r");
    } else if (c as u32) < 0x100 {
        out.push_str(&format!("\\x{:02x}", c as u32));
    } else {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    }
}

/// `s` with every character a terminal would act on written out (see [`shown`]).
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        shown(c, &mut out);
    }
    Cow::Owned(out)
}

pub fn render(report: &Report, input: &Input, lang: Lang, st: &Style, diff: bool) -> String {
    let mut out = String::new();
    for d in &report.diagnoses {
        diagnosis(&mut out, d, input, lang, st);
    }
    for c in &report.corrected {
        let (name, line) = input.locate(input.line_of(c.start));
        let name = clean(name);
        let head = if zh(lang) {
            format!("修正后的配置（{}，{name}:{line}）：", c.format)
        } else {
            format!("corrected {} ({name}:{line}):", c.format)
        };
        let _ = writeln!(out, "{}", st.bold(&head));
        if diff && !c.diff.is_empty() {
            for l in c.diff.lines() {
                let l = &*clean(l);
                let painted = match l.as_bytes().first() {
                    Some(b'+') if !l.starts_with("+++") => st.paint("32", l),
                    Some(b'-') if !l.starts_with("---") => st.paint("31", l),
                    Some(b'@') => st.paint("36", l),
                    _ => l.to_string(),
                };
                let _ = writeln!(out, "  {painted}");
            }
        } else {
            for l in c.text.lines() {
                let _ = writeln!(out, "  {}", clean(l));
            }
        }
        if let Some(v) = &c.verify {
            let _ = writeln!(
                out,
                "  {} {}",
                st.bold(if zh(lang) { "验证：" } else { "verify:" }),
                clean(v)
            );
        }
        out.push('\n');
    }
    if let Some(notes) = report.facts.get("notes").and_then(|n| n.as_array()) {
        for n in notes.iter().filter_map(|n| n.as_str()) {
            let _ = writeln!(out, "{}: {}", st.paint("1;36", "note"), clean(n));
        }
    }
    if report.diagnoses.is_empty() {
        let sc = self_check(lang);
        let _ = writeln!(out, "{}", st.bold(sc.title));
        for item in sc.items {
            let _ = writeln!(out, "  - {item}");
        }
        let _ = writeln!(out, "  {}", st.dim(&format!("({})", sc.source)));
    } else {
        let n = report.diagnoses.len();
        let errors = report
            .diagnoses
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let line = if zh(lang) {
            format!("发现 {n} 个问题（{errors} 个错误）。第一个最可能是原因。")
        } else {
            format!(
                "{n} finding{} ({errors} error{}). The first is the most likely cause.",
                plural(n),
                plural(errors)
            )
        };
        let _ = writeln!(out, "{}", st.bold(&line));
    }
    out
}

/// How sure the diagnosis is, after its category; nothing for `high`.
fn confidence(c: llmdoctor_core::Confidence, lang: Lang) -> &'static str {
    use llmdoctor_core::Confidence::*;
    match (c, zh(lang)) {
        (High, _) => "",
        (Medium, false) => ", medium confidence",
        (Low, false) => ", low confidence: a general finding",
        (Medium, true) => "，中等置信度",
        (Low, true) => "，低置信度：一般性判断",
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn diagnosis(out: &mut String, d: &Diagnosis, input: &Input, lang: Lang, st: &Style) {
    let _ = writeln!(
        out,
        "{}{} {} {}",
        st.severity(d.severity),
        st.bold(&format!("[{}]:", d.rule)),
        st.bold(&clean(&d.title)),
        st.dim(&format!(
            "({}{})",
            d.category.as_str(),
            confidence(d.confidence, lang)
        ))
    );
    for (i, e) in d.evidence.iter().enumerate() {
        let (name, line) = input.locate(e.line);
        let _ = writeln!(
            out,
            "  {} {}:{line}:{}",
            st.paint("1;34", "-->"),
            clean(name),
            e.column
        );
        if i == 0 {
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            // The line as shown (tabs as one space, control characters written out), and the
            // display column where each of its characters starts: carets go under what the
            // terminal shows, escapes included.
            let mut ctx = String::new();
            let mut cols = vec![0];
            for c in e.context.text.chars() {
                let at = ctx.len();
                shown(if c == '\t' { ' ' } else { c }, &mut ctx);
                let w: usize = ctx[at..].chars().map(char_width).sum();
                cols.push(cols.last().copied().unwrap_or(0) + w);
            }
            let col = |n: usize| cols[n.min(cols.len() - 1)];
            let _ = writeln!(out, "  {pad} {}", st.paint("1;34", "|"));
            let _ = writeln!(
                out,
                "  {} {} {ctx}",
                st.paint("1;34", &gutter),
                st.paint("1;34", "|")
            );
            let from = col(e.context.from);
            let lead = " ".repeat(from);
            let carets = "^".repeat(col(e.context.to).saturating_sub(from).max(1));
            let _ = writeln!(
                out,
                "  {pad} {} {lead}{}",
                st.paint("1;34", "|"),
                st.by_severity(d.severity, &carets)
            );
        }
    }
    if d.count > d.evidence.len() {
        let more = if zh(lang) {
            format!("共出现 {} 次", d.count)
        } else {
            format!("seen {} times", d.count)
        };
        let _ = writeln!(out, "  {}", st.dim(&more));
    }
    let _ = writeln!(out, "  {}", clean(&d.explanation));
    if let Some(r) = &d.reset {
        let _ = writeln!(
            out,
            "  {} {}",
            st.bold(if zh(lang) { "重置：" } else { "reset:" }),
            clean(&r.note)
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        st.bold(if zh(lang) { "修复步骤：" } else { "fix:" })
    );
    for (i, s) in d.steps.iter().enumerate() {
        let _ = writeln!(out, "    {}. {}", i + 1, clean(s));
    }
    let _ = writeln!(
        out,
        "  {} {}",
        st.bold(if zh(lang) { "验证：" } else { "verify:" }),
        clean(&d.verify)
    );
    let _ = writeln!(
        out,
        "  {} {}",
        st.bold(if zh(lang) { "重试：" } else { "retry:" }),
        clean(&d.retry.advice)
    );
    let _ = writeln!(
        out,
        "  {}",
        st.dim(&format!(
            "{} {}",
            if zh(lang) { "来源：" } else { "sources:" },
            clean(&llmdoctor_core::secrets::Masked::join(&d.sources, "; "))
        ))
    );
    if let Some(f) = &d.fix {
        let safe = f.applicability == Applicability::Safe;
        let how = match (safe, zh(lang)) {
            (true, false) => "a safe fix is available (--fix applies it; --diff shows it)",
            (false, false) => "a fix is available; review it first (--diff shows it; --fix --unsafe-fixes applies it)",
            (true, true) => "有可安全应用的修正（--fix 应用；--diff 查看）",
            (false, true) => "有修正，请先检查（--diff 查看；--fix --unsafe-fixes 应用）",
        };
        let _ = writeln!(out, "  {}", st.paint("32", how));
    }
    let _ = writeln!(
        out,
        "  {}",
        st.dim(&format!("llmdoctor explain {}", d.rule))
    );
    out.push('\n');
}

/// Display width of a character: CJK and other wide characters count 2.
fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = (0x1100..=0x115f).contains(&u)
        || (0x2e80..=0xa4cf).contains(&u)
        || (0xac00..=0xd7a3).contains(&u)
        || (0xf900..=0xfaff).contains(&u)
        || (0xfe30..=0xfe4f).contains(&u)
        || (0xff00..=0xff60).contains(&u)
        || (0xffe0..=0xffe6).contains(&u)
        || (0x1f300..=0x1faff).contains(&u)
        || (0x20000..=0x3fffd).contains(&u);
    if wide {
        2
    } else {
        1
    }
}

impl Style {
    fn by_severity(&self, sev: Severity, s: &str) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, s)
    }
}

/// `llmdoctor rules`: one line per rule.
pub fn rules_table(rules: &[Rule], lang: Lang) -> String {
    let w = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rules {
        let _ = writeln!(
            out,
            "{:w$}  {:16}  {:7}  {}",
            r.id,
            r.category.as_str(),
            r.severity.as_str(),
            r.text(lang).title
        );
    }
    out
}

/// `llmdoctor explain ID`: the whole rule.
pub fn explain(r: &Rule, lang: Lang) -> String {
    let t = r.text(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.id, t.title);
    let _ = writeln!(
        out,
        "category: {}   severity: {}   file: {}",
        r.category.as_str(),
        r.severity.as_str(),
        r.file
    );
    let _ = writeln!(out, "\n{}\n", t.explanation);
    for (i, s) in t.steps.iter().enumerate() {
        let _ = writeln!(out, "{}. {s}", i + 1);
    }
    let _ = writeln!(out, "\nverify: {}", t.verify);
    let _ = writeln!(out, "sources: {}", t.sources.join("; "));
    let _ = writeln!(out, "matches: {}", r.patterns.join("  |  "));
    if !r.when.is_empty() {
        let _ = writeln!(out, "only when: {}", r.when.join(", "));
    }
    if !r.unless.is_empty() {
        let _ = writeln!(out, "not when: {}", r.unless.join(", "));
    }
    out
}
