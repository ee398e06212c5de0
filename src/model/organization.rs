//! Organisations above and beside compounds.

use serde::{Deserialize, Serialize};

use super::ids::{OrgId, PersonId};

/// An organisation: party organisation, government office, company or property-right unit.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let community = &cfg.organizations[2];
/// assert_eq!(community.id.as_str(), "org-community-haixia");
/// assert_eq!(community.parent.as_ref().map(|p| p.as_str()), Some("org-street-xiuying"));
/// assert_eq!(community.secretary.as_ref().map(|p| p.as_str()), Some("p-11"));
/// assert_eq!(community.part_time_members.len(), 1);
/// assert_eq!(cfg.organizations[4].party_organization, Some(true), "红色物业");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Unique organisation id.
    pub id: OrgId,
    /// What kind of organisation it is.
    pub kind: OrgKind,
    /// Name.
    pub name: String,
    /// The organisation above it (a community party committee's street party working committee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<OrgId>,
    /// Secretary (书记) of a party organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<PersonId>,
    /// Members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PersonId>,
    /// Part-time members (兼职委员) of a party committee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part_time_members: Vec<PersonId>,
    /// For companies: has a party organisation of its own (红色物业).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_organization: Option<bool>,
}

str_enum! {
/// Kind of organisation.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::OrgKind;
/// let kinds: Vec<OrgKind> = cfg.organizations.iter().map(|o| o.kind).collect();
/// assert_eq!(kinds[0], OrgKind::StreetPartyWorkingCommittee);
/// assert_eq!(kinds.last(), Some(&OrgKind::Developer));
/// assert_eq!(OrgKind::PropertyRightUnit.as_str(), "property_right_unit");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum OrgKind {
    /// Street party working committee (街道党工委).
    StreetPartyWorkingCommittee = "street_party_working_committee",
    /// Community party committee (社区党委).
    CommunityPartyCommittee = "community_party_committee",
    /// Street office (街道办事处).
    StreetOffice = "street_office",
    /// Residents' committee (居委会).
    ResidentsCommittee = "residents_committee",
    /// Property service company (物业服务企业).
    PropertyServiceCompany = "property_service_company",
    /// Developer (建设单位).
    Developer = "developer",
    /// Property-right unit (产权单位).
    PropertyRightUnit = "property_right_unit",
    /// Any other organisation.
    Other = "other",
}
}
