//! The examples menu: realistic pastes, one per tool. Keys are fake (right shape, never
//! issued); the engine masks them like real ones.
//!
//! The texts are data, not code: `web/examples/<id>.txt`, copied into the build as
//! `examples/<id>.txt` and fetched when chosen, so the first load does not carry them. The
//! single-file build inlines each as `<script type="text/plain" id="llmdoctor-example-<id>">`
//! (scripts/single-file.mjs), read instead of fetching.

use llmdoctor_core::Lang;
use yew::{AttrValue, Callback};

pub struct Example {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

impl Example {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// Brings this example's text, then calls `done` with it (not at all if it cannot be had:
    /// the menu then loads nothing).
    pub fn load(&self, done: Callback<AttrValue>) {
        if let Some(text) = crate::texts::inline(&format!("llmdoctor-example-{}", self.id)) {
            done.emit(AttrValue::from(text));
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let fetch = window.fetch_with_str(&format!("examples/{}.txt", self.id));
        yew::platform::spawn_local(async move {
            if let Ok(text) = crate::texts::text_of(fetch).await {
                done.emit(AttrValue::from(text));
            }
        });
    }
}

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "claude-code-404",
        en: "Claude Code: 404 with settings.json on /v1",
        zh: "Claude Code：settings.json 配成 /v1 后 404",
    },
    Example {
        id: "qwen-code-401",
        en: "Qwen Code: 401 invalid access token",
        zh: "Qwen Code：401 invalid access token",
    },
    Example {
        id: "codex-wire-api-chat",
        en: "Codex: config.toml with wire_api = \"chat\"",
        zh: "Codex：config.toml 中 wire_api = \"chat\"",
    },
    Example {
        id: "openai-python-allocation-quota",
        en: "openai-python: RateLimitError Throttling.AllocationQuota",
        zh: "openai-python：RateLimitError Throttling.AllocationQuota",
    },
    Example {
        id: "coding-plan-week-quota",
        en: "Coding Plan: weekly quota exceeded",
        zh: "Coding Plan：周额度用完",
    },
    Example {
        id: "openclaw-auth-profiles",
        en: "OpenClaw: auth.profiles Unrecognized key \"apiKey\"",
        zh: "OpenClaw：auth.profiles 无法识别 \"apiKey\"",
    },
];
