//! From a paste to a report: scan, filter by facts, rank, and render each finding in the chosen
//! language with evidence, retry guidance and quota reset times. Everything is redacted here.

use crate::config::{Config, Note};
use crate::facts::Facts;
use crate::locate::line_cols;
use crate::model_names;
use crate::notes::Notes;
use crate::report::{
    BlockFact, ConfigFacts, Context, Diagnosis, Edit, EndpointFact, Evidence, Facts as ReadFacts,
    Fix, KeyFact, Report, ResetInfo, SettingFact, SCHEMA,
};
use crate::retry;
use crate::scan::{scan, Scan, Scanner};
use crate::secrets::{Masked, Redactor, Revealed};
use crate::time::{self, Instant, PLAN_OFFSET};
use crate::vocabulary::{Category, Lang, Reset, Severity, RULES};
use crate::{config, corrected, findings};

/// The most input the engine reads; beyond it, the first part is diagnosed and a note says so.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;
/// Evidence text longer than this is cut (with `…`).
const MAX_EVIDENCE_TEXT: usize = 400;

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub lang: Lang,
    /// "Now", for quota reset times. Core never reads the clock.
    pub now: Option<Instant>,
    /// The Coding Plan subscription day (1–31), for the monthly reset.
    pub billing_day: Option<u8>,
    /// Leave keys unmasked (the user asked for it explicitly).
    pub show_secrets: bool,
    /// Rules whose fixes the corrected snippets leave out (the page's "skip" on a review fix).
    /// Their diagnoses keep their `fix`, so a front end can offer it again.
    pub skip_fixes: Vec<&'static str>,
}

/// Which rules fired on `text`, before ranking (used by rule samples and the corpus), and the
/// differential hypotheses that join the ranked findings (rules/hypotheses.toml).
pub fn fired(text: &str) -> Vec<&'static str> {
    let lower = text.to_ascii_lowercase();
    let s = scan(text, &lower);
    let cfg = config::read(text);
    let found = findings::collect(text, s.hits, &s.facts, &cfg);
    let mut ids: Vec<&'static str> = found.iter().map(|f| RULES[f.rule].id).collect();
    for f in findings::differential(findings::rank(text, found), &s.facts) {
        let id = RULES[f.rule].id;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Diagnoses `input` in one call. Front ends that must stay responsive on huge pastes use a
/// [`Session`] instead: the same work in steps.
pub fn diagnose(input: &str, opts: &Options) -> Report {
    Session::new(input, opts).finish()
}

/// Lines scanned per [`Session::step`] by default: about 30 ms of work in the page's wasm.
pub const STEP_BYTES: usize = 256 * 1024;

/// A diagnosis in steps: [`Session::step`] scans the next piece of the paste (whole lines),
/// [`Session::finish`] scans what is left and builds the report — the same report as
/// [`diagnose`]. The page runs one step per browser task so that a 50 MB paste never freezes it.
pub struct Session<T: AsRef<str>> {
    input: T,
    /// Bytes of `input` read: all of it, or the first [`MAX_INPUT`] cut at a character boundary.
    len: usize,
    lower: String,
    scanner: Option<Scanner>,
    /// After the scan: its result (every key found everywhere), then the config blocks read.
    scan: Option<Scan>,
    cfg: Option<Config>,
    opts: Options,
    notes: Vec<Note>,
}

impl<T: AsRef<str>> Session<T> {
    pub fn new(input: T, opts: &Options) -> Session<T> {
        let mut notes = Vec::new();
        let whole = input.as_ref();
        let mut len = whole.len();
        if len > MAX_INPUT {
            len = MAX_INPUT;
            while !whole.is_char_boundary(len) {
                len -= 1;
            }
            notes.push(Note::PasteCut {
                size: whole.len(),
                read: len,
            });
        }
        if whole[..len].trim().is_empty() {
            notes.push(Note::PasteEmpty);
        }
        Session {
            lower: String::with_capacity(len),
            input,
            len,
            scanner: Some(Scanner::new()),
            scan: None,
            cfg: None,
            opts: opts.clone(),
            notes,
        }
    }

    /// Bytes scanned so far and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.lower.len(), self.len)
    }

    /// Scans about `budget` more bytes, to the end of a line; once all is scanned, takes the
    /// next phase (keys found everywhere, then the config blocks). True when only the report
    /// is left to build.
    pub fn step(&mut self, budget: usize) -> bool {
        let text = &self.input.as_ref()[..self.len];
        let from = self.lower.len();
        if from >= self.len {
            if let Some(scanner) = self.scanner.take() {
                self.scan = Some(scanner.finish(text));
            } else if self.cfg.is_none() {
                self.cfg = Some(config::read(config_part(text, &mut self.notes)));
            }
            return self.cfg.is_some();
        }
        let Some(scanner) = self.scanner.as_mut() else {
            return true;
        };
        let bytes = text.as_bytes();
        let want = from.saturating_add(budget.max(1)).min(self.len);
        let to = bytes[want..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.len, |i| want + i + 1);
        // Line ends are ASCII, so `to` is a character boundary.
        self.lower.push_str(&text[from..to]);
        self.lower[from..].make_ascii_lowercase();
        scanner.feed(text, &self.lower, from, to);
        false
    }

    /// Scans what is left and builds the report.
    pub fn finish(mut self) -> Report {
        while !self.step(usize::MAX) {}
        let text = &self.input.as_ref()[..self.len];
        let mut notes = self.notes;
        // After the loop both are there; the fallbacks only keep this total.
        let scan = match self.scan {
            Some(scan) => scan,
            None => self.scanner.unwrap_or_default().finish(text),
        };
        let cfg = match self.cfg {
            Some(cfg) => cfg,
            None => config::read(config_part(text, &mut notes)),
        };
        build(text, scan, cfg, &self.opts, notes)
    }
}

/// The report from a finished scan: facts, config, findings, evidence, corrections.
fn build(text: &str, s: Scan, cfg: Config, opts: &Options, mut notes: Vec<Note>) -> Report {
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
    let corrected = corrected::build(text, &cfg, &all_edits, &redactor, opts.lang);

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
            let t = r.text(opts.lang);
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
            let mut steps: Vec<Masked> = t.steps.iter().map(|s| Masked::fixed(s)).collect();
            model_steps(
                r.category, &evidence, opts.lang, &mut steps, &redactor, text,
            );
            Diagnosis {
                rule: r.id,
                category: r.category,
                severity: f.severity,
                confidence: r.confidence,
                title: Masked::fixed(t.title),
                explanation: Masked::fixed(t.explanation),
                evidence,
                steps,
                verify: Masked::fixed(t.verify),
                sources: t.sources.iter().map(|s| Masked::fixed(s)).collect(),
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
                retry: retry::guidance(
                    r.category,
                    opts.lang,
                    r.retry_queue,
                    f.severity == Severity::Info,
                ),
                reset: r.reset.map(|w| reset_info(w, opts, &redactor, text)),
            }
        })
        .collect();

    let mut read = read_facts(&facts, &redactor, text);
    read.config = config_facts(&cfg, &redactor, text, opts.lang);
    // Notes may quote the paste (a value that is not TOML, say): masked like the rest.
    read.notes = Notes::new(
        opts.lang,
        notes
            .into_iter()
            .map(|n| n.mask(|s| redactor.scrub(s, text)))
            .collect(),
    );
    Report {
        schema: SCHEMA,
        diagnoses,
        corrected,
        facts: read,
        redactor,
    }
}

/// Config blocks are read from the first [`MAX_CONFIG_INPUT`] bytes: a paste that large is a
/// log, and the configs in it come first (a bound that keeps big logs fast; error rules still
/// read everything). In the page that reading is one task of its own (web/src/jobs.rs): 1 MiB
/// of log took 130–200 ms there on first run (baseline-compiled wasm), too near the 200 ms
/// task budget; 512 KiB keeps it near 70–100 ms.
pub const MAX_CONFIG_INPUT: usize = 512 * 1024;

fn config_part<'a>(text: &'a str, notes: &mut Vec<Note>) -> &'a str {
    if text.len() <= MAX_CONFIG_INPUT {
        return text;
    }
    let mut cut = MAX_CONFIG_INPUT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    notes.push(Note::ConfigCut { read: cut });
    &text[..cut]
}

/// For model and context-length findings: "did you mean" and larger windows, from the model
/// names on the evidence lines.
fn model_steps(
    cat: Category,
    evidence: &[Evidence],
    lang: Lang,
    steps: &mut Vec<Masked>,
    r: &Redactor,
    text: &str,
) {
    if !matches!(cat, Category::Model | Category::ContextLength) {
        return;
    }
    let names: Vec<&str> = evidence
        .iter()
        .flat_map(|e| model_names::mentioned(&e.context.text))
        .collect();
    for name in names.into_iter().take(3) {
        let step = match cat {
            Category::Model => model_names::suggestion_step(name, lang),
            _ => model_names::larger_window_step(name, lang),
        };
        if let Some(s) = step.map(|s| r.scrub(&s, text)) {
            if !steps.contains(&s) {
                steps.insert(0, s);
            }
        }
    }
}

/// Context kept on each side of the evidence on long lines.
const CONTEXT_SIDE: usize = 120;

fn context(text: &str, r: &Redactor, start: usize, end: usize) -> Context {
    let b = text.as_bytes();
    let ls = b[..start.min(b.len())]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let le = b[end.min(b.len())..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |i| end + i);
    let mut from = start.saturating_sub(CONTEXT_SIDE).max(ls);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CONTEXT_SIDE).min(le);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let end = end.min(to);
    // Each piece masked by span and scrubbed on its own, so that the offsets below count the
    // characters shown (scrubbing the joined line afterwards would move them).
    let piece = |a: usize, b: usize| r.scrub(&r.slice(text, a, b), text);
    let before = piece(from, start);
    // A long match (`401[ \t]+unauthorized` over a line of blanks) is cut like the evidence.
    let middle = cut(piece(start, end));
    let after = piece(end, to);
    let after = r.scrub(after.trim_end_matches('\r'), text);
    let lead = Masked::fixed(if from > ls { "…" } else { "" });
    let tail = Masked::fixed(if to < le { "…" } else { "" });
    let f = lead.chars().count() + before.chars().count();
    let t = f + middle.chars().count();
    Context {
        text: Masked::join(&[lead, before, middle, after, tail], ""),
        from: f,
        to: t,
    }
}

fn cut(s: Masked) -> Masked {
    s.truncated(MAX_EVIDENCE_TEXT, "…")
}

fn reset_info(window: Reset, opts: &Options, r: &Redactor, text: &str) -> ResetInfo {
    // Built from dates and fixed words only; masked all the same (one kind of string).
    let (mut info, note) = reset_words(window, opts);
    info.note = r.scrub(&note, text);
    info
}

fn reset_words(window: Reset, opts: &Options) -> (ResetInfo, String) {
    let fmt = |t: Instant| time::format_rfc3339(t, PLAN_OFFSET);
    let note = |w: Reset, at: Option<Instant>| {
        crate::labels::reset::note(opts.lang, w, at.map(fmt).as_deref())
    };
    match window {
        Reset::Week => {
            let at = opts.now.map(time::next_week_reset);
            let note = note(Reset::Week, at);
            (
                ResetInfo {
                    window: Reset::Week,
                    exact: at.is_some(),
                    at: at.map(fmt),
                    window_start: opts.now.map(|n| fmt(time::week_start(n))),
                    note: Masked::default(),
                },
                note,
            )
        }
        Reset::Month => {
            let at = match (opts.now, opts.billing_day) {
                (Some(now), Some(day)) => time::next_month_reset(now, day),
                _ => None,
            };
            let note = note(Reset::Month, at);
            (
                ResetInfo {
                    window: Reset::Month,
                    exact: at.is_some(),
                    at: at.map(fmt),
                    window_start: at
                        .zip(opts.billing_day)
                        .map(|(t, d)| fmt(time::month_start(t, d))),
                    note: Masked::default(),
                },
                note,
            )
        }
        Reset::Hour => {
            let full = opts.now.map(|n| Instant(n.0 + 5 * 3600));
            let note = note(Reset::Hour, full);
            (
                ResetInfo {
                    window: Reset::Hour,
                    exact: false,
                    at: full.map(fmt),
                    window_start: opts.now.map(|n| fmt(Instant(n.0 - 5 * 3600))),
                    note: Masked::default(),
                },
                note,
            )
        }
    }
}

/// Settings kept in `facts.config` (the rest are counted).
const MAX_FACT_SETTINGS: usize = 200;

/// The config blocks read and their settings, values masked like everything else.
fn config_facts(cfg: &config::Config, r: &Redactor, text: &str, lang: Lang) -> ConfigFacts {
    // SDK argument names are snake-cased (`sk-or-v1-…=` is read as `sk_or_v1_…`): a key used
    // as a name is looked for in that form too (found by the diagnose fuzz target).
    let snaked: crate::hashing::Map<String, &str> = if r.show {
        crate::hashing::Map::default()
    } else {
        r.secrets()
            .iter()
            .filter_map(|k| Some((config::snake(text.get(k.start..k.end)?), k.masked.as_str())))
            .collect()
    };
    // A block's note is scrubbed twice, as it was when the facts were a JSON value scrubbed
    // once more as a whole: the same words, byte for byte.
    let twice = |s: &str| r.scrub(&r.scrub(s, text), text);
    let blocks = cfg
        .blocks
        .iter()
        .map(|b| BlockFact {
            end: b.end,
            format: b.format,
            notes: Notes::new(
                lang,
                b.notes.iter().map(|n| n.clone().mask(twice)).collect(),
            ),
            start: b.start,
        })
        .collect();
    let settings = cfg
        .settings
        .iter()
        .filter(|s| !matches!(s.kind, config::ValueKind::Object | config::ValueKind::Array))
        .take(MAX_FACT_SETTINGS)
        .map(|s| {
            let (a, b) = s.value_span;
            SettingFact {
                block: s.block,
                end: b,
                // A key name can be a key (`{"sk-…": "prod"}`).
                path: r.scrub(&masked_path(&s.path, r, text, &snaked), text),
                start: a,
                value: r.scrub(&r.slice(text, a, b), text),
            }
        })
        .collect();
    ConfigFacts {
        blocks,
        settings,
        settings_total: cfg.settings.len(),
    }
}

/// A setting's path with every key in it masked: verbatim or cut short (`Redactor::scrub`), or
/// as a snake-cased segment.
fn masked_path(
    path: &str,
    r: &Redactor,
    text: &str,
    snaked: &crate::hashing::Map<String, &str>,
) -> String {
    let path = r.scrub(path, text).to_string();
    if snaked.is_empty() {
        return path;
    }
    // A segment that is the key, or holds it glued to a name (`header_gho_a0_v3…`).
    path.split('.')
        .map(|seg| match snaked.get(seg) {
            Some(m) => (*m).to_string(),
            None => {
                snaked
                    .iter()
                    .filter(|(k, _)| k.len() >= 8)
                    .fold(seg.to_string(), |s, (k, m)| {
                        if s.contains(k.as_str()) {
                            s.replace(k.as_str(), m)
                        } else {
                            s
                        }
                    })
            }
        })
        .collect::<Vec<String>>()
        .join(".")
}

/// What the scan read, every text from the paste masked (config and notes are added by the
/// caller).
fn read_facts(f: &Facts, r: &Redactor, text: &str) -> ReadFacts {
    let endpoints = f
        .endpoints
        .iter()
        .map(|e| EndpointFact {
            end: e.end,
            host: r.scrub(&e.host, text),
            path: r.scrub(&e.path, text),
            plan: e.plan,
            provider: e.provider,
            region: e.region,
            start: e.start,
            url: r.scrub(&r.slice(text, e.start, e.end), text),
        })
        .collect();
    let keys = f
        .keys
        .iter()
        .map(|k| {
            // Unmasked only on the explicit reveal path (`--show-secrets`), where scrubbing
            // leaves the text as it is.
            let shown = if r.show {
                text.get(k.start..k.end).unwrap_or("")
            } else {
                k.masked.as_str()
            };
            KeyFact {
                end: k.end,
                kind: k.kind,
                masked: r.scrub(shown, text),
                start: k.start,
            }
        })
        .collect();
    ReadFacts {
        config: ConfigFacts::default(),
        endpoints,
        inputs: None,
        keys,
        near_hosts: f.near_hosts.iter().copied().collect(),
        notes: Notes::default(),
        plans: f.plans.iter().copied().collect(),
        providers: f.providers.iter().copied().collect(),
        regions: f.regions.iter().copied().collect(),
        statuses: f.statuses.iter().copied().collect(),
        tools: f.tools.iter().copied().collect(),
    }
}
