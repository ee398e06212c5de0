//! Date arithmetic under 民法典 Art 1259 and the time-limit articles (Arts 200–204).
//!
//! A period "within N days of" an event ends on day N, which counts ("以内" includes the
//! bound): the event's own day is not counted (Art 201), so a first meeting within 7 days of an
//! election on 2024-06-15 may be held on 2024-06-22 but not on 2024-06-23. A term of N years
//! starting on a day ends at the latest on the day before its anniversary: a 5-year term from
//! 2024-06-15 ends by 2029-06-14. A month or year added to the 29th–31st lands on the last day
//! of a shorter month (Art 202: the corresponding day, or the month's last day when there is
//! none). Every function is checked: dates beyond chrono's range give `None`, never a panic.
//!
//! # Example
//! ```
//! use chrono::NaiveDate;
//! let elected = NaiveDate::from_ymd_opt(2024, 6, 15).ok_or("date")?;
//! let last = xiaoqu::dates::deadline_days(elected, 7).ok_or("range")?;
//! assert_eq!(last, NaiveDate::from_ymd_opt(2024, 6, 22).ok_or("date")?);
//! assert_eq!(xiaoqu::dates::term_last_day(elected, 5), NaiveDate::from_ymd_opt(2029, 6, 14));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Days, Months, NaiveDate};

/// `date + n` days, or `None` beyond the calendar's range.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2024, 6, 15).unwrap_or_default();
/// assert_eq!(xiaoqu::dates::add_days(d, 7), NaiveDate::from_ymd_opt(2024, 6, 22));
/// ```
pub fn add_days(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(n)))
}

/// `date - n` days.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2024, 6, 22).ok_or("date")?;
/// assert_eq!(xiaoqu::dates::sub_days(d, 7), NaiveDate::from_ymd_opt(2024, 6, 15));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sub_days(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(n)))
}

/// `date + n` months; the 29th–31st clamp to the last day of a shorter month.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2024, 1, 31).ok_or("date")?;
/// assert_eq!(xiaoqu::dates::add_months(d, 1), NaiveDate::from_ymd_opt(2024, 2, 29));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_months(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(n))
}

/// `date - n` months; the 29th–31st clamp to the last day of a shorter month.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2025, 3, 31).ok_or("date")?;
/// assert_eq!(xiaoqu::dates::sub_months(d, 1), NaiveDate::from_ymd_opt(2025, 2, 28));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sub_months(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(n))
}

/// `date + n` years; 29 February lands on 28 February in a common year.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("date")?;
/// assert_eq!(xiaoqu::dates::add_years(d, 1), NaiveDate::from_ymd_opt(2025, 2, 28));
/// assert_eq!(xiaoqu::dates::add_years(d, u32::MAX), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_years(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    add_months(date, n.checked_mul(12)?)
}

/// `date - n` years; 29 February lands on 28 February in a common year.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2025, 9, 5).ok_or("date")?;
/// assert_eq!(xiaoqu::dates::sub_years(d, 5), NaiveDate::from_ymd_opt(2020, 9, 5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sub_years(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    sub_months(date, n.checked_mul(12)?)
}

/// The last day a period of `days` days after `event` may fall on ("N 日内", bound included).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// // Filed "within 30 days" of an election on 2024-06-15: 2024-07-15 is the last day.
/// let elected = NaiveDate::from_ymd_opt(2024, 6, 15).ok_or("date")?;
/// assert_eq!(xiaoqu::dates::deadline_days(elected, 30), NaiveDate::from_ymd_opt(2024, 7, 15));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn deadline_days(event: NaiveDate, days: u32) -> Option<NaiveDate> {
    add_days(event, days)
}

/// Whether `date` is within `days` days after `event` (on or after the event, bound included).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let elected = NaiveDate::from_ymd_opt(2024, 6, 15).unwrap_or_default();
/// let day = |d| NaiveDate::from_ymd_opt(2024, 6, d).unwrap_or_default();
/// assert!(xiaoqu::dates::within_days(elected, day(22), 7));
/// assert!(!xiaoqu::dates::within_days(elected, day(23), 7));
/// ```
pub fn within_days(event: NaiveDate, date: NaiveDate, days: u32) -> bool {
    date >= event && deadline_days(event, days).is_none_or(|last| date <= last)
}

/// The last day of a term of `years` years that starts on `start`: the day before the
/// anniversary (2024-06-15 + 5 years → 2029-06-14).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let start = NaiveDate::from_ymd_opt(2024, 6, 15).unwrap_or_default();
/// assert_eq!(xiaoqu::dates::term_last_day(start, 5), NaiveDate::from_ymd_opt(2029, 6, 14));
/// ```
pub fn term_last_day(start: NaiveDate, years: u32) -> Option<NaiveDate> {
    add_years(start, years)?.pred_opt()
}

/// Whole years from `birth` to `on` (age on a date; the birthday itself counts).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let birth = NaiveDate::from_ymd_opt(2006, 6, 1).ok_or("date")?;
/// let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
/// assert_eq!(xiaoqu::dates::age_on(birth, day(6, 1)?), Some(18)); // the birthday counts
/// assert_eq!(xiaoqu::dates::age_on(birth, day(5, 31)?), Some(17));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    use chrono::Datelike;
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn bounds_are_included() {
        assert!(within_days(d(2024, 6, 15), d(2024, 6, 15), 7));
        assert!(within_days(d(2024, 6, 15), d(2024, 6, 22), 7));
        assert!(!within_days(d(2024, 6, 15), d(2024, 6, 23), 7));
        assert!(!within_days(d(2024, 6, 15), d(2024, 6, 14), 7));
        assert!(within_days(d(2024, 6, 15), d(2024, 7, 15), 30));
        assert!(!within_days(d(2024, 6, 15), d(2024, 7, 16), 30));
    }

    #[test]
    fn terms_and_month_ends() {
        assert_eq!(term_last_day(d(2024, 6, 15), 5), Some(d(2029, 6, 14)));
        assert_eq!(add_years(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(2025, 1, 31), 1), Some(d(2025, 2, 28)));
        assert_eq!(sub_months(d(2025, 3, 31), 1), Some(d(2025, 2, 28)));
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_years(NaiveDate::MAX, 1), None);
        assert_eq!(sub_years(NaiveDate::MIN, 1), None);
        assert_eq!(add_years(d(2024, 1, 1), u32::MAX), None);
    }

    #[test]
    fn ages() {
        assert_eq!(age_on(d(2006, 9, 5), d(2024, 9, 5)), Some(18));
        assert_eq!(age_on(d(2006, 9, 6), d(2024, 9, 5)), Some(17));
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), Some(17));
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), Some(18));
        assert_eq!(age_on(d(2030, 1, 1), d(2024, 1, 1)), None);
    }
}
