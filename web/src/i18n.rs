//! Every string the page itself says, in English and Chinese. Rule texts come from the engine
//! (`Rule::text(lang)`); this module holds only the page's own words.

use llmdoctor_core::labels::support;
/// The engine's enums as words: one catalog for the page and the CLI (core/src/labels/).
pub use llmdoctor_core::labels::{category, confidence, retry_policy, severity, window};
use llmdoctor_core::{KeyKind, Lang};

/// The page's words in one language.
pub struct Ui {
    pub html_lang: &'static str,
    /// BCP 47 tag for `Date.toLocaleString`.
    pub locale: &'static str,
    pub tagline: &'static str,
    pub nav_diagnose: &'static str,
    pub nav_rules: &'static str,
    pub lang_label: &'static str,
    pub paste_label: &'static str,
    pub paste_placeholder: &'static str,
    pub paste_hint: &'static str,
    pub examples_label: &'static str,
    pub examples_none: &'static str,
    pub clear: &'static str,
    pub privacy: &'static str,
    pub empty_hint_title: &'static str,
    pub empty_hint: &'static [&'static str],
    pub status_empty: &'static str,
    pub status_none: &'static str,
    pub status_working: &'static str,
    pub most_likely: &'static str,
    pub evidence: &'static str,
    pub steps: &'static str,
    pub verify: &'static str,
    pub sources: &'static str,
    pub retry: &'static str,
    pub reset: &'static str,
    pub reset_local: &'static str,
    pub reset_plan: &'static str,
    pub window_start: &'static str,
    pub now: &'static str,
    pub reset_point: &'static str,
    pub billing_day: &'static str,
    pub billing_day_hint: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub rule_reference: &'static str,
    pub read_title: &'static str,
    pub read_tool: &'static str,
    pub read_provider: &'static str,
    pub read_plan: &'static str,
    pub read_region: &'static str,
    pub read_status: &'static str,
    pub read_endpoint: &'static str,
    pub read_key: &'static str,
    pub corrected: &'static str,
    pub rules_title: &'static str,
    pub rules_intro: &'static str,
    pub rules_search: &'static str,
    pub rules_search_placeholder: &'static str,
    pub rules_none: &'static str,
    pub rule_back: &'static str,
    pub rule_unknown: &'static str,
    pub rule_id: &'static str,
    pub rule_category: &'static str,
    pub rule_severity: &'static str,
    pub rule_file: &'static str,
    pub rule_patterns: &'static str,
    pub rule_keywords: &'static str,
    pub rule_resets: &'static str,
    pub footer: &'static str,
    pub corrected_title: &'static str,
    pub corrected_view: &'static str,
    pub view_corrected: &'static str,
    pub view_diff: &'static str,
    pub diff_label: &'static str,
    pub diff_added: &'static str,
    pub diff_removed: &'static str,
    pub copy_with_key: &'static str,
    pub copy_with_key_hint: &'static str,
    pub copied_with_key: &'static str,
    pub verify_fix: &'static str,
    /// The corrected config's list of fixes: heading, and the two marks (Ruff's safe / unsafe).
    pub fixes_label: &'static str,
    pub fix_safe: &'static str,
    pub fix_review: &'static str,
    pub bundle: &'static str,
    pub bundle_copied: &'static str,
    pub bundle_hint: &'static str,
    pub share: &'static str,
    pub share_working: &'static str,
    pub share_copied: &'static str,
    pub share_ready: &'static str,
    pub share_too_long: &'static str,
    pub share_unsupported: &'static str,
    pub share_hint: &'static str,
    pub share_link_label: &'static str,
    pub shared_opened: &'static str,
    pub shared_broken: &'static str,
    pub texts_error: &'static str,
    /// The document's title.
    pub page_title: &'static str,
}

const EN: Ui = Ui {
    html_lang: "en",
    locale: "en-US",
    tagline: "Why did my LLM API call fail? Paste the error, the log or your config.",
    nav_diagnose: "Diagnose",
    nav_rules: "Rules",
    lang_label: "Language",
    paste_label: "Error, log or config",
    paste_placeholder: "Paste anything: an error line, a stack trace, settings.json, config.toml, a curl command, terminal output…",
    paste_hint: "Diagnosed as you type. Keys are masked in everything shown below.",
    examples_label: "Example",
    examples_none: "Load an example…",
    clear: "Clear",
    privacy: "Nothing you paste leaves your browser: the diagnosis runs on this page, in WebAssembly. No uploads, no analytics, no third-party requests.",
    empty_hint_title: "What to paste",
    empty_hint: &[
        "The full error text, with the HTTP status (e.g. API Error: 401 …).",
        "Your tool's config: Claude Code settings.json, Codex config.toml, OpenClaw openclaw.json, .env, a curl command.",
        "Mixing both in one paste is fine: llmdoctor checks the error against the config.",
    ],
    status_empty: "Paste something to diagnose.",
    status_none: "No known failure",
    status_working: "Diagnosing…",
    most_likely: "Most likely cause",
    evidence: "Evidence",
    steps: "Fix",
    verify: "Verify",
    sources: "Sources",
    retry: "Retry",
    reset: "Quota reset",
    reset_local: "Your time",
    reset_plan: "Plan time (UTC+8)",
    window_start: "window start",
    now: "now",
    reset_point: "reset",
    billing_day: "Subscription day (1–31)",
    billing_day_hint: "The monthly quota resets at 00:00 UTC+8 on this day of the month.",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Copy failed: select the text",
    rule_reference: "Rule",
    read_title: "What llmdoctor read",
    read_tool: "Tool",
    read_provider: "Provider",
    read_plan: "Plan",
    read_region: "Region",
    read_status: "HTTP status",
    read_endpoint: support::word(Lang::En, support::Word::Endpoint),
    read_key: "Key",
    corrected: "Corrected",
    rules_title: "Rule reference",
    rules_intro: "Every failure llmdoctor knows, with its fix. The same rules run in the page and in the CLI.",
    rules_search: "Search rules",
    rules_search_placeholder: "id, title, category, error text…",
    rules_none: "No rule matches.",
    rule_back: "All rules",
    rule_unknown: "There is no rule with this id.",
    rule_id: "Id",
    rule_category: "Category",
    rule_severity: "Severity",
    rule_file: "Defined in",
    rule_patterns: "Matches",
    rule_keywords: "Keywords",
    rule_resets: "Quota window",
    footer: "llmdoctor — diagnoses failed calls to LLM API gateways. Open source; runs offline.",
    corrected_title: "Your config, corrected",
    corrected_view: "Show",
    view_corrected: "Corrected",
    view_diff: "Diff",
    diff_label: "Changes: lines starting with + are added, lines starting with - are removed",
    diff_added: "added",
    diff_removed: "removed",
    copy_with_key: "Copy with my key",
    copy_with_key_hint: "Copies this corrected config with your real key in it. The key is put on the clipboard only; it is never shown on the page.",
    copied_with_key: "Copied, with your key",
    verify_fix: "Check the fix",
    fixes_label: "Fixes in the corrected config",
    fix_safe: "safe",
    fix_review: "review: untick to leave it out",
    bundle: "Copy support bundle",
    bundle_copied: "Support bundle copied",
    bundle_hint: "What support asks for: time, tool and version, masked key, endpoint, model, parameters, the error lines and the diagnosis. Keys stay masked.",
    share: "Share link",
    share_working: "Making the link…",
    share_copied: "Link copied. Keys were removed from it.",
    share_ready: "Link ready: copy it from the box. Keys were removed from it.",
    share_too_long: "The paste is too long for a link.",
    share_unsupported: "This browser cannot make share links.",
    share_hint: "The link holds your paste with every key replaced by a placeholder; nothing is uploaded. Check it for other private details before you send it.",
    share_link_label: "Share link",
    shared_opened: "Opened from a share link. Keys in it were replaced by placeholders before it was shared.",
    shared_broken: "This share link is broken or incomplete: nothing could be loaded from it.",
    texts_error: "The rule texts for this language could not be loaded; diagnoses show without their explanations. Reload the page to try again",
    page_title: "llmdoctor — why did my LLM API call fail?",
};

const ZH: Ui = Ui {
    html_lang: "zh-CN",
    locale: "zh-CN",
    tagline: "大模型 API 调用为什么失败？粘贴报错、日志或配置即可。",
    nav_diagnose: "诊断",
    nav_rules: "规则",
    lang_label: "语言",
    paste_label: "报错、日志或配置",
    paste_placeholder: "任何内容都可以粘贴：报错行、堆栈、settings.json、config.toml、curl 命令、终端输出……",
    paste_hint: "边输入边诊断。下方显示的所有内容中，Key 均已打码。",
    examples_label: "示例",
    examples_none: "载入示例……",
    clear: "清空",
    privacy: "你粘贴的内容不会离开浏览器：诊断在本页面内以 WebAssembly 运行。不上传、无统计、不请求任何第三方。",
    empty_hint_title: "可以粘贴什么",
    empty_hint: &[
        "完整的报错信息，包括 HTTP 状态码（如 API Error: 401 …）。",
        "工具的配置：Claude Code 的 settings.json、Codex 的 config.toml、OpenClaw 的 openclaw.json、.env、curl 命令。",
        "报错和配置放在一起粘贴也可以：llmdoctor 会把报错和配置对照检查。",
    ],
    status_empty: "粘贴内容即可开始诊断。",
    status_none: "未发现已知故障",
    status_working: "诊断中……",
    most_likely: "最可能的原因",
    evidence: "依据",
    steps: "解决步骤",
    verify: "验证",
    sources: "来源",
    retry: "重试",
    reset: "额度重置",
    reset_local: "你的本地时间",
    reset_plan: "套餐时间（UTC+8）",
    window_start: "窗口开始",
    now: "现在",
    reset_point: "重置",
    billing_day: "订阅日（1–31）",
    billing_day_hint: "月额度在每月这一天的 00:00（UTC+8）重置。",
    copy: "复制",
    copied: "已复制",
    copy_failed: "复制失败：请手动选择文本",
    rule_reference: "规则",
    read_title: "llmdoctor 读到的信息",
    read_tool: "工具",
    read_provider: "服务商",
    read_plan: "套餐",
    read_region: "地域",
    read_status: "HTTP 状态码",
    read_endpoint: support::word(Lang::Zh, support::Word::Endpoint),
    read_key: "Key",
    corrected: "修正后",
    rules_title: "规则参考",
    rules_intro: "llmdoctor 认识的每一种故障及其解决办法。页面与命令行运行的是同一套规则。",
    rules_search: "搜索规则",
    rules_search_placeholder: "ID、标题、类别、报错文本……",
    rules_none: "没有匹配的规则。",
    rule_back: "全部规则",
    rule_unknown: "没有这个 ID 的规则。",
    rule_id: "ID",
    rule_category: "类别",
    rule_severity: "严重程度",
    rule_file: "定义于",
    rule_patterns: "匹配",
    rule_keywords: "关键词",
    rule_resets: "额度窗口",
    footer: "llmdoctor：诊断大模型 API 网关调用失败的原因。开源，可离线运行。",
    corrected_title: "修正后的配置",
    corrected_view: "显示方式",
    view_corrected: "修正后",
    view_diff: "差异",
    diff_label: "改动：以 + 开头的行为新增，以 - 开头的行为删除",
    diff_added: "新增",
    diff_removed: "删除",
    copy_with_key: "复制（含我的 Key）",
    copy_with_key_hint: "复制带有你真实 Key 的修正后配置。Key 只会放进剪贴板，不会显示在页面上。",
    copied_with_key: "已复制（含 Key）",
    verify_fix: "验证修复",
    fixes_label: "修正后配置中的修改",
    fix_safe: "安全",
    fix_review: "需确认：取消勾选即不应用",
    bundle: "复制工单信息",
    bundle_copied: "工单信息已复制",
    bundle_hint: "联系技术支持时需要的信息：时间、工具及版本、打码后的 Key、接口地址、模型、参数、报错行和诊断结果。Key 始终打码。",
    share: "分享链接",
    share_working: "正在生成链接……",
    share_copied: "链接已复制，其中的 Key 已移除。",
    share_ready: "链接已生成，请从输入框中复制。其中的 Key 已移除。",
    share_too_long: "内容太长，无法生成链接。",
    share_unsupported: "此浏览器无法生成分享链接。",
    share_hint: "链接中包含你粘贴的内容，所有 Key 都替换成了占位符；不会上传任何内容。发送前请检查是否还有其他隐私信息。",
    share_link_label: "分享链接",
    shared_opened: "内容来自分享链接。分享前其中的 Key 已替换为占位符。",
    shared_broken: "分享链接已损坏或不完整，无法载入内容。",
    texts_error: "无法加载该语言的规则说明，诊断结果暂时没有说明文字。请刷新页面重试",
    page_title: "llmdoctor — 大模型 API 调用失败诊断",
};

/// Each language's name in itself, for the language menu.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "中文",
    }
}

/// An entry of the examples menu: the example's id (its text is `web/examples/<id>.txt`) and
/// its title in each language.
pub struct Example {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// "3 findings" / "发现 3 个问题".
pub fn findings(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 finding".to_string(),
        (Lang::En, n) => format!("{n} findings"),
        (Lang::Zh, n) => format!("发现 {n} 个问题"),
    }
}

/// "seen 12 times" / "出现 12 次".
pub fn seen(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("seen {n} times"),
        Lang::Zh => format!("出现 {n} 次"),
    }
}

/// "Line 3, column 12" for screen readers; the visible form is `3:12`.
pub fn position(lang: Lang, line: usize, column: usize) -> String {
    match lang {
        Lang::En => format!("line {line}, column {column}"),
        Lang::Zh => format!("第 {line} 行，第 {column} 列"),
    }
}

/// "12 rules" / "共 12 条规则".
pub fn rule_count(lang: Lang, shown: usize, total: usize) -> String {
    match (lang, shown == total) {
        (Lang::En, true) => format!("{total} rules"),
        (Lang::En, false) => format!("{shown} of {total} rules"),
        (Lang::Zh, true) => format!("共 {total} 条规则"),
        (Lang::Zh, false) => format!("{total} 条规则中的 {shown} 条"),
    }
}

/// "in 2 d 5 h" / "2 天 5 小时后"; `secs` from now, never negative here.
pub fn countdown(lang: Lang, secs: i64) -> String {
    let secs = secs.max(0);
    let (d, h, m) = (secs / 86400, secs % 86400 / 3600, secs % 3600 / 60);
    match lang {
        Lang::En if d > 0 => format!("in {d} d {h} h"),
        Lang::En if h > 0 => format!("in {h} h {m} min"),
        Lang::En => format!("in {m} min"),
        Lang::Zh if d > 0 => format!("{d} 天 {h} 小时后"),
        Lang::Zh if h > 0 => format!("{h} 小时 {m} 分钟后"),
        Lang::Zh => format!("{m} 分钟后"),
    }
}

/// Key kinds from the engine's facts, as words.
pub fn key_kind(lang: Lang, kind: KeyKind) -> String {
    let (en, zh) = match kind {
        KeyKind::Plan => ("plan key", "套餐 Key"),
        KeyKind::General => ("pay-as-you-go key", "按量付费 Key"),
        KeyKind::Anthropic => ("Anthropic key", "Anthropic Key"),
        KeyKind::Openai => ("OpenAI key", "OpenAI Key"),
        KeyKind::Openrouter => ("OpenRouter key", "OpenRouter Key"),
        KeyKind::Google => ("Google key", "Google Key"),
        KeyKind::Modelscope => ("ModelScope token", "ModelScope Token"),
        _ => ("key", "Key"),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

/// The examples menu, in its order.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_countdowns() {
        assert_eq!(findings(Lang::En, 1), "1 finding");
        assert_eq!(findings(Lang::En, 3), "3 findings");
        assert_eq!(findings(Lang::Zh, 3), "发现 3 个问题");
        assert_eq!(countdown(Lang::En, 2 * 86400 + 5 * 3600 + 7), "in 2 d 5 h");
        assert_eq!(countdown(Lang::En, 3600 + 120), "in 1 h 2 min");
        assert_eq!(countdown(Lang::Zh, 59), "0 分钟后");
    }
}
