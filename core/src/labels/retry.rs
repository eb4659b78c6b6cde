//! The retry advice (`Retry::advice`) in words, per language: one sentence per kind of failure,
//! and the queue header's hint a rule may add.

use crate::vocabulary::Lang;

/// Which retry advice to give: what `retry::guidance` decided from a finding's category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Advice {
    /// An `info` finding: nothing to retry.
    Harmless,
    /// Per-minute and concurrency throttling: back off.
    RateLimit,
    /// A server error or a timeout: back off, then a fallback.
    Transient,
    /// The network path is broken: fix it first.
    Network,
    /// An allowance used up until its reset.
    Quota,
    /// No balance: top up first.
    Balance,
    /// Flagged content stays in the history.
    ContentPolicy,
    /// Anything else: the request or its configuration must change.
    Other,
    /// The server-side queue header (a rule's `retry_queue`), added after the advice.
    Queue,
}

/// `advice` as a sentence in `lang`.
pub(crate) fn advice(lang: Lang, advice: Advice) -> &'static str {
    let (en, zh) = match advice {
        Advice::Harmless => (
            "Nothing to retry: this does not affect normal use.",
            "无需重试：这条信息不影响正常使用。",
        ),
        Advice::RateLimit => (
            "Retry with exponential backoff and jitter (1 s up to 60 s, about 6 attempts): per-minute and concurrency limits clear quickly. On DashScope, rate limits are per model, so a fallback model has its own quota (e.g. qwen-plus → qwen-flash).",
            "使用带抖动的指数退避重试（1 秒到 60 秒，约 6 次）：每分钟限额和并发限制很快恢复。DashScope 的限流按模型计算，备用模型拥有独立配额（如 qwen-plus → qwen-flash）。",
        ),
        Advice::Transient => (
            "Transient: retry with exponential backoff; if it persists, check the provider's status page and switch to a fallback model. For long generations, stream instead of waiting for one response.",
            "属于暂时性问题：使用指数退避重试；若持续出现，查看服务状态页并切换到备用模型。长输出请使用流式调用。",
        ),
        Advice::Network => (
            "Retrying the same call will fail the same way until the network path (URL, DNS, proxy, TLS) is fixed; after that, ordinary backoff covers occasional resets.",
            "在网络路径（URL、DNS、代理、TLS）修好之前，重试同样会失败；修好后用普通的退避重试应对偶发断连。",
        ),
        Advice::Quota => (
            "Do not retry in a loop: the allowance is used up until it resets or is raised. Wait for the reset, or use another key or plan.",
            "不要循环重试：额度在重置或提升之前已用完。请等待重置，或改用其他 Key 或套餐。",
        ),
        Advice::Balance => (
            "Do not retry until the account is topped up or the overdue bill is paid.",
            "在充值或结清欠费之前不要重试。",
        ),
        Advice::ContentPolicy => (
            "Retrying the same conversation fails again: the flagged text stays in the history. Remove or rephrase it first.",
            "原样重试仍会失败：被拦截的内容还在对话历史里。请先删除或改写。",
        ),
        Advice::Other => (
            "Retrying will not help: the request itself or its configuration must change first.",
            "重试无济于事：必须先修改请求本身或配置。",
        ),
        Advice::Queue => (
            "For burst throttling, the `X-DashScope-Wait-Timeout` header (seconds) lets the server queue the request instead of rejecting it.",
            "对于突发限流，可添加请求头 `X-DashScope-Wait-Timeout`（秒），让服务端排队而不是立即拒绝。",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
