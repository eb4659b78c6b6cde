//! The browser's clock and calendar: "now" for the engine and reset times in the user's own
//! time zone (the engine itself never reads a clock).

use js_sys::{Date, Object, Reflect};
use llmdoctor_core::{parse_rfc3339, Instant};
use wasm_bindgen::JsValue;

/// Now, as the engine's instant (whole seconds since the epoch).
pub fn now() -> Instant {
    Instant((Date::now() / 1000.0).floor() as i64)
}

/// Seconds since the epoch of an RFC 3339 string from the report.
pub fn secs(rfc3339: &str) -> Option<i64> {
    parse_rfc3339(rfc3339).map(|i| i.0)
}

/// An instant in the given locale, in the browser's time zone or in `zone` (IANA name),
/// e.g. "Mon, Nov 24, 2026, 12:00 AM GMT+8".
pub fn local(secs: i64, locale: &str, zone: Option<&str>) -> String {
    let date = Date::new(&JsValue::from_f64(secs as f64 * 1000.0));
    let opts = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("weekday", "short");
    set("year", "numeric");
    set("month", "short");
    set("day", "numeric");
    set("hour", "2-digit");
    set("minute", "2-digit");
    set("timeZoneName", "short");
    if let Some(z) = zone {
        set("timeZone", z);
    }
    String::from(date.to_locale_string(locale, &opts))
}

/// The plan's own wall-clock value, straight from the report's `+08:00` string:
/// `2026-11-23T00:00:00+08:00` → `2026-11-23 00:00 UTC+8`.
pub fn plan_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(d), Some(t)) if rfc3339.ends_with("+08:00") => format!("{d} {t} UTC+8"),
        _ => rfc3339.to_string(),
    }
}

/// "HH:MM" or a short date in the user's zone, for timeline labels.
pub fn short(secs: i64, locale: &str) -> String {
    let date = Date::new(&JsValue::from_f64(secs as f64 * 1000.0));
    let opts = Object::new();
    for (k, v) in [
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    String::from(date.to_locale_string(locale, &opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_time_reads_the_offset_string() {
        assert_eq!(
            plan_time("2026-11-23T00:00:00+08:00"),
            "2026-11-23 00:00 UTC+8"
        );
        assert_eq!(plan_time("2026-11-23T00:00:00Z"), "2026-11-23T00:00:00Z");
        assert_eq!(
            secs("2026-11-23T00:00:00+08:00"),
            secs("2026-11-22T16:00:00Z")
        );
    }
}
