//! A progress bar on stderr for big inputs (indicatif): reading a log over [`THRESHOLD`] bytes
//! and diagnosing it. Only when stderr is a terminal; otherwise nothing is drawn at all, so
//! pipes, files and CI logs never see it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Read;

/// Inputs at least this big show progress ("a log over a few MB").
pub const THRESHOLD: u64 = 4 * 1024 * 1024;

pub struct Progress {
    enabled: bool,
    bar: Option<ProgressBar>,
    /// Bytes the reading is expected to take, when known (files; not stdin).
    total: Option<u64>,
    read: u64,
}

impl Progress {
    /// `enabled`: whether stderr is a terminal (the caller decides, so tests can say no).
    pub fn new(enabled: bool) -> Progress {
        Progress {
            enabled,
            bar: None,
            total: None,
            read: 0,
        }
    }

    /// Whether a bar is drawn now.
    #[cfg(test)]
    pub fn visible(&self) -> bool {
        self.bar.is_some()
    }

    pub fn start_reading(&mut self, total: Option<u64>) {
        self.total = total;
        self.read = 0;
    }

    /// `inner`, counting the bytes read through it.
    pub fn reader<R: Read>(&mut self, inner: R) -> Counting<'_, R> {
        Counting {
            inner,
            progress: self,
        }
    }

    fn advance(&mut self, n: usize) {
        self.read += n as u64;
        if !self.enabled {
            return;
        }
        if self.bar.is_none() && self.total.unwrap_or(self.read).max(self.read) >= THRESHOLD {
            self.bar = Some(new_bar(self.total, "reading"));
        }
        if let Some(b) = &self.bar {
            b.set_position(self.read);
        }
    }

    pub fn done_reading(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }

    /// Runs the engine in steps over `text`, with a bar when the text is big.
    pub fn diagnose(
        &mut self,
        text: &str,
        opts: &llmdoctor_core::Options,
    ) -> llmdoctor_core::Report {
        let mut session = llmdoctor_core::Session::new(text, opts);
        let (_, total) = session.progress();
        let bar = (self.enabled && total as u64 >= THRESHOLD)
            .then(|| new_bar(Some(total as u64), "diagnosing"));
        loop {
            let done = session.step(llmdoctor_core::STEP_BYTES * 4);
            if let Some(b) = &bar {
                b.set_position(session.progress().0 as u64);
            }
            if done {
                break;
            }
        }
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        session.finish()
    }
}

fn new_bar(total: Option<u64>, what: &'static str) -> ProgressBar {
    let bar = match total {
        Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let template = if total.is_some() {
        "{msg:>10} [{bar:30}] {binary_bytes}/{binary_total_bytes} ({eta})"
    } else {
        "{msg:>10} {spinner} {binary_bytes} ({binary_bytes_per_sec})"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    bar
}

/// A reader that reports its bytes to a [`Progress`].
pub struct Counting<'a, R> {
    inner: R,
    progress: &'a mut Progress,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_drawn_when_disabled_and_bytes_are_counted() {
        let mut p = Progress::new(false);
        p.start_reading(None);
        let data = vec![b'x'; (THRESHOLD + 10) as usize];
        let mut out = Vec::new();
        p.reader(&data[..])
            .read_to_end(&mut out)
            .expect("read from memory");
        assert_eq!(p.read, THRESHOLD + 10);
        assert!(!p.visible());
    }

    #[test]
    fn the_stepped_engine_gives_the_same_report_as_one_call() {
        let text = "API Error: 429 week allocated quota exceeded\n".repeat(1000);
        let opts = llmdoctor_core::Options::default();
        let a = Progress::new(false).diagnose(&text, &opts);
        let b = llmdoctor_core::diagnose(&text, &opts);
        assert_eq!(
            serde_json::to_string(&a.json(llmdoctor_core::Catalog::embedded())).ok(),
            serde_json::to_string(&b.json(llmdoctor_core::Catalog::embedded())).ok()
        );
    }
}
