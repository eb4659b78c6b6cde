//! The quota reset's note (`ResetInfo::note`) in words: when the window's allowance comes back.

use crate::vocabulary::{Lang, Reset};

/// The note for `window`: `at` is when it is back (RFC 3339, UTC+8) where that can be known — for
/// the 5-hour window, the latest it can be. Every note ends saying the plan does not fall back.
pub(crate) fn note(lang: Lang, window: Reset, at: Option<&str>) -> String {
    let zh = lang == Lang::Zh;
    let no_fallback = if zh {
        "套餐不会自动转为按量付费：重置前的调用都会失败。"
    } else {
        "The plan does not fall back to pay-as-you-go: calls fail until the reset."
    };
    match (window, at) {
        (Reset::Week, Some(t)) if zh => {
            format!("周额度在 {t}（周一 00:00，UTC+8）恢复。{no_fallback}")
        }
        (Reset::Week, Some(t)) => {
            format!("The weekly quota comes back at {t} (Monday 00:00 UTC+8). {no_fallback}")
        }
        (Reset::Week, None) if zh => {
            format!("周额度在下一个周一 00:00（UTC+8）恢复。{no_fallback}")
        }
        (Reset::Week, None) => {
            format!("The weekly quota comes back next Monday at 00:00 UTC+8. {no_fallback}")
        }
        (Reset::Month, Some(t)) if zh => {
            format!("月额度在 {t}（订阅日 00:00，UTC+8）恢复。{no_fallback}")
        }
        (Reset::Month, Some(t)) => format!("The monthly quota comes back at {t} (00:00 UTC+8 on your subscription day). {no_fallback}"),
        (Reset::Month, None) if zh => format!("月额度在下个计费月的订阅日 00:00（UTC+8）恢复；提供订阅日（--billing-day）即可算出具体时间。{no_fallback}"),
        (Reset::Month, None) => format!("The monthly quota comes back at 00:00 UTC+8 on your subscription day of the next billing month; give the subscription day (--billing-day) to get the exact time. {no_fallback}"),
        (Reset::Hour, Some(t)) if zh => format!("5 小时额度按滚动窗口计算：5 小时前的用量会陆续释放。具体时刻取决于你在过去 5 小时内每次调用的时间，本工具无法得知；若从现在起停止调用，最晚 {t} 完全恢复。{no_fallback}"),
        (Reset::Hour, Some(t)) => format!("The 5-hour quota is a rolling window: usage older than 5 hours is released bit by bit. The exact moment depends on when your calls in the last 5 hours were made, which this tool cannot see; if you stop now, it is fully back by {t} at the latest. {no_fallback}"),
        (Reset::Hour, None) if zh => format!("5 小时额度按滚动窗口计算：5 小时前的用量会陆续释放；若停止调用，最晚 5 小时后完全恢复。{no_fallback}"),
        (Reset::Hour, None) => format!("The 5-hour quota is a rolling window: usage older than 5 hours is released bit by bit; if you stop calling, it is fully back within 5 hours at the latest. {no_fallback}"),
    }
}
