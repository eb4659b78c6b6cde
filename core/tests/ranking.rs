//! The message decides over the status (docs/CONTRACT.md, labelling decisions): for each pair, the
//! status alone gives its generic category, and the same status with the body people actually
//! get gives the category the body names.

use llmdoctor_core::{diagnose, Options, Severity};

fn first(text: &str) -> String {
    diagnose(text, &Options::default())
        .diagnoses
        .iter()
        .find(|d| d.severity != Severity::Info)
        .map_or("nothing".to_string(), |d| {
            format!("{} ({})", d.category.as_str(), d.rule)
        })
}

fn check(cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(text, want)| !first(text).starts_with(&format!("{want} ")))
        .map(|(text, want)| format!("expected {want}, got {}: {text}", first(text)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_404_naming_a_model_or_a_route_is_model() {
    check(&[
        ("Error: 404 status code (no body)", "base_url"),
        (
            "openai.NotFoundError: Error code: 404 - {'error': {'message': 'The model `gpt-5-turbo` does not exist or you do not have access to it.', 'type': 'invalid_request_error', 'param': None, 'code': 'model_not_found'}}",
            "model",
        ),
        (
            "404 {\"error\":{\"message\":\"No endpoints found for meta-llama/llama-3.1-8b-instruct:free.\",\"code\":404}}",
            "model",
        ),
    ]);
}

#[test]
fn a_400_naming_risk_or_inspection_is_content_policy() {
    check(&[
        ("HTTP/1.1 400 Bad Request", "parameter"),
        (
            "{\"code\":\"DataInspectionFailed\",\"message\":\"Input data may contain inappropriate content.\",\"request_id\":\"5d1b6a3c-0f9e-4c1d-8b2a-7e6f5d4c3b2a\"} (status 400)",
            "content_policy",
        ),
        (
            "openai.BadRequestError: Error code: 400 - {'error': {'message': 'Content Exists Risk', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_request_error'}}",
            "content_policy",
        ),
    ]);
}

#[test]
fn a_429_naming_balance_or_credit_is_balance() {
    check(&[
        ("Error code: 429", "rate_limit"),
        (
            "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
            "balance",
        ),
    ]);
}

#[test]
fn a_413_about_tokens_per_minute_is_rate_limit() {
    check(&[
        ("Error code: 413", "context_length"),
        (
            "groq.APIStatusError: Error code: 413 - {'error': {'message': 'Request too large for model `llama3-70b-8192` in organization `org_01hx` on tokens per minute (TPM): Limit 6000, Requested 8123, please reduce your message size and try again.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}",
            "rate_limit",
        ),
    ]);
}

/// A 401 from a provider with two platforms: the auth finding first, the other platform's host
/// as the second hypothesis (a warning), never in front of it.
#[test]
fn a_wrapper_names_the_cause_only_when_nothing_inside_does() {
    check(&[
        // Dify's connection wrapper around the client's read timeout: a timeout.
        (
            "{'code': 'completion_request_error', 'message': \"[ollama] Connection Error, HTTPConnectionPool(host='192.168.1.4', port=11434): Read timed out. (read timeout=60)\", 'status': 400}",
            "timeout",
        ),
        // The same wrapper around a refused connection: the network.
        (
            "[ollama] Connection Error, HTTPConnectionPool(host='localhost', port=11434): Max retries exceeded with url: /api/chat (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))",
            "network",
        ),
        // A 402 whose reason names the month is a period quota, not the balance.
        (
            "API error 402: {\"message\":\"You have reached the limit.\",\"reason\":\"MONTHLY_REQUEST_COUNT\"}",
            "quota",
        ),
        ("API error 402: {\"message\":\"Payment Required\"}", "balance"),
    ]);
}

#[test]
fn a_401_on_a_two_platform_provider_is_auth_first_and_the_region_second() {
    let cases = [
        "base_url=\"https://api.moonshot.ai/v1\"\nError code: 401 - {'error': {'message': 'Invalid Authentication', 'type': 'invalid_authentication_error'}}",
        "OPENAI_BASE_URL=https://api.siliconflow.com/v1\nopenai.AuthenticationError: Error code: 401 - Api key is invalid",
        "curl https://api.minimax.io/v1/text/chatcompletion_v2 -H 'Authorization: Bearer $MINIMAX_API_KEY'\n{\"base_resp\":{\"status_code\":401,\"status_msg\":\"unauthorized\"}}",
    ];
    for text in cases {
        let r = diagnose(text, &Options::default());
        let shown: Vec<(&str, Severity)> = r
            .diagnoses
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| (d.category.as_str(), d.severity))
            .collect();
        assert_eq!(
            shown.first().map(|s| s.0),
            Some("auth"),
            "{text}\n{shown:?}"
        );
        assert!(
            shown
                .iter()
                .take(3)
                .any(|s| *s == ("base_url", Severity::Warning)),
            "{text}\n{shown:?}"
        );
    }
}

/// The rules and categories of a report's diagnoses, errors and warnings only, in order.
fn shown(text: &str) -> Vec<(String, &'static str, Severity)> {
    diagnose(text, &Options::default())
        .diagnoses
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| (d.rule.to_string(), d.category.as_str(), d.severity))
        .collect()
}

#[test]
fn differential_hypotheses_follow_an_error_as_low_confidence_warnings() {
    // A 401 from OpenAI: the key, then the two causes the message cannot tell apart.
    let r = diagnose(
        "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-abc***xyz.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}",
        &Options::default(),
    );
    let cats: Vec<&str> = r.diagnoses.iter().map(|d| d.category.as_str()).collect();
    assert_eq!(cats.first(), Some(&"auth"), "{cats:?}");
    for (rule, cat) in [
        ("maybe-base-url", "base_url"),
        ("maybe-tool-config", "client_config"),
    ] {
        let d = r
            .diagnoses
            .iter()
            .find(|d| d.rule == rule)
            .unwrap_or_else(|| panic!("{rule} missing: {cats:?}"));
        assert_eq!(d.category.as_str(), cat);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.confidence.as_str(), "low");
        // The hypothesis points at the same evidence as the finding it follows.
        assert_eq!(
            d.evidence.first().map(|e| e.start),
            r.diagnoses[0].evidence.first().map(|e| e.start)
        );
    }
    // A 429: a period quota and the balance, not the key.
    let cats: Vec<&str> = shown("Error code: 429 - {'error': {'message': 'Rate limit reached for requests', 'type': 'requests', 'code': 'rate_limit_exceeded'}}")
        .into_iter()
        .map(|s| s.1)
        .collect();
    assert_eq!(cats, ["rate_limit", "quota", "balance"]);
}

#[test]
fn no_hypothesis_repeats_a_reported_category_or_follows_a_config_finding_or_a_success() {
    // The region rule already reports base_url: the generic base_url hypothesis stays out.
    let s = shown("base_url=\"https://api.moonshot.ai/v1\"\nError code: 401 - {'error': {'message': 'Invalid Authentication', 'type': 'invalid_authentication_error'}}");
    assert!(!s.iter().any(|x| x.0 == "maybe-base-url"), "{s:?}");
    assert_eq!(s.iter().filter(|x| x.1 == "base_url").count(), 1, "{s:?}");
    // A finding read from the user's own config names the cause: nothing follows it.
    let s = shown("ANTHROPIC_API_KEY=your-api-key-here\nAPI Error: 401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
    assert!(!s.iter().any(|x| x.0.starts_with("maybe-")), "{s:?}");
    // No error, no hypothesis.
    let s = shown("HTTP/1.1 200 OK\n{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}");
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn the_users_word_that_the_key_works_elsewhere_leads_an_auth_error_and_only_that() {
    let err = "Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-abc***xyz.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}";
    // Alone, the 401 is the key's.
    assert_eq!(shown(err)[0].1, "auth");
    // Said by the user, the tool's configuration leads; the key's finding follows it.
    for said in [
        "The same key works with curl from this machine.",
        "I have verified that my API key is valid.",
        "我的key是正确的，在其他软件里可以正常调用",
    ] {
        let s = shown(&format!("{err}\n{said}"));
        let ids: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            (ids[0], s[0].1, s[0].2),
            ("key-works-elsewhere", "client_config", Severity::Error),
            "{said}: {ids:?}"
        );
        assert_eq!(s[1].1, "auth", "{said}: {ids:?}");
        // The generic tool-configuration hypothesis does not repeat it.
        assert!(!ids.contains(&"maybe-tool-config"), "{said}: {ids:?}");
    }
    // The same words with no error, or with an error they do not explain, lead nothing.
    assert!(shown("The same key works with curl from this machine.").is_empty());
    let s = shown("Error code: 429 - {'error': {'message': 'Rate limit reached for requests', 'type': 'requests', 'code': 'rate_limit_exceeded'}}\nThe same key works with curl.");
    assert!(!s.iter().any(|x| x.0 == "key-works-elsewhere"), "{s:?}");
    // An error's own advice is not the user's word.
    let s = shown(&format!("{err}\nPlease make sure your API key is valid."));
    assert_eq!(s[0].1, "auth", "{s:?}");
}

#[test]
fn a_named_plan_leads_a_balance_error_and_never_joins_without_its_words() {
    let err = "openai.RateLimitError: Error code: 429 - {'error': {'code': '1113', 'message': '余额不足或无可用资源包,请充值。'}}";
    let alone = shown(err);
    assert_eq!(alone[0].1, "balance", "{alone:?}");
    assert!(
        !alone
            .iter()
            .any(|x| x.0 == "plan-key-on-pay-as-you-go-endpoint"),
        "a lead is not a hypothesis: {alone:?}"
    );
    let s = shown(&format!(
        "我买了 GLM Coding Plan，base_url 设的是 https://open.bigmodel.cn/api/paas/v4\n{err}"
    ));
    assert_eq!(
        (s[0].0.as_str(), s[0].1),
        ("plan-key-on-pay-as-you-go-endpoint", "base_url"),
        "{s:?}"
    );
    assert_eq!(s[1].1, "balance", "{s:?}");
}

/// Codex's refusal for a ChatGPT sign-in says either a retired model or one the plan lacks
/// (docs/CONTRACT.md): the model finding first, the plan finding among the next.
#[test]
fn codex_chatgpt_account_refusal_is_model_then_plan() {
    let text = r#"{"detail":"The 'gpt-5.3-codex' model is not supported when using Codex with a ChatGPT account."}"#;
    check(&[(text, "model")]);
    let r = diagnose(text, &Options::default());
    let cats: Vec<&str> = r
        .diagnoses
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .take(3)
        .map(|d| d.category.as_str())
        .collect();
    assert!(cats.contains(&"plan_restriction"), "{cats:?}");
}
