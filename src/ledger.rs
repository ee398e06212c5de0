//! The joint-account ledger engine (三方共管账户台账): replay, running balances, totals per
//! period, disclosure statements (公示) and their reconciliation with recorded disclosures.
//!
//! The engine works on a [`JointAccount`] alone and knows nothing of rules or policies, so a
//! backend can use it to publish statements as well as to check them.
//!
//! - **Order.** Entries are replayed by date; entries of the same date by id (as text), and
//!   entries with the same date and id (a CFG002 fault) in document order. The order never
//!   depends on how the document lists them.
//! - **Sign.** Amounts are positive; revenue adds, cost deductions and disbursements subtract:
//!   `balance = opening_balance + revenue − cost deductions − disbursements`.
//! - **Arithmetic.** Every sum is exact and checked, taken in whole fen: a sum that leaves the
//!   range of [`rust_decimal::Decimal`] (or could only be represented there by rounding) is a
//!   [`LedgerError::Overflow`] naming the entry where it happened, never a panic and never a
//!   rounded value.
//! - **Periods.** [`Period`]s are calendar quarters, half-years or years. An entry belongs to a
//!   period when its date lies between the period's first and last day, both included.
//!
//! # Example
//! ```
//! use xiaoqu::{ledger, policy::DisclosurePeriod};
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
//! let replay = ledger::replay(account)?;
//! // 0.00 + 9000.00 revenue − 540.00 cost deductions − 4400.00 disbursements
//! assert_eq!(replay.closing_balance().to_string(), "4060.00");
//! let quarters = replay.totals_by_period(DisclosurePeriod::Quarter)?;
//! let nets: Vec<String> = quarters.iter().filter_map(|(_, t)| t.net()).map(|m| m.to_string()).collect();
//! assert_eq!(nets, ["0.00", "4860.00", "-800.00"]);
//! // Every recorded disclosure agrees with the statement the ledger gives for its period.
//! for d in &account.disclosures {
//!     assert!(ledger::reconcile(account, d)?.is_empty());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod exact;
mod period;
pub(crate) mod schedule;
mod statement;

use std::fmt;

use chrono::NaiveDate;

pub use period::Period;
pub use statement::{DisclosureField, Discrepancy, Statement, reconcile, statement};

use crate::model::{Entry, EntryId, EntryKind, JointAccount, Money};
use crate::policy::DisclosurePeriod;

/// Which running sum left the decimal range.
///
/// # Example
/// ```
/// use xiaoqu::ledger::Quantity;
/// assert_eq!(Quantity::Disbursement.to_string(), "disbursement_total");
/// assert_eq!(Quantity::Cost.as_str(), "cost_total");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quantity {
    /// The running balance.
    Balance,
    /// A revenue total.
    Revenue,
    /// A cost-deduction total.
    Cost,
    /// A disbursement total.
    Disbursement,
}

impl Quantity {
    /// The name used in messages and facts.
    ///
    /// # Example
    /// ```
    /// assert_eq!(xiaoqu::ledger::Quantity::Balance.as_str(), "balance");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Balance => "balance",
            Self::Revenue => "revenue_total",
            Self::Cost => "cost_total",
            Self::Disbursement => "disbursement_total",
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why the engine could not compute a figure.
///
/// # Example
/// ```
/// use xiaoqu::ledger::{LedgerError, Quantity};
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first_mut().and_then(|c| c.joint_account.as_mut()).ok_or("no account")?;
/// let most: xiaoqu::model::Money = "79228162514264337593543950335".parse()?;
/// account.entries[0].amount = most; // e-001 and e-002 are revenue
/// account.entries[1].amount = most;
/// let err = xiaoqu::ledger::replay(account).err().ok_or("no overflow")?;
/// assert_eq!(err, LedgerError::Overflow { quantity: Quantity::Balance, entry: "e-002".parse()?, index: 1 });
/// assert_eq!(err.to_string(), "the balance leaves the decimal range at entry `e-002`");
/// let (a, b) = (account.opened_on, account.opened_on.pred_opt().ok_or("date")?);
/// assert!(matches!(xiaoqu::ledger::Period::new(a, b), Err(LedgerError::BadPeriod { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// A sum left the decimal range at an entry.
    #[error("the {quantity} leaves the decimal range at entry `{entry}`")]
    Overflow {
        /// The sum.
        quantity: Quantity,
        /// The entry whose amount made it overflow.
        entry: EntryId,
        /// Its position in the account's `entries`.
        index: usize,
    },
    /// A period whose first day is after its last.
    #[error("the period starts on {start} after it ends on {end}")]
    BadPeriod {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
}

/// One entry of a replay and the balance right after it.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let mut account = cfg.compounds.first().and_then(|c| c.joint_account.clone()).ok_or("no account")?;
/// account.entries.reverse(); // replay order does not depend on document order
/// let replay = xiaoqu::ledger::replay(&account)?;
/// let first = replay.steps().first().ok_or("no entry")?;
/// assert_eq!((first.index, first.entry.id.as_str(), first.balance.to_string()), (5, "e-001", "3600.00".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'a> {
    /// The entry's position in the account's `entries` (for document paths).
    pub index: usize,
    /// The entry.
    pub entry: &'a Entry,
    /// The running balance after the entry.
    pub balance: Money,
}

/// The totals of the entries of a period.
///
/// # Example
/// ```
/// use xiaoqu::policy::DisclosurePeriod;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let quarters = xiaoqu::ledger::replay(account)?.totals_by_period(DisclosurePeriod::Quarter)?;
/// assert_eq!(quarters.iter().map(|(_, t)| t.entries).collect::<Vec<_>>(), [0, 3, 3]);
/// let (_, q2) = quarters.last().ok_or("no quarter")?;
/// assert_eq!((q2.revenue.to_string(), q2.disbursement.to_string()), ("3600.00".into(), "4400.00".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Revenue.
    pub revenue: Money,
    /// Cost deductions.
    pub cost: Money,
    /// Disbursements.
    pub disbursement: Money,
    /// Number of entries.
    pub entries: usize,
}

impl Totals {
    /// Adds one entry, or reports which total overflowed.
    fn add(&mut self, step: &Step<'_>) -> Result<(), LedgerError> {
        let e = step.entry;
        let (slot, quantity) = match e.kind {
            EntryKind::Revenue { .. } => (&mut self.revenue, Quantity::Revenue),
            EntryKind::CostDeduction => (&mut self.cost, Quantity::Cost),
            EntryKind::Disbursement(_) => (&mut self.disbursement, Quantity::Disbursement),
        };
        *slot = exact::add(*slot, e.amount).ok_or_else(|| overflow(quantity, step))?;
        self.entries = self.entries.saturating_add(1);
        Ok(())
    }

    /// `revenue − cost − disbursement`, or `None` when it leaves the decimal range.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let q2 = xiaoqu::ledger::Period::new(
    ///     chrono::NaiveDate::from_ymd_opt(2025, 4, 1).ok_or("date")?,
    ///     chrono::NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?,
    /// )?;
    /// let totals = xiaoqu::ledger::replay(account)?.totals(q2)?;
    /// assert_eq!(totals.net().map(|m| m.to_string()).as_deref(), Some("-800.00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn net(&self) -> Option<Money> {
        exact::sub(exact::sub(self.revenue, self.cost)?, self.disbursement)
    }
}

fn overflow(quantity: Quantity, step: &Step<'_>) -> LedgerError {
    LedgerError::Overflow { quantity, entry: step.entry.id.clone(), index: step.index }
}

/// An account's entries replayed in order, with the running balance after each.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let replay = xiaoqu::ledger::replay(account)?;
/// assert_eq!(replay.steps().len(), 6);
/// let (opening, closing) = (replay.opening_balance(), replay.closing_balance());
/// assert_eq!((opening.to_string(), closing.to_string()), ("0.00".into(), "4060.00".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay<'a> {
    account: &'a JointAccount,
    steps: Vec<Step<'a>>,
}

/// The entries of an account in replay order (date, then id, then document order), each with
/// its position in `entries`.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let ids: Vec<&str> = xiaoqu::ledger::ordered(account).iter().map(|(_, e)| e.id.as_str()).collect();
/// assert_eq!(ids.first(), Some(&"e-001"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ordered(account: &JointAccount) -> Vec<(usize, &Entry)> {
    let mut entries: Vec<(usize, &Entry)> = account.entries.iter().enumerate().collect();
    // A stable sort keeps document order among entries with the same date and id.
    entries.sort_by(|(_, a), (_, b)| (a.date, &a.id).cmp(&(b.date, &b.id)));
    entries
}

/// The change an entry makes to a balance: `+amount` for revenue, `−amount` otherwise.
fn apply(balance: Money, e: &Entry) -> Option<Money> {
    match e.kind {
        EntryKind::Revenue { .. } => exact::add(balance, e.amount),
        EntryKind::CostDeduction | EntryKind::Disbursement(_) => exact::sub(balance, e.amount),
    }
}

/// Replays an account: its entries in order, with the running balance after each.
///
/// # Errors
/// [`LedgerError::Overflow`] naming the first entry after which the balance leaves the decimal
/// range.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let replay = xiaoqu::ledger::replay(account)?;
/// let balances: Vec<String> = replay.steps().iter().map(|s| s.balance.to_string()).collect();
/// assert_eq!(balances, ["3600.00", "5400.00", "4860.00", "2460.00", "6060.00", "4060.00"]);
/// assert_eq!(replay.closing_balance().to_string(), "4060.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn replay(account: &JointAccount) -> Result<Replay<'_>, LedgerError> {
    let mut balance = account.opening_balance;
    let mut steps = Vec::with_capacity(account.entries.len());
    for (index, entry) in ordered(account) {
        balance = apply(balance, entry).ok_or_else(|| LedgerError::Overflow {
            quantity: Quantity::Balance,
            entry: entry.id.clone(),
            index,
        })?;
        steps.push(Step { index, entry, balance });
    }
    Ok(Replay { account, steps })
}

impl<'a> Replay<'a> {
    /// The account replayed.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// assert_eq!(replay.account().id.as_str(), "ja-guokeyuan");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn account(&self) -> &'a JointAccount {
        self.account
    }

    /// The entries in order with the balance after each.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// let last = replay.steps().last().ok_or("no entry")?;
    /// assert_eq!((last.entry.id.as_str(), last.balance.to_string()), ("e-006", "4060.00".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps(&self) -> &[Step<'a>] {
        &self.steps
    }

    /// The balance on opening.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// assert_eq!(replay.opening_balance().to_string(), "0.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opening_balance(&self) -> Money {
        self.account.opening_balance
    }

    /// The balance after the last entry (the opening balance when there is none).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// assert_eq!(replay.closing_balance().to_string(), "4060.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closing_balance(&self) -> Money {
        self.steps.last().map_or(self.account.opening_balance, |s| s.balance)
    }

    /// The balance after every entry dated before `date`.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// let april = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).ok_or("date")?;
    /// assert_eq!(replay.balance_before(april).to_string(), "4860.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn balance_before(&self, date: NaiveDate) -> Money {
        let n = self.steps.partition_point(|s| s.entry.date < date);
        self.balance_after_first(n)
    }

    /// The balance after every entry dated on or before `date`.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// let june_end = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?;
    /// assert_eq!(replay.balance_through(june_end).to_string(), "4060.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn balance_through(&self, date: NaiveDate) -> Money {
        let n = self.steps.partition_point(|s| s.entry.date <= date);
        self.balance_after_first(n)
    }

    fn balance_after_first(&self, n: usize) -> Money {
        n.checked_sub(1).and_then(|i| self.steps.get(i)).map_or(self.account.opening_balance, |s| s.balance)
    }

    /// The steps dated within a period (both days included).
    fn within(&self, period: Period) -> &[Step<'a>] {
        let lo = self.steps.partition_point(|s| s.entry.date < period.start);
        let hi = self.steps.partition_point(|s| s.entry.date <= period.end);
        self.steps.get(lo..hi.max(lo)).unwrap_or_default()
    }

    /// The entries dated within a period (both days included), in replay order.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let replay = xiaoqu::ledger::replay(account)?;
    /// let q1 = xiaoqu::ledger::Period::new(
    ///     chrono::NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?,
    ///     chrono::NaiveDate::from_ymd_opt(2025, 3, 31).ok_or("date")?,
    /// )?;
    /// assert_eq!(replay.steps_within(q1).len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn steps_within(&self, period: Period) -> &[Step<'a>] {
        self.within(period)
    }

    /// The totals of the entries dated within a period (both days included).
    ///
    /// # Errors
    /// [`LedgerError::Overflow`] when a total leaves the decimal range.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let q1 = xiaoqu::ledger::Period::new(
    ///     chrono::NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?,
    ///     chrono::NaiveDate::from_ymd_opt(2025, 3, 31).ok_or("date")?,
    /// )?;
    /// let totals = xiaoqu::ledger::replay(account)?.totals(q1)?;
    /// assert_eq!((totals.revenue.to_string(), totals.cost.to_string()), ("5400.00".into(), "540.00".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn totals(&self, period: Period) -> Result<Totals, LedgerError> {
        let mut t = Totals::default();
        for step in self.within(period) {
            t.add(step)?;
        }
        Ok(t)
    }

    /// The totals of every calendar period from the one holding the opening day (or the first
    /// entry, when earlier) to the one holding the last entry (or the opening day, when later).
    ///
    /// # Errors
    /// [`LedgerError::Overflow`] when a total leaves the decimal range.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::DisclosurePeriod;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let quarters = xiaoqu::ledger::replay(account)?.totals_by_period(DisclosurePeriod::Quarter)?;
    /// let revenue: Vec<String> = quarters.iter().map(|(_, t)| t.revenue.to_string()).collect();
    /// assert_eq!(revenue, ["0.00", "5400.00", "3600.00"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn totals_by_period(&self, cadence: DisclosurePeriod) -> Result<Vec<(Period, Totals)>, LedgerError> {
        let opened = self.account.opened_on;
        let first = self.steps.first().map_or(opened, |s| s.entry.date.min(opened));
        let last = self.steps.last().map_or(opened, |s| s.entry.date.max(opened));
        Period::covering(cadence, first, last).into_iter().map(|p| Ok((p, self.totals(p)?))).collect()
    }
}
