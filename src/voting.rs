//! The owners'-assembly tally engine (业主共同决定, 民法典 Art 278).
//!
//! Given a compound and one of its assembly votes, the engine counts, for every matter, the
//! total and participating area and heads, the for / against / abstain counts on each axis,
//! whether the participation quorum and the approval threshold are met, and exactly how much is
//! still missing on each axis. The AV rules, the maintenance-fund and joint-account rules and
//! the `xiaoqu tally` command all read this one engine, so they cannot disagree.
//!
//! # The law it applies (★ not configurable)
//! - **Scope** (domain-rules.md R065): totals are taken over the vote's scope, the whole
//!   compound or the units of one building.
//! - **Area** (SPC Art 8, R026): the registered area of each exclusive part, summed exactly.
//! - **Heads** (SPC Art 9, R027): one exclusive part is one head, except that all units the
//!   developer holds count as one head (one per developer organisation), and all units of one
//!   owner count as one head. A co-owned unit is one exclusive part, hence one head, not one
//!   head per co-owner. A person who co-owns a unit and also owns another one "holds more than
//!   one exclusive part" (拥有一个以上专有部分), so those units are one head; the relation
//!   "shares an owner" is closed transitively (A owns 101 alone and 102 with B, B owns 103
//!   alone: 101, 102 and 103 are one head), because otherwise the count would depend on which
//!   co-owner a unit is attributed to. Heads are formed among the units in scope only. SPC Art
//!   9 says nothing of co-ownership; this reading is the crate's, chosen so that nobody's voice
//!   is counted in two heads.
//! - **Quorum** (R009): participating area ≥ 2/3 of the total area AND participating heads
//!   ≥ 2/3 of the total heads (三分之二以上 includes the bound, Art 1259).
//! - **Approval** (R010, R011): items (6) raise the fund, (7) rebuild, (8) change of common use
//!   or business use need ≥ 3/4 of the participating area AND heads; every other item needs
//!   more than half (过半数, strict) of each. [`MatterKind::is_special_majority`] decides.
//! - **Abstention** ([`Abstention`]): with `not_counted` (national reading, the default) an
//!   abstention is participation, not approval. With `follow_majority`, on each axis the
//!   abstentions are counted with whichever of for and against is larger (with neither when
//!   they tie). That is a choice of a covenant or local rule (R063: LC Art 16 leaves it to the
//!   covenant), never the national default; it applies to abstentions only — owners who did
//!   not vote are never counted as participating, or the 2/3 quorum of Art 278 would be void.
//!
//! # Which ballots count
//! A ballot counts when its unit exists and is in scope, it was cast between `opened_on` and
//! `closed_on` (both included), its voter is entitled (an owner of the unit, or a voter whose
//! `proxy_for` names an owner of the unit, or, for a developer-held unit, a member of the
//! developer organisation), and it is the first such ballot for its unit in document order. A
//! ballot that fails any of these does not count at all; the AV rules report it (AV003, AV004,
//! AV005, AV007), and [`AssemblyTally::ballots`] says why it was left out. A choice naming a
//! matter that is not on the agenda is ignored (AV009).
//!
//! Participation is per matter: a counted ballot that names no choice for a matter does not
//! participate in that matter (Art 278 counts participation in a decision; the crate does not
//! invent an abstention the voter did not write; the sources are silent on blank items).
//!
//! A head whose units were voted differently on a matter (AV006: one head cannot split)
//! participates on the head axis but counts as an abstention there; on the area axis each
//! unit's area follows its own ballot, since area belongs to the exclusive part (SPC Art 8).
//!
//! # Exactness and overflow
//! Areas are compared as exact integer hundredths of a square metre, heads as integers, by
//! cross-multiplication (`3 · participating ≥ 2 · total`), never by division or float. If a sum
//! of areas leaves the range of a 96-bit decimal (about 7.9 × 10²⁸ m²), the tally cannot be
//! decided: [`AssemblyTally::overflowed`] is `true`, every count is zero and no matter meets
//! quorum, is approved or passes. Nothing panics.
//!
//! # Example
//! ```
//! let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
//! let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
//! // 12 units, 11 heads (p-08 owns two units); the developer-held u-2-302 does not vote.
//! assert_eq!((t.total().area.to_string(), t.total().heads.0), ("1295.60".into(), 11));
//! // m-3, business use of common parts: at least 3/4 of those taking part.
//! let m3 = t.matter("m-3").ok_or("no m-3")?;
//! assert_eq!((m3.area().participating.to_string(), m3.heads().participating.0), ("1165.00".into(), 10));
//! assert!(m3.quorum_met());
//! assert_eq!((m3.approval().needed().area.to_string(), m3.approval().needed().heads.0), ("873.75".into(), 8));
//! assert_eq!((m3.approving().area.to_string(), m3.approving().heads.0), ("924.00".into(), 8));
//! assert!(m3.passed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod count;
mod exact;
mod render;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

pub use crate::policy::Abstention;

pub(crate) use count::{
    Agenda, Lean, entitled as voter_entitled, in_scope as unit_in_scope, lean as tally_lean, unit_positions,
};

use crate::config::GovernanceConfig;
use crate::model::{
    Area, Assembly, AssemblyId, Compound, Headcount, MatterId, MatterKind, MatterRef, Money, OrgId, Organization,
    PersonId, Scope, UnitId,
};

/// Why [`tally`] could not find what it was asked to count.
///
/// # Example
/// ```
/// use xiaoqu::voting::{TallyError, tally};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// assert_eq!(tally(&cfg, "c-nowhere", "asm-2024-01").err(), Some(TallyError::UnknownCompound("c-nowhere".into())));
/// let err = tally(&cfg, "c-guokeyuan", "asm-1999").err().ok_or("asm-1999 found")?;
/// assert_eq!(err.to_string(), "unknown assembly `asm-1999` in compound `c-guokeyuan`");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TallyError {
    /// No compound of that id in the document.
    #[error("unknown compound `{0}`")]
    UnknownCompound(String),
    /// No assembly of that id in the compound.
    #[error("unknown assembly `{assembly}` in compound `{compound}`")]
    UnknownAssembly {
        /// The compound searched.
        compound: String,
        /// The assembly asked for.
        assembly: String,
    },
}

/// The threshold class of a matter under 民法典 Art 278 para 2.
///
/// # Example
/// ```
/// use xiaoqu::{model::MatterKind, voting::Majority};
/// assert_eq!(Majority::of(MatterKind::Rebuild), Majority::Special);
/// assert_eq!(Majority::of(MatterKind::ElectCommittee).bound(), "> 1/2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Majority {
    /// More than half (过半数, strict) of participating area and heads: items (1)–(5), (9).
    Ordinary,
    /// At least three quarters (四分之三以上) of participating area and heads: items (6)–(8).
    Special,
}

impl Majority {
    /// The class of a matter kind.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{model::MatterKind, voting::Majority};
    /// assert_eq!(Majority::of(MatterKind::BusinessUseOfCommonParts), Majority::Special);
    /// assert_eq!(Majority::of(MatterKind::UseMaintenanceFund), Majority::Ordinary, "item (5): more than half");
    /// ```
    pub fn of(kind: MatterKind) -> Self {
        if kind.is_special_majority() { Self::Special } else { Self::Ordinary }
    }

    /// The bound as written: `> 1/2` or `≥ 3/4`.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::voting::Majority;
    /// assert_eq!((Majority::Ordinary.bound(), Majority::Special.bound()), ("> 1/2", "≥ 3/4"));
    /// ```
    pub const fn bound(self) -> &'static str {
        match self {
            Self::Ordinary => "> 1/2",
            Self::Special => "≥ 3/4",
        }
    }

    fn exact(self) -> exact::Bound {
        match self {
            Self::Ordinary => exact::Bound::MORE_THAN_HALF,
            Self::Special => exact::Bound::THREE_QUARTERS,
        }
    }
}

/// The counts of one axis (area or heads) for one matter.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// // m-1: ten heads (1165.00 m²) vote, u-2-202 (110.40 m²) against; the developer's unit does not vote.
/// let m1 = t.matter("m-1").ok_or("no m-1")?;
/// let area = m1.area();
/// assert_eq!((area.total.to_string(), area.participating.to_string()), ("1295.60".into(), "1165.00".into()));
/// assert_eq!((area.in_favour.to_string(), area.against.to_string()), ("1054.60".into(), "110.40".into()));
/// let h = m1.heads();
/// assert_eq!((h.total.0, h.participating.0, h.in_favour.0, h.against.0, h.abstaining.0), (11, 10, 9, 1, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Axis<T> {
    /// Everything in the vote's scope.
    pub total: T,
    /// Those who voted on the matter (for, against or abstain).
    pub participating: T,
    /// Voted for (同意).
    #[serde(rename = "for")]
    pub in_favour: T,
    /// Voted against (反对).
    pub against: T,
    /// Abstained (弃权); on the head axis this includes heads whose units voted differently.
    #[serde(rename = "abstain")]
    pub abstaining: T,
}

/// An area together with a number of heads: a requirement, a shortfall or a count.
///
/// # Example
/// ```
/// use xiaoqu::{model::Headcount, voting::AreaHeads};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// assert_eq!(t.total(), AreaHeads { area: "1295.60".parse()?, heads: Headcount(11) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AreaHeads {
    /// Area in m².
    pub area: Area,
    /// Heads (SPC Art 9).
    pub heads: Headcount,
}

/// Who a head is (SPC Art 9).
///
/// # Example
/// ```
/// use xiaoqu::voting::HeadKey;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// let keys: Vec<&HeadKey> = t.heads().iter().map(|h| h.key()).collect();
/// assert_eq!(keys.first(), Some(&&HeadKey::Owners(vec!["p-01".parse()?])));
/// assert_eq!(keys.last(), Some(&&HeadKey::Developer("org-dev-guoke".parse()?)), "u-2-302 is developer-held");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadKey {
    /// All units a developer holds.
    Developer(OrgId),
    /// The owners of the head's units, sorted (one person, or people linked by co-ownership).
    Owners(Vec<PersonId>),
    /// A unit with neither owner nor developer: one exclusive part, one head nobody can vote.
    Unowned(UnitId),
}

/// One head of the vote's scope and its units.
///
/// # Example
/// ```
/// use xiaoqu::voting::HeadKey;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// let p08 = t.heads().iter().find(|h| h.units().len() > 1).ok_or("no head with two units")?;
/// assert_eq!(p08.key(), &HeadKey::Owners(vec!["p-08".parse()?]));
/// assert_eq!(p08.units().iter().map(|u| u.as_str()).collect::<Vec<_>>(), ["u-1-301", "u-1-302"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Head {
    key: HeadKey,
    units: Vec<UnitId>,
}

impl Head {
    /// Who the head is.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::voting::HeadKey;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let developer = t.heads().last().ok_or("no head")?;
    /// assert_eq!(developer.key(), &HeadKey::Developer("org-dev-guoke".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn key(&self) -> &HeadKey {
        &self.key
    }

    /// Its units in scope, in document order.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let units: Vec<&str> = t.heads().iter().flat_map(|h| h.units()).map(|u| u.as_str()).collect();
    /// assert_eq!((units.len(), t.heads().len()), (12, 11), "p-08's two units are one head");
    /// assert_eq!(units.first(), Some(&"u-1-101"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn units(&self) -> &[UnitId] {
        &self.units
    }
}

/// Why a ballot was left out of the count.
///
/// # Example
/// ```
/// use xiaoqu::voting::Exclusion;
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let asm = &mut cfg.compounds[0].assemblies[0];
/// asm.ballots[1].cast_on = chrono::NaiveDate::from_ymd_opt(2024, 6, 16).ok_or("date")?; // closed on 06-15
/// let again = asm.ballots[0].clone();
/// asm.ballots.push(again);
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// let excluded: Vec<_> = t.ballots().iter().filter_map(|b| Some((b.index(), b.excluded()?))).collect();
/// assert_eq!(excluded, [(1, Exclusion::OutsideWindow), (11, Exclusion::DuplicateUnit)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Exclusion {
    /// Its unit is not a unit of the compound (AV003).
    UnknownUnit,
    /// Its unit is outside the vote's scope (AV003).
    OutOfScope,
    /// Cast before `opened_on` or after `closed_on` (AV007).
    OutsideWindow,
    /// The voter is not entitled to vote the unit (AV004).
    VoterNotEntitled,
    /// An earlier ballot of the same unit counts already (AV005).
    DuplicateUnit,
}

/// What the engine did with one ballot.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// let counted = t.ballots().iter().filter(|b| b.excluded().is_none()).count();
/// assert_eq!((t.ballots().len(), counted), (11, 11));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BallotOutcome {
    index: usize,
    unit: UnitId,
    excluded: Option<Exclusion>,
}

impl BallotOutcome {
    /// Position of the ballot in the assembly's `ballots`.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let p08 = t.ballots().iter().filter(|b| b.unit().as_str().starts_with("u-1-30"));
    /// assert_eq!(p08.map(|b| b.index()).collect::<Vec<_>>(), [4, 5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> usize {
        self.index
    }

    /// The unit it votes.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.ballots().first().map(|b| b.unit().as_str()), Some("u-1-101"));
    /// assert_eq!(t.ballots().last().map(|b| b.unit().as_str()), Some("u-2-301"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> &UnitId {
        &self.unit
    }

    /// Why it was left out, or `None` when it counts.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::voting::Exclusion;
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let asm = &mut cfg.compounds[0].assemblies[0];
    /// let again = asm.ballots[0].clone();
    /// asm.ballots.push(again);
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.ballots().first().and_then(|b| b.excluded()), None);
    /// assert_eq!(t.ballots().last().and_then(|b| b.excluded()), Some(Exclusion::DuplicateUnit));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn excluded(&self) -> Option<Exclusion> {
        self.excluded
    }
}

/// One test of a matter (the quorum, or the approval): met on each axis, the least counts
/// that meet it, and what is missing.
///
/// # Example
/// ```
/// use xiaoqu::{model::Headcount, voting::AreaHeads};
/// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// cfg.compounds[0].assemblies[0].ballots.truncate(6); // only building 1 votes: 623.60 m², 5 heads
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// let quorum = t.matter("m-1").ok_or("no m-1")?.quorum();
/// assert!(!quorum.met());
/// assert_eq!(quorum.needed(), AreaHeads { area: "863.74".parse()?, heads: Headcount(8) });
/// assert_eq!(quorum.missing(), AreaHeads { area: "240.14".parse()?, heads: Headcount(3) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Check {
    area_met: bool,
    heads_met: bool,
    needed: AreaHeads,
    missing: AreaHeads,
}

impl Check {
    /// Met on both axes.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let m3 = t.matter("m-3").ok_or("no m-3")?;
    /// assert!(m3.quorum().met() && m3.approval().met());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn met(&self) -> bool {
        self.area_met && self.heads_met
    }

    /// Met on the area axis and on the head axis: `(area, heads)`.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// // Without the ballots of u-1-101, u-1-102 and u-2-102: 891.00 m² but 7 of 11 heads.
    /// let gone = ["u-1-101", "u-1-102", "u-2-102"];
    /// cfg.compounds[0].assemblies[0].ballots.retain(|b| !gone.contains(&b.unit.as_str()));
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let quorum = t.matter("m-2").ok_or("no m-2")?.quorum();
    /// assert_eq!(quorum.axes(), (true, false));
    /// assert_eq!(quorum.missing().heads.0, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn axes(&self) -> (bool, bool) {
        (self.area_met, self.heads_met)
    }

    /// The least counts that meet the test.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{model::Headcount, voting::AreaHeads};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let m3 = t.matter("m-3").ok_or("no m-3")?;
    /// // ≥ 3/4 of the participating 1165.00 m² and 10 heads.
    /// assert_eq!(m3.approval().needed(), AreaHeads { area: "873.75".parse()?, heads: Headcount(8) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn needed(&self) -> AreaHeads {
        self.needed
    }

    /// What would have to be added to meet it (zero on an axis already met).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::voting::AreaHeads;
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let full = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(full.matter("m-1").map(|m| m.quorum().missing()), Some(AreaHeads::default()));
    /// cfg.compounds[0].assemblies[0].ballots.truncate(6);
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let missing = t.matter("m-1").ok_or("no m-1")?.quorum().missing();
    /// assert_eq!((missing.area.to_string(), missing.heads.0), ("240.14".into(), 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing(&self) -> AreaHeads {
        self.missing
    }
}

/// The tally of one matter.
///
/// Serialized as `{ id, kind, majority, threshold, area, heads, approving, quorum, approval,
/// split_heads, passed }`, where `quorum` and `approval` are `{ met, area_met, heads_met,
/// needed, missing }`, `needed` / `missing` are `{ area, heads }`, and `split_heads` is how many
/// heads split their units' votes (their positions are [`MatterTally::split_heads`]).
///
/// # Example
/// ```
/// use xiaoqu::{model::MatterKind, voting::Majority};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// let m1 = t.matter("m-1").ok_or("no m-1")?;
/// assert_eq!((m1.kind(), m1.majority()), (MatterKind::ElectCommittee, Majority::Ordinary));
/// assert_eq!(m1.area().in_favour.to_string(), "1054.60");
/// assert!(m1.quorum_met() && m1.approved() && m1.passed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatterTally {
    id: MatterId,
    kind: MatterKind,
    majority: Majority,
    area: Axis<Area>,
    heads: Axis<Headcount>,
    approving: AreaHeads,
    quorum: Check,
    approval: Check,
    split_heads: Vec<usize>,
}

impl MatterTally {
    /// The matter's id.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let ids: Vec<&str> = t.matters().map(|m| m.id().as_str()).collect();
    /// assert_eq!(ids, ["m-1", "m-2", "m-3"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &MatterId {
        &self.id
    }

    /// Its Art 278 item.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::model::MatterKind;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.matter("m-3").map(|m| m.kind()), Some(MatterKind::BusinessUseOfCommonParts));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> MatterKind {
        self.kind
    }

    /// Its threshold class.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::voting::Majority;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let special = t.matters().filter(|m| m.majority() == Majority::Special);
    /// assert_eq!(special.map(|m| m.id().as_str()).collect::<Vec<_>>(), ["m-3"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn majority(&self) -> Majority {
        self.majority
    }

    /// Area counts in m².
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// // m-3 (business use of common parts): u-2-202 and u-2-301 vote against.
    /// let area = t.matter("m-3").ok_or("no m-3")?.area();
    /// assert_eq!((area.in_favour.to_string(), area.against.to_string()), ("924.00".into(), "241.00".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn area(&self) -> &Axis<Area> {
        &self.area
    }

    /// Head counts.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let heads = t.matter("m-3").ok_or("no m-3")?.heads();
    /// assert_eq!((heads.participating.0, heads.in_favour.0, heads.against.0), (10, 8, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heads(&self) -> &Axis<Headcount> {
        &self.heads
    }

    /// The approving area and heads compared with the threshold: the votes for, plus the
    /// abstentions when the policy is `follow_majority` and for leads against on that axis.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::Abstention;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let c = &cfg.compounds[0];
    /// // asm-2025-01: u-2-201 (110.40 m²) abstains, the nine other heads that vote are for.
    /// let approving = |a| xiaoqu::voting::tally_assembly(c, &c.assemblies[1], a).matter("m-1").map(|m| m.approving());
    /// let plain = approving(Abstention::NotCounted).ok_or("no m-1")?;
    /// let follow = approving(Abstention::FollowMajority).ok_or("no m-1")?;
    /// assert_eq!((plain.area.to_string(), plain.heads.0), ("1054.60".into(), 9));
    /// assert_eq!((follow.area.to_string(), follow.heads.0), ("1165.00".into(), 10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn approving(&self) -> AreaHeads {
        self.approving
    }

    /// How much participating area and how many heads would have to be added to meet the
    /// quorum (zero on an axis already met). Areas are exact to 0.01 m².
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{model::Headcount, voting::AreaHeads};
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].assemblies[0].ballots.truncate(6); // only building 1 votes: 623.60 m², 5 heads
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let m1 = t.matter("m-1").ok_or("no m-1")?;
    /// assert_eq!(m1.missing_for_quorum(), AreaHeads { area: "240.14".parse()?, heads: Headcount(3) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing_for_quorum(&self) -> AreaHeads {
        self.quorum.missing
    }

    /// How much approving area and how many approving heads are missing for the threshold,
    /// with participation as it stands: the votes that would have to change to "for" (zero on
    /// an axis already met).
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{model::Headcount, voting::AreaHeads};
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// // u-2-201 (110.40 m²) votes against m-3 instead of for (and on nothing else).
    /// cfg.compounds[0].assemblies[0].ballots[8] = serde_json::from_str(
    ///     r#"{"unit": "u-2-201", "voter": "p-05", "cast_on": "2024-06-08", "choices": {"m-3": "against"}}"#,
    /// )?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let m3 = t.matter("m-3").ok_or("no m-3")?;
    /// assert!(m3.quorum_met() && !m3.approved());
    /// assert_eq!(m3.missing_for_approval(), AreaHeads { area: "60.15".parse()?, heads: Headcount(1) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing_for_approval(&self) -> AreaHeads {
        self.approval.missing
    }

    /// The quorum test: participating area and heads against ≥ 2/3 of the scope's totals.
    /// `needed` is the least participation that meets it (`⌈2/3 · total⌉` in 0.01 m² and in
    /// heads), `missing` what would have to be added to the current participation.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{model::Headcount, voting::AreaHeads};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let quorum = t.matter("m-1").ok_or("no m-1")?.quorum();
    /// // ⌈2/3⌉ of 1295.60 m² and of 11 heads; 1165.00 m² and 10 heads took part.
    /// assert_eq!(quorum.needed(), AreaHeads { area: "863.74".parse()?, heads: Headcount(8) });
    /// assert!(quorum.met());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quorum(&self) -> &Check {
        &self.quorum
    }

    /// The approval test of the matter's class: the approving area and heads against the
    /// participation as it stands. `needed` is the least approving count that meets the
    /// threshold (`⌊p/2⌋ + 0.01 m²` and `⌊p/2⌋ + 1` heads for more than half; `⌈3p/4⌉` for three
    /// quarters; never less than 0.01 m² and one head), `missing` how many more approving area
    /// and heads that takes, i.e. the votes that would have to change to "for".
    ///
    /// # Example
    /// ```
    /// use xiaoqu::{model::Headcount, voting::AreaHeads};
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let approval = t.matter("m-1").ok_or("no m-1")?.approval();
    /// // More than half of the participating 1165.00 m² and 10 heads; 1054.60 m² and 9 heads are for.
    /// assert_eq!(approval.needed(), AreaHeads { area: "582.51".parse()?, heads: Headcount(6) });
    /// assert_eq!(approval.missing(), AreaHeads::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn approval(&self) -> &Check {
        &self.approval
    }

    /// Participating area ≥ 2/3 of total AND participating heads ≥ 2/3 of total heads.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let quorum_met = |cfg: &xiaoqu::GovernanceConfig| -> Result<bool, Box<dyn std::error::Error>> {
    ///     Ok(xiaoqu::voting::tally(cfg, "c-guokeyuan", "asm-2024-01")?.matter("m-1").ok_or("no m-1")?.quorum_met())
    /// };
    /// assert!(quorum_met(&cfg)?);
    /// cfg.compounds[0].assemblies[0].ballots.truncate(6); // 623.60 of 1295.60 m², 5 of 11 heads
    /// assert!(!quorum_met(&cfg)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quorum_met(&self) -> bool {
        self.quorum.met()
    }

    /// Approving area and heads meet the threshold of the matter's class.
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// cfg.compounds[0].assemblies[0].ballots.truncate(6); // only building 1 votes, all for
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let m1 = t.matter("m-1").ok_or("no m-1")?;
    /// assert!(m1.approved() && !m1.quorum_met(), "approved by those who voted, without a quorum");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn approved(&self) -> bool {
        self.approval.met()
    }

    /// Quorum met and approved: the matter is decided by the owners (业主共同决定).
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert!(xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?.matters().all(|m| m.passed()));
    /// cfg.compounds[0].assemblies[0].ballots.truncate(6);
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert!(t.matters().all(|m| m.approved() && !m.passed()), "no quorum");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn passed(&self) -> bool {
        self.quorum_met() && self.approved()
    }

    /// Heads whose units voted differently on this matter, as positions in
    /// [`AssemblyTally::heads`] (AV006).
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// // p-08 votes u-1-301 for m-1 and u-1-302 against.
    /// cfg.compounds[0].assemblies[0].ballots[5] = serde_json::from_str(
    ///     r#"{"unit": "u-1-302", "voter": "p-08", "cast_on": "2024-06-05", "choices": {"m-1": "against"}}"#,
    /// )?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// let m1 = t.matter("m-1").ok_or("no m-1")?;
    /// assert_eq!(m1.split_heads(), [4]);
    /// assert_eq!(t.heads().get(4).map(|h| h.units().len()), Some(2));
    /// assert_eq!(m1.heads().abstaining.0, 1, "a split head counts as abstaining on the head axis");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split_heads(&self) -> &[usize] {
        &self.split_heads
    }
}

/// The tally of one assembly vote: its scope, heads, ballots and one [`MatterTally`] per matter.
///
/// Serialized (the object `xiaoqu tally --format json` prints) as `{ assembly, scope,
/// abstention, opened_on, closed_on, overflowed, total: { area, heads }, heads: [{ key, units }],
/// ballots: [{ index, unit, excluded }], matters: [...] }`; areas are decimal strings
/// (`"1295.60"`), heads integers, dates `YYYY-MM-DD`.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// assert_eq!((t.assembly().as_str(), t.heads().len(), t.ballots().len()), ("asm-2024-01", 11, 11));
/// assert!(t.matters().all(|m| m.passed()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssemblyTally {
    assembly: AssemblyId,
    scope: Scope,
    #[serde(serialize_with = "abstention_str")]
    abstention: Abstention,
    #[serde(serialize_with = "date_str")]
    opened_on: NaiveDate,
    #[serde(serialize_with = "date_str")]
    closed_on: NaiveDate,
    overflowed: bool,
    total: AreaHeads,
    heads: Vec<Head>,
    ballots: Vec<BallotOutcome>,
    matters: Vec<MatterTally>,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's `serialize_with` passes the field by reference")]
fn abstention_str<S: Serializer>(a: &Abstention, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(abstention_name(*a))
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's `serialize_with` passes the field by reference")]
fn date_str<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

/// The name of an abstention policy as written in profiles.
pub(crate) const fn abstention_name(a: Abstention) -> &'static str {
    match a {
        Abstention::NotCounted => "not_counted",
        Abstention::FollowMajority => "follow_majority",
    }
}

impl AssemblyTally {
    /// The assembly's id.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2025-01")?;
    /// assert_eq!(t.assembly().as_str(), "asm-2025-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assembly(&self) -> &AssemblyId {
        &self.assembly
    }

    /// The scope the totals are taken over.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.scope(), &xiaoqu::model::Scope::Compound);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// How abstentions were counted.
    ///
    /// # Example
    /// ```
    /// use xiaoqu::policy::Abstention;
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.abstention(), Abstention::NotCounted, "the national default, kept by the document's profile");
    /// let c = &cfg.compounds[0];
    /// let follow = xiaoqu::voting::tally_assembly(c, &c.assemblies[0], Abstention::FollowMajority);
    /// assert_eq!(follow.abstention(), Abstention::FollowMajority);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn abstention(&self) -> Abstention {
        self.abstention
    }

    /// First voting day.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.opened_on().to_string(), "2024-06-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    /// Last voting day.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.closed_on().to_string(), "2024-06-15");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closed_on(&self) -> NaiveDate {
        self.closed_on
    }

    /// `true` when a sum of areas left the decimal range: then nothing is decided (all counts
    /// zero, nothing passes).
    ///
    /// # Example
    /// ```
    /// let mut cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// assert!(!xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?.overflowed());
    /// let huge: xiaoqu::model::Area = "60000000000000000000000000000".parse()?;
    /// for unit in cfg.compounds[0].units.iter_mut().take(2) {
    ///     unit.area = huge; // the two together leave the decimal range
    /// }
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert!(t.overflowed());
    /// assert!(t.matters().all(|m| !m.passed() && m.area().participating == xiaoqu::model::Area::ZERO));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Total area and heads of the scope.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!((t.total().area.to_string(), t.total().heads.0), ("1295.60".into(), 11));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self) -> AreaHeads {
        self.total
    }

    /// The heads of the scope (SPC Art 9), in the document order of their first unit.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// // 12 units: p-08's two units are one head, the developer-held u-2-302 another.
    /// assert_eq!(t.heads().len(), 11);
    /// assert_eq!(t.heads().iter().map(|h| h.units().len()).sum::<usize>(), 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heads(&self) -> &[Head] {
        &self.heads
    }

    /// Every ballot, in document order, with whether it counts.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.ballots().len(), 11);
    /// assert!(t.ballots().iter().all(|b| b.excluded().is_none()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ballots(&self) -> &[BallotOutcome] {
        &self.ballots
    }

    /// The tally of one matter by id.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert!(t.matter("m-3").is_some_and(|m| m.passed()));
    /// assert!(t.matter("m-9").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn matter(&self, id: &str) -> Option<&MatterTally> {
        self.matters.iter().find(|m| m.id.as_str() == id)
    }

    /// Every matter, in agenda order.
    ///
    /// # Example
    /// ```
    /// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
    /// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
    /// assert_eq!(t.matters().len(), 3);
    /// assert_eq!(t.matters().filter(|m| m.heads().against.0 > 0).count(), 2, "m-1 and m-3 have votes against");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn matters(&self) -> impl ExactSizeIterator<Item = &MatterTally> {
        self.matters.iter()
    }
}

/// Tallies one assembly of a compound (the engine on its own, without the rest of a document).
///
/// Without the document's organisations the engine cannot tell who belongs to a developer, so
/// any voter of a developer-held unit is accepted here; [`tally`] and the AV rules check
/// membership through [`tally_assembly_with_orgs`], and AV004 reports a voter who is not a
/// member.
///
/// # Example
/// ```
/// use xiaoqu::policy::Abstention;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let compound = &cfg.compounds[0];
/// let t = xiaoqu::voting::tally_assembly(compound, &compound.assemblies[0], Abstention::NotCounted);
/// assert_eq!(t.total().heads.0, 11);
/// let m3 = t.matter("m-3").ok_or("no m-3")?;
/// assert!(m3.passed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn tally_assembly(compound: &Compound, assembly: &Assembly, abstention: Abstention) -> AssemblyTally {
    count::run(compound, assembly, abstention, None)
}

/// Tallies one assembly, checking that a developer-held unit is voted by a member of its
/// developer organisation (looked up in `organizations`).
///
/// # Example
/// ```
/// use xiaoqu::policy::Abstention;
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let t = xiaoqu::voting::tally_assembly_with_orgs(c, &c.assemblies[0], Abstention::NotCounted, &cfg.organizations);
/// assert!(t.ballots().iter().all(|b| b.excluded().is_none()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn tally_assembly_with_orgs(
    compound: &Compound,
    assembly: &Assembly,
    abstention: Abstention,
    organizations: &[Organization],
) -> AssemblyTally {
    count::run(compound, assembly, abstention, Some(organizations))
}

/// Tallies an assembly of a document by ids, under the abstention policy of the document's
/// profile (`not_counted` when the profile cannot be built).
///
/// # Errors
/// [`TallyError`] when the compound or the assembly does not exist.
///
/// # Example
/// ```
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let t = xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-2024-01")?;
/// assert_eq!(t.total().area.to_string(), "1295.60");
/// assert!(xiaoqu::voting::tally(&cfg, "c-guokeyuan", "asm-1999").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn tally(cfg: &GovernanceConfig, compound: &str, assembly: &str) -> Result<AssemblyTally, TallyError> {
    let c = cfg
        .compounds
        .iter()
        .find(|c| c.id.as_str() == compound)
        .ok_or_else(|| TallyError::UnknownCompound(compound.chars().take(64).collect()))?;
    let a = c.assemblies.iter().find(|a| a.id.as_str() == assembly).ok_or_else(|| TallyError::UnknownAssembly {
        compound: c.id.to_string(),
        assembly: assembly.chars().take(64).collect(),
    })?;
    let abstention = cfg.policy().map_or(Abstention::NotCounted, |p| p.params().abstention);
    Ok(tally_assembly_with_orgs(c, a, abstention, &cfg.organizations))
}

/// Whether a cited resolution passed by tally, and when.
///
/// # Example
/// ```
/// use xiaoqu::{model::{MatterKind, MatterRef}, policy::Abstention};
/// use xiaoqu::voting::{ResolutionStatus, resolution_status};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let m3 = MatterRef { assembly: "asm-2024-01".parse()?, matter: "m-3".parse()? };
/// let passed = ResolutionStatus::Passed {
///     closed_on: chrono::NaiveDate::from_ymd_opt(2024, 6, 15).ok_or("date")?,
///     kind: MatterKind::BusinessUseOfCommonParts,
///     amount: None,
/// };
/// assert_eq!(resolution_status(c, &m3, Abstention::NotCounted), passed);
/// let m9 = MatterRef { matter: "m-9".parse()?, ..m3 };
/// assert_eq!(resolution_status(c, &m9, Abstention::NotCounted), ResolutionStatus::Unresolved);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResolutionStatus {
    /// Quorum met and approved.
    Passed {
        /// The assembly's last voting day: the decision exists from then.
        closed_on: NaiveDate,
        /// The matter's Art 278 item.
        kind: MatterKind,
        /// The matter's amount, for spending matters.
        amount: Option<Money>,
    },
    /// Tallied, and not passed (no quorum, not approved, or arithmetic out of range).
    NotPassed {
        /// The assembly's last voting day.
        closed_on: NaiveDate,
        /// The matter's Art 278 item.
        kind: MatterKind,
    },
    /// The assembly or the matter does not exist in the compound.
    Unresolved,
}

/// Whether the matter `r` of the compound passed by tally (not by what the organisers
/// declared). Uses [`tally_assembly`], so voters of developer-held units are not checked
/// against the developer's membership (AV004 reports them).
///
/// # Example
/// ```
/// use xiaoqu::policy::Abstention;
/// use xiaoqu::voting::{ResolutionStatus, resolution_status};
/// let cfg = xiaoqu::GovernanceConfig::from_json_str(xiaoqu::example::GUOKEYUAN_JSON)?;
/// let c = &cfg.compounds[0];
/// let r = c.maintenance_fund.as_ref().and_then(|f| f.uses[0].resolution.clone()).ok_or("no use")?;
/// assert!(matches!(resolution_status(c, &r, Abstention::NotCounted), ResolutionStatus::Passed { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn resolution_status(compound: &Compound, r: &MatterRef, abstention: Abstention) -> ResolutionStatus {
    resolution_status_by(compound, r, |a| {
        count::lean(compound, a, abstention, None, None).matter(r.matter.as_str()).is_some_and(MatterTally::passed)
    })
}

/// [`resolution_status`] with whether the matter passed in the tally of its assembly supplied
/// by `passed` (the audit keeps the tallies it has made, so that entries citing one vote count
/// it once).
pub(crate) fn resolution_status_by<'c>(
    compound: &'c Compound,
    r: &MatterRef,
    passed: impl FnOnce(&'c Assembly) -> bool,
) -> ResolutionStatus {
    let Some(a) = compound.assemblies.iter().find(|a| a.id == r.assembly) else {
        return ResolutionStatus::Unresolved;
    };
    let Some(m) = a.matters.iter().find(|m| m.id == r.matter) else {
        return ResolutionStatus::Unresolved;
    };
    if passed(a) {
        ResolutionStatus::Passed { closed_on: a.closed_on, kind: m.kind, amount: m.amount }
    } else {
        ResolutionStatus::NotPassed { closed_on: a.closed_on, kind: m.kind }
    }
}
