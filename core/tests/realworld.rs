//! Real pastes from public issue threads (tests/realworld, README there), labelled blind from
//! each thread's resolution. Two parts: `dev/` (rule authors may read it) and `blind/` (no rule
//! author reads it: its figure is the honest one). This prints both parts' figures — right
//! category first, within the first three, silent on an error — by provider and category, and
//! names the failing `dev/` pastes only; `blind/` pastes are never named or shown.
//!
//! The floors below are ratchets: the figures measured when they were last raised. A change
//! that drops a figure under its floor fails; raise them when the figures rise.

use llmdoctor_core::{diagnose, Options, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

// dev grew from 128 to 218 pastes in session 5 and to 398 in session 7 (90, then 89 + 45 + 46
// from new threads, weakest categories first): its floor restarts from the figure measured then
// (each new batch gave 59-62% first before any rule was written from it).
/// (part, first, top-3) floors in per cent, and the most error pastes allowed to get nothing.
// blind grew from 192 to 272 in session 9 (80 pastes from new threads, C1*/C2*, labelled by
// helpers who had not read the rules; at d50d5d6, before that session's rule work, the 80 gave
// 73.8% first, 75.0% top-3, 3 silent).
// Raised in the rules12 session (fallbacks that leave no error paste silent): dev 83.4 / 95.7 /
// 0 silent, blind 76.8 / 88.2 / 7 silent.
// Session 11: dev grew from 398 to 457 (D001-D059, new threads weighted to client_config,
// base_url and plan_restriction, labelled by a helper who had not read the rules; before any
// rule was written from them the 59 gave 35.6% first and 18 silent, the whole dev set 77.2% /
// 90.4% / 18). Then E001-E038 (38 more, providers weak on blind first): 57.9% first and 3
// silent before rule work from them; then F001-F037 (36, every one with error output): 63.9%
// first before. After: dev (531) 79.1 / 94.0 / 1 silent.
// blind grew from 272 to 312 in session 11 (C3*: 40 from new threads, a natural mix, labelled
// by a helper who had not read the rules; never read by a rule author). Measured after this
// session's rule work and before any rule could see them, the 40 gave 65.0% first, 85.0% top-3,
// 3 silent; the whole blind part 75.6 / 87.8 / 10 (the old 272: 77.2 / 88.2 / 7).
// Session 12: dev grew from 531 to 576 (G001-G045: client_config, base_url, quota,
// plan_restriction and weak providers first; 42.2% first, 66.7% top-3, 7 silent before rule
// work from them), blind from 312 to 352 (C4*: 40 from new threads, a natural mix, never read;
// at b41e7e5, before this session's rule work, 67.5% first, 75.0% top-3, 4 silent). Whole
// parts then: dev 76.4 / 91.8 / 8, blind 74.7 / 86.4 / 14. Rule work from G* (branch rules-g:
// documented messages only; the G pastes 62.2% first, 82.2% top-3, 3 silent): dev 78.0 / 93.1 /
// 4, blind unchanged. Then H001-H040 (dev; a natural mix weighted to SDK and transport
// tracebacks): 77.5% first, 82.5% top-3, 0 silent before rule work from them; dev (616) 77.9 /
// 92.4 / 4. After rules from H* (Go dial timeouts, OpenRouter's bare 'Provider returned error',
// Kimi's 'model max length exceeded'): H 85.0% first; dev 78.4 / 92.7 / 4; blind 75.0 / 86.6 /
// 14 (C4 alone unchanged at 67.5 / 75.0 / 4: the session's rules did not reach it).
// Session 14: blind grew from 392 to 432 (C6*: 40 from new threads, never read). At aaca9bc,
// before this session's engine work, C6 gave 62.5% first, 77.5% top-3, 2 silent (blind 392:
// 75.3 / 86.7 / 16). After statuses retold in prose and the key-works-elsewhere lead: C6 65.0 /
// 80.0 / 1, blind (432) 74.5 / 86.3 / 16, dev 79.6 / 92.9 / 3. Then dev grew to 701 (J001-J040:
// a natural mix from new threads; 52.5% first, 77.5% top-3, 5 silent before rule work from
// them). After it (a 429 named `rate limit`, a wrapper ranked below what it wraps, a period in a
// reason code, a request field of the wrong type): J 65.0 / 87.5 / 3; dev 78.7 / 92.6 / 6;
// blind 74.8 / 86.6 / 16 (blind 392: 75.8 / 87.2 / 15; C6 unchanged). Then K001-K040 (dev, 741:
// the same kind of mix; 67.5% first, 77.5% top-3, 2 silent before rule work from them). After
// it (Azure's ResponsibleAIPolicyViolation, Gemini's "exceeded your current quota" as quota, a
// named plan leading a balance error, missing-key and can't-connect wordings, Chinese 提示/显示
// before a status): K 75.0 / 82.5 / 1; dev 78.7 / 92.6 / 6; blind 74.8 / 86.8 / 16 (blind 392:
// 75.8 / 87.5 / 15; C6 unchanged at 65.0 / 80.0 / 1).
// Then L001-L040 (dev, 781; 70.0% first, 80.0% top-3, 2 silent before rule work from them; 80.0
// / 90.0 / 2 after: gRPC's "Client specified an invalid argument", "Argument not supported",
// Node's `read ETIMEDOUT` as a timeout, context-window prose) and blind C7 (40, never read, the
// honest figure of this session): 55.0 / 67.5 / 8 silent with the engine of the session's start
// (aaca9bc), 52.5 / 70.0 / 7 at the end. Whole parts at the end: dev 78.7 / 92.4 / 8, blind
// (472) 73.1 / 85.6 / 23 (392: 75.8 / 87.5 / 15; C6 67.5 / 82.5 / 1).
// Then M001-M040 (dev, 821: short pastes, titles, wrappers, prose; 52.5 / 75.0 / 3 before, 57.5
// / 82.5 / 2 after a wrapped Anthropic credit message, a gateway's moderation wording and
// "invalid authentication" in prose); dev 77.6 / 92.0 / 10, blind unchanged.
// Session 15: blind C8 (40, never read): 65.0 / 77.5 / 4 silent with the engine of the session's
// start (bd953cc); blind (512) 72.5 / 85.0 / 27. Then N001-N040 (dev, 861: client_config,
// base_url, plan_restriction, timeout first; weak providers): 55.0 / 77.5 / 4 before rule work
// from them, 75.0 / 95.0 / 1 after (Qianfan's Token Plan key and Ark's Coding Plan model
// refusals, Ollama's five-minute 500, a body that is not JSON, statuses after 触发/收到 and
// `returns the same 403`); dev 77.5 / 92.2 / 9, blind 72.9 / 85.0 / 27. Then O001-O040 (dev,
// 901: a natural mix, more client_config, base_url and plan_restriction; 55.0 / 80.0 / 3 before
// rule work from them, 67.5 / 90.0 / 1 after: DeepSeek's echoed key tail that is a placeholder,
// a plan said in prose not to include the model, `results in a 429 error`); dev 77.1 / 92.1 / 10,
// blind 73.0 / 85.2 / 27. Then P001-P040 (dev, 941: errors that look like one category and
// were another — auth-looking that were the tool or the host, 429s that were an allowance;
// 42.5 / 72.5 / 7 before rule work from them, 47.5 / 77.5 / 5 after: an invalid tool schema,
// `invalid or missing API key`, key validation failed, `404错误`, `❌ 404 |`, a subscription
// said to lack a model, other scripts with the same key working); dev 76.0 / 91.7 / 12, blind
// 73.2 / 85.4 / 26.
// To fit the page's budget at the session's end, five of these rules went again (the Qianfan
// Token Plan and Ark Coding Plan refusals, Ollama's five-minute 500, the invalid tool schema,
// the body that is not JSON), with the plan-in-prose rule and the lead's rollback wording:
// dev 75.2 / 91.0 / 16, blind 73.0 / 85.2 / 27.
// Session 16: blind C9 (40 from new threads, never read) and dev Q001-Q040 (client_config,
// base_url, plan_restriction, timeout, parameter, quota first; weak providers): with the
// session's start engine (bcb583f) C9 gave 75.0 / 85.0 / 2 silent and Q 57.5 / 77.5 / 2; whole
// parts dev (981) 74.5 / 90.4 / 18, blind (552) 73.2 / 85.1 / 29.
// Rule work from Q (the five rules session 15 cut for the page restored, Codex's ChatGPT-account
// refusal and the Cursor and Zed hosted-model messages as a plan finding, Zhipu's English 1310,
// the Vertex region message without its first sentence, Ark's thinking type, Ollama's aborted
// load, DashScope's InternalError.Algo.InvalidParameter no longer a server error): Q 75.0 / 90.0
// / 0; dev 75.7 / 91.7 / 14, blind 73.4 / 85.5 / 28 (C9 unchanged).
// Then LobeChat's invalid-key error thrown with no key (`error: undefined`): dev 75.8 / 91.7 / 14.
// Then ModelScope's bare "Request limit exceeded", claude-code-router's api_base_url: dev 75.9 /
// 91.8 / 14. Then R001-R040 (dev, 1,021: a natural mix, more than half tracebacks and logs with
// noise; 85.0 / 87.5 / 1 both with the session's start engine and at the end, no rule work from
// them yet): dev 76.3 / 91.7 / 15.
const FLOORS: &[(&str, f64, f64, usize)] = &[("dev", 76.2, 91.6, 15), ("blind", 73.3, 85.5, 28)];

struct Case {
    category: String,
    provider: String,
    lang: String,
    paste: String,
}

fn parse(name: &str, src: &str) -> Result<Case, String> {
    let (head, paste) = src
        .split_once("\n---\n")
        .ok_or_else(|| format!("{name}: no `---` line"))?;
    let mut c = Case {
        category: String::new(),
        provider: String::new(),
        lang: String::new(),
        paste: paste.to_string(),
    };
    for line in head.lines().filter(|l| !l.trim().is_empty()) {
        let (k, v) = line
            .split_once(':')
            .ok_or_else(|| format!("{name}: bad header line `{line}`"))?;
        let v = v.trim().to_string();
        match k.trim() {
            "expect-category" => c.category = v,
            "provider" => c.provider = v,
            "lang" => c.lang = v,
            "client" | "source" | "note" => {}
            other => return Err(format!("{name}: unknown header `{other}`")),
        }
    }
    if c.category.is_empty() || c.provider.is_empty() {
        return Err(format!("{name}: expect-category and provider are required"));
    }
    Ok(c)
}

#[derive(Default)]
struct Tally {
    n: usize,
    first: usize,
    top3: usize,
    silent: usize,
}

impl Tally {
    fn add(&mut self, first: bool, top3: bool, silent: bool) {
        self.n += 1;
        self.first += usize::from(first);
        self.top3 += usize::from(top3);
        self.silent += usize::from(silent);
    }
    fn pct(a: usize, n: usize) -> f64 {
        if n == 0 {
            0.0
        } else {
            100.0 * a as f64 / n as f64
        }
    }
    fn line(&self, label: &str) -> String {
        format!(
            "{label:<22} {:>4}  first {:>5.1}%  top-3 {:>5.1}%  silent {}",
            self.n,
            Self::pct(self.first, self.n),
            Self::pct(self.top3, self.n),
            self.silent
        )
    }
}

fn dir(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/realworld")
        .join(part)
}

#[test]
fn realworld_pastes() {
    let mut failures = Vec::new();
    let mut report = String::new();
    for &(part, floor_first, floor_top3, max_silent) in FLOORS {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir(part))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
        files.sort();
        assert!(!files.is_empty(), "tests/realworld/{part} is empty");
        let (mut all, mut by_provider, mut by_category, mut by_lang) = (
            Tally::default(),
            BTreeMap::<String, Tally>::new(),
            BTreeMap::<String, Tally>::new(),
            BTreeMap::<String, Tally>::new(),
        );
        let mut wrong = Vec::new();
        for f in &files {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let src = std::fs::read_to_string(f).unwrap_or_default();
            let c = match parse(&name, &src) {
                Ok(c) => c,
                Err(e) => {
                    failures.push(e);
                    continue;
                }
            };
            let r = diagnose(&c.paste, &Options::default());
            let errors: Vec<&str> = r
                .diagnoses
                .iter()
                .filter(|d| d.severity != Severity::Info)
                .map(|d| d.category.as_str())
                .collect();
            let (first, top3, silent) = if c.category == "none" {
                let clean = !r.diagnoses.iter().any(|d| d.severity == Severity::Error);
                (clean, clean, false)
            } else {
                (
                    errors.first() == Some(&c.category.as_str()),
                    errors.iter().take(3).any(|x| *x == c.category),
                    errors.is_empty(),
                )
            };
            all.add(first, top3, silent);
            by_provider
                .entry(c.provider.clone())
                .or_default()
                .add(first, top3, silent);
            by_category
                .entry(c.category.clone())
                .or_default()
                .add(first, top3, silent);
            by_lang
                .entry(c.lang.clone())
                .or_default()
                .add(first, top3, silent);
            if !first && part == "dev" {
                let got = r.diagnoses.first().map_or("nothing".to_string(), |d| {
                    format!("{} ({})", d.category.as_str(), d.rule)
                });
                wrong.push(format!("  {name}: expected {}, got {got}", c.category));
            }
        }
        report.push_str(&format!(
            "\n== tests/realworld/{part} ==\n{}\n",
            all.line("all")
        ));
        for (title, t) in [
            ("by provider", &by_provider),
            ("by category", &by_category),
            ("by lang", &by_lang),
        ] {
            report.push_str(&format!("-- {title}\n"));
            for (k, v) in t {
                report.push_str(&v.line(&format!("  {k}")));
                report.push('\n');
            }
        }
        if !wrong.is_empty() {
            report.push_str(&format!(
                "-- dev pastes not right first ({}):\n{}\n",
                wrong.len(),
                wrong.join("\n")
            ));
        }
        let first = Tally::pct(all.first, all.n);
        let top3 = Tally::pct(all.top3, all.n);
        if first < floor_first || top3 < floor_top3 || all.silent > max_silent {
            failures.push(format!(
                "{part}: first {first:.1}% (floor {floor_first}), top-3 {top3:.1}% (floor {floor_top3}), silent {} (at most {max_silent})",
                all.silent
            ));
        }
    }
    println!("{report}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
