//! Compounds, their buildings and units, party branch, owners' committee and property service.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::JointAccount;
use super::assembly::Election;
use super::assembly::{Assembly, MatterRef};
use super::fund::MaintenanceFund;
use super::ids::{BranchId, BuildingId, CompoundId, OrgId, PersonId, UnitId};
use super::meeting::Meeting;
use super::values::{Area, Money, date, date_opt};

/// A residential compound (小区): one property-management area with one owners' assembly.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c: &xiaoqu::model::Compound = &cfg.compounds[0];
/// assert_eq!((c.id.as_str(), c.name.as_str(), c.community.as_str()), ("c-guokeyuan", "国科园小区", "org-community-haixia"));
/// assert_eq!((c.buildings.len(), c.units.len(), c.assemblies.len()), (2, 12, 2));
/// assert!(!c.old_compound && c.owners_committee.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Compound {
    /// Unique compound id.
    pub id: CompoundId,
    /// Name.
    pub name: String,
    /// How the compound is managed.
    pub category: CompoundCategory,
    /// An old compound (老旧小区).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub old_compound: bool,
    /// The community party committee (社区党委) it belongs to.
    pub community: OrgId,
    /// The residents' committee (居委会).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residents_committee: Option<OrgId>,
    /// Buildings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buildings: Vec<Building>,
    /// Exclusive parts (专有部分).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// The party branch (小区党支部), joint branch or grid branch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_branch: Option<PartyBranch>,
    /// The owners' committee (业主委员会) or the body acting for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners_committee: Option<OwnersCommittee>,
    /// The property service (物业服务).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property_service: Option<PropertyService>,
    /// The assembly's rules of procedure (业主大会议事规则).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_of_procedure: Option<RulesOfProcedure>,
    /// The tri-party co-managed account for public revenue (三方共管账户).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_account: Option<JointAccount>,
    /// The special maintenance fund (专项维修资金).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance_fund: Option<MaintenanceFund>,
    /// Owners'-assembly votes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assemblies: Vec<Assembly>,
    /// Committee elections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elections: Vec<Election>,
    /// Branch, committee and joint meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
}

str_enum! {
/// How a compound is managed.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::CompoundCategory;
/// assert_eq!(cfg.compounds[0].category, CompoundCategory::Managed);
/// assert_eq!(serde_json::from_str::<CompoundCategory>(r#""unit_mixed""#)?, CompoundCategory::UnitMixed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum CompoundCategory {
    /// Managed by a property service company (物业小区).
    Managed = "managed",
    /// Self-managed or unmanaged (三无/自管小区).
    SelfManaged = "self_managed",
    /// Mixed work-unit and commercial ownership (单位产权混合小区).
    UnitMixed = "unit_mixed",
}
}

/// A building (楼栋).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let b2 = &cfg.compounds[0].buildings[1];
/// assert_eq!((b2.id.as_str(), b2.name.as_str()), ("b-2", "2栋"));
/// assert_eq!(cfg.compounds[0].units.iter().filter(|u| u.building == b2.id).count(), 6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Building {
    /// Unique building id.
    pub id: BuildingId,
    /// Name.
    pub name: String,
}

/// An exclusive part (专有部分) with its registered area (SPC Art 8).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let unit = &cfg.compounds[0].units[0];
/// assert_eq!(unit.area.to_string(), "89.50");
/// assert_eq!((unit.building.as_str(), unit.owners.len()), ("b-1", 1));
/// let held = &cfg.compounds[0].units[11];
/// assert!(held.owners.is_empty() && held.developer_held.as_ref().is_some_and(|o| o.as_str() == "org-dev-guoke"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Unique unit id.
    pub id: UnitId,
    /// The building it is in.
    pub building: BuildingId,
    /// Registered area in m².
    pub area: Area,
    /// Owners (业主).
    #[serde(default)]
    pub owners: Vec<PersonId>,
    /// The developer holding it, unsold or undelivered; then it has no owners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub developer_held: Option<OrgId>,
}

/// A party branch (党支部) of the compound.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let branch = cfg.compounds[0].party_branch.as_ref().ok_or("no branch")?;
/// assert_eq!((branch.id.as_str(), branch.secretary.as_str()), ("br-guokeyuan", "p-01"));
/// assert_eq!((branch.committee.len(), branch.members.len()), (3, 5));
/// assert!(branch.committee.iter().all(|p| branch.members.contains(p)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartyBranch {
    /// Unique branch id.
    pub id: BranchId,
    /// Whether it is the compound's own, a joint or a grid branch.
    pub kind: BranchKind,
    /// Name.
    pub name: String,
    /// Secretary (书记).
    pub secretary: PersonId,
    /// Branch committee (支委会).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committee: Vec<PersonId>,
    /// Members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PersonId>,
    /// Building party groups (楼栋党小组).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub building_groups: Vec<BuildingGroup>,
    /// Party-member liaison households (党员中心户).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub liaison_households: Vec<LiaisonHousehold>,
    /// For a joint branch (联合党支部): the property-right units it joins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint_units: Vec<OrgId>,
}

str_enum! {
/// Kind of branch.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::BranchKind;
/// assert_eq!(cfg.compounds[0].party_branch.as_ref().map(|b| b.kind), Some(BranchKind::Compound));
/// assert_eq!(BranchKind::Grid.as_str(), "grid");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum BranchKind {
    /// The compound's own branch (小区党支部).
    Compound = "compound",
    /// A joint branch (联合党支部).
    Joint = "joint",
    /// A grid branch (网格党支部).
    Grid = "grid",
}
}

/// A building party group (楼栋党小组).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let branch = cfg.compounds[0].party_branch.as_ref().ok_or("no branch")?;
/// let group = &branch.building_groups[1];
/// assert_eq!((group.building.as_str(), group.leader.as_str()), ("b-2", "p-03"));
/// assert!(group.members.contains(&group.leader));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BuildingGroup {
    /// The building.
    pub building: BuildingId,
    /// Group leader.
    pub leader: PersonId,
    /// Members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PersonId>,
}

/// A party-member liaison household (党员中心户) and the households it links.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let branch = cfg.compounds[0].party_branch.as_ref().ok_or("no branch")?;
/// let lh = &branch.liaison_households[0];
/// assert_eq!((lh.member.as_str(), lh.unit.as_str()), ("p-06", "u-2-102"));
/// assert_eq!(lh.linked_units.len(), 11);
/// assert!(!lh.hardship);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LiaisonHousehold {
    /// The party member.
    pub member: PersonId,
    /// The member's unit.
    pub unit: UnitId,
    /// Units linked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_units: Vec<UnitId>,
    /// Links households in hardship (smaller span allowed).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hardship: bool,
}

/// The owners' committee (业主委员会) or the body acting for it.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let oc = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// assert_eq!((oc.elected_on, oc.term_end), ("2024-06-15".parse()?, "2029-06-14".parse()?));
/// assert_eq!(oc.filed_on, Some("2024-07-10".parse()?));
/// assert_eq!(oc.members.len(), 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OwnersCommittee {
    /// Which body.
    pub kind: CommitteeKind,
    /// Election date.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub elected_on: NaiveDate,
    /// Last day of the term.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub term_end: NaiveDate,
    /// Date of the first meeting.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub first_meeting_on: Option<NaiveDate>,
    /// Date of filing (备案).
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub filed_on: Option<NaiveDate>,
    /// Members with their roles, alternates included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<CommitteeMember>,
    /// Executive secretary (执行秘书).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executive_secretary: Option<PersonId>,
}

str_enum! {
/// Which body acts as the owners' committee.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::CommitteeKind;
/// assert_eq!(cfg.compounds[0].owners_committee.as_ref().map(|oc| oc.kind), Some(CommitteeKind::OwnersCommittee));
/// assert_eq!(CommitteeKind::SelfManagementCouncil.as_str(), "self_management_council");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum CommitteeKind {
    /// Owners' committee (业主委员会).
    OwnersCommittee = "owners_committee",
    /// Self-management council (自管会).
    SelfManagementCouncil = "self_management_council",
    /// Interim property-management committee (物业管理委员会).
    PropertyManagementCommittee = "property_management_committee",
}
}

/// A member of the owners' committee.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let oc = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// let chair = &oc.members[0];
/// assert_eq!((chair.person.as_str(), chair.role), ("p-01", xiaoqu::model::CommitteeRole::Chair));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitteeMember {
    /// The person.
    pub person: PersonId,
    /// The role.
    pub role: CommitteeRole,
}

str_enum! {
/// Role on the owners' committee.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::CommitteeRole;
/// let oc = cfg.compounds[0].owners_committee.as_ref().ok_or("no committee")?;
/// let roles: Vec<&str> = oc.members.iter().map(|m| m.role.as_str()).collect();
/// assert_eq!(roles, ["chair", "vice_chair", "member", "member", "member"]);
/// assert!(!oc.members.iter().any(|m| m.role == CommitteeRole::Alternate));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum CommitteeRole {
    /// Chair (主任).
    Chair = "chair",
    /// Vice chair (副主任).
    ViceChair = "vice_chair",
    /// Member (委员).
    Member = "member",
    /// Alternate (候补委员).
    Alternate = "alternate",
    /// Executive member (执行成员).
    ExecutiveMember = "executive_member",
}
}

/// The property service of a compound.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let ps = cfg.compounds[0].property_service.as_ref().ok_or("no property service")?;
/// assert_eq!(ps.company.as_str(), "org-pm-hongxing");
/// assert_eq!(ps.project_manager.as_ref().map(|p| p.as_str()), Some("p-12"));
/// assert_eq!(ps.service_quality_supervisors.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PropertyService {
    /// The property service company.
    pub company: OrgId,
    /// The service contract.
    pub contract: Contract,
    /// Fee system.
    pub fee_system: FeeSystem,
    /// The company's project manager for the compound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_manager: Option<PersonId>,
    /// Service quality supervisors (服务质量监督员).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_quality_supervisors: Vec<PersonId>,
}

/// A contract period.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let contract = &cfg.compounds[0].property_service.as_ref().ok_or("no property service")?.contract;
/// assert_eq!(contract.from, "2024-08-01".parse()?);
/// assert_eq!(contract.to, Some("2027-07-31".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// First day.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub from: NaiveDate,
    /// Last day, if fixed.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub to: Option<NaiveDate>,
}

str_enum! {
/// Property fee system.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::FeeSystem;
/// assert_eq!(cfg.compounds[0].property_service.as_ref().map(|p| p.fee_system), Some(FeeSystem::LumpSum));
/// assert_eq!(serde_json::from_str::<FeeSystem>(r#""commission""#)?, FeeSystem::Commission);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum FeeSystem {
    /// Lump sum (包干制).
    LumpSum = "lump_sum",
    /// Commission (酬金制).
    Commission = "commission",
}
}

/// The owners' assembly rules of procedure (业主大会议事规则).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let rules = cfg.compounds[0].rules_of_procedure.as_ref().ok_or("no rules")?;
/// assert_eq!(rules.committee_spending_limit.map(|m| m.to_string()).as_deref(), Some("5000.00"));
/// assert!(rules.adopted_by.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RulesOfProcedure {
    /// The amount up to which the committee may spend without an assembly resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_spending_limit: Option<Money>,
    /// The assembly matter that adopted the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_by: Option<MatterRef>,
}
