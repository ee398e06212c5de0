//! When disclosures and annual audits of a joint account fall due, and whether they were made
//! in time: the reading JA011 and JA013 report and [`crate::summary`] counts.

use chrono::NaiveDate;

use super::Period;
use crate::dates::{deadline_days, within_days};
use crate::model::Disclosure;
use crate::policy::DisclosurePeriod;

/// Whether a record for `start..=end` covers the required period `p` of an account opened on
/// `opened`: it ends on the period's last day and starts no later than the period's first day
/// of the account's life (the later of the period's first day and the opening day).
///
/// So a partial first period counts as a full one: it must be disclosed (or audited), and its
/// record may start on the calendar period's first day (as the reference example's
/// 2024-10-01..2024-12-31 disclosure of an account opened on 2024-12-20 does) or on the opening
/// day. A record of a longer run ending on the period's last day covers that period too; the
/// periods before it still need their own.
pub(crate) fn covers(start: NaiveDate, end: NaiveDate, p: Period, opened: NaiveDate) -> bool {
    end == p.end && start <= p.start.max(opened)
}

/// The periods of a cadence from the one holding the opening day whose deadline
/// (`last day + days`) is on or before `as_of`, with the deadline: the periods that "ended at
/// least `days` days before `as_of`".
pub(crate) fn due_periods(
    cadence: DisclosurePeriod,
    opened: NaiveDate,
    as_of: NaiveDate,
    days: u32,
) -> Vec<(Period, NaiveDate)> {
    Period::covering(cadence, opened, as_of)
        .into_iter()
        .filter_map(|p| deadline_days(p.end, days).filter(|due| *due <= as_of).map(|due| (p, due)))
        .collect()
}

/// Whether shorter disclosures, each published after its own last day and by `due`, together
/// disclose all of period `p` of an account opened on `opened` ("at least every six months"
/// is met by quarterly statements): walking from the period's first day of the account's life,
/// each next record starts no later than the day after the last one ended, and the last ends
/// on the period's last day.
fn pieced_together(disclosures: &[Disclosure], p: Period, opened: NaiveDate, due: NaiveDate) -> bool {
    let mut next = p.start.max(opened);
    loop {
        let reach = disclosures
            .iter()
            .filter(|d| d.period_start <= next && next <= d.period_end && d.period_end <= p.end)
            .filter(|d| d.period_end <= d.published_on && d.published_on <= due)
            .map(|d| d.period_end)
            .max();
        match reach {
            Some(end) if end == p.end => return true,
            Some(end) => match end.succ_opt() {
                Some(day) => next = day,
                None => return false,
            },
            None => return false,
        }
    }
}

/// Whether period `p` (due `grace` days after it ends) of an account opened on `opened` is
/// disclosed in time: by one covering statement published within the grace after the period
/// ended, or by shorter statements pieced together, each published after its own end and by
/// the period's deadline.
pub(crate) fn disclosed_on_time(disclosures: &[Disclosure], p: Period, opened: NaiveDate, grace: u32) -> bool {
    disclosures
        .iter()
        .any(|d| covers(d.period_start, d.period_end, p, opened) && within_days(p.end, d.published_on, grace))
        || deadline_days(p.end, grace).is_some_and(|due| pieced_together(disclosures, p, opened, due))
}
