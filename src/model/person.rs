//! People, their party membership, relatives, employment, residency and evidence records.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{CompoundId, OrgId, PersonId, UnitId};
use super::values::{Money, date, date_opt};

/// A natural person referenced anywhere in the document.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let p12: &xiaoqu::model::Person = &cfg.people[11];
/// assert_eq!((p12.id.as_str(), p12.name.as_str()), ("p-12", "何磊"));
/// assert!(p12.birth_date.is_none() && p12.party.is_some());
/// assert_eq!(p12.employment[0].role, "project_manager");
/// assert!(p12.relatives.is_empty() && p12.records.is_empty() && p12.residency.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique person id.
    pub id: PersonId,
    /// Full name. Reports show ids, not names, unless asked.
    pub name: String,
    /// Date of birth, when known.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub birth_date: Option<NaiveDate>,
    /// Civil capacity (民事行为能力); `full` when absent.
    #[serde(default)]
    pub civil_capacity: CivilCapacity,
    /// Party membership; absent for a non-member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyMembership>,
    /// Close relatives; a relation is symmetric.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relatives: Vec<Relative>,
    /// Employment history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employment: Vec<Employment>,
    /// Where the person lives; `None` means an owner is taken to reside in the compound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residency: Option<Vec<Residency>>,
    /// Evidence records used by the negative list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Record>,
}

str_enum! {
/// Civil capacity (民事行为能力).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::{CivilCapacity, Person};
/// assert!(cfg.people.iter().all(|p| p.civil_capacity == CivilCapacity::Full), "`full` when absent");
/// let p: Person = serde_json::from_str(r#"{ "id": "p-x", "name": "某", "civil_capacity": "limited" }"#)?;
/// assert_eq!(p.civil_capacity, CivilCapacity::Limited);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub enum CivilCapacity {
    /// Full capacity.
    #[default]
    Full = "full",
    /// Limited capacity.
    Limited = "limited",
    /// No capacity.
    None = "none",
}
}

/// Party membership (党员).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let party = cfg.people[0].party.as_ref().ok_or("p-01 is a party member")?;
/// assert_eq!(party.status, xiaoqu::model::PartyStatus::Retired);
/// assert_eq!(party.joined_on, Some("1980-07-01".parse()?));
/// assert!(cfg.people[3].party.is_none(), "p-04 is not a member");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartyMembership {
    /// Where the member's membership is held.
    pub status: PartyStatus,
    /// Date of joining.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub joined_on: Option<NaiveDate>,
}

str_enum! {
/// Kind of party member.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::PartyStatus;
/// let statuses: Vec<PartyStatus> = cfg.people.iter().filter_map(|p| p.party.as_ref()).map(|m| m.status).collect();
/// assert_eq!(statuses.iter().filter(|s| **s == PartyStatus::InService).count(), 3);
/// assert_eq!(PartyStatus::Floating.as_str(), "floating");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum PartyStatus {
    /// Serving member (在职党员).
    InService = "in_service",
    /// Retired member (离退休党员).
    Retired = "retired",
    /// Member without a post (无职党员).
    NoPost = "no_post",
    /// Floating member (流动党员).
    Floating = "floating",
}
}

/// A close relative.
///
/// # Example
/// ```
/// use xiaoqu::model::{Person, Relation};
/// let p: Person = serde_json::from_str(
///     r#"{ "id": "p-x", "name": "某", "relatives": [ { "person": "p-y", "relation": "spouse" } ] }"#,
/// )?;
/// assert_eq!((p.relatives[0].person.as_str(), p.relatives[0].relation), ("p-y", Relation::Spouse));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Relative {
    /// The relative.
    pub person: PersonId,
    /// The relation, from this person's side.
    pub relation: Relation,
}

str_enum! {
/// A family relation.
///
/// # Example
/// ```
/// use xiaoqu::model::Relation;
/// assert_eq!(serde_json::from_str::<Relation>(r#""grandchild""#)?, Relation::Grandchild);
/// assert!(Relation::Spouse.is_spouse_or_lineal() && !Relation::Sibling.is_spouse_or_lineal());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum Relation {
    /// Spouse (配偶).
    Spouse = "spouse",
    /// Parent.
    Parent = "parent",
    /// Child.
    Child = "child",
    /// Sibling: a close relative, not a lineal one.
    Sibling = "sibling",
    /// Grandparent.
    Grandparent = "grandparent",
    /// Grandchild.
    Grandchild = "grandchild",
    /// Another close relative.
    OtherClose = "other_close",
}
}

impl Relation {
    /// The same relation seen from the other person (parent ↔ child); spouse, sibling and other
    /// close relations are their own converse.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Relation;
    /// assert_eq!(Relation::Parent.converse(), Relation::Child);
    /// assert_eq!(Relation::Grandchild.converse(), Relation::Grandparent);
    /// assert_eq!(Relation::Spouse.converse(), Relation::Spouse);
    /// assert!(Relation::ALL.iter().all(|r| r.converse().converse() == *r));
    /// ```
    #[must_use]
    pub fn converse(self) -> Self {
        match self {
            Self::Parent => Self::Child,
            Self::Child => Self::Parent,
            Self::Grandparent => Self::Grandchild,
            Self::Grandchild => Self::Grandparent,
            other => other,
        }
    }

    /// Spouse or lineal relative (配偶、直系亲属): the relations the property-company rules name.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Relation;
    /// assert!(Relation::Spouse.is_spouse_or_lineal() && Relation::Grandparent.is_spouse_or_lineal());
    /// assert!(!Relation::Sibling.is_spouse_or_lineal());
    /// assert!(!Relation::OtherClose.is_spouse_or_lineal());
    /// ```
    pub fn is_spouse_or_lineal(self) -> bool {
        matches!(self, Self::Spouse | Self::Parent | Self::Child | Self::Grandparent | Self::Grandchild)
    }
}

/// A period of employment.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let job = &cfg.people[12].employment[0];
/// assert_eq!((job.org.as_str(), job.role.as_str()), ("org-so-xiuying", "staff"));
/// assert_eq!((job.from, job.to), ("2019-03-01".parse()?, None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Employment {
    /// Employer.
    pub org: OrgId,
    /// Role, free text (`project_manager`, `staff`…).
    pub role: String,
    /// First day.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub from: NaiveDate,
    /// Last day, if it ended.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub to: Option<NaiveDate>,
}

/// A period of residence in a compound.
///
/// # Example
/// ```
/// let p: xiaoqu::model::Person = serde_json::from_str(
///     r#"{ "id": "p-x", "name": "某", "residency": [ { "compound": "c-guokeyuan", "from": "2020-01-01", "to": "2023-12-31" } ] }"#,
/// )?;
/// let r = &p.residency.as_deref().ok_or("no residency")?[0];
/// assert_eq!((r.compound.as_str(), r.to), ("c-guokeyuan", Some("2023-12-31".parse()?)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Residency {
    /// Compound.
    pub compound: CompoundId,
    /// First day.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub from: NaiveDate,
    /// Last day, if it ended.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub to: Option<NaiveDate>,
}

/// An evidence record about a person, written `{ "kind": …, … }`.
///
/// # Example
/// ```
/// use xiaoqu::model::Record;
/// let r: Record = serde_json::from_str(
///     r#"{ "kind": "fee_arrears", "unit": "u-1-101", "since": "2024-01-01", "months": 8, "amount": "2400.00", "court_confirmed": false }"#,
/// )?;
/// assert!(matches!(r, Record::FeeArrears { months: 8, settled_on: None, .. }));
/// assert!(serde_json::from_str::<Record>(r#"{ "kind": "fee_arrears", "unit": "u-1-101" }"#).is_err(), "fields of the kind are required");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawRecord", into = "RawRecord")]
#[non_exhaustive]
pub enum Record {
    /// A criminal conviction.
    CriminalConviction {
        /// Date of the judgment.
        date: NaiveDate,
        /// When the sentence was completed.
        sentence_completed_on: Option<NaiveDate>,
        /// Intentional (故意) rather than negligent crime.
        intentional: bool,
    },
    /// An open criminal investigation.
    UnderCriminalInvestigation {
        /// Start.
        from: NaiveDate,
        /// End, if closed.
        to: Option<NaiveDate>,
    },
    /// Listed as a dishonest judgment debtor (失信被执行人).
    DishonestDebtor {
        /// Listed on.
        from: NaiveDate,
        /// Delisted on.
        to: Option<NaiveDate>,
    },
    /// Illegal construction (违法建设) at a unit.
    IllegalConstruction {
        /// Unit.
        unit: UnitId,
        /// Date of the rectification order.
        ordered_on: NaiveDate,
        /// Date rectified.
        rectified_on: Option<NaiveDate>,
    },
    /// Damage to load-bearing structure or facade, or change of use (承重结构/外貌/擅自改变使用性质).
    StructuralDamage {
        /// Unit.
        unit: UnitId,
        /// Date found.
        found_on: NaiveDate,
        /// Date rectified.
        rectified_on: Option<NaiveDate>,
    },
    /// Occupation of a common part.
    OccupiesCommonPart {
        /// Compound.
        compound: CompoundId,
        /// Date found.
        found_on: NaiveDate,
        /// Date rectified.
        rectified_on: Option<NaiveDate>,
    },
    /// Property-fee arrears.
    FeeArrears {
        /// Unit.
        unit: UnitId,
        /// First unpaid month.
        since: NaiveDate,
        /// Months unpaid.
        months: u32,
        /// Amount owed.
        amount: Money,
        /// Confirmed by a court.
        court_confirmed: bool,
        /// Date settled.
        settled_on: Option<NaiveDate>,
    },
    /// An administrative penalty.
    AdminPenalty {
        /// Date.
        date: NaiveDate,
        /// Related to property management.
        property_related: bool,
    },
    /// Removed from an owners' committee (罢免).
    RemovedFromCommittee {
        /// Compound.
        compound: CompoundId,
        /// Date.
        date: NaiveDate,
    },
    /// Economic ties with the compound (leases common shops, trades with it).
    EconomicTies {
        /// Compound.
        compound: CompoundId,
        /// What the tie is.
        description: String,
        /// Start.
        from: NaiveDate,
        /// End.
        to: Option<NaiveDate>,
    },
    /// Moral misconduct.
    MoralMisconduct {
        /// Date.
        date: NaiveDate,
        /// What happened.
        description: String,
    },
}

str_enum! {
/// The kind tag of a [`Record`].
///
/// # Example
/// ```
/// use xiaoqu::model::{Record, RecordKind};
/// let r: Record = serde_json::from_str(r#"{ "kind": "admin_penalty", "date": "2024-05-01", "property_related": true }"#)?;
/// assert_eq!(r.kind(), RecordKind::AdminPenalty);
/// assert_eq!(RecordKind::ALL.len(), 11);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum RecordKind {
    /// See [`Record::CriminalConviction`].
    CriminalConviction = "criminal_conviction",
    /// See [`Record::UnderCriminalInvestigation`].
    UnderCriminalInvestigation = "under_criminal_investigation",
    /// See [`Record::DishonestDebtor`].
    DishonestDebtor = "dishonest_debtor",
    /// See [`Record::IllegalConstruction`].
    IllegalConstruction = "illegal_construction",
    /// See [`Record::StructuralDamage`].
    StructuralDamage = "structural_damage",
    /// See [`Record::OccupiesCommonPart`].
    OccupiesCommonPart = "occupies_common_part",
    /// See [`Record::FeeArrears`].
    FeeArrears = "fee_arrears",
    /// See [`Record::AdminPenalty`].
    AdminPenalty = "admin_penalty",
    /// See [`Record::RemovedFromCommittee`].
    RemovedFromCommittee = "removed_from_committee",
    /// See [`Record::EconomicTies`].
    EconomicTies = "economic_ties",
    /// See [`Record::MoralMisconduct`].
    MoralMisconduct = "moral_misconduct",
}
}

impl Record {
    /// The kind tag.
    ///
    /// # Example
    /// ```
    /// let r: xiaoqu::model::Record = serde_json::from_str(r#"{ "kind": "dishonest_debtor", "from": "2023-02-01" }"#)?;
    /// assert_eq!(r.kind().as_str(), "dishonest_debtor");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> RecordKind {
        match self {
            Self::CriminalConviction { .. } => RecordKind::CriminalConviction,
            Self::UnderCriminalInvestigation { .. } => RecordKind::UnderCriminalInvestigation,
            Self::DishonestDebtor { .. } => RecordKind::DishonestDebtor,
            Self::IllegalConstruction { .. } => RecordKind::IllegalConstruction,
            Self::StructuralDamage { .. } => RecordKind::StructuralDamage,
            Self::OccupiesCommonPart { .. } => RecordKind::OccupiesCommonPart,
            Self::FeeArrears { .. } => RecordKind::FeeArrears,
            Self::AdminPenalty { .. } => RecordKind::AdminPenalty,
            Self::RemovedFromCommittee { .. } => RecordKind::RemovedFromCommittee,
            Self::EconomicTies { .. } => RecordKind::EconomicTies,
            Self::MoralMisconduct { .. } => RecordKind::MoralMisconduct,
        }
    }
}

/// A record as written: every field optional; [`Record`]'s `TryFrom` checks the kind's fields.
///
/// # Example
/// ```
/// use xiaoqu::model::{RawRecord, Record};
/// let raw: RawRecord = serde_json::from_str(r#"{ "kind": "removed_from_committee", "compound": "c-1", "date": "2022-03-01" }"#)?;
/// assert_eq!(Record::try_from(raw)?.kind().as_str(), "removed_from_committee");
/// let stray: RawRecord = serde_json::from_str(r#"{ "kind": "removed_from_committee", "compound": "c-1", "date": "2022-03-01", "months": 2 }"#)?;
/// assert!(Record::try_from(stray).is_err(), "`months` belongs to fee arrears");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct RawRecord {
    kind: Option<RecordKind>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    sentence_completed_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    intentional: Option<bool>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<UnitId>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    ordered_on: Option<NaiveDate>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    rectified_on: Option<NaiveDate>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    found_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    compound: Option<CompoundId>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    since: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    court_confirmed: Option<bool>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    settled_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    property_related: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

impl TryFrom<RawRecord> for Record {
    type Error = String;

    fn try_from(r: RawRecord) -> Result<Self, String> {
        use super::tagged::Fields;
        let kind = r.kind.ok_or("missing field `kind`")?;
        let mut f = Fields::new(kind.as_str());
        let rec = match kind {
            RecordKind::CriminalConviction => Self::CriminalConviction {
                date: f.req("date", r.date)?,
                sentence_completed_on: f.opt("sentence_completed_on", r.sentence_completed_on),
                intentional: f.req("intentional", r.intentional)?,
            },
            RecordKind::UnderCriminalInvestigation => {
                Self::UnderCriminalInvestigation { from: f.req("from", r.from)?, to: f.opt("to", r.to) }
            }
            RecordKind::DishonestDebtor => {
                Self::DishonestDebtor { from: f.req("from", r.from)?, to: f.opt("to", r.to) }
            }
            RecordKind::IllegalConstruction => Self::IllegalConstruction {
                unit: f.req("unit", r.unit.clone())?,
                ordered_on: f.req("ordered_on", r.ordered_on)?,
                rectified_on: f.opt("rectified_on", r.rectified_on),
            },
            RecordKind::StructuralDamage => Self::StructuralDamage {
                unit: f.req("unit", r.unit.clone())?,
                found_on: f.req("found_on", r.found_on)?,
                rectified_on: f.opt("rectified_on", r.rectified_on),
            },
            RecordKind::OccupiesCommonPart => Self::OccupiesCommonPart {
                compound: f.req("compound", r.compound.clone())?,
                found_on: f.req("found_on", r.found_on)?,
                rectified_on: f.opt("rectified_on", r.rectified_on),
            },
            RecordKind::FeeArrears => Self::FeeArrears {
                unit: f.req("unit", r.unit.clone())?,
                since: f.req("since", r.since)?,
                months: f.req("months", r.months)?,
                amount: f.req("amount", r.amount)?,
                court_confirmed: f.req("court_confirmed", r.court_confirmed)?,
                settled_on: f.opt("settled_on", r.settled_on),
            },
            RecordKind::AdminPenalty => Self::AdminPenalty {
                date: f.req("date", r.date)?,
                property_related: f.req("property_related", r.property_related)?,
            },
            RecordKind::RemovedFromCommittee => Self::RemovedFromCommittee {
                compound: f.req("compound", r.compound.clone())?,
                date: f.req("date", r.date)?,
            },
            RecordKind::EconomicTies => Self::EconomicTies {
                compound: f.req("compound", r.compound.clone())?,
                description: f.req("description", r.description.clone())?,
                from: f.req("from", r.from)?,
                to: f.opt("to", r.to),
            },
            RecordKind::MoralMisconduct => Self::MoralMisconduct {
                date: f.req("date", r.date)?,
                description: f.req("description", r.description.clone())?,
            },
        };
        f.reject_others(&[
            ("date", r.date.is_some()),
            ("sentence_completed_on", r.sentence_completed_on.is_some()),
            ("intentional", r.intentional.is_some()),
            ("from", r.from.is_some()),
            ("to", r.to.is_some()),
            ("unit", r.unit.is_some()),
            ("ordered_on", r.ordered_on.is_some()),
            ("rectified_on", r.rectified_on.is_some()),
            ("found_on", r.found_on.is_some()),
            ("compound", r.compound.is_some()),
            ("since", r.since.is_some()),
            ("months", r.months.is_some()),
            ("amount", r.amount.is_some()),
            ("court_confirmed", r.court_confirmed.is_some()),
            ("settled_on", r.settled_on.is_some()),
            ("property_related", r.property_related.is_some()),
            ("description", r.description.is_some()),
        ])?;
        Ok(rec)
    }
}

impl From<Record> for RawRecord {
    fn from(rec: Record) -> Self {
        let kind = Some(rec.kind());
        match rec {
            Record::CriminalConviction { date, sentence_completed_on, intentional } => Self {
                kind,
                date: Some(date),
                sentence_completed_on,
                intentional: Some(intentional),
                ..Self::default()
            },
            Record::UnderCriminalInvestigation { from, to } | Record::DishonestDebtor { from, to } => {
                Self { kind, from: Some(from), to, ..Self::default() }
            }
            Record::IllegalConstruction { unit, ordered_on, rectified_on } => {
                Self { kind, unit: Some(unit), ordered_on: Some(ordered_on), rectified_on, ..Self::default() }
            }
            Record::StructuralDamage { unit, found_on, rectified_on } => {
                Self { kind, unit: Some(unit), found_on: Some(found_on), rectified_on, ..Self::default() }
            }
            Record::OccupiesCommonPart { compound, found_on, rectified_on } => {
                Self { kind, compound: Some(compound), found_on: Some(found_on), rectified_on, ..Self::default() }
            }
            Record::FeeArrears { unit, since, months, amount, court_confirmed, settled_on } => Self {
                kind,
                unit: Some(unit),
                since: Some(since),
                months: Some(months),
                amount: Some(amount),
                court_confirmed: Some(court_confirmed),
                settled_on,
                ..Self::default()
            },
            Record::AdminPenalty { date, property_related } => {
                Self { kind, date: Some(date), property_related: Some(property_related), ..Self::default() }
            }
            Record::RemovedFromCommittee { compound, date } => {
                Self { kind, compound: Some(compound), date: Some(date), ..Self::default() }
            }
            Record::EconomicTies { compound, description, from, to } => Self {
                kind,
                compound: Some(compound),
                description: Some(description),
                from: Some(from),
                to,
                ..Self::default()
            },
            Record::MoralMisconduct { date, description } => {
                Self { kind, date: Some(date), description: Some(description), ..Self::default() }
            }
        }
    }
}
