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
