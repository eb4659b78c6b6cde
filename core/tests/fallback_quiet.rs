//! The general findings (rules/fallback.toml) speak on any error signal, so that an error paste
//! is never answered with nothing; healthy log lines and prose that merely mention such words
//! must still get no `error` diagnosis.

use llmdoctor_core::{diagnose, Options, Severity};

const HEALTHY: &[&str] = &[
    "2025-05-01 10:00:00 INFO retry policy: on network error retry 3 times",
    "2025-05-01 10:00:00 INFO POST /v1/chat/completions 200 OK in 812ms, bad request count: 0",
    "账户余额为 12.5 元，本月已用 3.2 元",
    "INFO:     127.0.0.1:50312 - \"POST /v1/chat/completions HTTP/1.1\" 200 OK",
    "如果出现错误，请查看日志",
    "调用成功，没有报错。",
    "Server is busy handling 3 requests; queue length 0",
    "文档太长的话可以先分段再发送",
    "我们不支持该模型的微调",
    "If the call fails, the SDK raises an exception you can catch.",
    "token 数超过 1000 时自动截断",
];

#[test]
fn healthy_lines_get_no_error() {
    for line in HEALTHY {
        let r = diagnose(line, &Options::default());
        let errors: Vec<&str> = r
            .diagnoses
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.rule)
            .collect();
        assert!(errors.is_empty(), "{line:?} gave {errors:?}");
    }
}
