//! Date helpers that never fail: the generator works backwards from `as_of`, and a date that
//! would leave the calendar's range stays where it is instead (only an absurd `as_of` near the
//! ends of the range gets there).

use chrono::{Datelike, NaiveDate};

use crate::dates;

/// `d + n` days (`n` may be negative).
pub(super) fn days(d: NaiveDate, n: i64) -> NaiveDate {
    let n32 = u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX);
    let r = if n >= 0 { dates::add_days(d, n32) } else { dates::sub_days(d, n32) };
    r.unwrap_or(d)
}

/// `d + n` months (`n` may be negative), clamped to the month's last day.
pub(super) fn months(d: NaiveDate, n: i64) -> NaiveDate {
    let n32 = u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX);
    let r = if n >= 0 { dates::add_months(d, n32) } else { dates::sub_months(d, n32) };
    r.unwrap_or(d)
}

/// `d - n` years.
pub(super) fn years_before(d: NaiveDate, n: u32) -> NaiveDate {
    dates::sub_years(d, n).unwrap_or(d)
}

/// The first day of the month of `d`.
pub(super) fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

/// Day `day` (1–28) of the month of `d`.
pub(super) fn in_month(d: NaiveDate, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), day.clamp(1, 28)).unwrap_or(d)
}

/// 31 December of `year`.
pub(super) fn year_end(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// 1 January of `year`.
pub(super) fn year_start(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub(super) fn between(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// A year and quarter label (`2025年第一季度`) for memos.
pub(super) fn quarter_label(d: NaiveDate) -> String {
    let q = ["一", "二", "三", "四"].get(usize::try_from(d.month0() / 3).unwrap_or(0)).copied().unwrap_or("一");
    format!("{}年第{q}季度", d.year())
}
