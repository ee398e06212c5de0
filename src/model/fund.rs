//! The special maintenance fund (专项维修资金).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assembly::MatterRef;
use super::ids::{DepositId, EntryId, FundUseId};
use super::values::{Money, date};

/// The special maintenance fund of a compound.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let fund = cfg.compounds[0].maintenance_fund.as_ref().ok_or("no fund")?;
/// assert_eq!((fund.initial_deposit.to_string(), fund.balance.to_string()), ("64780.00".to_owned(), "60000.00".to_owned()));
/// assert_eq!((fund.deposits.len(), fund.uses.len()), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaintenanceFund {
    /// Initial deposit (首期交存).
    pub initial_deposit: Money,
    /// Balance as recorded.
    pub balance: Money,
    /// Deposits after the initial one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deposits: Vec<FundDeposit>,
    /// Uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<FundUse>,
}

/// A deposit into the fund.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let fund = cfg.compounds[0].maintenance_fund.as_ref().ok_or("no fund")?;
/// let d = &fund.deposits[0];
/// assert_eq!((d.id.as_str(), d.amount.to_string()), ("mf-d-001", "2000.00".to_owned()));
/// assert_eq!(d.entry.as_ref().map(|e| e.as_str()), Some("e-006"), "paid by the joint account's e-006");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundDeposit {
    /// Unique deposit id.
    pub id: DepositId,
    /// Date.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub date: NaiveDate,
    /// Amount.
    pub amount: Money,
    /// Where the money came from.
    pub source: DepositSource,
    /// The joint-account entry that paid it, for top-ups from public revenue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<EntryId>,
}

str_enum! {
/// Source of a fund deposit.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::DepositSource;
/// let fund = cfg.compounds[0].maintenance_fund.as_ref().ok_or("no fund")?;
/// assert_eq!(fund.deposits[0].source, DepositSource::PublicRevenue);
/// assert_eq!(DepositSource::Owners.as_str(), "owners");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum DepositSource {
    /// Owners' deposits (续交).
    Owners = "owners",
    /// A top-up from public revenue.
    PublicRevenue = "public_revenue",
    /// Interest.
    Interest = "interest",
    /// Other.
    Other = "other",
}
}

/// A use of the fund.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let fund = cfg.compounds[0].maintenance_fund.as_ref().ok_or("no fund")?;
/// let u = &fund.uses[0];
/// assert_eq!((u.id.as_str(), u.purpose.as_str()), ("mf-001", "2栋屋面防水维修"));
/// assert_eq!(u.resolution.as_ref().map(|r| r.assembly.as_str()), Some("asm-2025-01"));
/// assert!(u.emergency.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundUse {
    /// Unique use id.
    pub id: FundUseId,
    /// Date.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub date: NaiveDate,
    /// Amount.
    pub amount: Money,
    /// Purpose.
    pub purpose: String,
    /// The assembly matter that authorised it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<MatterRef>,
    /// For an emergency use (应急使用): its category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency: Option<String>,
}
