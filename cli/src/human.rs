//! Human output, in the style of a good linter: `error[rule-id]: title`, a `-->` location, the
//! line with a caret under the evidence, then explanation, steps, verification and sources.
//! Everything printed comes from the (already redacted) report.

use crate::input::Input;
use llmdoctor_core::report::{Applicability, Diagnosis, Report};
use llmdoctor_core::selfcheck::self_check;
use llmdoctor_core::{Lang, Rule, Severity};
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

pub fn render(report: &Report, input: &Input, lang: Lang, st: &Style, diff: bool) -> String {
    let mut out = String::new();
    for d in &report.diagnoses {
        diagnosis(&mut out, d, input, lang, st);
    }
    for c in &report.corrected {
        let (name, line) = input.locate(input.line_of(c.start));
        let head = if zh(lang) {
            format!("修正后的配置（{}，{name}:{line}）：", c.format)
        } else {
            format!("corrected {} ({name}:{line}):", c.format)
        };
        let _ = writeln!(out, "{}", st.bold(&head));
        if diff && !c.diff.is_empty() {
            for l in c.diff.lines() {
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
                let _ = writeln!(out, "  {l}");
            }
        }
        if let Some(v) = &c.verify {
            let _ = writeln!(
                out,
                "  {} {v}",
                st.bold(if zh(lang) { "验证：" } else { "verify:" })
            );
        }
        out.push('\n');
    }
    if let Some(notes) = report.facts.get("notes").and_then(|n| n.as_array()) {
        for n in notes.iter().filter_map(|n| n.as_str()) {
            let _ = writeln!(out, "{}: {n}", st.paint("1;36", "note"));
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
        st.bold(&d.title),
        st.dim(&format!("({})", d.category.as_str()))
    );
    for (i, e) in d.evidence.iter().enumerate() {
        let (name, line) = input.locate(e.line);
        let _ = writeln!(
            out,
            "  {} {name}:{line}:{}",
            st.paint("1;34", "-->"),
            e.column
        );
        if i == 0 {
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            let ctx: String = e
                .context
                .text
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let _ = writeln!(out, "  {pad} {}", st.paint("1;34", "|"));
            let _ = writeln!(
                out,
                "  {} {} {ctx}",
                st.paint("1;34", &gutter),
                st.paint("1;34", "|")
            );
            let lead = " ".repeat(width(&ctx, e.context.from));
            let carets = "^".repeat(width_between(&ctx, e.context.from, e.context.to).max(1));
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
    let _ = writeln!(out, "  {}", d.explanation);
    if let Some(r) = &d.reset {
        let _ = writeln!(
            out,
            "  {} {}",
            st.bold(if zh(lang) { "重置：" } else { "reset:" }),
            r.note
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        st.bold(if zh(lang) { "修复步骤：" } else { "fix:" })
    );
    for (i, s) in d.steps.iter().enumerate() {
        let _ = writeln!(out, "    {}. {s}", i + 1);
    }
    let _ = writeln!(
        out,
        "  {} {}",
        st.bold(if zh(lang) { "验证：" } else { "verify:" }),
        d.verify
    );
    let _ = writeln!(
        out,
        "  {} {}",
        st.bold(if zh(lang) { "重试：" } else { "retry:" }),
        d.retry.advice
    );
    let _ = writeln!(
        out,
        "  {}",
        st.dim(&format!(
            "{} {}",
            if zh(lang) { "来源：" } else { "sources:" },
            llmdoctor_core::secrets::Masked::join(&d.sources, "; ")
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

/// Display width (CJK and other wide characters count 2) of the first `n` characters.
fn width(s: &str, n: usize) -> usize {
    s.chars().take(n).map(char_width).sum()
}

fn width_between(s: &str, from: usize, to: usize) -> usize {
    s.chars()
        .skip(from)
        .take(to.saturating_sub(from))
        .map(char_width)
        .sum()
}

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
    let _ = writeln!(out, "sources: {}", r.sources.join("; "));
    let _ = writeln!(out, "matches: {}", r.patterns.join("  |  "));
    if !r.when.is_empty() {
        let _ = writeln!(out, "only when: {}", r.when.join(", "));
    }
    if !r.unless.is_empty() {
        let _ = writeln!(out, "not when: {}", r.unless.join(", "));
    }
    out
}
