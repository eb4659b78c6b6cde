//! RFC 3339 instants and the Coding Plan quota windows, without a time-zone library: the plan's
//! calendar is UTC+8, which needs only civil-date arithmetic.

/// An instant: seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant(pub i64);

/// UTC+8, the Coding Plan's calendar (bailian-ide guide, Problem 2).
pub(crate) const PLAN_OFFSET: i64 = 8 * 3600;

/// Parses `2026-11-22T10:30:00Z`, `…+08:00`, fractional seconds allowed; also a space for `T`.
pub fn parse_rfc3339(s: &str) -> Option<Instant> {
    let b = s.trim().as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = b.get(r)?;
        if t.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(t).ok()?.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60
    {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        c @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let (oh, om) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let o = oh * 3600 + om * 60;
            if *c == b'-' {
                -o
            } else {
                o
            }
        }
        _ => return None,
    };
    let local = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec.min(59);
    Some(Instant(local - offset))
}

/// Formats an instant at a fixed offset, e.g. `2026-11-23T00:00:00+08:00`.
pub(crate) fn format_rfc3339(t: Instant, offset: i64) -> String {
    let local = t.0 + offset;
    let (days, secs) = (local.div_euclid(86400), local.rem_euclid(86400));
    let (y, m, d) = civil_from_days(days);
    let off = if offset == 0 {
        "Z".to_string()
    } else {
        let a = offset.abs();
        format!(
            "{}{:02}:{:02}",
            if offset < 0 { '-' } else { '+' },
            a / 3600,
            (a % 3600) / 60
        )
    };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{off}",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// Next Monday 00:00 UTC+8 strictly after `now`.
pub(crate) fn next_week_reset(now: Instant) -> Instant {
    let local = now.0 + PLAN_OFFSET;
    let day = local.div_euclid(86400);
    // 1970-01-01 was a Thursday: weekday 0 = Monday ⇒ (day + 3) mod 7.
    let weekday = (day + 3).rem_euclid(7);
    let next_monday = day + (7 - weekday);
    Instant(next_monday * 86400 - PLAN_OFFSET)
}

/// The Monday 00:00 UTC+8 that began the current week.
pub(crate) fn week_start(now: Instant) -> Instant {
    Instant(next_week_reset(now).0 - 7 * 86400)
}

/// Next 00:00 UTC+8 on the subscription day (1..=31) after `now`; a day beyond a month's
/// end falls on that month's last day.
pub(crate) fn next_month_reset(now: Instant, billing_day: u8) -> Option<Instant> {
    if !(1..=31).contains(&billing_day) {
        return None;
    }
    let local = now.0 + PLAN_OFFSET;
    let (y, m, _) = civil_from_days(local.div_euclid(86400));
    let at = |y: i64, m: i64| {
        let d = i64::from(billing_day).min(days_in_month(y, m));
        Instant(days_from_civil(y, m, d) * 86400 - PLAN_OFFSET)
    };
    let this = at(y, m);
    if this > now {
        return Some(this);
    }
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Some(at(ny, nm))
}

/// The month window's start: one billing period before its reset.
pub(crate) fn month_start(reset: Instant, billing_day: u8) -> Instant {
    let (y, m, _) = civil_from_days((reset.0 + PLAN_OFFSET).div_euclid(86400));
    let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    let d = i64::from(billing_day).min(days_in_month(py, pm));
    Instant(days_from_civil(py, pm, d) * 86400 - PLAN_OFFSET)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days_from_civil.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Instant {
        parse_rfc3339(s).unwrap_or_else(|| panic!("bad test instant {s}"))
    }

    #[test]
    fn parses_and_formats_round_trip() {
        assert_eq!(t("1970-01-01T00:00:00Z"), Instant(0));
        assert_eq!(t("1970-01-01T08:00:00+08:00"), Instant(0));
        assert_eq!(
            t("2026-11-22T03:20:06.123Z"),
            t("2026-11-22T11:20:06+08:00")
        );
        assert_eq!(
            format_rfc3339(t("2026-11-22T03:20:06Z"), PLAN_OFFSET),
            "2026-11-22T11:20:06+08:00"
        );
        assert_eq!(
            format_rfc3339(t("2024-02-29T23:59:59-05:30"), 0),
            "2024-03-01T05:29:59Z"
        );
    }

    #[test]
    fn rejects_malformed_instants() {
        for s in [
            "",
            "2026-11-22",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-22T10:00:00",
            "2026-11-22T10:00:00+8:00",
            "2026-11-22T10:00:00Zjunk",
        ] {
            assert_eq!(parse_rfc3339(s), None, "{s}");
        }
    }

    #[test]
    fn week_resets_next_monday_midnight_utc8() {
        // Sunday 2026-11-22 11:20 in UTC+8 → Monday 2026-11-23 00:00 UTC+8.
        let r = next_week_reset(t("2026-11-22T03:20:00Z"));
        assert_eq!(format_rfc3339(r, PLAN_OFFSET), "2026-11-23T00:00:00+08:00");
        // Sunday 23:30 UTC is already Monday 07:30 in UTC+8 → the Monday after.
        let r = next_week_reset(t("2026-11-22T23:30:00Z"));
        assert_eq!(format_rfc3339(r, PLAN_OFFSET), "2026-11-30T00:00:00+08:00");
        // Exactly at the reset → the next one.
        let r = next_week_reset(t("2026-11-23T00:00:00+08:00"));
        assert_eq!(format_rfc3339(r, PLAN_OFFSET), "2026-11-30T00:00:00+08:00");
    }

    #[test]
    fn month_resets_on_billing_day_and_clamps() {
        let r =
            next_month_reset(t("2026-11-22T03:20:00Z"), 5).map(|r| format_rfc3339(r, PLAN_OFFSET));
        assert_eq!(r.as_deref(), Some("2026-12-05T00:00:00+08:00"));
        let r =
            next_month_reset(t("2026-11-22T03:20:00Z"), 28).map(|r| format_rfc3339(r, PLAN_OFFSET));
        assert_eq!(r.as_deref(), Some("2026-11-28T00:00:00+08:00"));
        let r = next_month_reset(t("2027-01-31T12:00:00+08:00"), 31)
            .map(|r| format_rfc3339(r, PLAN_OFFSET));
        assert_eq!(r.as_deref(), Some("2027-02-28T00:00:00+08:00"));
        assert_eq!(next_month_reset(t("2027-01-31T12:00:00Z"), 0), None);
        let start = month_start(t("2026-12-05T00:00:00+08:00"), 5);
        assert_eq!(
            format_rfc3339(start, PLAN_OFFSET),
            "2026-11-05T00:00:00+08:00"
        );
    }
}
