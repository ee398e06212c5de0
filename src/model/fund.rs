//! The special maintenance fund (专项维修资金).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assembly::MatterRef;
use super::ids::{DepositId, EntryId, FundUseId};
use super::values::{Money, date};

/// The special maintenance fund of a compound.
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
