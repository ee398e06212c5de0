//! Assembly votes with ballots that meet Art 278 (or, for a matter meant to fail, miss its
//! majority), counted with the crate's own reading: one head per owner (all units of one owner
//! are one head; a co-owned unit is one head), the developer one head, area by registered area.
//!
//! Margins are wide on purpose, so that one fault injected later (a zero area on a unit that
//! did not vote, one owner splitting a vote) cannot change a result: participation is at least
//! 78% of the heads and of the area (2/3 needed), and a matter meant to pass has at least 86%
//! of the participating heads and area in favour (3/4 needed for the special majority); a
//! matter meant to fail stays below 70% in favour on both axes.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::calendar;
use super::people::{Gen, id};
use super::rng::Rng;
use crate::model::{
    Assembly, AssemblyId, Ballot, Channel, Choice, DeclaredResult, Matter, MatterId, MatterKind, Money, PersonId,
    Scope, UniqueMap, Unit,
};

/// A matter to put to the vote and whether it should pass.
pub(super) struct Put {
    pub(super) kind: MatterKind,
    pub(super) title: String,
    pub(super) amount: Option<Money>,
    pub(super) election: Option<crate::model::ElectionId>,
    pub(super) pass: bool,
}

impl Put {
    /// A matter meant to pass, without amount or election.
    pub(super) fn pass(kind: MatterKind, title: impl Into<String>) -> Self {
        Self { kind, title: title.into(), amount: None, election: None, pass: true }
    }
}

/// The dates of a vote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    pub(super) notice: NaiveDate,
    pub(super) opened: NaiveDate,
    pub(super) closed: NaiveDate,
}

impl Window {
    /// A vote closing on `closed`, open for 7–20 days, announced 15–25 days before it opens.
    pub(super) fn closing(rng: &mut Rng, closed: NaiveDate) -> Self {
        let opened = calendar::days(closed, -i64::try_from(rng.range(7, 20)).unwrap_or(10));
        let notice = calendar::days(opened, -i64::try_from(rng.range(15, 25)).unwrap_or(15));
        Self { notice, opened, closed }
    }
}

/// One head (SPC Art 9): its units and who votes for it.
struct Head<'a> {
    units: Vec<&'a Unit>,
    area: i128,
}

/// Everything about a finished vote the later stages want.
pub(super) struct Held {
    pub(super) assembly: Assembly,
}

/// Holds a vote of `scope` over `units` (the units in scope), with matters `m-1`, `m-2`, ….
pub(super) fn hold(rng: &mut Rng, aid: &str, scope: Scope, units: &[&Unit], w: Window, puts: &[Put]) -> Gen<Held> {
    let assembly_id: AssemblyId = id(aid)?;
    let mut matters = Vec::with_capacity(puts.len());
    for (i, p) in (1..).zip(puts) {
        matters.push(Matter {
            id: id::<MatterId>(&format!("m-{i}"))?,
            kind: p.kind,
            title: p.title.clone(),
            amount: p.amount,
            election: p.election.clone(),
            declared_result: Some(if p.pass { DeclaredResult::Passed } else { DeclaredResult::Failed }),
        });
    }
    // Heads, in document order of their first unit; developer units are one head that abstains
    // from voting altogether.
    let mut heads: Vec<Head<'_>> = Vec::new();
    let mut by_owner: HashMap<&PersonId, usize> = HashMap::new();
    let (mut total_area, mut developer_head) = (0_i128, false);
    for u in units {
        let a = u.area.hundredths();
        total_area = total_area.saturating_add(a);
        let Some(owner) = u.owners.first() else {
            developer_head = true;
            continue;
        };
        let i = *by_owner.entry(owner).or_insert_with(|| {
            heads.push(Head { units: Vec::new(), area: 0 });
            heads.len() - 1
        });
        if let Some(h) = heads.get_mut(i) {
            h.units.push(u);
            h.area = h.area.saturating_add(a);
        }
    }
    let total_heads = i128::try_from(heads.len()).unwrap_or(0) + i128::from(developer_head);
    // Participation: heads in random order until both axes reach the target share.
    let target = i128::from(rng.range(78, 90));
    let mut order: Vec<usize> = (0..heads.len()).collect();
    rng.shuffle(&mut order);
    let (mut part_area, mut part_heads, mut taken) = (0_i128, 0_i128, 0_usize);
    for &h in &order {
        if part_area * 100 >= target * total_area && part_heads * 100 >= target * total_heads {
            break;
        }
        part_area = part_area.saturating_add(heads.get(h).map_or(0, |x| x.area));
        part_heads += 1;
        taken += 1;
    }
    let mut voters: Vec<usize> = order.into_iter().take(taken).collect();
    voters.sort_unstable();
    // Choices per head and matter.
    let mut choices: Vec<Vec<Choice>> = vec![Vec::with_capacity(puts.len()); voters.len()];
    for (mi, p) in puts.iter().enumerate() {
        let col: Vec<Choice> = voters.iter().map(|_| first_choice(rng, p.pass)).collect();
        let col = settle(col, &voters, &heads, p.pass);
        for (row, c) in choices.iter_mut().zip(col) {
            if row.len() == mi {
                row.push(c);
            }
        }
    }
    let mut ballots = Vec::new();
    let span = u64::try_from(calendar::between(w.opened, w.closed).max(0)).unwrap_or(0);
    for (&h, row) in voters.iter().zip(&choices) {
        let Some(head) = heads.get(h) else { continue };
        let cast_on = calendar::days(w.opened, i64::try_from(rng.range(0, span)).unwrap_or(0));
        for u in &head.units {
            let caster = match u.owners.as_slice() {
                [_, second, ..] if rng.chance(30) => second.clone(),
                [first, ..] => first.clone(),
                [] => continue,
            };
            let map: UniqueMap<MatterId, Choice> =
                matters.iter().map(|m| m.id.clone()).zip(row.iter().copied()).collect();
            ballots.push(Ballot { unit: u.id.clone(), voter: caster, proxy_for: None, cast_on, choices: map });
        }
    }
    // Ballots in the order of the units.
    let pos: HashMap<&crate::model::UnitId, usize> = units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
    ballots.sort_by_key(|b| pos.get(&b.unit).copied().unwrap_or(usize::MAX));
    let channel = match rng.below(3) {
        0 => Channel::Paper,
        1 => Channel::Online,
        _ => Channel::Mixed,
    };
    let assembly = Assembly {
        id: assembly_id,
        scope,
        channel,
        notice_published_on: w.notice,
        opened_on: w.opened,
        closed_on: w.closed,
        matters,
        ballots,
    };
    Ok(Held { assembly })
}

fn first_choice(rng: &mut Rng, pass: bool) -> Choice {
    let r = rng.below(100);
    match (pass, r) {
        (true, 0..=91) | (false, 0..=54) => Choice::For,
        (true, 92..=96) | (false, 55..=89) => Choice::Against,
        _ => Choice::Abstain,
    }
}

/// Adjusts one matter's choices so that it passes (≥ 86% in favour on both axes) or fails (< 70%
/// on both axes), changing as few heads as it must, in document order.
fn settle(mut col: Vec<Choice>, voters: &[usize], heads: &[Head<'_>], pass: bool) -> Vec<Choice> {
    let area = |h: usize| heads.get(h).map_or(0, |x| x.area);
    let part_area: i128 = voters.iter().map(|&h| area(h)).sum();
    let part_heads = i128::try_from(voters.len()).unwrap_or(0);
    let tally = |col: &[Choice]| -> (i128, i128) {
        col.iter().zip(voters).filter(|(c, _)| **c == Choice::For).fold((0, 0), |(a, n), (_, &h)| (a + area(h), n + 1))
    };
    if pass {
        for i in 0..col.len() {
            let (fa, fh) = tally(&col);
            if fa * 100 >= 86 * part_area && fh * 100 >= 86 * part_heads {
                break;
            }
            if let Some(c) = col.get_mut(i) {
                *c = Choice::For;
            }
        }
    } else {
        for i in 0..col.len() {
            let (fa, fh) = tally(&col);
            if fa * 100 < 70 * part_area && fh * 100 < 70 * part_heads {
                break;
            }
            if let Some(c) = col.get_mut(i).filter(|c| **c == Choice::For) {
                *c = Choice::Against;
            }
        }
    }
    col
}
