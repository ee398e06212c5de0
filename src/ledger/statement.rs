//! Disclosure statements (公示) and their comparison with recorded disclosures.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{LedgerError, Period, Quantity, Replay, Step, replay};
use crate::model::{AccountId, Disclosure, EntryKind, JointAccount, Money, Purpose, RevenueSource};
use crate::report::Lang;

/// The statement of an account for a period, as published to owners: revenue by source, cost
/// deductions, disbursements by purpose, opening and closing balance.
///
/// It serializes (money as decimal strings, dates as `YYYY-MM-DD`) and renders as text in
/// Chinese or English ([`Statement::to_text`]), so that it can be published as is.
///
/// # Example
/// ```
/// use xiaoqu::model::RevenueSource;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).ok_or("date");
/// let s = xiaoqu::ledger::statement(account, day(1, 1)?, day(3, 31)?)?;
/// assert_eq!((s.account.as_str(), s.currency.as_str(), s.entries), ("ja-guokeyuan", "CNY", 3));
/// let ads = s.revenue_by_source.get(&RevenueSource::Advertising).map(|m| m.to_string());
/// assert_eq!(ads.as_deref(), Some("1800.00"));
/// assert!(s.disbursements_by_purpose.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// The account.
    pub account: AccountId,
    /// Its registered name.
    pub account_name: String,
    /// Its currency.
    pub currency: String,
    /// First day of the period.
    #[serde(with = "crate::model::date")]
    pub period_start: NaiveDate,
    /// Last day of the period.
    #[serde(with = "crate::model::date")]
    pub period_end: NaiveDate,
    /// Balance before the period: after every entry dated before it.
    pub opening_balance: Money,
    /// Revenue by source (sources with no revenue in the period are left out).
    pub revenue_by_source: BTreeMap<RevenueSource, Money>,
    /// Revenue in the period.
    pub revenue_total: Money,
    /// Cost deductions in the period.
    pub cost_total: Money,
    /// Disbursements by purpose (purposes with no disbursement are left out).
    pub disbursements_by_purpose: BTreeMap<Purpose, Money>,
    /// Disbursements in the period.
    pub disbursement_total: Money,
    /// Balance at the end of the period: after every entry dated on or before its last day.
    pub closing_balance: Money,
    /// Number of entries in the period.
    pub entries: usize,
}

/// The statement of an account for `start..=end`.
///
/// # Errors
/// [`LedgerError::BadPeriod`] when `start` is after `end`; [`LedgerError::Overflow`] when the
/// balance or a total leaves the decimal range.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).ok_or("date");
/// let s = xiaoqu::ledger::statement(account, day(4, 1)?, day(6, 30)?)?;
/// assert_eq!(s.opening_balance.to_string(), "4860.00");
/// assert_eq!(s.revenue_total.to_string(), "3600.00");
/// assert_eq!(s.cost_total.to_string(), "0.00");
/// assert_eq!(s.disbursement_total.to_string(), "4400.00");
/// assert_eq!(s.closing_balance.to_string(), "4060.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn statement(account: &JointAccount, start: NaiveDate, end: NaiveDate) -> Result<Statement, LedgerError> {
    let period = Period::new(start, end)?;
    replay(account)?.statement(period)
}

/// Compares a recorded disclosure with the statement the ledger gives for its period.
///
/// # Errors
/// As [`statement`], for the disclosure's period.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// for d in &account.disclosures {
///     assert!(xiaoqu::ledger::reconcile(account, d)?.is_empty());
/// }
/// let mut wrong = account.disclosures.last().ok_or("no disclosure")?.clone();
/// wrong.closing_balance = "4160.00".parse()?;
/// let diff = xiaoqu::ledger::reconcile(account, &wrong)?;
/// assert_eq!(diff.len(), 1);
/// assert_eq!(diff.first().and_then(|d| d.difference()).map(|m| m.to_string()).as_deref(), Some("100.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reconcile(account: &JointAccount, disclosure: &Disclosure) -> Result<Vec<Discrepancy>, LedgerError> {
    Ok(statement(account, disclosure.period_start, disclosure.period_end)?.compare(disclosure))
}

fn add_to<K: Ord>(map: &mut BTreeMap<K, Money>, key: K, step: &Step<'_>, q: Quantity) -> Result<(), LedgerError> {
    let slot = map.entry(key).or_insert(Money::ZERO);
    *slot = super::exact::add(*slot, step.entry.amount).ok_or_else(|| super::overflow(q, step))?;
    Ok(())
}

impl Replay<'_> {
    /// The statement for a period.
    ///
    /// # Errors
    /// [`LedgerError::Overflow`] when a total leaves the decimal range.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).ok_or("date");
    /// let q1 = xiaoqu::ledger::Period::new(day(1, 1)?, day(3, 31)?)?;
    /// let s = xiaoqu::ledger::replay(account)?.statement(q1)?;
    /// assert_eq!(s.revenue_by_source.len(), 2);
    /// assert_eq!(s.closing_balance.to_string(), "4860.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn statement(&self, period: Period) -> Result<Statement, LedgerError> {
        let totals = self.totals(period)?;
        let mut revenue_by_source = BTreeMap::new();
        let mut disbursements_by_purpose = BTreeMap::new();
        for step in self.within(period) {
            match &step.entry.kind {
                EntryKind::Revenue { source } => add_to(&mut revenue_by_source, *source, step, Quantity::Revenue)?,
                EntryKind::Disbursement(d) => {
                    add_to(&mut disbursements_by_purpose, d.purpose, step, Quantity::Disbursement)?;
                }
                EntryKind::CostDeduction => {}
            }
        }
        let account = self.account();
        Ok(Statement {
            account: account.id.clone(),
            account_name: account.account_name.clone(),
            currency: account.currency.clone(),
            period_start: period.start,
            period_end: period.end,
            opening_balance: self.balance_before(period.start),
            revenue_by_source,
            revenue_total: totals.revenue,
            cost_total: totals.cost,
            disbursements_by_purpose,
            disbursement_total: totals.disbursement,
            closing_balance: self.balance_through(period.end),
            entries: totals.entries,
        })
    }
}

str_enum! {
/// A figure of a disclosure that can disagree with the ledger.
///
/// # Example
/// ```
/// use xiaoqu::ledger::DisclosureField;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let mut wrong = account.disclosures.get(1).ok_or("no Q1 disclosure")?.clone();
/// wrong.cost_total = "450.00".parse()?;
/// wrong.closing_balance = "4950.00".parse()?;
/// let fields: Vec<DisclosureField> = xiaoqu::ledger::reconcile(account, &wrong)?.iter().map(|d| d.field).collect();
/// assert_eq!(fields, [DisclosureField::CostTotal, DisclosureField::ClosingBalance]);
/// assert_eq!(DisclosureField::CostTotal.as_str(), "cost_total");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum DisclosureField {
    /// Revenue in the period.
    RevenueTotal = "revenue_total",
    /// Cost deductions in the period.
    CostTotal = "cost_total",
    /// Disbursements in the period.
    DisbursementTotal = "disbursement_total",
    /// Balance at the end of the period.
    ClosingBalance = "closing_balance",
}
}

impl DisclosureField {
    /// The figure's name in Chinese.
    ///
    /// # Example
    /// ```
    /// assert_eq!(xiaoqu::ledger::DisclosureField::ClosingBalance.zh(), "期末余额");
    /// ```
    pub const fn zh(self) -> &'static str {
        match self {
            Self::RevenueTotal => "收入合计",
            Self::CostTotal => "成本扣除合计",
            Self::DisbursementTotal => "支出合计",
            Self::ClosingBalance => "期末余额",
        }
    }
}

/// A figure on which a recorded disclosure and the ledger disagree.
///
/// # Example
/// ```
/// use xiaoqu::ledger::{Discrepancy, DisclosureField};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
/// let mut wrong = account.disclosures.last().ok_or("no disclosure")?.clone();
/// wrong.revenue_total = "3000.00".parse()?;
/// let field = DisclosureField::RevenueTotal;
/// let expected = Discrepancy { field, recorded: "3000.00".parse()?, computed: "3600.00".parse()? };
/// assert_eq!(xiaoqu::ledger::reconcile(account, &wrong)?, [expected]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Discrepancy {
    /// Which figure.
    pub field: DisclosureField,
    /// As published.
    pub recorded: Money,
    /// As the ledger gives it.
    pub computed: Money,
}

impl Discrepancy {
    /// `recorded − computed`, or `None` when the difference leaves the decimal range.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::ledger::{Discrepancy, DisclosureField};
    /// let d = Discrepancy { field: DisclosureField::CostTotal, recorded: "500.00".parse()?, computed: "540.00".parse()? };
    /// assert_eq!(d.difference().map(|m| m.to_string()).as_deref(), Some("-40.00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn difference(&self) -> Option<Money> {
        super::exact::sub(self.recorded, self.computed)
    }
}

/// Labels of the statement's lines: (Chinese, English).
fn source_label(s: RevenueSource) -> (&'static str, &'static str) {
    match s {
        RevenueSource::Parking => ("停车场地使用费", "parking"),
        RevenueSource::Advertising => ("广告收入", "advertising"),
        RevenueSource::VenueRent => ("场地租金", "venue rent"),
        RevenueSource::TelecomSite => ("通信设施场地费", "telecom sites"),
        RevenueSource::ExpressLocker => ("快递柜场地费", "express lockers"),
        RevenueSource::Compensation => ("损害赔偿及补偿", "compensation"),
        RevenueSource::Interest => ("利息", "interest"),
        RevenueSource::Other => ("其他收入", "other revenue"),
    }
}

fn purpose_label(p: Purpose) -> (&'static str, &'static str) {
    match p {
        Purpose::CommonFacilityRepair => ("共用部位、共用设施维修", "repair of common facilities"),
        Purpose::MaintenanceFundTopUp => ("补充专项维修资金", "top-up of the maintenance fund"),
        Purpose::CommitteeWorkingFunds => ("业主委员会工作经费", "committee working funds"),
        Purpose::Allowance => ("津贴补贴", "allowances"),
        Purpose::AuditFee => ("审计费用", "audit fees"),
        Purpose::PublicBenefit => ("公益活动", "public benefit"),
        Purpose::OffsetPropertyFees => ("抵扣物业费", "offset of property fees"),
        Purpose::Investment => ("投资", "investment"),
        Purpose::Lending => ("出借", "lending"),
        Purpose::Other => ("其他支出", "other disbursements"),
    }
}

impl Statement {
    /// Compares a recorded disclosure with this statement, figure by figure (the periods are
    /// not compared: compute the statement for the disclosure's period, as [`reconcile`]
    /// does).
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let recorded = account.disclosures.last().ok_or("no disclosure")?;
    /// let s = xiaoqu::ledger::statement(account, recorded.period_start, recorded.period_end)?;
    /// assert!(s.compare(recorded).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compare(&self, d: &Disclosure) -> Vec<Discrepancy> {
        [
            (DisclosureField::RevenueTotal, d.revenue_total, self.revenue_total),
            (DisclosureField::CostTotal, d.cost_total, self.cost_total),
            (DisclosureField::DisbursementTotal, d.disbursement_total, self.disbursement_total),
            (DisclosureField::ClosingBalance, d.closing_balance, self.closing_balance),
        ]
        .into_iter()
        .filter(|(_, recorded, computed)| recorded != computed)
        .map(|(field, recorded, computed)| Discrepancy { field, recorded, computed })
        .collect()
    }

    /// The disclosure that publishes this statement on `published_on`.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let recorded = account.disclosures.last().ok_or("no disclosure")?;
    /// let s = xiaoqu::ledger::statement(account, recorded.period_start, recorded.period_end)?;
    /// assert_eq!(&s.to_disclosure(recorded.published_on), recorded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_disclosure(&self, published_on: NaiveDate) -> Disclosure {
        Disclosure {
            period_start: self.period_start,
            period_end: self.period_end,
            published_on,
            revenue_total: self.revenue_total,
            cost_total: self.cost_total,
            disbursement_total: self.disbursement_total,
            closing_balance: self.closing_balance,
        }
    }

    /// The statement as text to post, in Chinese or English: one line per figure, revenue by
    /// source and disbursements by purpose indented under their totals.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let account = cfg.compounds.first().and_then(|c| c.joint_account.as_ref()).ok_or("no account")?;
    /// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).ok_or("date");
    /// let s = xiaoqu::ledger::statement(account, day(4, 1)?, day(6, 30)?)?;
    /// assert!(s.to_text(xiaoqu::Lang::Zh).contains("期末余额：4060.00"));
    /// assert!(s.to_text(xiaoqu::Lang::En).contains("closing balance: 4060.00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let zh = matches!(lang, Lang::Zh);
        let (start, end) = (self.period_start.format("%Y-%m-%d"), self.period_end.format("%Y-%m-%d"));
        let mut lines = Vec::new();
        let line = |label: (&str, &str), amount: Money, indent: bool| {
            let pad = if indent { "  " } else { "" };
            if zh { format!("{pad}{}：{amount}", label.0) } else { format!("{pad}{}: {amount}", label.1) }
        };
        if zh {
            lines.push(format!("{}（{}）收支公示", self.account_name, self.account));
            lines.push(format!("期间：{start} 至 {end}　币种：{}", self.currency));
        } else {
            lines.push(format!("Public revenue statement of {} ({})", self.account_name, self.account));
            lines.push(format!("period: {start} to {end}, currency: {}", self.currency));
        }
        lines.push(line(("期初余额", "opening balance"), self.opening_balance, false));
        lines.push(line(("收入合计", "revenue"), self.revenue_total, false));
        lines.extend(self.revenue_by_source.iter().map(|(s, m)| line(source_label(*s), *m, true)));
        lines.push(line(("成本扣除", "cost deductions"), self.cost_total, false));
        lines.push(line(("支出合计", "disbursements"), self.disbursement_total, false));
        lines.extend(self.disbursements_by_purpose.iter().map(|(p, m)| line(purpose_label(*p), *m, true)));
        lines.push(line(("期末余额", "closing balance"), self.closing_balance, false));
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}
