//! The engine's enums as words, per language: severity, confidence, category, retry policy and
//! quota window. One catalog for every front end (the page's badges, the CLI's titles), so that
//! a label is written once and speaks both languages everywhere.
//!
//! Every other word a user sees is here too, one file per subject: the engine's notes
//! (`notes`), retry advice (`retry`), quota reset notes (`reset`), the self-check
//! (`selfcheck`), the support bundle (`support`), the model catalog's steps (`models`), the
//! verification sentence (`verify`), and the CLI's report (`human`) and `doctor` words.
//! `core/tests/word_catalog.rs` fails on a Chinese character written anywhere else.

pub mod doctor;
pub mod human;
pub(crate) mod models;
pub(crate) mod notes;
pub(crate) mod reset;
pub(crate) mod retry;
pub mod selfcheck;
pub mod support;
pub(crate) mod verify;

use crate::report::RetryPolicy;
use crate::vocabulary::{Category, Confidence, Lang, Reset, Severity};

/// A severity as a heading word ("Error", "错误").
pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match (lang, s) {
        (Lang::En, Severity::Error) => "Error",
        (Lang::En, Severity::Warning) => "Warning",
        (Lang::En, Severity::Info) => "Info",
        (Lang::Zh, Severity::Error) => "错误",
        (Lang::Zh, Severity::Warning) => "警告",
        (Lang::Zh, Severity::Info) => "提示",
    }
}

/// How sure a diagnosis is, as its badge says it.
pub fn confidence(lang: Lang, c: Confidence) -> &'static str {
    match (lang, c) {
        (Lang::En, Confidence::High) => "High confidence",
        (Lang::En, Confidence::Medium) => "Medium confidence",
        (Lang::En, Confidence::Low) => "Low confidence: a general finding",
        (Lang::Zh, Confidence::High) => "高置信度",
        (Lang::Zh, Confidence::Medium) => "中等置信度",
        (Lang::Zh, Confidence::Low) => "低置信度：一般性判断",
    }
}

pub fn category(lang: Lang, c: Category) -> &'static str {
    use Category::*;
    let (en, zh) = match c {
        Auth => ("Authentication", "认证"),
        Permission => ("Permission", "权限"),
        Balance => ("Balance / billing", "余额 / 账单"),
        Quota => ("Quota", "额度"),
        RateLimit => ("Rate limit", "限流"),
        BaseUrl => ("Base URL", "Base URL"),
        Model => ("Model", "模型"),
        ContextLength => ("Context length", "上下文长度"),
        Parameter => ("Request parameter", "请求参数"),
        ContentPolicy => ("Content policy", "内容审核"),
        Timeout => ("Timeout", "超时"),
        Network => ("Network", "网络"),
        Server => ("Server error", "服务端错误"),
        PlanRestriction => ("Plan restriction", "套餐限制"),
        ClientConfig => ("Client config", "客户端配置"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The retry policy as a short label.
pub fn retry_policy(lang: Lang, policy: RetryPolicy) -> &'static str {
    let (en, zh) = match policy {
        RetryPolicy::Never => ("Do not retry", "不要重试"),
        RetryPolicy::AfterFix => ("Retry after the fix", "修复后再重试"),
        RetryPolicy::AfterReset => ("Retry after the reset", "重置后再重试"),
        RetryPolicy::Backoff => ("Retry with backoff", "退避重试"),
        RetryPolicy::None => ("Nothing to retry", "无需重试"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The quota window (`ResetInfo::window`) as a label.
pub fn window(lang: Lang, w: Reset) -> &'static str {
    let (en, zh) = match w {
        Reset::Hour => ("5-hour window", "5 小时窗口"),
        Reset::Week => ("Weekly window", "每周窗口"),
        Reset::Month => ("Monthly window", "每月窗口"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
