//! From a paste to a report: scan, filter by facts, rank, and render each finding in the chosen
//! language with evidence, retry guidance and quota reset times. Everything is redacted here.
//! This module runs the scan (at once or in steps); `assembly` builds the report, `evidence`
//! cuts and frames the matched text, `reset` words quota resets, `read` lists what was read.

use crate::config::{Config, Note};
use crate::report::Report;
use crate::scan::{scan, Scan, Scanner};
use crate::time::Instant;
use crate::vocabulary::{Lang, RULES};
use crate::{config, findings};

mod assembly;
mod evidence;
mod read;
mod reset;

use assembly::build;

/// The most input the engine reads; beyond it, the first part is diagnosed and a note says so.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

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

/// Config blocks are read from the first [`MAX_CONFIG_INPUT`] bytes: a paste that large is a
/// log, and the configs in it come first (a bound that keeps big logs fast; error rules still
/// read everything). In the page that reading is one task of its own (web/src/hooks/diagnosis.rs): 1 MiB
/// of log took 130–200 ms there on first run (baseline-compiled wasm), too near the 200 ms
/// task budget; 512 KiB keeps it near 70–100 ms.
pub(crate) const MAX_CONFIG_INPUT: usize = 512 * 1024;

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
