//! Whether to retry, per category, and ready-to-use retry code where retrying is right
//! (bailian-text guide, Problem 2 and FAQ; gateway-facts.md on `X-DashScope-Wait-Timeout`).

use crate::report::{Advice, Retry, RetryPolicy, Snippet, SnippetLanguage};
use crate::vocabulary::Category;

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
pub(crate) fn guidance(category: Category, queue: bool, harmless: bool) -> Retry {
    use Category::*;
    if harmless {
        return Retry {
            policy: RetryPolicy::None,
            advice: Advice::Harmless,
            queue: false,
            snippets: Vec::new(),
        };
    }
    let (policy, advice, code) = match category {
        RateLimit => (RetryPolicy::Backoff, Advice::RateLimit, true),
        Server | Timeout => (RetryPolicy::Backoff, Advice::Transient, true),
        Network => (RetryPolicy::AfterFix, Advice::Network, false),
        Quota => (RetryPolicy::AfterReset, Advice::Quota, false),
        Balance => (RetryPolicy::AfterFix, Advice::Balance, false),
        ContentPolicy => (RetryPolicy::AfterFix, Advice::ContentPolicy, false),
        _ => (RetryPolicy::Never, Advice::Other, false),
    };
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
        snippets.push(Snippet {
            language: SnippetLanguage::Shell,
            code: QUEUE,
        });
    }
    Retry {
        policy,
        advice,
        queue,
        snippets,
    }
}
