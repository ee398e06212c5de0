//! Organisation queries: which buildings lack party coverage, how many households the
//! party-member liaison households (党员中心户) reach, and whether the chain
//! 街道党工委—社区党委—小区党支部 above a compound is complete.
//!
//! The ORG rules call these functions, so a query and a finding never disagree.
//!
//! Coverage (ORG007). A building is covered when a building party group (楼栋党小组) is set up
//! for it, or when liaison households reach **every** unit of it. RULES.md says "a liaison
//! household linking its units" and domain-rules.md (R154) is silent on the point; "its units"
//! is read as all the building's units, because a liaison household that reaches one flat of a
//! tower leaves the rest of it without a party contact. A unit is reached when it is the unit of a
//! liaison household or one of the units it links. A building without units and without a group
//! is not covered: nothing links it. Only units of the compound itself count; a linked id that
//! names another compound's unit, or no unit, reaches nothing here (ORG009 and CFG001 report it).
//!
//! # Example
//! ```
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! assert!(xiaoqu::queries::org::uncovered_buildings(&cfg.compounds[0]).is_empty());
//! assert!(xiaoqu::queries::org::households_covered(&cfg.compounds[0]) > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::index::Index;
use crate::model::{Building, BuildingId, Compound, OrgId, OrgKind, Organization, PartyBranch, UnitId};

/// The units of `compound` reached by its liaison households: their own units and the units they
/// link, restricted to units of the compound.
fn reached_units(compound: &Compound) -> HashSet<&str> {
    let own: HashSet<&str> = compound.units.iter().map(|u| u.id.as_str()).collect();
    liaison_units(compound).filter(|u| own.contains(u)).collect()
}

/// Every unit id a liaison household of the compound names (its own unit and the linked
/// ones), whether or not the compound has such a unit.
fn liaison_units(compound: &Compound) -> impl Iterator<Item = &str> {
    compound
        .party_branch
        .iter()
        .flat_map(|b| &b.liaison_households)
        .flat_map(|l| std::iter::once(&l.unit).chain(&l.linked_units))
        .map(UnitId::as_str)
}

/// How one building is covered by the party organisation.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let coverage = xiaoqu::queries::org::building_coverage(&cfg.compounds[0]);
/// let first = coverage.first().ok_or("no building")?;
/// assert!(first.units > 0 && (first.has_group || first.unreached.is_empty()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BuildingCoverage<'a> {
    /// The building.
    pub building: &'a BuildingId,
    /// Whether a building party group (楼栋党小组) is set up for it.
    pub has_group: bool,
    /// How many units of the compound are in the building.
    pub units: usize,
    /// The building's units that no liaison household reaches, in document order.
    pub unreached: Vec<&'a UnitId>,
}

impl BuildingCoverage<'_> {
    /// Covered: it has a group, or it has units and liaison households reach all of them.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let compound = cfg.compounds.first().ok_or("no compound")?;
    /// let coverage = xiaoqu::queries::org::building_coverage(compound);
    /// assert!(coverage.iter().all(|b| b.is_covered()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_covered(&self) -> bool {
        self.has_group || (self.units > 0 && self.unreached.is_empty())
    }
}

/// The coverage of every building of `compound`, in document order.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let compound = cfg.compounds.first_mut().ok_or("no compound")?;
/// // Without building groups, the one liaison household of 2-102 still reaches every unit.
/// compound.party_branch.as_mut().ok_or("no branch")?.building_groups.clear();
/// let coverage = xiaoqu::queries::org::building_coverage(compound);
/// assert_eq!(coverage.len(), 2);
/// assert!(coverage.iter().all(|b| !b.has_group && b.unreached.is_empty() && b.is_covered()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn building_coverage(compound: &Compound) -> Vec<BuildingCoverage<'_>> {
    coverage_where(compound, |_| true).into_iter().map(|(_, b)| b).collect()
}

/// The coverage of the buildings that are not covered, with their positions in `buildings`,
/// in document order (what ORG007 reports). A building with a party group is covered whatever
/// its units, so its units are not looked up.
pub(crate) fn uncovered_coverage(compound: &Compound) -> Vec<(usize, BuildingCoverage<'_>)> {
    let mut out = coverage_where(compound, |has_group| !has_group);
    out.retain(|(_, b)| !b.is_covered());
    out
}

/// The coverage of the buildings for which `pick(has_group)` holds, with their positions.
fn coverage_where(compound: &Compound, pick: fn(bool) -> bool) -> Vec<(usize, BuildingCoverage<'_>)> {
    let grouped: HashSet<&str> =
        compound.party_branch.iter().flat_map(|b| &b.building_groups).map(|g| g.building.as_str()).collect();
    let picked: Vec<(usize, &Building, bool)> = compound
        .buildings
        .iter()
        .enumerate()
        .map(|(i, b)| (i, b, grouped.contains(b.id.as_str())))
        .filter(|&(_, _, has_group)| pick(has_group))
        .collect();
    if picked.is_empty() {
        return Vec::new();
    }
    // Only the compound's own units are looked up in it, so the names that are not its units
    // need not be filtered out first (as `reached_units` does for the count).
    let reached: HashSet<&str> = liaison_units(compound).collect();
    // The units of each picked building id, in document order, gathered in one pass over the
    // units (not one pass per building).
    let mut by_building: HashMap<&str, Vec<&UnitId>> = HashMap::with_capacity(picked.len());
    for (_, b, _) in &picked {
        by_building.entry(b.id.as_str()).or_default();
    }
    for u in &compound.units {
        if let Some(list) = by_building.get_mut(u.building.as_str()) {
            list.push(&u.id);
        }
    }
    picked
        .into_iter()
        .map(|(i, b, has_group)| {
            let units: Vec<&UnitId> = by_building.get(b.id.as_str()).cloned().unwrap_or_default();
            let coverage = BuildingCoverage {
                building: &b.id,
                has_group,
                units: units.len(),
                unreached: units.into_iter().filter(|u| !reached.contains(u.as_str())).collect(),
            };
            (i, coverage)
        })
        .collect()
}

/// The buildings of `compound` with neither a building party group nor liaison households
/// reaching all their units (ORG007), in document order.
///
/// # Example
/// ```
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let compound = cfg.compounds.first_mut().ok_or("no compound")?;
/// assert!(xiaoqu::queries::org::uncovered_buildings(compound).is_empty());
///
/// let branch = compound.party_branch.as_mut().ok_or("no branch")?;
/// branch.building_groups.retain(|g| g.building.as_str() == "b-1");
/// branch.liaison_households.clear();
/// let uncovered: Vec<&str> =
///     xiaoqu::queries::org::uncovered_buildings(compound).into_iter().map(|b| b.as_str()).collect();
/// assert_eq!(uncovered, ["b-2"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn uncovered_buildings(compound: &Compound) -> Vec<&BuildingId> {
    building_coverage(compound).into_iter().filter(|b| !b.is_covered()).map(|b| b.building).collect()
}

/// The number of distinct units of `compound` reached by its liaison households: the units they
/// link plus their own units. Ids naming no unit of the compound are not counted.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let compound = cfg.compounds.first().ok_or("no compound")?;
/// // The liaison household of unit 2-102 links the other 11 units.
/// assert_eq!(xiaoqu::queries::org::households_covered(compound), 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn households_covered(compound: &Compound) -> usize {
    reached_units(compound).len()
}

/// A level of the party chain above a compound's households.
///
/// # Example
/// ```
/// use xiaoqu::queries::org::{ChainLevel, party_chain};
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].party_branch = None;
/// let index = xiaoqu::Index::build(&cfg);
/// assert_eq!(party_chain(&index, &cfg.compounds[0]).broken(), [ChainLevel::Branch]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChainLevel {
    /// The compound's party branch (小区党支部, or its joint or grid branch).
    Branch,
    /// The community party committee (社区党委) named by the compound's `community`.
    Community,
    /// The street party working committee (街道党工委), the community committee's `parent`.
    Street,
}

/// One organisation link of the chain, as the document gives it.
///
/// # Example
/// ```
/// use xiaoqu::queries::org::{Link, party_chain};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let chain = party_chain(&index, &cfg.compounds[0]);
/// assert!(matches!(chain.community, Link::Found(o) if o.id.as_str() == "org-community-haixia"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Link<'a> {
    /// Present and of the right kind.
    Found(&'a Organization),
    /// No id is given: the community party committee has no `parent`.
    Absent,
    /// The id names no organisation of the document (CFG001 reports it).
    Unresolved(&'a OrgId),
    /// The id names an organisation of another kind.
    WrongKind(&'a Organization),
    /// Not looked at, because the link below it is not a community party committee.
    Unchecked,
}

impl Link<'_> {
    /// Whether the link is present and of the right kind.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// assert!(xiaoqu::queries::org::party_chain(&index, &cfg.compounds[0]).street.is_found());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_found(&self) -> bool {
        matches!(self, Self::Found(_))
    }

    /// Whether the link is known to be broken (absent, dangling or of the wrong kind).
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].community = "org-nowhere".parse()?;
    /// let index = xiaoqu::Index::build(&cfg);
    /// let chain = xiaoqu::queries::org::party_chain(&index, &cfg.compounds[0]);
    /// assert!(chain.community.is_broken() && !chain.street.is_broken()); // the street is not looked at
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_broken(&self) -> bool {
        matches!(self, Self::Absent | Self::Unresolved(_) | Self::WrongKind(_))
    }
}

/// The chain 街道党工委—社区党委—小区党支部 above one compound (ORG001, ORG005).
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let chain = xiaoqu::queries::org::party_chain(&index, &cfg.compounds[0]);
/// assert!(chain.branch.is_some() && chain.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartyChain<'a> {
    /// The compound's party branch, if it has one.
    pub branch: Option<&'a PartyBranch>,
    /// The compound's `community`: must be a `community_party_committee`.
    pub community: Link<'a>,
    /// That committee's `parent`: must be a `street_party_working_committee`.
    pub street: Link<'a>,
}

impl PartyChain<'_> {
    /// Whether every level is present and of the right kind.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].party_branch = None;
    /// let index = xiaoqu::Index::build(&cfg);
    /// assert!(!xiaoqu::queries::org::party_chain(&index, &cfg.compounds[0]).is_complete());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_complete(&self) -> bool {
        self.branch.is_some() && self.community.is_found() && self.street.is_found()
    }

    /// The broken levels, from the branch up. A level above a broken one is not looked at and
    /// not listed.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::queries::org::{ChainLevel, party_chain};
    ///
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// // The community committee loses its link to the street party working committee.
    /// cfg.organizations.iter_mut().filter(|o| o.id.as_str() == "org-community-haixia").for_each(|o| o.parent = None);
    /// let index = xiaoqu::Index::build(&cfg);
    /// let chain = party_chain(&index, cfg.compounds.first().ok_or("no compound")?);
    /// assert_eq!(chain.broken(), [ChainLevel::Street]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn broken(&self) -> Vec<ChainLevel> {
        let mut out = Vec::new();
        if self.branch.is_none() {
            out.push(ChainLevel::Branch);
        }
        if self.community.is_broken() {
            out.push(ChainLevel::Community);
        }
        if self.street.is_broken() {
            out.push(ChainLevel::Street);
        }
        out
    }
}

/// Follows the chain from `compound` up: its branch, its `community` (a community party
/// committee) and that committee's `parent` (a street party working committee).
///
/// # Example
/// ```
/// use xiaoqu::queries::org::{Link, party_chain};
///
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let index = xiaoqu::Index::build(&cfg);
/// let chain = party_chain(&index, cfg.compounds.first().ok_or("no compound")?);
/// assert!(chain.is_complete());
/// let Link::Found(street) = chain.street else { return Err("street link".into()) };
/// assert_eq!(street.id.as_str(), "org-street-xiuying");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn party_chain<'a>(index: &Index<'a>, compound: &'a Compound) -> PartyChain<'a> {
    let (community, street) = match index.org(compound.community.as_str()) {
        None => (Link::Unresolved(&compound.community), Link::Unchecked),
        Some(o) if o.kind != OrgKind::CommunityPartyCommittee => (Link::WrongKind(o), Link::Unchecked),
        Some(o) => {
            let street = match &o.parent {
                None => Link::Absent,
                Some(id) => match index.org(id.as_str()) {
                    None => Link::Unresolved(id),
                    Some(p) if p.kind == OrgKind::StreetPartyWorkingCommittee => Link::Found(p),
                    Some(p) => Link::WrongKind(p),
                },
            };
            (Link::Found(o), street)
        }
    };
    PartyChain { branch: compound.party_branch.as_ref(), community, street }
}
