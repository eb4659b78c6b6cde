//! Findings before rendering: rule matches from the scan and config-check hits, filtered by
//! facts, then ranked. A config-check rule that supersedes another absorbs its evidence: an
//! error message and the config line that causes it become one finding, an error when either
//! was. Other rules that supersede simply drop the superseded finding.

use crate::checks::{self, CheckHit};
use crate::config::Config;
use crate::facts::Facts;
use crate::fix::Edit;
use crate::order;
use crate::report::Applicability;
use crate::scan::{Hit, MAX_EVIDENCE};
use crate::vocabulary::{Rule, Severity, RULES};

#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub rule: usize,
    pub hit: Hit,
    pub severity: Severity,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// A lead (a rule with `follows` and patterns: the user's own words about the error) is placed
/// by [`differential`], not ranked: it neither drops a finding nor keeps a fallback from speaking.
fn is_lead(x: &Finding) -> bool {
    !RULES[x.rule].follows.is_empty()
}

fn facts_allow(r: &Rule, f: &Facts) -> bool {
    r.when.iter().all(|w| f.holds(w))
        && (r.when_any.is_empty() || r.when_any.iter().any(|w| f.holds(w)))
        && !r.unless.iter().any(|u| f.holds(u))
}

/// Every rule that fired, from patterns and from checks, before ranking.
pub(crate) fn collect(
    text: &str,
    hits: Vec<Option<Hit>>,
    facts: &Facts,
    cfg: &Config,
) -> Vec<Finding> {
    let wanted: Vec<&str> = RULES.iter().filter_map(|r| r.check).collect();
    let check_hits: Vec<CheckHit> = checks::run(&checks::Ctx { text, cfg, facts }, &wanted);
    let mut out = Vec::new();
    for (i, hit) in hits.into_iter().enumerate() {
        let r = &RULES[i];
        let from_check: Vec<&CheckHit> = r
            .check
            .map(|c| check_hits.iter().filter(|h| h.check == c).collect())
            .unwrap_or_default();
        if hit.is_none() && from_check.is_empty() {
            continue;
        }
        if !facts_allow(r, facts) {
            continue;
        }
        let mut hit = hit.unwrap_or_default();
        let mut edits = Vec::new();
        let mut applicability = Applicability::Safe;
        for c in from_check {
            for &s in &c.spans {
                if hit.spans.len() < MAX_EVIDENCE && !hit.spans.contains(&s) {
                    hit.spans.push(s);
                }
            }
            hit.count += 1;
            edits.extend(c.edits.iter().cloned());
            if c.applicability == Applicability::Review {
                applicability = Applicability::Review;
            }
        }
        sort_spans(&mut hit.spans);
        out.push(Finding {
            rule: i,
            hit,
            severity: r.severity,
            edits,
            applicability,
        });
    }
    out
}

/// Drops findings a more specific one explains (same line, lower specificity; or named in
/// `supersedes`; a config check absorbs the evidence), then orders by severity, specificity and
/// first position. A less severe finding on a stronger one's line survives (a hint adds to the
/// error, it does not compete); a more specific `info` ("harmless") drops a generic error.
pub(crate) fn rank(text: &str, mut f: Vec<Finding>) -> Vec<Finding> {
    let line_of = |pos: usize| {
        text.as_bytes()[..pos.min(text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    };
    let lines: Vec<Vec<usize>> = f
        .iter()
        .map(|x| x.hit.spans.iter().map(|s| line_of(s.0)).collect())
        .collect();
    let n = f.len();
    let mut keep = vec![true; n];
    // Most specific first, so that a finding dropped by a stronger one drops nothing itself.
    let order = order::permutation(
        f.iter()
            .map(|x| (order::desc(RULES[x.rule].specificity.into()), 0, 0)),
    );
    for &a in &order {
        if !keep[a] {
            continue;
        }
        let ra = &RULES[f[a].rule];
        for b in 0..n {
            if a == b || !keep[b] || is_lead(&f[a]) || is_lead(&f[b]) {
                continue;
            }
            let rb = &RULES[f[b].rule];
            let supersedes = ra.supersedes.contains(&rb.id);
            let shares_line = ra.specificity > rb.specificity
                && f[b].severity <= f[a].severity
                && lines[a].iter().any(|l| lines[b].contains(l));
            if supersedes && ra.check.is_some() {
                let absorbed = f[b].hit.clone();
                // A config warning that explains an error becomes that error; an `info` ("harmless")
                // finding stays info.
                let (sev_b, promote) = (
                    f[b].severity,
                    f[a].severity == Severity::Warning && f[b].severity < f[a].severity,
                );
                let x = &mut f[a];
                for s in absorbed.spans {
                    let overlaps = x.hit.spans.iter().any(|t| s.0 < t.1 && t.0 < s.1);
                    if x.hit.spans.len() < 2 * MAX_EVIDENCE && !overlaps {
                        x.hit.spans.push(s);
                        x.hit.count += 1;
                    }
                }
                if promote {
                    x.severity = sev_b;
                }
            }
            if supersedes || shares_line {
                keep[b] = false;
            }
        }
    }
    let mut i = 0;
    f.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    // Fallbacks (a status or an exception class alone) speak only when nothing else explains
    // the paste: another error or warning drops them all.
    if f.iter()
        .any(|x| !RULES[x.rule].fallback && x.severity != Severity::Info && !is_lead(x))
    {
        f.retain(|x| !RULES[x.rule].fallback);
    }
    // A fallback warning (a failure described without an error) gives way to any error.
    if f.iter()
        .any(|x| x.severity == Severity::Error && !is_lead(x))
    {
        f.retain(|x| !(RULES[x.rule].fallback && x.severity == Severity::Warning));
    }
    for x in &mut f {
        sort_spans(&mut x.hit.spans);
    }
    order::sort_by_key(&mut f, |x| {
        (
            x.severity as u64,
            order::desc(RULES[x.rule].specificity.into()),
            order::n(x.hit.spans.first().map_or(0, |s| s.0)),
        )
    });
    f
}

/// Differential hypotheses (rules with `follows`): the causes a message cannot tell apart from
/// the one the first finding names (a 401 from a wrong key, a key sent to another platform's
/// host, a tool that sends another key than the one set). Each rule whose `follows` holds the
/// category of the first finding, an error, joins it with that finding's evidence, after the
/// last error or warning, unless its category is already reported. A first finding read from
/// the user's own config (a check) names the cause itself: no hypothesis joins it.
///
/// A lead (the user's own words about the error, `the same key works in curl`) goes before that
/// first finding when it `follows` its category, and nowhere else.
pub(crate) fn differential(mut f: Vec<Finding>, facts: &Facts) -> Vec<Finding> {
    let mut leads = Vec::new();
    while let Some(i) = f.iter().position(is_lead) {
        leads.push(f.remove(i));
    }
    let Some(pos) = f.iter().position(|x| x.severity != Severity::Info) else {
        return f;
    };
    let first = &f[pos];
    let first_rule = &RULES[first.rule];
    if first_rule.check.is_some() || first.severity != Severity::Error {
        return f;
    }
    let (cat, hit) = (first_rule.category, first.hit.clone());
    let mut at = f.iter().filter(|x| x.severity != Severity::Info).count();
    for l in leads {
        let r = &RULES[l.rule];
        if r.follows.contains(&cat) && !f.iter().any(|x| RULES[x.rule].category == r.category) {
            f.insert(pos, l);
            at += 1;
        }
    }
    for (i, r) in RULES.iter().enumerate() {
        // Hypotheses only: a lead joins by its own evidence, above.
        if r.follows.contains(&cat)
            && r.patterns.is_empty()
            && !f.iter().any(|x| RULES[x.rule].category == r.category)
            && facts_allow(r, facts)
        {
            f.insert(
                at,
                Finding {
                    rule: i,
                    hit: hit.clone(),
                    severity: r.severity,
                    edits: Vec::new(),
                    applicability: Applicability::Safe,
                },
            );
            at += 1;
        }
    }
    f
}

fn sort_spans(spans: &mut Vec<(usize, usize)>) {
    order::sort_by_key(spans, |s| (order::n(s.0), order::n(s.1), 0));
}
