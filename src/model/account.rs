//! The tri-party co-managed account for public revenue (三方共管账户).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assembly::MatterRef;
use super::ids::{AccountId, EntryId, PersonId};
use super::values::{Money, date};

/// An account holding public revenue from common parts (公共收益, 民法典 Art 282).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// let ja: &xiaoqu::model::JointAccount = ja;
/// assert_eq!((ja.id.as_str(), ja.currency.as_str()), ("ja-guokeyuan", "CNY"));
/// assert_eq!((ja.entries.len(), ja.disclosures.len(), ja.audits.len()), (6, 3, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::AccountHolder;
/// assert_eq!(ja.holder, AccountHolder::OwnersAssembly);
/// assert_eq!(AccountHolder::PropertyCompany.as_str(), "property_company");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::Party;
/// let parties: Vec<Party> = ja.custodians.iter().map(|c| c.party).collect();
/// assert_eq!(parties, Party::ALL);
/// assert_eq!(Party::CommunityPartyOrg.to_string(), "community_party_org");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// let oc = ja.custodians.iter().find(|c| c.party == xiaoqu::model::Party::OwnersCommittee).ok_or("no committee")?;
/// let signatories: Vec<&str> = oc.signatories.iter().map(|p| p.as_str()).collect();
/// assert_eq!(signatories, ["p-01", "p-02"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// let e3 = &ja.entries[2];
/// assert_eq!((e3.id.as_str(), e3.amount.to_string()), ("e-003", "540.00".to_owned()));
/// assert_eq!(e3.date, "2025-03-31".parse()?);
/// assert_eq!(e3.memo.as_deref(), Some("广告位维护合理成本"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::{EntryKind, RevenueSource};
/// assert_eq!(ja.entries[0].kind, EntryKind::Revenue { source: RevenueSource::Parking });
/// assert_eq!(ja.entries[2].kind, EntryKind::CostDeduction);
/// assert!(matches!(&ja.entries[3].kind, EntryKind::Disbursement(d) if d.payee == "秀英区安顺维修服务部"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::{EntryKind, Purpose};
/// let EntryKind::Disbursement(d) = &ja.entries[5].kind else { return Err("e-006 is a disbursement".into()) };
/// assert_eq!(d.purpose, Purpose::MaintenanceFundTopUp);
/// assert_eq!(d.approvals.len(), 3);
/// assert!(d.resolution.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::EntryTag;
/// let tags: Vec<&str> = ja.entries.iter().map(|e| e.kind.tag().as_str()).collect();
/// assert_eq!(tags, ["revenue", "revenue", "cost_deduction", "disbursement", "revenue", "disbursement"]);
/// assert_eq!(EntryTag::ALL.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
    /// use xiaoqu::model::EntryTag;
    /// let costs = ja.entries.iter().filter(|e| e.kind.tag() == EntryTag::CostDeduction).count();
    /// assert_eq!(costs, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::{EntryKind, RevenueSource};
/// let sources: Vec<RevenueSource> =
///     ja.entries.iter().filter_map(|e| match e.kind { EntryKind::Revenue { source } => Some(source), _ => None }).collect();
/// assert_eq!(sources, [RevenueSource::Parking, RevenueSource::Advertising, RevenueSource::Parking]);
/// assert_eq!(serde_json::from_str::<RevenueSource>(r#""express_locker""#)?, RevenueSource::ExpressLocker);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::{EntryKind, Purpose};
/// assert!(matches!(&ja.entries[3].kind, EntryKind::Disbursement(d) if d.purpose == Purpose::CommonFacilityRepair));
/// assert!(serde_json::from_str::<Purpose>(r#""gambling""#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// use xiaoqu::model::{EntryKind, Party};
/// let EntryKind::Disbursement(d) = &ja.entries[3].kind else { return Err("e-004 is a disbursement".into()) };
/// let first = &d.approvals[0];
/// assert_eq!((first.party, first.person.as_str()), (Party::CommunityPartyOrg, "p-11"));
/// assert!(d.approvals.iter().all(|a| a.date < ja.entries[3].date), "approved before paid");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// let q2 = &ja.disclosures[2];
/// assert_eq!((q2.period_start, q2.period_end), ("2025-04-01".parse()?, "2025-06-30".parse()?));
/// assert_eq!(q2.disbursement_total.to_string(), "4400.00");
/// assert_eq!(q2.closing_balance.to_string(), "4060.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ja = cfg.compounds[0].joint_account.as_ref().ok_or("no joint account")?;
/// let audit = &ja.audits[0];
/// assert_eq!(audit.trigger, xiaoqu::model::AuditTrigger::Annual);
/// assert_eq!(audit.completed_on, "2025-02-20".parse()?);
/// assert_eq!(audit.auditor, "海南明信会计师事务所");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// use xiaoqu::model::AuditTrigger;
/// assert_eq!(serde_json::from_str::<AuditTrigger>(r#""re_election""#)?, AuditTrigger::ReElection);
/// assert_eq!(AuditTrigger::Departure.as_str(), "departure");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
/// ```
/// use xiaoqu::model::{Entry, RawEntry};
/// let raw: RawEntry = serde_json::from_str(r#"{ "id": "e-9", "date": "2025-01-10", "kind": "revenue", "amount": "10.00", "source": "interest" }"#)?;
/// assert_eq!(Entry::try_from(raw)?.id.as_str(), "e-9");
/// let stray: RawEntry = serde_json::from_str(r#"{ "id": "e-9", "date": "2025-01-10", "kind": "cost_deduction", "amount": "1.00", "payee": "x" }"#)?;
/// assert!(Entry::try_from(stray).is_err(), "a cost deduction has no payee");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
