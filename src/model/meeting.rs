//! Branch, committee and joint meetings (支部先议, 双议事双列席, 三方联动).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{MeetingId, MeetingMatterId, PersonId};
use super::values::{date, date_opt};

/// A meeting of the branch, the committee, or the three parties together.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let m = &cfg.compounds[0].meetings[1];
/// assert_eq!((m.id.as_str(), m.date), ("mt-2025-03-c", "2025-03-25".parse()?));
/// assert_eq!((m.attendees.len(), m.observers.len()), (5, 1));
/// assert_eq!(m.minutes_published_on, Some("2025-03-27".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Unique meeting id.
    pub id: MeetingId,
    /// Which body met.
    pub body: MeetingBody,
    /// Date.
    #[serde(with = "date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub date: NaiveDate,
    /// Attendees with a vote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<PersonId>,
    /// Observers (列席), without a vote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observers: Vec<PersonId>,
    /// Matters decided.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matters: Vec<MeetingMatter>,
    /// Date the minutes or decisions were published.
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Date>"))]
    pub minutes_published_on: Option<NaiveDate>,
}

str_enum! {
/// Which body a meeting is of.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::MeetingBody;
/// let joint = cfg.compounds[0].meetings.iter().filter(|m| m.body == MeetingBody::Joint).count();
/// assert_eq!(joint, 3);
/// assert_eq!(MeetingBody::PartyBranch.as_str(), "party_branch");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum MeetingBody {
    /// The party branch.
    PartyBranch = "party_branch",
    /// The owners' committee.
    OwnersCommittee = "owners_committee",
    /// The three-party joint meeting (三方联动): branch, committee, property company.
    Joint = "joint",
    /// The interim property-management committee.
    PropertyManagementCommittee = "property_management_committee",
}
}

/// A matter decided at a meeting.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let x1 = &cfg.compounds[0].meetings[1].matters[0];
/// assert!(x1.major);
/// assert_eq!(x1.votes_for, Some(5));
/// assert_eq!(x1.prior_deliberation.as_ref().map(|m| m.as_str()), Some("mt-2025-03-b"), "支部先议");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingMatter {
    /// Id, unique inside the meeting.
    pub id: MeetingMatterId,
    /// Title.
    pub title: String,
    /// A major matter (重大事项).
    pub major: bool,
    /// Decision.
    pub decision: Decision,
    /// Votes for, when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes_for: Option<u32>,
    /// The branch meeting that deliberated it first (支部先议).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_deliberation: Option<MeetingId>,
}

str_enum! {
/// A meeting decision.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// use xiaoqu::model::Decision;
/// assert!(cfg.compounds[0].meetings.iter().flat_map(|m| &m.matters).all(|x| x.decision == Decision::Approved));
/// assert_eq!(serde_json::from_str::<Decision>(r#""deferred""#)?, Decision::Deferred);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum Decision {
    /// Approved.
    Approved = "approved",
    /// Rejected.
    Rejected = "rejected",
    /// Deferred.
    Deferred = "deferred",
}
}
