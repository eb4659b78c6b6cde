//! Whether to retry, per category, and ready-to-use retry code where retrying is right
//! (bailian-text guide, Problem 2 and FAQ; gateway-facts.md on `X-DashScope-Wait-Timeout`).

use crate::model::{Category, Lang};
use crate::report::{Retry, RetryPolicy, Snippet, SnippetLanguage};
use crate::secrets::Masked;

const PYTHON: &str = r#"import openai
from openai import OpenAI
from tenacity import retry, stop_after_attempt, wait_random_exponential, retry_if_exception_type

RETRYABLE_ERRORS = (openai.RateLimitError, openai.InternalServerError, openai.APIConnectionError)

@retry(
    wait=wait_random_exponential(min=1, max=60),
    stop=stop_after_attempt(6),
    retry=retry_if_exception_type(RETRYABLE_ERRORS),
)
def chat_with_retry(client, model, messages):
    return client.chat.completions.create(model=model, messages=messages)
"#;

const NODE: &str = r#"import OpenAI from "openai";

const client = new OpenAI({ maxRetries: 0 }); // we retry ourselves, with jitter
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504, 529]);

export async function chatWithRetry(params, attempts = 6) {
  for (let i = 0; ; i++) {
    try {
      return await client.chat.completions.create(params);
    } catch (err) {
      const retryable = err instanceof OpenAI.APIConnectionError || RETRYABLE.has(err?.status);
      if (!retryable || i + 1 >= attempts) throw err;
      const cap = Math.min(60_000, 1000 * 2 ** i);
      await new Promise((r) => setTimeout(r, Math.random() * cap)); // full jitter
    }
  }
}
"#;

const QUEUE: &str = r#"curl -X POST "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions" \
  -H "Authorization: Bearer $DASHSCOPE_API_KEY" \
  -H "Content-Type: application/json" \
  -H "X-DashScope-Wait-Timeout: 30" \
  -d '{"model": "qwen-plus", "messages": [{"role": "user", "content": "Hello"}]}'
"#;

/// Retry guidance for a category; `queue` adds the server-side queue header (a rule's
/// `retry_queue`). `harmless` (an `info` finding) needs no retry at all.
pub fn guidance(category: Category, lang: Lang, queue: bool, harmless: bool) -> Retry {
    use Category::*;
    let zh = lang == Lang::Zh;
    if harmless {
        let advice = if zh {
            "无需重试：这条信息不影响正常使用。"
        } else {
            "Nothing to retry: this does not affect normal use."
        };
        return Retry {
            policy: RetryPolicy::None,
            advice: Masked::fixed(advice),
            snippets: Vec::new(),
        };
    }
    let (policy, en, cn, code) = match category {
        RateLimit => (
            RetryPolicy::Backoff,
            "Retry with exponential backoff and jitter (1 s up to 60 s, about 6 attempts): per-minute and concurrency limits clear quickly. On DashScope, rate limits are per model, so a fallback model has its own quota (e.g. qwen-plus → qwen-flash).",
            "使用带抖动的指数退避重试（1 秒到 60 秒，约 6 次）：每分钟限额和并发限制很快恢复。DashScope 的限流按模型计算，备用模型拥有独立配额（如 qwen-plus → qwen-flash）。",
            true,
        ),
        Server | Timeout => (
            RetryPolicy::Backoff,
            "Transient: retry with exponential backoff; if it persists, check the provider's status page and switch to a fallback model. For long generations, stream instead of waiting for one response.",
            "属于暂时性问题：使用指数退避重试；若持续出现，查看服务状态页并切换到备用模型。长输出请使用流式调用。",
            true,
        ),
        Network => (
            RetryPolicy::AfterFix,
            "Retrying the same call will fail the same way until the network path (URL, DNS, proxy, TLS) is fixed; after that, ordinary backoff covers occasional resets.",
            "在网络路径（URL、DNS、代理、TLS）修好之前，重试同样会失败；修好后用普通的退避重试应对偶发断连。",
            false,
        ),
        Quota => (
            RetryPolicy::AfterReset,
            "Do not retry in a loop: the allowance is used up until it resets or is raised. Wait for the reset, or use another key or plan.",
            "不要循环重试：额度在重置或提升之前已用完。请等待重置，或改用其他 Key 或套餐。",
            false,
        ),
        Balance => (
            RetryPolicy::AfterFix,
            "Do not retry until the account is topped up or the overdue bill is paid.",
            "在充值或结清欠费之前不要重试。",
            false,
        ),
        ContentPolicy => (
            RetryPolicy::AfterFix,
            "Retrying the same conversation fails again: the flagged text stays in the history. Remove or rephrase it first.",
            "原样重试仍会失败：被拦截的内容还在对话历史里。请先删除或改写。",
            false,
        ),
        _ => (
            RetryPolicy::Never,
            "Retrying will not help: the request itself or its configuration must change first.",
            "重试无济于事：必须先修改请求本身或配置。",
            false,
        ),
    };
    let mut advice = Masked::fixed(if zh { cn } else { en });
    let mut snippets = Vec::new();
    if code {
        snippets.push(Snippet {
            language: SnippetLanguage::Python,
            code: PYTHON,
        });
        snippets.push(Snippet {
            language: SnippetLanguage::Javascript,
            code: NODE,
        });
    }
    if queue {
        advice.push_fixed(" ");
        advice.push_fixed(if zh {
            "对于突发限流，可添加请求头 `X-DashScope-Wait-Timeout`（秒），让服务端排队而不是立即拒绝。"
        } else {
            "For burst throttling, the `X-DashScope-Wait-Timeout` header (seconds) lets the server queue the request instead of rejecting it."
        });
        snippets.push(Snippet {
            language: SnippetLanguage::Shell,
            code: QUEUE,
        });
    }
    Retry {
        policy,
        advice,
        snippets,
    }
}
