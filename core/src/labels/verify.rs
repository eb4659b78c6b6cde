//! The verification step's words, where it is a sentence rather than a command.

use crate::vocabulary::Lang;

/// How to check a Coding Plan endpoint: the plan refuses curl, so the check is the tool itself.
pub(crate) fn coding_plan(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The Coding Plan answers only coding tools (curl is refused): restart your tool and send one short message.",
        Lang::Zh => "Coding Plan 只响应编程工具（curl 会被拒绝）：重启工具并发送一条简短消息。",
    }
}
