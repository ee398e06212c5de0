//! Dual entry and cross-appointment (双向进入、交叉任职): who sits on both the party branch and the
//! owners' committee, the committee's party share, whether the branch secretary chairs the
//! committee (一肩挑), and who is tied to the property company.
//!
//! The DE rules call these functions, so a query and a finding never disagree.
//!
//! Who counts as a member of the owners' committee here: the chair, vice chairs, members and
//! executive members. Alternates (候补委员) do not: they attend without a vote and take a seat
//! only when one falls vacant (domain-rules.md §5.2, R079: BJ Art 39, 41; HZ Art 28), so the
//! committee's composition — its party share, who is cross-appointed — is that of its seated
//! members. [`property_company_ties`] takes any person, so a caller decides whom to ask about.
//!
//! # Example
//! ```
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let crossed = xiaoqu::queries::dual_entry::cross_appointed(&cfg.compounds[0]);
//! assert!(!crossed.is_empty());
//! assert!(xiaoqu::queries::dual_entry::one_shoulder(&cfg.compounds[0]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;

use crate::index::Index;
use crate::model::{
    CommitteeMember, CommitteeRole, Compound, Employment, OrgId, OwnersCommittee, PersonId, Ratio, Relation,
};

/// Whether a committee member holds a seat (every role but alternate).
pub(crate) fn is_seated(m: &CommitteeMember) -> bool {
    m.role != CommitteeRole::Alternate
}

/// The distinct seated members of a committee, in the order listed.
fn seated(oc: &OwnersCommittee) -> Vec<&PersonId> {
    let mut out: Vec<&PersonId> = Vec::with_capacity(oc.members.len());
    for m in oc.members.iter().filter(|m| is_seated(m)) {
        if !out.contains(&&m.person) {
            out.push(&m.person);
        }
    }
    out
}

/// The people on both the branch committee (支委会, the secretary included) and the owners'
/// committee (业主委员会, seated members), in the order the owners' committee lists them; empty
/// when the compound has no branch or no committee.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let both = xiaoqu::queries::dual_entry::cross_appointed(&cfg.compounds[0]);
/// let ids: Vec<&str> = both.iter().map(|p| p.as_str()).collect();
/// assert_eq!(ids, ["p-01", "p-02", "p-03"]);
/// # Ok::<(), xiaoqu::LoadError>(())
/// ```
pub fn cross_appointed(compound: &Compound) -> Vec<&PersonId> {
    let (Some(branch), Some(oc)) = (&compound.party_branch, &compound.owners_committee) else { return Vec::new() };
    seated(oc).into_iter().filter(|p| **p == branch.secretary || branch.committee.contains(p)).collect()
}

/// How many of the owners' committee's seated members are party members.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let share = xiaoqu::queries::dual_entry::committee_party_share(&index, &cfg.compounds[0]).ok_or("no committee")?;
/// assert_eq!((share.party_members, share.members), (3, 5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartyShare {
    /// Seated members who are party members (党员).
    pub party_members: u64,
    /// Seated members counted (alternates excluded, each person once).
    pub members: u64,
}

impl PartyShare {
    /// Whether the party members make up at least `share` of the members (半数以上 for 1/2:
    /// the bound itself passes). Exact integer arithmetic; false when no member is counted.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::Ratio;
    /// use xiaoqu::queries::dual_entry::PartyShare;
    /// assert!(PartyShare { party_members: 3, members: 6 }.reaches(Ratio::HALF));
    /// assert!(!PartyShare { party_members: 2, members: 5 }.reaches(Ratio::HALF));
    /// ```
    pub fn reaches(self, share: Ratio) -> bool {
        share.reached_by(self.party_members, self.members)
    }
}

/// The party share of the compound's owners' committee: party members among its seated
/// members. `None` when the compound has no committee or it has no seated member. A member
/// whose person record is missing (CFG001 reports it) counts as a member, not as a party
/// member.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let share = xiaoqu::queries::dual_entry::committee_party_share(&index, &cfg.compounds[0]);
/// let share = share.ok_or("the example has a committee")?;
/// assert_eq!((share.party_members, share.members), (3, 5));
/// assert!(share.reaches(xiaoqu::model::Ratio::HALF));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn committee_party_share(index: &Index<'_>, compound: &Compound) -> Option<PartyShare> {
    let members = seated(compound.owners_committee.as_ref()?);
    if members.is_empty() {
        return None;
    }
    let party = members.iter().filter(|p| is_party_member(index, p)).count();
    Some(PartyShare { party_members: u64::try_from(party).ok()?, members: u64::try_from(members.len()).ok()? })
}

/// Whether a person is recorded as a party member.
pub(crate) fn is_party_member(index: &Index<'_>, person: &PersonId) -> bool {
    index.person(person.as_str()).is_some_and(|p| p.party.is_some())
}

/// Whether the branch secretary chairs the owners' committee (一肩挑); false when the compound
/// has no branch or no committee.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert!(xiaoqu::queries::dual_entry::one_shoulder(&cfg.compounds[0]));
/// if let Some(branch) = cfg.compounds[0].party_branch.as_mut() {
///     branch.secretary = "p-02".parse()?;
/// }
/// assert!(!xiaoqu::queries::dual_entry::one_shoulder(&cfg.compounds[0]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn one_shoulder(compound: &Compound) -> bool {
    let (Some(branch), Some(oc)) = (&compound.party_branch, &compound.owners_committee) else { return false };
    oc.members.iter().any(|m| m.role == CommitteeRole::Chair && m.person == branch.secretary)
}

/// How the employed person is related to the person asked about.
///
/// # Example
/// ```
/// use xiaoqu::model::Relation;
/// use xiaoqu::queries::dual_entry::TieRelation;
/// assert_eq!((TieRelation::Oneself.as_str(), TieRelation::Oneself.zh()), ("self", "本人"));
/// assert_eq!(TieRelation::Relative(Relation::Spouse).to_string(), "spouse");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TieRelation {
    /// The person themself (本人).
    Oneself,
    /// A spouse or lineal relative, seen from the person asked about (their `child` works there).
    Relative(Relation),
}

impl TieRelation {
    /// `"self"`, or the relation as written in documents (`"spouse"`, `"child"`…).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::queries::dual_entry::TieRelation;
    /// assert_eq!(TieRelation::Relative(xiaoqu::model::Relation::Child).as_str(), "child");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Oneself => "self",
            Self::Relative(r) => r.as_str(),
        }
    }

    /// The Chinese word (本人, 配偶, 子女…).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::queries::dual_entry::TieRelation;
    /// assert_eq!(TieRelation::Relative(xiaoqu::model::Relation::Spouse).zh(), "配偶");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn zh(self) -> &'static str {
        match self {
            Self::Oneself => "本人",
            Self::Relative(Relation::Spouse) => "配偶",
            Self::Relative(Relation::Parent) => "父母",
            Self::Relative(Relation::Child) => "子女",
            Self::Relative(Relation::Grandparent) => "祖父母或外祖父母",
            Self::Relative(Relation::Grandchild) => "孙子女或外孙子女",
            Self::Relative(Relation::Sibling) => "兄弟姐妹",
            Self::Relative(_) => "近亲属",
        }
    }
}

impl std::fmt::Display for TieRelation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One tie between a person and a company: who is employed there, how they are related to the
/// person asked about, and the employment.
///
/// # Example
/// ```
/// use xiaoqu::queries::dual_entry::{TieRelation, property_company_ties};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let (p12, company) = ("p-12".parse()?, "org-pm-hongxing".parse()?);
/// let ties = property_company_ties(&index, &p12, &company, cfg.as_of);
/// let tie = ties.first().ok_or("p-12 works there")?;
/// assert_eq!((tie.person.as_str(), tie.relation, tie.employment.role.as_str()), ("p-12", TieRelation::Oneself, "project_manager"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tie<'a> {
    /// The employed person.
    pub person: &'a PersonId,
    /// The employed person's relation to the person asked about.
    pub relation: TieRelation,
    /// The employment that covers the date.
    pub employment: &'a Employment,
}

/// Whether an employment with `company` covers `on` (`from` and `to` are both days of work;
/// no `to` means it is ongoing).
fn covers(e: &Employment, company: &OrgId, on: NaiveDate) -> bool {
    e.org == *company && e.from <= on && e.to.is_none_or(|to| on <= to)
}

/// The ties of `person` to `company` on the day `on`: the person themself, then each spouse or
/// lineal relative (配偶、直系亲属: parents, children, grandparents, grandchildren; siblings are
/// not lineal), employed there on that day. Relations count whichever side recorded them
/// ([`Index::relatives_of`]). Each employed person appears once, with their first employment
/// that covers the day.
///
/// This is the test of the negative-list item N3 (本人、配偶及其直系亲属在物业服务企业任职:
/// BJ Art 39, SH Art 20) for committee members (DE007) and for candidates on their election
/// day. Only employment is evidence here: an investment or other "direct interest" (BJ Art 39,
/// HUZ Art 18) is not in the document model.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// // p-12 is the project manager of org-pm-hongxing; make p-04 his parent.
/// cfg.people[11].relatives.push(xiaoqu::model::Relative {
///     person: "p-04".parse()?,
///     relation: xiaoqu::model::Relation::Parent,
/// });
/// let index = xiaoqu::Index::build(&cfg);
/// let (p04, company) = ("p-04".parse()?, "org-pm-hongxing".parse()?);
/// let ties = xiaoqu::queries::dual_entry::property_company_ties(&index, &p04, &company, cfg.as_of);
/// let found: Vec<(&str, &str)> = ties.iter().map(|t| (t.person.as_str(), t.relation.as_str())).collect();
/// assert_eq!(found, [("p-12", "child")]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn property_company_ties<'a>(index: &Index<'a>, person: &PersonId, company: &OrgId, on: NaiveDate) -> Vec<Tie<'a>> {
    let mut out: Vec<Tie<'a>> = Vec::new();
    if let Some(p) = index.person(person.as_str())
        && let Some(e) = p.employment.iter().find(|e| covers(e, company, on))
    {
        out.push(Tie { person: &p.id, relation: TieRelation::Oneself, employment: e });
    }
    for (rel_id, relation) in index.relatives_of(person.as_str()) {
        if !relation.is_spouse_or_lineal() || rel_id == person || out.iter().any(|t| t.person == rel_id) {
            continue;
        }
        let Some(rel) = index.person(rel_id.as_str()) else { continue };
        if let Some(e) = rel.employment.iter().find(|e| covers(e, company, on)) {
            out.push(Tie { person: rel_id, relation: TieRelation::Relative(relation), employment: e });
        }
    }
    out
}
