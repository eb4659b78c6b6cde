//! The model catalog's steps in words: the model the user most likely meant, and the models with
//! a larger context window.

use crate::vocabulary::Lang;

/// "Did you mean `meant`?" for the model `name`; `case_only` when the two differ only in case.
pub(crate) fn did_you_mean(lang: Lang, meant: &str, name: &str, case_only: bool) -> String {
    match (lang, case_only) {
        (Lang::En, true) => format!(
            "Did you mean `{meant}`? Model names are case-sensitive: `{name}` differs only in case."
        ),
        (Lang::En, false) => {
            format!("Did you mean `{meant}`? `{name}` is not a model name this tool knows.")
        }
        (Lang::Zh, true) => {
            format!("你是想用 `{meant}` 吗？模型名称区分大小写：`{name}` 仅大小写不同。")
        }
        (Lang::Zh, false) => format!("你是想用 `{meant}` 吗？`{name}` 不是已知的模型名称。"),
    }
}

/// Model `name`'s window of `context` tokens and the `larger` ones on its plan (each already
/// written as "name (tokens)"); with none larger, the advice to shorten the input.
pub(crate) fn larger_window(lang: Lang, name: &str, context: u32, larger: &[String]) -> String {
    match (lang, larger.is_empty()) {
        (Lang::En, false) => format!(
            "`{name}` has a {context}-token window; larger ones on the same plan: {}.",
            larger.join(", ")
        ),
        (Lang::En, true) => format!(
            "`{name}` already has the largest window on its plan ({context} tokens): shorten the input."
        ),
        (Lang::Zh, false) => format!(
            "`{name}` 的上下文窗口为 {context} tokens；同一套餐中更大的有：{}。",
            larger.join("、")
        ),
        (Lang::Zh, true) => {
            format!("`{name}` 已是该套餐中窗口最大的模型（{context} tokens）：请缩短输入。")
        }
    }
}
