//! Calendar periods: quarters, half-years and years.

use chrono::{Datelike, NaiveDate};

use super::LedgerError;
use crate::dates::add_months;
use crate::policy::DisclosurePeriod;

/// A run of days, first and last day included.
///
/// # Example
/// ```
/// use xiaoqu::{ledger::Period, policy::DisclosurePeriod};
/// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let h2 = Period::containing(day(2024, 12, 20)?, DisclosurePeriod::HalfYear).ok_or("out of range")?;
/// assert_eq!(h2, Period::new(day(2024, 7, 1)?, day(2024, 12, 31)?)?);
/// assert_eq!(h2.to_string(), "2024-07-01..2024-12-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// Months in one period of a cadence.
const fn months(cadence: DisclosurePeriod) -> u32 {
    match cadence {
        DisclosurePeriod::Quarter => 3,
        DisclosurePeriod::HalfYear => 6,
        DisclosurePeriod::Year => 12,
    }
}

impl Period {
    /// The period from `start` to `end`, both included.
    ///
    /// # Errors
    /// [`LedgerError::BadPeriod`] when `start` is after `end`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let (a, b) = (NaiveDate::from_ymd_opt(2025, 4, 1).ok_or("date")?, NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?);
    /// assert!(xiaoqu::ledger::Period::new(a, b).is_ok());
    /// assert!(xiaoqu::ledger::Period::new(b, a).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, LedgerError> {
        if start > end {
            return Err(LedgerError::BadPeriod { start, end });
        }
        Ok(Self { start, end })
    }

    /// The calendar quarter, half-year or year holding `date`, or `None` at the end of the
    /// calendar's range.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use xiaoqu::policy::DisclosurePeriod;
    /// let q = xiaoqu::ledger::Period::containing(NaiveDate::from_ymd_opt(2024, 12, 20).ok_or("date")?, DisclosurePeriod::Quarter)
    ///     .ok_or("out of range")?;
    /// assert_eq!((q.start.to_string(), q.end.to_string()), ("2024-10-01".into(), "2024-12-31".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn containing(date: NaiveDate, cadence: DisclosurePeriod) -> Option<Self> {
        let len = months(cadence);
        let first_month = date.month0() / len * len + 1;
        let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1)?;
        let end = add_months(start, len)?.pred_opt()?;
        Some(Self { start, end })
    }

    /// Whether `date` lies in the period (both days included).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).ok_or("date");
    /// let q2 = xiaoqu::ledger::Period::new(d(4, 1)?, d(6, 30)?)?;
    /// assert!(q2.contains(d(6, 30)?) && !q2.contains(d(7, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Every calendar period of a cadence that overlaps `from..=to`, in order (none when
    /// `from` is after `to`).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use xiaoqu::policy::DisclosurePeriod;
    /// let from = NaiveDate::from_ymd_opt(2024, 12, 20).ok_or("date")?;
    /// let to = NaiveDate::from_ymd_opt(2025, 9, 5).ok_or("date")?;
    /// assert_eq!(xiaoqu::ledger::Period::covering(DisclosurePeriod::Quarter, from, to).len(), 4);
    /// assert_eq!(xiaoqu::ledger::Period::covering(DisclosurePeriod::HalfYear, from, to).len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covering(cadence: DisclosurePeriod, from: NaiveDate, to: NaiveDate) -> Vec<Self> {
        let mut out = Vec::new();
        let mut next = if from <= to { Self::containing(from, cadence) } else { None };
        while let Some(p) = next {
            if p.start > to {
                break;
            }
            out.push(p);
            next = p.end.succ_opt().and_then(|d| Self::containing(d, cadence));
        }
        out
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start.format("%Y-%m-%d"), self.end.format("%Y-%m-%d"))
    }
}
