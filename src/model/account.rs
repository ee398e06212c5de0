//! The tri-party co-managed account for public revenue (三方共管账户).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assembly::MatterRef;
use super::ids::{AccountId, EntryId, PersonId};
use super::values::{Money, date};

/// An account holding public revenue from common parts (公共收益, 民法典 Art 282).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JointAccount {
    /// Unique account id.
    pub id: AccountId,
    /// The account's registered name.
    pub account_name: String,
    /// In whose name the account is held.
    pub holder: AccountHolder,
    /// Opening date.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub opened_on: NaiveDate,
    /// ISO 4217 currency code; `CNY` when absent.
    #[serde(default = "cny")]
    pub currency: String,
    /// Balance on opening.
    pub opening_balance: Money,
    /// The co-managing parties and their signatories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custodians: Vec<Custodian>,
    /// Ledger entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// Published statements (公示).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disclosures: Vec<Disclosure>,
    /// Audits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audits: Vec<Audit>,
}

fn cny() -> String {
    String::from("CNY")
}

str_enum! {
/// In whose name an account is held.
#[non_exhaustive]
pub enum AccountHolder {
    /// The owners' assembly (业主大会).
    OwnersAssembly = "owners_assembly",
    /// The owners' committee (业主委员会).
    OwnersCommittee = "owners_committee",
    /// The property company.
    PropertyCompany = "property_company",
    /// An individual.
    Individual = "individual",
    /// Anyone else.
    Other = "other",
}
}

str_enum! {
/// One of the three co-managing parties.
pub enum Party {
    /// The community party organisation (社区党组织).
    CommunityPartyOrg = "community_party_org",
    /// The owners' committee (业委会).
    OwnersCommittee = "owners_committee",
    /// The property service company (物业服务企业).
    PropertyCompany = "property_company",
}
}

/// A co-managing party and the people who sign for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Custodian {
    /// The party.
    pub party: Party,
    /// Its signatories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<PersonId>,
}

/// A ledger entry. Amounts are positive; the kind gives the sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawEntry", into = "RawEntry")]
pub struct Entry {
    /// Unique entry id.
    pub id: EntryId,
    /// Date.
    pub date: NaiveDate,
    /// Amount (positive).
    pub amount: Money,
    /// Memo; for a cost deduction, its basis.
    pub memo: Option<String>,
    /// What the entry is.
    pub kind: EntryKind,
}

/// What a ledger entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntryKind {
    /// Revenue from a common part.
    Revenue {
        /// Its source.
        source: RevenueSource,
    },
    /// A reasonable cost retained by the operator (民法典 Art 282).
    CostDeduction,
    /// Money paid out.
    Disbursement(Disbursement),
}

/// A payment out of the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disbursement {
    /// What it pays for.
    pub purpose: Purpose,
    /// Who is paid.
    pub payee: String,
    /// Approvals by the co-managing parties.
    pub approvals: Vec<Approval>,
    /// The assembly matter authorising it.
    pub resolution: Option<MatterRef>,
}

str_enum! {
/// The kind tag of an [`Entry`].
pub enum EntryTag {
    /// Revenue.
    Revenue = "revenue",
    /// Cost deduction.
    CostDeduction = "cost_deduction",
    /// Disbursement.
    Disbursement = "disbursement",
}
}

impl EntryKind {
    /// The kind tag.
    pub fn tag(&self) -> EntryTag {
        match self {
            Self::Revenue { .. } => EntryTag::Revenue,
            Self::CostDeduction => EntryTag::CostDeduction,
            Self::Disbursement(_) => EntryTag::Disbursement,
        }
    }
}

str_enum! {
/// Source of public revenue.
#[non_exhaustive]
pub enum RevenueSource {
    /// Parking on common parts.
    Parking = "parking",
    /// Advertising.
    Advertising = "advertising",
    /// Venue rent.
    VenueRent = "venue_rent",
    /// Telecom sites.
    TelecomSite = "telecom_site",
    /// Express lockers.
    ExpressLocker = "express_locker",
    /// Compensation.
    Compensation = "compensation",
    /// Interest.
    Interest = "interest",
    /// Other.
    Other = "other",
}
}

str_enum! {
/// Purpose of a disbursement.
#[non_exhaustive]
pub enum Purpose {
    /// Repair of common facilities.
    CommonFacilityRepair = "common_facility_repair",
    /// Top-up of the maintenance fund.
    MaintenanceFundTopUp = "maintenance_fund_top_up",
    /// Committee working funds.
    CommitteeWorkingFunds = "committee_working_funds",
    /// Allowances.
    Allowance = "allowance",
    /// Audit fee.
    AuditFee = "audit_fee",
    /// Public benefit.
    PublicBenefit = "public_benefit",
    /// Offsetting property fees.
    OffsetPropertyFees = "offset_property_fees",
    /// Investment (prohibited in some cities).
    Investment = "investment",
    /// Lending (prohibited in some cities).
    Lending = "lending",
    /// Other.
    Other = "other",
}
}

/// One party's approval of a disbursement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The party approving.
    pub party: Party,
    /// The person signing for it.
    pub person: PersonId,
    /// Date of approval.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub date: NaiveDate,
}

/// A published statement (公示) of the account for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// First day of the period.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub period_start: NaiveDate,
    /// Last day of the period.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub period_end: NaiveDate,
    /// Date published.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub published_on: NaiveDate,
    /// Revenue in the period.
    pub revenue_total: Money,
    /// Cost deductions in the period.
    pub cost_total: Money,
    /// Disbursements in the period.
    pub disbursement_total: Money,
    /// Balance at the end of the period.
    pub closing_balance: Money,
}

/// An audit of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// Why it was done.
    pub trigger: AuditTrigger,
    /// First day audited.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub period_start: NaiveDate,
    /// Last day audited.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub period_end: NaiveDate,
    /// Date completed.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub completed_on: NaiveDate,
    /// Auditor.
    pub auditor: String,
}

str_enum! {
/// Why an audit was done.
#[non_exhaustive]
pub enum AuditTrigger {
    /// Annual (年度).
    Annual = "annual",
    /// On re-election (换届).
    ReElection = "re_election",
    /// On departure (离任).
    Departure = "departure",
    /// On owners' petition.
    Petition = "petition",
}
}

/// An entry as written: the fields of every kind, checked by [`Entry`]'s `TryFrom`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct RawEntry {
    id: EntryId,
    #[serde(with = "date")]
    date: NaiveDate,
    kind: EntryTag,
    amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    memo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<RevenueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<Purpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payee: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    approvals: Option<Vec<Approval>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resolution: Option<MatterRef>,
}

impl TryFrom<RawEntry> for Entry {
    type Error = String;

    fn try_from(r: RawEntry) -> Result<Self, String> {
        let mut f = super::tagged::Fields::new(r.kind.as_str());
        let kind = match r.kind {
            EntryTag::Revenue => EntryKind::Revenue { source: f.req("source", r.source)? },
            EntryTag::CostDeduction => EntryKind::CostDeduction,
            EntryTag::Disbursement => EntryKind::Disbursement(Disbursement {
                purpose: f.req("purpose", r.purpose)?,
                payee: f.req("payee", r.payee.clone())?,
                approvals: f.opt("approvals", r.approvals.clone()).unwrap_or_default(),
                resolution: f.opt("resolution", r.resolution.clone()),
            }),
        };
        f.reject_others(&[
            ("source", r.source.is_some()),
            ("purpose", r.purpose.is_some()),
            ("payee", r.payee.is_some()),
            ("approvals", r.approvals.is_some()),
            ("resolution", r.resolution.is_some()),
        ])?;
        Ok(Self { id: r.id, date: r.date, amount: r.amount, memo: r.memo, kind })
    }
}

impl From<Entry> for RawEntry {
    fn from(e: Entry) -> Self {
        let mut raw = Self {
            id: e.id,
            date: e.date,
            kind: e.kind.tag(),
            amount: e.amount,
            memo: e.memo,
            source: None,
            purpose: None,
            payee: None,
            approvals: None,
            resolution: None,
        };
        match e.kind {
            EntryKind::Revenue { source } => raw.source = Some(source),
            EntryKind::CostDeduction => {}
            EntryKind::Disbursement(d) => {
                raw.purpose = Some(d.purpose);
                raw.payee = Some(d.payee);
                raw.approvals = Some(d.approvals);
                raw.resolution = d.resolution;
            }
        }
        raw
    }
}
