//! A finished scan made into the report: findings ranked (with their differential hypotheses),
//! each with its evidence, steps, fix, retry advice and quota
//! reset; the corrected config; the facts read. Everything the report holds is masked here.

use super::evidence::{context, cut};
use super::read::{config_facts, read_facts};
use super::reset::reset_info;
use super::Options;
use crate::config::{Config, Note};
use crate::locate::line_cols;
use crate::model_names;
use crate::report::{Diagnosis, Edit, Evidence, Fix, LeadStep, Report};
use crate::retry;
use crate::scan::Scan;
use crate::secrets::{Redactor, Revealed};
use crate::vocabulary::{Category, Severity, RULES};
use crate::{corrected, findings};

/// The report from a finished scan: facts, config, findings, evidence, corrections.
pub(super) fn build(
    text: &str,
    s: Scan,
    cfg: Config,
    opts: &Options,
    mut notes: Vec<Note>,
) -> Report {
    let mut facts = s.facts;
    crate::secrets::from_settings(text, &cfg, &mut facts.keys);
    let redactor = Redactor::new(facts.keys.clone(), opts.show_secrets);

    notes.extend(cfg.notes.iter().cloned());
    for b in &cfg.blocks {
        notes.extend(b.notes.iter().cloned());
    }
    let ranked = findings::differential(
        findings::rank(text, findings::collect(text, s.hits, &facts, &cfg)),
        &facts,
    );
    let all_edits: Vec<crate::fix::Edit> = ranked
        .iter()
        .filter(|f| !opts.skip_fixes.contains(&RULES[f.rule].id))
        .flat_map(|f| f.edits.iter().cloned())
        .collect();
    let corrected = corrected::build(text, &cfg, &all_edits, &redactor);

    let offsets: Vec<usize> = ranked
        .iter()
        .flat_map(|f| f.hit.spans.iter().map(|s| s.0))
        .collect();
    let mut positions = line_cols(text, &offsets).into_iter();
    let diagnoses = ranked
        .into_iter()
        .map(|f| {
            let r = &RULES[f.rule];
            let hit = &f.hit;
            let evidence: Vec<Evidence> = hit
                .spans
                .iter()
                .map(|&(start, end)| {
                    let (line, column) = positions.next().unwrap_or((1, 1));
                    let text_ev = cut(redactor.slice(text, start, end));
                    Evidence {
                        start,
                        end,
                        line,
                        column,
                        context: context(text, &redactor, start, end),
                        text: text_ev,
                    }
                })
                .collect();
            let lead_steps = model_steps(r.category, &evidence, &redactor, text);
            Diagnosis {
                rule: r.id,
                category: r.category,
                severity: f.severity,
                confidence: r.confidence,
                evidence,
                lead_steps,
                fix: (!f.edits.is_empty()).then(|| Fix {
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            start: e.start,
                            end: e.end,
                            replacement: redactor.scrub(&e.replacement, text),
                            revealed: Revealed::new(e.replacement.clone()),
                        })
                        .collect(),
                }),
                count: hit.count,
                retry: retry::guidance(r.category, r.retry_queue, f.severity == Severity::Info),
                reset: r.reset.map(|w| reset_info(w, opts)),
            }
        })
        .collect();

    let mut read = read_facts(&facts, &redactor, text);
    read.config = config_facts(&cfg, &redactor, text);
    // Notes may quote the paste (a value that is not TOML, say): masked like the rest.
    read.notes = notes
        .into_iter()
        .map(|n| n.mask(|s| redactor.scrub(s, text)))
        .collect();
    Report {
        diagnoses,
        corrected,
        facts: read,
        lang: opts.lang,
        redactor,
    }
}

/// For model and context-length findings: "did you mean" and larger windows, from the model
/// names on the evidence lines (the last found first, each once).
fn model_steps(cat: Category, evidence: &[Evidence], r: &Redactor, text: &str) -> Vec<LeadStep> {
    let mut steps = Vec::new();
    if !matches!(cat, Category::Model | Category::ContextLength) {
        return steps;
    }
    let names: Vec<&str> = evidence
        .iter()
        .flat_map(|e| model_names::mentioned(&e.context.text))
        .collect();
    for name in names.into_iter().take(3) {
        let step = match cat {
            Category::Model => model_names::suggestion_step(name, |n| r.scrub(n, text)),
            _ => model_names::larger_window_step(name),
        };
        if let Some(s) = step {
            if !steps.contains(&s) {
                steps.insert(0, s);
            }
        }
    }
    steps
}
