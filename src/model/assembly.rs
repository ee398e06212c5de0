//! Owners'-assembly votes (业主大会表决) under 民法典 Art 278.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{AssemblyId, BuildingId, ElectionId, MatterId, PersonId, UnitId};
use super::unique_map::UniqueMap;
use super::values::{Money, date, date_opt};

/// A reference to one matter of one assembly vote.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let rules = cfg.compounds[0].rules_of_procedure.as_ref().ok_or("no rules of procedure")?;
/// let adopted_by: &xiaoqu::model::MatterRef = rules.adopted_by.as_ref().ok_or("not adopted")?;
/// assert_eq!((adopted_by.assembly.as_str(), adopted_by.matter.as_str()), ("asm-2024-01", "m-2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MatterRef {
    /// The assembly.
    pub assembly: AssemblyId,
    /// The matter, inside that assembly.
    pub matter: MatterId,
}

/// One vote of the owners' assembly, with its matters and ballots.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let asm = &cfg.compounds[0].assemblies[1];
/// assert_eq!(asm.id.as_str(), "asm-2025-01");
/// assert_eq!((asm.opened_on, asm.closed_on), ("2025-05-01".parse()?, "2025-05-10".parse()?));
/// assert_eq!((asm.matters.len(), asm.ballots.len()), (1, 11));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assembly {
    /// Unique assembly id.
    pub id: AssemblyId,
    /// Who votes: the whole compound or one building.
    pub scope: Scope,
    /// How ballots are collected.
    pub channel: Channel,
    /// Date the notice was published.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub notice_published_on: NaiveDate,
    /// First voting day.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub opened_on: NaiveDate,
    /// Last voting day.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub closed_on: NaiveDate,
    /// Matters voted on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matters: Vec<Matter>,
    /// Ballots, one per unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ballots: Vec<Ballot>,
}

/// The scope of a vote, written `{ "kind": "compound" }` or `{ "kind": "building", "building": … }`.
///
/// # Example
/// ```
/// use xiaoqu::model::{BuildingId, Scope};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert_eq!(cfg.compounds[0].assemblies[0].scope, Scope::Compound);
/// let b2: Scope = serde_json::from_str(r#"{ "kind": "building", "building": "b-2" }"#)?;
/// assert_eq!(b2, Scope::Building(BuildingId::new("b-2")?));
/// assert!(serde_json::from_str::<Scope>(r#"{ "kind": "compound", "building": "b-2" }"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawScope", into = "RawScope")]
pub enum Scope {
    /// Every unit of the compound.
    Compound,
    /// The units of one building.
    Building(BuildingId),
}

str_enum! {
/// The kind tag of a [`Scope`].
///
/// # Example
/// ```
/// use xiaoqu::model::ScopeKind;
/// assert_eq!(ScopeKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(), ["compound", "building"]);
/// assert_eq!(serde_json::from_str::<ScopeKind>(r#""building""#)?, ScopeKind::Building);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum ScopeKind {
    /// Whole compound.
    Compound = "compound",
    /// One building.
    Building = "building",
}
}

/// A scope as written: its kind and, for a building, the building; checked by [`Scope`]'s
/// `TryFrom`.
///
/// # Example
/// ```
/// use xiaoqu::model::{RawScope, Scope};
/// let raw: RawScope = serde_json::from_str(r#"{ "kind": "building" }"#)?;
/// assert!(Scope::try_from(raw).is_err(), "a building scope names its building");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct RawScope {
    kind: ScopeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    building: Option<BuildingId>,
}

impl TryFrom<RawScope> for Scope {
    type Error = String;
    fn try_from(r: RawScope) -> Result<Self, String> {
        let mut f = super::tagged::Fields::new(r.kind.as_str());
        let scope = match r.kind {
            ScopeKind::Compound => Self::Compound,
            ScopeKind::Building => Self::Building(f.req("building", r.building.clone())?),
        };
        f.reject_others(&[("building", r.building.is_some())])?;
        Ok(scope)
    }
}

impl From<Scope> for RawScope {
    fn from(s: Scope) -> Self {
        match s {
            Scope::Compound => Self { kind: ScopeKind::Compound, building: None },
            Scope::Building(b) => Self { kind: ScopeKind::Building, building: Some(b) },
        }
    }
}

str_enum! {
/// How ballots are collected.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::Channel;
/// assert!(cfg.compounds[0].assemblies.iter().all(|a| a.channel == Channel::Online));
/// assert_eq!(Channel::Mixed.as_str(), "mixed");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum Channel {
    /// Online.
    Online = "online",
    /// On paper.
    Paper = "paper",
    /// Both.
    Mixed = "mixed",
}
}

/// A matter put to the vote.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let m1 = &cfg.compounds[0].assemblies[1].matters[0];
/// assert_eq!(m1.kind, xiaoqu::model::MatterKind::UseMaintenanceFund);
/// assert_eq!(m1.amount.map(|a| a.to_string()).as_deref(), Some("6780.00"));
/// assert_eq!(cfg.compounds[0].assemblies[0].matters[0].election.as_ref().map(|e| e.as_str()), Some("el-2024"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Matter {
    /// Id, unique inside the assembly.
    pub id: MatterId,
    /// Which Art 278 item it is.
    pub kind: MatterKind,
    /// Title.
    pub title: String,
    /// Amount, for spending matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The election it decides, for `elect_committee`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election: Option<ElectionId>,
    /// The result as declared by the organisers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_result: Option<DeclaredResult>,
}

str_enum! {
/// The matters of 民法典 Art 278 para 1 (item numbers in the docs).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::MatterKind;
/// let kinds: Vec<MatterKind> = cfg.compounds[0].assemblies[0].matters.iter().map(|m| m.kind).collect();
/// assert_eq!(kinds, [MatterKind::ElectCommittee, MatterKind::AmendRulesOfProcedure, MatterKind::BusinessUseOfCommonParts]);
/// assert_eq!(MatterKind::OtherMajor.as_str(), "other_major");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum MatterKind {
    /// (1) Make or amend the rules of procedure.
    AmendRulesOfProcedure = "amend_rules_of_procedure",
    /// (2) Make or amend the management covenant.
    AmendCovenant = "amend_covenant",
    /// (3) Elect the owners' committee or replace members.
    ElectCommittee = "elect_committee",
    /// (4) Hire a property service.
    HirePropertyService = "hire_property_service",
    /// (4) Dismiss a property service.
    DismissPropertyService = "dismiss_property_service",
    /// (5) Use the maintenance fund.
    UseMaintenanceFund = "use_maintenance_fund",
    /// (6) Raise the maintenance fund.
    RaiseMaintenanceFund = "raise_maintenance_fund",
    /// (7) Rebuild or reconstruct.
    Rebuild = "rebuild",
    /// (8) Change the use of common parts.
    ChangeCommonUse = "change_common_use",
    /// (8) Use common parts for business.
    BusinessUseOfCommonParts = "business_use_of_common_parts",
    /// (9) Other major matters.
    OtherMajor = "other_major",
}
}

impl MatterKind {
    /// Whether Art 278 requires ≥ 3/4 of participants (items 6, 7, 8) rather than more than half.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::MatterKind;
    /// assert!(MatterKind::Rebuild.is_special_majority());
    /// assert!(MatterKind::BusinessUseOfCommonParts.is_special_majority());
    /// assert!(!MatterKind::UseMaintenanceFund.is_special_majority(), "item 5: more than half");
    /// assert_eq!(MatterKind::ALL.iter().filter(|k| k.is_special_majority()).count(), 4);
    /// ```
    pub fn is_special_majority(self) -> bool {
        matches!(
            self,
            Self::RaiseMaintenanceFund | Self::Rebuild | Self::ChangeCommonUse | Self::BusinessUseOfCommonParts
        )
    }
}

str_enum! {
/// A declared result.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::DeclaredResult;
/// let m3 = &cfg.compounds[0].assemblies[0].matters[2];
/// assert_eq!(m3.declared_result, Some(DeclaredResult::Passed));
/// assert_eq!(serde_json::from_str::<DeclaredResult>(r#""failed""#)?, DeclaredResult::Failed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum DeclaredResult {
    /// Passed.
    Passed = "passed",
    /// Failed.
    Failed = "failed",
}
}

/// One unit's ballot.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::{Choice, MatterId};
/// let ballot = &cfg.compounds[0].assemblies[0].ballots[9];
/// assert_eq!((ballot.unit.as_str(), ballot.voter.as_str()), ("u-2-202", "p-09"));
/// assert_eq!(ballot.choices.get(&MatterId::new("m-1")?), Some(&Choice::Against));
/// assert!(ballot.proxy_for.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// The unit voting.
    pub unit: UnitId,
    /// Who cast it.
    pub voter: PersonId,
    /// The owner the voter holds a proxy from, if not an owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_for: Option<PersonId>,
    /// Date cast.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub cast_on: NaiveDate,
    /// Choice per matter id; a matter named twice is a load error.
    #[serde(default)]
    pub choices: UniqueMap<MatterId, Choice>,
}

str_enum! {
/// A choice on one matter.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::{Choice, MatterId};
/// let m1 = MatterId::new("m-1")?;
/// let abstained = cfg.compounds[0].assemblies[1].ballots.iter().filter(|b| b.choices.get(&m1) == Some(&Choice::Abstain));
/// assert_eq!(abstained.map(|b| b.unit.as_str()).collect::<Vec<_>>(), ["u-2-201"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum Choice {
    /// For (同意).
    For = "for",
    /// Against (反对).
    Against = "against",
    /// Abstain (弃权): participates, does not approve.
    Abstain = "abstain",
}
}

/// A committee election (业委会选举/换届).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let el = &cfg.compounds[0].elections[0];
/// assert_eq!((el.id.as_str(), el.seats, el.assembly.as_str()), ("el-2024", 5, "asm-2024-01"));
/// assert_eq!(el.candidates.len(), el.seats as usize);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Election {
    /// Unique election id.
    pub id: ElectionId,
    /// First, re-election or by-election.
    pub kind: ElectionKind,
    /// Seats to fill.
    pub seats: u32,
    /// The assembly vote that holds it.
    pub assembly: AssemblyId,
    /// Date the candidate list was published.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub candidate_list_published_on: Option<NaiveDate>,
    /// The preparatory group (筹备组).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparatory_group: Option<PreparatoryGroup>,
    /// Candidates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

str_enum! {
/// Kind of election.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::ElectionKind;
/// assert_eq!(cfg.compounds[0].elections[0].kind, ElectionKind::First);
/// assert_eq!(serde_json::from_str::<ElectionKind>(r#""by_election""#)?, ElectionKind::ByElection);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum ElectionKind {
    /// First election.
    First = "first",
    /// Re-election at the end of a term (换届).
    ReElection = "re_election",
    /// By-election (补选).
    ByElection = "by_election",
}
}

/// The preparatory group (筹备组) of an election.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let group = cfg.compounds[0].elections[0].preparatory_group.as_ref().ok_or("no group")?;
/// assert_eq!((group.leader.as_str(), group.members.len()), ("p-13", 7));
/// assert_eq!(group.formed_on, "2024-04-10".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PreparatoryGroup {
    /// Date formed.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub formed_on: NaiveDate,
    /// Leader.
    pub leader: PersonId,
    /// Members and whom they represent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PrepMember>,
}

/// A member of the preparatory group.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::Represents;
/// let group = cfg.compounds[0].elections[0].preparatory_group.as_ref().ok_or("no group")?;
/// let dev = group.members.iter().find(|m| m.represents == Represents::Developer).ok_or("no developer")?;
/// assert_eq!(dev.person.as_str(), "p-15");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrepMember {
    /// The person.
    pub person: PersonId,
    /// Whom they represent.
    pub represents: Represents,
}

str_enum! {
/// Whom a preparatory-group member represents.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::Represents;
/// let group = cfg.compounds[0].elections[0].preparatory_group.as_ref().ok_or("no group")?;
/// assert_eq!(group.members.iter().filter(|m| m.represents == Represents::Owners).count(), 4);
/// assert_eq!(Represents::PropertyRightUnit.as_str(), "property_right_unit");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum Represents {
    /// Owners.
    Owners = "owners",
    /// The developer.
    Developer = "developer",
    /// The street office.
    StreetOffice = "street_office",
    /// The residents' committee.
    ResidentsCommittee = "residents_committee",
    /// The community party organisation.
    CommunityPartyOrg = "community_party_org",
    /// A property-right unit.
    PropertyRightUnit = "property_right_unit",
    /// The police station.
    Police = "police",
}
}

/// A candidate for the committee.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let candidates = &cfg.compounds[0].elections[0].candidates;
/// assert_eq!(candidates[3].person.as_str(), "p-04");
/// assert!(candidates.iter().all(|c| c.commitment_signed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The person.
    pub person: PersonId,
    /// Who nominated them.
    pub nominated_by: Nominator,
    /// Signed the written commitment (承诺书).
    pub commitment_signed: bool,
}

str_enum! {
/// Who nominated a candidate.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::Nominator;
/// let by: Vec<Nominator> = cfg.compounds[0].elections[0].candidates.iter().map(|c| c.nominated_by).collect();
/// assert_eq!(by[..3], [Nominator::CommunityPartyOrg, Nominator::CommunityPartyOrg, Nominator::ResidentsCommittee]);
/// assert_eq!(by[3].as_str(), "self");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum Nominator {
    /// The community party organisation.
    CommunityPartyOrg = "community_party_org",
    /// The residents' committee.
    ResidentsCommittee = "residents_committee",
    /// The street office.
    StreetOffice = "street_office",
    /// Self-nominated.
    SelfNominated = "self",
    /// Jointly by owners.
    JointOwners = "joint_owners",
}
}
