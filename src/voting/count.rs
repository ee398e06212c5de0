//! The counting itself: heads of the scope, which ballots count, and the per-matter tally.

use foldhash::{HashMap, HashMapExt};

use super::exact::{self, Bound, Hundredths};
use super::{
    Abstention, AreaHeads, AssemblyTally, Axis, BallotOutcome, Check, Exclusion, Head, HeadKey, Majority, MatterTally,
};
use crate::model::{Assembly, Ballot, Choice, Compound, Matter, MatterId, Organization, PersonId, Scope, Unit};

/// Whether `ballot`'s voter may vote `unit`: an owner, a proxy holder from an owner, or, for a
/// developer-held unit, a member of the developer (any voter when `orgs` is `None`).
pub(crate) fn entitled(unit: &Unit, ballot: &Ballot, orgs: Option<&[Organization]>) -> bool {
    if let Some(dev) = &unit.developer_held {
        return orgs.is_none_or(|orgs| orgs.iter().filter(|o| o.id == *dev).any(|o| o.members.contains(&ballot.voter)));
    }
    unit.owners.contains(&ballot.voter) || ballot.proxy_for.as_ref().is_some_and(|p| unit.owners.contains(p))
}

/// Whether a unit belongs to the scope.
pub(crate) fn in_scope(unit: &Unit, scope: &Scope) -> bool {
    match scope {
        Scope::Compound => true,
        Scope::Building(b) => unit.building == *b,
    }
}

/// Disjoint sets over unit positions, without indexing (the library forbids it).
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.0.get(i) {
            if p == i {
                break;
            }
            // Path halving: point `i` at its grandparent.
            let grand = self.0.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.0.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, drop) = (ra.min(rb), ra.max(rb));
        if let Some(slot) = self.0.get_mut(drop) {
            *slot = keep;
        }
    }
}

/// Groups the units in scope into heads (SPC Art 9). Returns, for each unit in scope (by its
/// position in `units`), its head, heads numbered in the order of their first unit, and the
/// number of heads.
fn group(units: &[&Unit]) -> (Vec<usize>, usize) {
    let mut sets = Sets((0..units.len()).collect());
    let mut first_of_owner: HashMap<&PersonId, usize> = HashMap::with_capacity(units.len());
    let mut first_of_dev = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        if let Some(dev) = &u.developer_held {
            let first = *first_of_dev.entry(dev).or_insert(i);
            sets.union(first, i);
            continue;
        }
        for p in &u.owners {
            let first = *first_of_owner.entry(p).or_insert(i);
            sets.union(first, i);
        }
    }
    let mut head_of_root: Vec<usize> = vec![usize::MAX; units.len()];
    let mut head_of_unit = Vec::with_capacity(units.len());
    let mut n_heads = 0_usize;
    for i in 0..units.len() {
        let root = sets.find(i);
        let h = match head_of_root.get(root).copied() {
            Some(h) if h != usize::MAX => h,
            _ => {
                let h = n_heads;
                n_heads += 1;
                if let Some(slot) = head_of_root.get_mut(root) {
                    *slot = h;
                }
                h
            }
        };
        head_of_unit.push(h);
    }
    (head_of_unit, n_heads)
}

/// Who a head is, from its units in document order (none of them empty).
fn head_key<'u>(members: impl Iterator<Item = &'u Unit> + Clone) -> Option<HeadKey> {
    let u = members.clone().next()?;
    Some(match (&u.developer_held, u.owners.is_empty()) {
        (Some(dev), _) => HeadKey::Developer(dev.clone()),
        (None, true) => HeadKey::Unowned(u.id.clone()),
        (None, false) => {
            // Every owner of the head's units (none of them developer-held: those are grouped
            // by developer only), sorted, each once.
            let mut list: Vec<PersonId> = if members.clone().nth(1).is_none() {
                u.owners.clone()
            } else {
                members.filter(|m| m.developer_held.is_none()).flat_map(|m| m.owners.iter().cloned()).collect()
            };
            list.sort_unstable();
            list.dedup();
            HeadKey::Owners(list)
        }
    })
}

/// The public heads, each with its key and its units in document order (by a counting sort, so
/// that each head's lists are allocated once at their final length).
fn public_heads(units: &[&Unit], head_of_unit: &[usize], n_heads: usize) -> Vec<Head> {
    let mut sizes = vec![0_usize; n_heads];
    for &h in head_of_unit {
        if let Some(n) = sizes.get_mut(h) {
            *n += 1;
        }
    }
    let mut start = Vec::with_capacity(n_heads);
    let mut total = 0_usize;
    for n in &sizes {
        start.push(total);
        total += n;
    }
    let mut next = start.clone();
    let mut order = vec![0_usize; units.len()];
    for (i, &h) in head_of_unit.iter().enumerate() {
        if let Some(slot) = next.get_mut(h) {
            if let Some(o) = order.get_mut(*slot) {
                *o = i;
            }
            *slot += 1;
        }
    }
    start
        .iter()
        .zip(&sizes)
        .filter_map(|(&from, &n)| {
            let members = order.get(from..from.saturating_add(n)).unwrap_or_default();
            let member_units = members.iter().filter_map(|&i| units.get(i).copied());
            let key = head_key(member_units.clone())?;
            let mut ids = Vec::with_capacity(members.len());
            ids.extend(member_units.map(|m| m.id.clone()));
            Some(Head { key, units: ids })
        })
        .collect()
}

/// A counted ballot: the ballot, its unit's area and its head.
struct Counted<'a> {
    ballot: &'a Ballot,
    area: Hundredths,
    head: usize,
}

/// The tally as the audit reads it: the same counts as [`AssemblyTally`], with heads and
/// ballots as positions instead of owned ids (no list of owners or units per head, no unit id
/// per ballot). The public [`AssemblyTally`] is built from it ([`run`]).
pub(crate) struct Lean<'a> {
    /// The units in scope, in document order.
    units: Vec<&'a Unit>,
    /// Each unit's head (by position in `units`), heads numbered in the order of their first unit.
    head_of_unit: Vec<usize>,
    n_heads: usize,
    /// Why each ballot (by position in the assembly's `ballots`) was left out, `None` when it counts.
    excluded: Vec<Option<Exclusion>>,
    overflowed: bool,
    total: AreaHeads,
    matters: Vec<MatterTally>,
}

impl<'a> Lean<'a> {
    /// [`AssemblyTally::overflowed`].
    pub(crate) fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// [`AssemblyTally::matters`].
    pub(crate) fn matters(&self) -> impl ExactSizeIterator<Item = &MatterTally> {
        self.matters.iter()
    }

    /// [`AssemblyTally::matter`].
    pub(crate) fn matter(&self, id: &str) -> Option<&MatterTally> {
        self.matters.iter().find(|m| m.id.as_str() == id)
    }

    /// The positions (in the assembly's `ballots`) of the counted ballots, in document order.
    pub(crate) fn counted(&self) -> impl Iterator<Item = usize> + '_ {
        self.excluded.iter().enumerate().filter(|(_, e)| e.is_none()).map(|(i, _)| i)
    }

    /// The units of head `h` (as in [`AssemblyTally::heads`]), in document order.
    pub(crate) fn head_units(&self, h: usize) -> impl Iterator<Item = &'a Unit> + Clone + '_ {
        self.units.iter().zip(&self.head_of_unit).filter(move |(_, x)| **x == h).map(|(u, _)| *u)
    }

    /// Who head `h` is (as [`Head::key`]); `None` beyond the heads.
    pub(crate) fn head_key(&self, h: usize) -> Option<HeadKey> {
        head_key(self.head_units(h))
    }

    /// The public tally.
    fn into_public(self, assembly: &Assembly, abstention: Abstention) -> AssemblyTally {
        let heads = public_heads(&self.units, &self.head_of_unit, self.n_heads);
        let ballots = assembly
            .ballots
            .iter()
            .zip(self.excluded)
            .enumerate()
            .map(|(index, (b, excluded))| BallotOutcome { index, unit: b.unit.clone(), excluded })
            .collect();
        AssemblyTally {
            assembly: assembly.id.clone(),
            scope: assembly.scope.clone(),
            abstention,
            opened_on: assembly.opened_on,
            closed_on: assembly.closed_on,
            overflowed: self.overflowed,
            total: self.total,
            heads,
            ballots,
            matters: self.matters,
        }
    }
}

/// Runs the tally (the public one).
pub(super) fn run(
    compound: &Compound,
    assembly: &Assembly,
    abstention: Abstention,
    orgs: Option<&[Organization]>,
) -> AssemblyTally {
    lean(compound, assembly, abstention, orgs, None).into_public(assembly, abstention)
}

/// The position of each unit id in `compound.units` (the first of a duplicated id): what the
/// audit builds once per compound and passes to [`lean`].
pub(crate) fn unit_positions(compound: &Compound) -> HashMap<&str, usize> {
    positions(compound.units.iter())
}

/// The position of each unit's id in `units` (the first of a duplicated id).
fn positions<'c>(units: impl DoubleEndedIterator<Item = &'c Unit> + ExactSizeIterator) -> HashMap<&'c str, usize> {
    units.enumerate().rev().map(|(i, u)| (u.id.as_str(), i)).collect()
}

/// Where the ballots' units are found: each in-scope unit's position in the tally's list, and
/// whether an id is a unit of the compound at all.
enum Positions<'c, 't> {
    /// The compound's table ([`unit_positions`], no duplicated id) and, for a building vote,
    /// each compound position's place in scope.
    Shared { table: &'t HashMap<&'c str, usize>, scoped: Option<Vec<usize>> },
    /// A table of the units in scope, and the compound's table built on first need.
    Own { table: HashMap<&'c str, usize>, all: std::cell::OnceCell<HashMap<&'c str, usize>>, compound: &'c Compound },
}

impl Positions<'_, '_> {
    /// The position in scope of the unit named `id`; `Err(true)` when it is a unit of the
    /// compound outside the scope, `Err(false)` when it is none.
    fn find(&self, id: &str) -> Result<usize, bool> {
        match self {
            Self::Shared { table, scoped } => match (table.get(id).copied(), scoped) {
                (None, _) => Err(false),
                (Some(p), None) => Ok(p),
                (Some(p), Some(scoped)) => scoped.get(p).copied().filter(|&s| s != usize::MAX).ok_or(true),
            },
            Self::Own { table, all, compound } => table.get(id).copied().ok_or_else(|| {
                // Built on the first ballot that needs it, so a building vote with stray
                // ballots does not scan the units per ballot.
                all.get_or_init(|| unit_positions(compound)).contains_key(id)
            }),
        }
    }
}

/// Runs the tally (the audit's). `shared` is the compound's [`unit_positions`] when the caller
/// has it; it is used when the compound has no duplicated unit id (CFG002), else the tally
/// builds its own table of the units in scope, where the first in-scope unit of an id wins.
pub(crate) fn lean<'a>(
    compound: &'a Compound,
    assembly: &Assembly,
    abstention: Abstention,
    orgs: Option<&[Organization]>,
    shared: Option<&HashMap<&'a str, usize>>,
) -> Lean<'a> {
    let scope = &assembly.scope;
    let units: Vec<&Unit> = compound.units.iter().filter(|u| in_scope(u, scope)).collect();
    let (head_of_unit, n_heads) = group(&units);
    let positions = match shared.filter(|t| t.len() == compound.units.len()) {
        Some(table) => {
            let scoped = matches!(scope, Scope::Building(_)).then(|| {
                let mut next = 0_usize;
                compound
                    .units
                    .iter()
                    .map(|u| {
                        if in_scope(u, scope) {
                            next += 1;
                            next - 1
                        } else {
                            usize::MAX
                        }
                    })
                    .collect()
            });
            Positions::Shared { table, scoped }
        }
        None => Positions::Own { table: positions(units.iter().copied()), all: std::cell::OnceCell::new(), compound },
    };

    let mut overflowed = false;
    let mut unit_area = Vec::with_capacity(units.len());
    let mut total_area: Hundredths = 0;
    for u in &units {
        let a = u.area.hundredths();
        unit_area.push(a);
        total_area = total_area.checked_add(a).unwrap_or_else(|| {
            overflowed = true;
            0
        });
    }

    let mut excluded_of = Vec::with_capacity(assembly.ballots.len());
    let mut counted: Vec<Counted<'_>> = Vec::with_capacity(assembly.ballots.len());
    let mut voted = vec![false; units.len()];
    for b in &assembly.ballots {
        let pos = positions.find(b.unit.as_str());
        let excluded = match pos.map(|p| units.get(p).map(|u| (p, *u))) {
            Err(true) => Some(Exclusion::OutOfScope),
            Err(false) | Ok(None) => Some(Exclusion::UnknownUnit),
            Ok(Some(_)) if b.cast_on < assembly.opened_on || b.cast_on > assembly.closed_on => {
                Some(Exclusion::OutsideWindow)
            }
            Ok(Some((_, u))) if !entitled(u, b, orgs) => Some(Exclusion::VoterNotEntitled),
            Ok(Some((p, _))) if voted.get(p).copied().unwrap_or(true) => Some(Exclusion::DuplicateUnit),
            Ok(Some((p, _))) => {
                if let Some(v) = voted.get_mut(p) {
                    *v = true;
                }
                let area = unit_area.get(p).copied().unwrap_or(0);
                counted.push(Counted { ballot: b, area, head: head_of_unit.get(p).copied().unwrap_or(0) });
                None
            }
        };
        excluded_of.push(excluded);
    }

    let total_heads = i128::try_from(n_heads).unwrap_or(i128::MAX);
    let grid = choice_grid(assembly, &counted);
    let n_matters = assembly.matters.len();
    let mut matters = Vec::with_capacity(n_matters);
    for (j, m) in assembly.matters.iter().enumerate() {
        // Column `j` of the grid: each counted ballot's choice on this matter.
        let column = grid.iter().skip(j).step_by(n_matters.max(1)).copied();
        let tally =
            if overflowed { None } else { matter(m, &counted, column, n_heads, total_area, total_heads, abstention) };
        matters.push(tally.unwrap_or_else(|| {
            overflowed = true;
            undecided(m)
        }));
    }
    let total = match (exact::area(total_area), exact::headcount(total_heads)) {
        (Some(area), Some(heads)) if !overflowed => AreaHeads { area, heads },
        _ => {
            overflowed = true;
            AreaHeads::default()
        }
    };
    if overflowed {
        matters = assembly.matters.iter().map(undecided).collect();
    }
    Lean { units, head_of_unit, n_heads, excluded: excluded_of, overflowed, total, matters }
}

/// Where a ballot's choices sit on the agenda: the first agenda position of a matter id.
pub(crate) struct Agenda<'a> {
    matters: &'a [Matter],
    /// The first agenda position of each matter id.
    first: HashMap<&'a str, usize>,
    /// For each agenda position, the first position with the same id (itself unless CFG002).
    first_of: Vec<usize>,
}

impl<'a> Agenda<'a> {
    pub(crate) fn of(assembly: &'a Assembly) -> Self {
        let n = assembly.matters.len();
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(n);
        let first_of =
            assembly.matters.iter().enumerate().map(|(j, m)| *first.entry(m.id.as_str()).or_insert(j)).collect();
        Self { matters: &assembly.matters, first, first_of }
    }

    /// The first agenda position of `id`, the `i`-th choice of a ballot. A ballot usually lists
    /// its choices in agenda order, so the `i`-th matter is compared first (unless its id is
    /// also earlier on the agenda); then a short agenda is searched in order rather than
    /// hashing the id.
    pub(crate) fn position(&self, i: usize, id: &MatterId) -> Option<usize> {
        if let Some(m) = self.matters.get(i)
            && self.first_of.get(i) == Some(&i)
            && m.id == *id
        {
            return Some(i);
        }
        if self.matters.len() <= SHORT_AGENDA {
            self.matters.iter().position(|m| m.id == *id)
        } else {
            self.first.get(id.as_str()).copied()
        }
    }
}

/// Each counted ballot's choice on each matter of the agenda, row by row (one row per counted
/// ballot, one column per matter): what `ballot.choices.get(matter.id)` gives, read once per
/// ballot instead of once per ballot and matter. Two matters with one id (CFG002) both read the
/// ballot's choice for that id, as `get` would.
fn choice_grid(assembly: &Assembly, counted: &[Counted<'_>]) -> Vec<Option<Choice>> {
    let n = assembly.matters.len();
    let agenda = Agenda::of(assembly);
    let mut grid = vec![None; counted.len().saturating_mul(n)];
    for (row, c) in grid.chunks_mut(n.max(1)).zip(counted) {
        for (i, (k, choice)) in c.ballot.choices.iter().enumerate() {
            if let Some(slot) = agenda.position(i, k).and_then(|j| row.get_mut(j)) {
                *slot = Some(*choice);
            }
        }
        for (j, &f) in agenda.first_of.iter().enumerate() {
            if f != j {
                let copied = row.get(f).copied().flatten();
                if let Some(slot) = row.get_mut(j) {
                    *slot = copied;
                }
            }
        }
    }
    grid
}

/// Agendas of at most this many matters are searched in order by [`Agenda::position`].
const SHORT_AGENDA: usize = 8;

/// A matter whose tally could not be computed: all zero, nothing met.
fn undecided(m: &Matter) -> MatterTally {
    MatterTally {
        id: m.id.clone(),
        kind: m.kind,
        majority: Majority::of(m.kind),
        area: Axis::default(),
        heads: Axis::default(),
        approving: AreaHeads::default(),
        quorum: Check::default(),
        approval: Check::default(),
        split_heads: Vec::new(),
    }
}

/// Raw counts on one axis, as integers.
#[derive(Default)]
struct Raw {
    participating: i128,
    for_: i128,
    against: i128,
    abstain: i128,
}

impl Raw {
    fn add(&mut self, c: Choice, n: i128) -> Option<()> {
        let slot = match c {
            Choice::For => &mut self.for_,
            Choice::Against => &mut self.against,
            Choice::Abstain => &mut self.abstain,
        };
        *slot = slot.checked_add(n)?;
        self.participating = self.participating.checked_add(n)?;
        Some(())
    }

    /// The approving count: for, plus abstentions that follow a leading "for".
    fn approving(&self, abstention: Abstention) -> Option<i128> {
        match abstention {
            Abstention::FollowMajority if self.for_ > self.against => self.for_.checked_add(self.abstain),
            _ => Some(self.for_),
        }
    }
}

/// The tally of one matter; `None` on overflow.
#[allow(clippy::too_many_arguments, reason = "the tally's totals, passed down once per matter")]
fn matter(
    m: &Matter,
    counted: &[Counted<'_>],
    column: impl Iterator<Item = Option<Choice>>,
    n_heads: usize,
    total_area: Hundredths,
    total_heads: i128,
    abstention: Abstention,
) -> Option<MatterTally> {
    let mut area = Raw::default();
    let mut choices: Vec<Option<Choice>> = vec![None; n_heads];
    let mut split = vec![false; n_heads];
    for (c, choice) in counted.iter().zip(column) {
        let Some(choice) = choice else { continue };
        area.add(choice, c.area)?;
        let (slot, split) = (choices.get_mut(c.head)?, split.get_mut(c.head)?);
        match slot {
            Some(prev) if *prev != choice => *split = true,
            _ => *slot = Some(choice),
        }
    }
    let mut heads = Raw::default();
    let mut split_heads = Vec::new();
    for (h, (choice, split)) in choices.iter().zip(&split).enumerate() {
        match (choice, split) {
            (None, _) => {}
            (Some(_), true) => {
                heads.add(Choice::Abstain, 1)?;
                split_heads.push(h);
            }
            (Some(c), false) => heads.add(*c, 1)?,
        }
    }

    let majority = Majority::of(m.kind);
    let bound = majority.exact();
    let q = Bound::TWO_THIRDS;
    let (appr_area, appr_heads) = (area.approving(abstention)?, heads.approving(abstention)?);
    let area_of = |h: i128| exact::area(h);
    let heads_of = |h: i128| exact::headcount(h);
    Some(MatterTally {
        id: m.id.clone(),
        kind: m.kind,
        majority,
        area: Axis {
            total: area_of(total_area)?,
            participating: area_of(area.participating)?,
            in_favour: area_of(area.for_)?,
            against: area_of(area.against)?,
            abstaining: area_of(area.abstain)?,
        },
        heads: Axis {
            total: heads_of(total_heads)?,
            participating: heads_of(heads.participating)?,
            in_favour: heads_of(heads.for_)?,
            against: heads_of(heads.against)?,
            abstaining: heads_of(heads.abstain)?,
        },
        approving: AreaHeads { area: area_of(appr_area)?, heads: heads_of(appr_heads)? },
        quorum: Check {
            area_met: q.met(area.participating, total_area)?,
            heads_met: q.met(heads.participating, total_heads)?,
            needed: AreaHeads {
                area: area_of(q.least_part(total_area)?)?,
                heads: heads_of(q.least_part(total_heads)?)?,
            },
            missing: AreaHeads {
                area: area_of(q.shortfall(area.participating, total_area)?)?,
                heads: heads_of(q.shortfall(heads.participating, total_heads)?)?,
            },
        },
        approval: Check {
            area_met: bound.met(appr_area, area.participating)?,
            heads_met: bound.met(appr_heads, heads.participating)?,
            needed: AreaHeads {
                area: area_of(bound.least_part(area.participating)?)?,
                heads: heads_of(bound.least_part(heads.participating)?)?,
            },
            missing: AreaHeads {
                area: area_of(bound.shortfall(appr_area, area.participating)?)?,
                heads: heads_of(bound.shortfall(appr_heads, heads.participating)?)?,
            },
        },
        split_heads,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "a test mutating a fixture it just loaded")]
mod tests {
    use proptest::prelude::*;

    use super::{Abstention, Agenda, SHORT_AGENDA, lean, unit_positions};
    use crate::GovernanceConfig;
    use crate::model::{MatterId, Scope, UnitId};

    /// Either side of the short agenda (searched in order up to `SHORT_AGENDA` matters, by
    /// table beyond): a choice's first agenda position is found wherever the ballot lists it,
    /// with a matter id repeated on the agenda (CFG002) and one that is not on it.
    #[test]
    fn agenda_positions_either_side_of_the_short_agenda() {
        for n in [SHORT_AGENDA, SHORT_AGENDA + 1] {
            let mut cfg = GovernanceConfig::from_json_str(crate::example::GUOKEYUAN_JSON).unwrap();
            let a = &mut cfg.compounds[0].assemblies[0];
            let template = a.matters[0].clone();
            a.matters = (0..n)
                .map(|j| {
                    let mut m = template.clone();
                    // The last matter repeats the id of the second.
                    m.id = format!("m-{}", if j + 1 == n { 1 } else { j }).parse().unwrap();
                    m
                })
                .collect();
            let agenda = Agenda::of(a);
            let id = |s: &str| -> MatterId { s.parse().unwrap() };
            for i in 0..=n {
                // Listed at its own position, at another, or past the agenda's end.
                assert_eq!(agenda.position(i, &id("m-0")), Some(0), "{n} matters, choice {i}");
                assert_eq!(
                    agenda.position(i, &id("m-1")),
                    Some(1),
                    "{n} matters, choice {i}: the first of a repeated id"
                );
                assert_eq!(agenda.position(i, &id("m-x")), None, "{n} matters, choice {i}");
            }
            assert_eq!(
                agenda.position(n - 1, &id("m-1")),
                Some(1),
                "{n} matters: the repeat's own position is not its first"
            );
        }
    }

    proptest! {
        /// The audit's tally, which finds ballots' units in the compound's shared table, counts
        /// as the tally that builds its own: ballots moved to other units, to units of another
        /// building, to no unit, in a compound or a building vote, with or without a duplicated
        /// unit id (when the shared table is not used).
        #[test]
        fn shared_unit_positions_count_as_own(
            moves in prop::collection::vec((0..32_usize, 0..16_usize), 0..24),
            building in any::<bool>(),
            duplicate in prop::option::of(0..12_usize),
        ) {
            let mut cfg = GovernanceConfig::from_json_str(crate::example::GUOKEYUAN_JSON).unwrap();
            let c = &mut cfg.compounds[0];
            let ids: Vec<UnitId> =
                c.units.iter().map(|u| u.id.clone()).chain(std::iter::once("u-9-999".parse().unwrap())).collect();
            let first_building = c.buildings[0].id.clone();
            for a in &mut c.assemblies {
                let n = a.ballots.len();
                for &(bi, ui) in &moves {
                    if let Some(b) = a.ballots.get_mut(bi % n.max(1)) {
                        b.unit = ids[ui % ids.len()].clone();
                    }
                }
                if building {
                    a.scope = Scope::Building(first_building.clone());
                }
            }
            if let Some(d) = duplicate {
                let twin = c.units[d % c.units.len()].clone();
                c.units.push(twin);
            }
            let c = &cfg.compounds[0];
            let table = unit_positions(c);
            for a in &c.assemblies {
                let own = lean(c, a, Abstention::NotCounted, None, None);
                let shared = lean(c, a, Abstention::NotCounted, None, Some(&table));
                prop_assert_eq!(&own.excluded, &shared.excluded);
                prop_assert_eq!((&own.head_of_unit, own.n_heads), (&shared.head_of_unit, shared.n_heads));
                prop_assert_eq!(&own.matters, &shared.matters);
            }
        }
    }
}
