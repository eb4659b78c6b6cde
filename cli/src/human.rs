//! Human output, in the style of rustc and cargo, with the libraries they use: annotate-snippets
//! draws `error[rule-id]: title`, the `-->` location and the line with carets under the
//! evidence (several on one line together; tabs and wide characters lined up by its
//! unicode-width), anstyle paints the rest (render.rs). Explanation, steps, verification,
//! retry advice and sources follow, then corrected blocks and a summary line.
//!
//! Everything printed comes from the (already masked) report. Text from the paste or the
//! command line is made printable on its way out (`Masked::printable`, `escape_controls`): a
//! terminal sees no escape sequence, carriage return, bell or bidi override but the colours
//! written here.

use crate::input::Input;
use crate::render::{self, paint, BOLD, DIM, GOOD, NOTE};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use llmdoctor_core::labels::human::{self as words, Heading};
use llmdoctor_core::report::{Applicability, Diagnosis, Evidence, Report};
use llmdoctor_core::selfcheck::self_check;
use llmdoctor_core::{
    escape_controls, needs_escape, Catalog, Lang, Masked, Msg, Rule, Severity, Wording,
};
use std::fmt::Write as _;

pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, style: anstyle::Style, s: &str) -> String {
        paint(self.color, style, s)
    }
    fn bold(&self, s: &str) -> String {
        self.paint(BOLD, s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint(DIM, s)
    }
    /// annotate-snippets' renderer: its default styles when colouring (rustc's), none else.
    fn renderer(&self) -> Renderer {
        if self.color {
            Renderer::styled().hyperlink(false)
        } else {
            Renderer::plain()
        }
    }
}

fn zh(lang: Lang) -> bool {
    lang == Lang::Zh
}

/// A masked text, printable.
fn shown(m: &Masked) -> String {
    m.printable().as_str().to_string()
}

/// A file name (from the command line or doctor), masked like the paste and printable.
fn name_shown(report: &Report, input: &Input, name: &str) -> String {
    shown(&report.mask(name, &input.text))
}

/// An evidence line as shown: the characters a terminal would act on written out (as
/// `escape_controls` does), and where each character of the line starts in it, in bytes.
struct Line {
    text: String,
    starts: Vec<usize>,
}

impl Line {
    fn new(context: &str) -> Line {
        let mut text = String::with_capacity(context.len());
        let mut starts = Vec::with_capacity(context.len() + 1);
        let mut buf = [0u8; 4];
        for c in context.chars() {
            starts.push(text.len());
            if needs_escape(c) {
                text.push_str(&escape_controls(c.encode_utf8(&mut buf)));
            } else {
                text.push(c);
            }
        }
        starts.push(text.len());
        Line { text, starts }
    }

    /// The byte where character `n` of the line starts (the end past the last).
    fn byte(&self, n: usize) -> usize {
        self.starts[n.min(self.starts.len() - 1)]
    }
}

/// The severity's level; in Chinese named with the catalog's word (`Wording::severity`).
fn level<'a>(sev: Severity, w: &Wording<'a>) -> Level<'a> {
    let level = match sev {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    if zh(w.lang()) {
        level.with_name(w.severity(sev))
    } else {
        level
    }
}

/// annotate-snippets writes in `--> file:line:col` the column in the line as shown; where the
/// line was cut, a key before the evidence masked or a control character written out, the
/// paste's column (the JSON's `column`) differs, and it is the one a `file:line:col` means.
/// The location line (the second: the title is one line) gets that column.
fn with_column(rendered: String, column: usize) -> String {
    let Some(a) = rendered.find('\n').map(|i| i + 1) else {
        return rendered;
    };
    let b = rendered[a..].find('\n').map_or(rendered.len(), |i| a + i);
    let line = &rendered[a..b];
    let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !line.contains("--> ") || digits == 0 || !line[..line.len() - digits].ends_with(':') {
        return rendered;
    }
    format!("{}{column}{}", &rendered[..b - digits], &rendered[b..])
}

pub fn render(report: &Report, catalog: &Catalog, input: &Input, st: &Style, diff: bool) -> String {
    let mut out = String::new();
    let w = report.wording(catalog);
    for d in &report.diagnoses {
        diagnosis(&mut out, d, report, catalog, input, st);
    }
    for c in &report.corrected {
        let (name, line) = input.locate(input.line_of(c.start));
        let name = name_shown(report, input, name);
        let head = words::corrected(&w, c.format, &name, line);
        let _ = writeln!(out, "{}", st.bold(&head));
        if diff && !c.diff.is_empty() {
            for l in shown(&c.diff).lines() {
                let painted = match l.as_bytes().first() {
                    Some(b'+') if !l.starts_with("+++") => st.paint(render::ADDED, l),
                    Some(b'-') if !l.starts_with("---") => st.paint(render::REMOVED, l),
                    Some(b'@') => st.paint(render::HUNK, l),
                    _ => l.to_string(),
                };
                let _ = writeln!(out, "  {painted}");
            }
        } else {
            for l in shown(&c.text).lines() {
                let _ = writeln!(out, "  {l}");
            }
        }
        if let Some(v) = &c.verify {
            let _ = writeln!(
                out,
                "  {} {}",
                st.bold(words::heading(&w, Heading::Verify)),
                shown(&w.verify(v))
            );
        }
        out.push('\n');
    }
    for n in &report.facts.notes {
        let words = w.note(n);
        let _ = writeln!(
            out,
            "{}: {}",
            st.paint(NOTE, w.get(Msg::CliNote)),
            escape_controls(&words)
        );
    }
    if report.diagnoses.is_empty() {
        let sc = self_check(&w);
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
        let line = words::summary(&w, n, errors);
        let _ = writeln!(out, "{}", st.bold(&line));
    }
    out
}

/// `error[rule]: title (category)`, the first evidence's location and line with a caret under
/// it and under every other evidence on that line, then the other evidence's locations.
fn head(
    d: &Diagnosis,
    title: &Masked,
    report: &Report,
    input: &Input,
    w: &Wording,
    st: &Style,
) -> String {
    // English keeps the category's id (`quota`), as the JSON has it; Chinese gets its words.
    let category = if zh(w.lang()) {
        w.category(d.category)
    } else {
        d.category.as_str()
    };
    let title = format!(
        "{} ({category}{})",
        shown(title).replace('\n', " "),
        words::confidence_after_category(w, d.confidence)
    );
    let title = level(d.severity, w).primary_title(title).id(d.rule);
    let Some(first) = d.evidence.first() else {
        return st.renderer().render(&[Group::with_title(title)]);
    };
    // Evidence whose context is the first's line, as the engine cut and masked it, is drawn
    // on it; the rest is listed by location.
    let together = |e: &Evidence| e.line == first.line && e.context.text == first.context.text;
    let line = Line::new(first.context.text.as_str());
    let (name, at) = input.locate(first.line);
    let name = name_shown(report, input, name);
    let spans = d.evidence.iter().filter(|e| together(e)).map(|e| {
        AnnotationKind::Primary
            .span(line.byte(e.context.from)..line.byte(e.context.to.max(e.context.from)))
    });
    let snippet = Snippet::source(line.text.as_str())
        .line_start(at)
        .path(name)
        .annotations(spans);
    let others = d.evidence.iter().filter(|e| !together(e)).map(|e| {
        let (name, at) = input.locate(e.line);
        Origin::path(name_shown(report, input, name))
            .line(at)
            .char_column(e.column)
    });
    let group = title.element(snippet).elements(others);
    // The location is the leftmost caret's.
    let column = d
        .evidence
        .iter()
        .filter(|e| together(e))
        .min_by_key(|e| e.context.from)
        .map_or(first.column, |e| e.column);
    with_column(st.renderer().render(&[group]), column)
}

fn diagnosis(
    out: &mut String,
    d: &Diagnosis,
    report: &Report,
    catalog: &Catalog,
    input: &Input,
    st: &Style,
) {
    let w = report.wording(catalog);
    let t = report.text(catalog, d);
    let _ = writeln!(out, "{}", head(d, &t.title, report, input, &w, st));
    if d.count > d.evidence.len() {
        let more = words::seen(&w, d.count);
        let _ = writeln!(out, "  {}", st.dim(&more));
    }
    let _ = writeln!(out, "  {}", shown(&t.explanation));
    if let Some(r) = &d.reset {
        let _ = writeln!(
            out,
            "  {} {}",
            st.bold(words::heading(&w, Heading::Reset)),
            shown(&w.reset_note(r))
        );
    }
    let _ = writeln!(out, "  {}", st.bold(words::heading(&w, Heading::Fix)));
    for (i, s) in report.steps(catalog, d).iter().enumerate() {
        let _ = writeln!(out, "    {}. {}", i + 1, shown(s));
    }
    let _ = writeln!(
        out,
        "  {} {}",
        st.bold(words::heading(&w, Heading::Verify)),
        shown(&t.verify)
    );
    let _ = writeln!(
        out,
        "  {} {}",
        st.bold(words::heading(&w, Heading::Retry)),
        shown(&w.advice(&d.retry))
    );
    let _ = writeln!(
        out,
        "  {}",
        st.dim(&format!(
            "{} {}",
            words::heading(&w, Heading::Sources),
            shown(&Masked::join(&t.sources, "; "))
        ))
    );
    if let Some(f) = &d.fix {
        let safe = f.applicability == Applicability::Safe;
        let how = words::fix_available(&w, safe);
        let _ = writeln!(out, "  {}", st.paint(GOOD, how));
    }
    let _ = writeln!(
        out,
        "  {}",
        st.dim(&format!("llmdoctor explain {}", d.rule))
    );
    out.push('\n');
}

/// `llmdoctor rules`: one line per rule.
pub fn rules_table(rules: &[Rule], catalog: &Catalog, lang: Lang) -> String {
    let w = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rules {
        let _ = writeln!(
            out,
            "{:w$}  {:16}  {:7}  {}",
            r.id,
            r.category.as_str(),
            r.severity.as_str(),
            catalog.text(lang, r).title
        );
    }
    out
}

/// `llmdoctor explain ID`: the whole rule.
pub fn explain(r: &Rule, catalog: &Catalog, lang: Lang) -> String {
    let t = catalog.text(lang, r);
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
    let _ = writeln!(out, "sources: {}", Masked::join(&t.sources, "; "));
    let _ = writeln!(out, "matches: {}", r.patterns.join("  |  "));
    if !r.when.is_empty() {
        let _ = writeln!(out, "only when: {}", facts(r.when));
    }
    if !r.when_any.is_empty() {
        let _ = writeln!(out, "when any of: {}", facts(r.when_any));
    }
    if !r.unless.is_empty() {
        let _ = writeln!(out, "not when: {}", facts(r.unless));
    }
    out
}

/// A rule's preconditions as its file writes them: `status:401, tool:claude-code`.
fn facts(f: &[llmdoctor_core::precondition::Fact]) -> String {
    f.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
