//! What to say when no rule matched: the quick self-check from the site-url-gateway guide.

use crate::vocabulary::Lang;

/// The self-check's heading, its questions and where they come from.
pub struct SelfCheck {
    /// The heading.
    pub title: &'static str,
    /// The questions, in order.
    pub items: &'static [&'static str],
    /// The guide they come from.
    pub source: &'static str,
}

const EN: SelfCheck = SelfCheck {
    title: "No known failure found in this paste. Quick self-check:",
    items: &[
        "Is the API base URL right for your tool, plan and region (e.g. Claude Code on …/apps/anthropic, OpenAI-compatible clients on …/compatible-mode/v1 or the Coding Plan's …/v1)?",
        "Is the API key valid: copied in full with its prefix, no extra spaces or missing characters, still enabled and not deleted?",
        "Is the network healthy: can this machine reach the internet; are proxies, firewalls or corporate policies in the way?",
        "Is the model name right: exactly as listed (case-sensitive) and enabled for your key or plan?",
        "Still stuck? Paste the full error text (with the HTTP status) together with your config.",
    ],
    source: "shared guide site-url-gateway, Quick self-check",
};

const ZH: SelfCheck = SelfCheck {
    title: "这段内容中没有发现已知的故障。快速自查：",
    items: &[
        "API Base URL 是否与工具、套餐和地域相符（例如 Claude Code 用 …/apps/anthropic，OpenAI 兼容客户端用 …/compatible-mode/v1 或 Coding Plan 的 …/v1）？",
        "API Key 是否有效：是否完整复制（含前缀）、没有多余空格或缺字符、仍处于启用状态且未被删除？",
        "网络是否正常：本机能否访问互联网；是否有代理、防火墙或公司网络策略拦截？",
        "模型名称是否正确：与列表完全一致（区分大小写），且已为你的 Key 或套餐开通？",
        "仍未解决？请粘贴完整的错误信息（含 HTTP 状态码）以及你的配置。",
    ],
    source: "shared guide site-url-gateway, Quick self-check",
};

/// The self-check in `lang`.
pub fn self_check(lang: Lang) -> &'static SelfCheck {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
