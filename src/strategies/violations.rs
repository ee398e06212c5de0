//! [`violation`]: a valid config with one rule broken, the rule, and the subject it must name.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::Index as Pick;
use proptest::strategy::{BoxedStrategy, Union};

use super::document::valid_config;
use crate::config::GovernanceConfig;
use crate::dates::{add_days, sub_days, sub_years};
use crate::model::{
    Area, CommitteeMember, CommitteeRole, Compound, EntryKind, MeetingBody, Money, Person, PersonId, Record, Relation,
    Relative,
};
use crate::policy::{Params, Policy};
use crate::report::RuleCode;
use crate::screening::election_date;

/// A valid config with one violation injected: `config` audits with a finding of `code` on
/// `subject` under the `default` profile.
///
/// Other findings may follow from the same change (a ballot cast outside the window no longer
/// counts, so a tally may change); the one named here is certain.
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use xiaoqu::strategies::Violation;
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let Violation { config, code, subject } =
///     xiaoqu::strategies::violation().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// let report = xiaoqu::audit(&config, &config.policy()?);
/// assert!(report.with_code(code).any(|d| d.subject() == subject));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// The document with the violation.
    pub config: GovernanceConfig,
    /// The rule broken.
    pub code: RuleCode,
    /// The subject the finding names (a person, unit, entry, meeting, `ASSEMBLY/UNIT`…).
    pub subject: String,
}

/// The rules [`violation`] can break, at least one per family, and what each injection does
/// (on the compound of [`valid_config`], to an element drawn at random):
///
/// | code | injection |
/// |---|---|
/// | CFG001 | a meeting gets an observer whose id names nobody |
/// | CFG005 | a unit's area becomes 0 or negative (down to −1000.00) |
/// | ORG003 | a person who is not a party member joins the branch's members |
/// | ORG008 | a liaison household keeps 1–9 of its linked units |
/// | DE007 | a committee member gets the project manager as spouse or lineal relative |
/// | CM001 | the committee loses a member (not the chair) or gains an owner: an even size |
/// | CM005 | the term ends between the day after the election and the day before `as_of` |
/// | CM007 | the first meeting is held 8–67 days after the election |
/// | NL008 | a candidate's intentional sentence was completed less than 5 years before the election |
/// | NL009 | a candidate is listed as a dishonest debtor on the election day |
/// | EL001 | the preparatory group loses a member (not the leader): an even size |
/// | AV005 | a ballot is cast twice for its unit |
/// | AV007 | a ballot is cast 1–30 days before the vote opens or after it closes |
/// | AV008 | the notice is published 0–14 days before the vote opens |
/// | JA003 | a disbursement loses the approvals of one party |
/// | JA006 | an approval is dated 1–30 days after its disbursement |
/// | MF003 | the fund's recorded balance is off by 0.01–1,000,000.00 either way |
/// | MT004 | a joint meeting loses its attendees from the property company |
/// | MT005 | a committee meeting keeps at most half the members as attendees |
///
/// Thresholds (15 days' notice, 7 days to the first meeting, 5 years of look-back, the
/// liaison span) are those of the `default` profile.
///
/// # Example
/// ```
/// use xiaoqu::strategies::VIOLATIONS;
/// // At least one rule of every family.
/// for family in ["CFG", "ORG", "DE", "CM", "NL", "EL", "AV", "JA", "MF", "MT"] {
///     assert!(VIOLATIONS.iter().any(|c| c.as_str().starts_with(family)));
/// }
/// ```
pub const VIOLATIONS: &[RuleCode] = &[
    RuleCode::Cfg001,
    RuleCode::Cfg005,
    RuleCode::Org003,
    RuleCode::Org008,
    RuleCode::De007,
    RuleCode::Cm001,
    RuleCode::Cm005,
    RuleCode::Cm007,
    RuleCode::Nl008,
    RuleCode::Nl009,
    RuleCode::El001,
    RuleCode::Av005,
    RuleCode::Av007,
    RuleCode::Av008,
    RuleCode::Ja003,
    RuleCode::Ja006,
    RuleCode::Mf003,
    RuleCode::Mt004,
    RuleCode::Mt005,
];

/// One violation of any rule of [`VIOLATIONS`], each rule as likely as the others.
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let v = xiaoqu::strategies::violation().new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// let report = xiaoqu::audit(&v.config, &xiaoqu::Policy::default());
/// assert!(report.with_code(v.code).any(|d| d.subject() == v.subject));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn violation() -> BoxedStrategy<Violation> {
    Union::new(VIOLATIONS.iter().map(|code| single(*code))).boxed()
}

/// One violation of one of `codes`, each as likely as the others; `None` when no code of
/// `codes` is in [`VIOLATIONS`].
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use xiaoqu::RuleCode;
/// let quorum = xiaoqu::strategies::violation_of(&[RuleCode::Mt005]).ok_or("MT005 is injectable")?;
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let v = quorum.new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert_eq!(v.code, RuleCode::Mt005);
/// assert!(xiaoqu::strategies::violation_of(&[RuleCode::Nl007]).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn violation_of(codes: &[RuleCode]) -> Option<BoxedStrategy<Violation>> {
    let chosen: Vec<_> = codes.iter().filter(|c| VIOLATIONS.contains(c)).map(|c| single(*c)).collect();
    if chosen.is_empty() { None } else { Some(Union::new(chosen).boxed()) }
}

/// The random choices an injection draws from (each uses what it needs).
#[derive(Debug, Clone)]
struct Knobs {
    first: Pick,
    second: Pick,
    third: Pick,
    n: u32,
    days: u32,
    fen: i128,
    seed: u64,
}

impl Knobs {
    /// `days % max` (`max` of 0 counts as 1).
    fn days_below(&self, max: u32) -> u32 {
        self.days % max.max(1)
    }

    /// `1 + n % max`: a count from 1 to `max` (`max` of 0 counts as 1).
    fn count_to(&self, max: usize) -> usize {
        1 + usize::try_from(self.n).unwrap_or(0) % max.max(1)
    }
}

fn knobs() -> impl Strategy<Value = Knobs> {
    (any::<Pick>(), any::<Pick>(), any::<Pick>(), 0u32..1000, 0u32..3650, 1i128..=100_000_000, any::<u64>())
        .prop_map(|(first, second, third, n, days, fen, seed)| Knobs { first, second, third, n, days, fen, seed })
}

fn single(code: RuleCode) -> BoxedStrategy<Violation> {
    (valid_config(), knobs())
        .prop_filter_map("an injectable document", move |(mut config, k)| {
            let subject = inject(code, &mut config, &k)?;
            Some(Violation { config, code, subject })
        })
        .boxed()
}

/// `pick` among `len` elements; `None` when there are none.
fn at(pick: Pick, len: usize) -> Option<usize> {
    (len > 0).then(|| pick.index(len))
}

/// The positions of `items` that satisfy `keep`.
fn positions<T>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<usize> {
    items.iter().enumerate().filter(|(_, x)| keep(x)).map(|(i, _)| i).collect()
}

/// One of the positions of `items` that satisfy `keep`, drawn by `pick`.
fn pick_where<T>(items: &[T], pick: Pick, keep: impl Fn(&T) -> bool) -> Option<usize> {
    let found = positions(items, keep);
    found.get(at(pick, found.len())?).copied()
}

/// Removes elements at positions drawn from `seed` until `keep` are left.
fn keep_random<T>(items: &mut Vec<T>, keep: usize, seed: u64) {
    let mut x = seed | 1;
    while items.len() > keep {
        // xorshift64: enough to spread the removals, and a function of the seed (so it shrinks).
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = u64::try_from(items.len()).unwrap_or(u64::MAX);
        items.remove(usize::try_from(x % len).unwrap_or(0));
    }
}

fn person<'a>(cfg: &'a mut GovernanceConfig, id: &PersonId) -> Option<&'a mut Person> {
    cfg.people.iter_mut().find(|p| p.id == *id)
}

/// Breaks `code` in `cfg`; the subject of the finding, or `None` when the document has no
/// element to break it on.
fn inject(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs) -> Option<String> {
    let params = Policy::default().params().clone();
    match code {
        RuleCode::Cfg001 | RuleCode::Cfg005 => integrity(code, cfg, k),
        RuleCode::Org003 | RuleCode::Org008 => organization(code, cfg, k, params.liaison_span.min),
        RuleCode::De007 => property_company_tie(cfg, k),
        RuleCode::Cm001 | RuleCode::Cm005 | RuleCode::Cm007 => committee(code, cfg, k, &params),
        RuleCode::Nl008 | RuleCode::Nl009 => negative_list(code, cfg, k, params.crime_lookback_years),
        RuleCode::El001 => preparatory_group(cfg, k),
        RuleCode::Av005 | RuleCode::Av007 | RuleCode::Av008 => assembly(code, cfg, k, params.assembly_notice_days),
        RuleCode::Ja003 | RuleCode::Ja006 => account(code, cfg, k),
        RuleCode::Mf003 => {
            let compound = cfg.compounds.first_mut()?;
            let fund = compound.maintenance_fund.as_mut()?;
            let off = if k.n % 2 == 0 { k.fen } else { -k.fen };
            fund.balance = Money::from_hundredths(fund.balance.hundredths().checked_add(off)?)?;
            Some(compound.id.to_string())
        }
        RuleCode::Mt004 | RuleCode::Mt005 => meetings(code, cfg, k),
        _ => None,
    }
}

/// CFG001, CFG005.
fn integrity(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs) -> Option<String> {
    if code == RuleCode::Cfg005 {
        let compound = cfg.compounds.first_mut()?;
        let i = at(k.first, compound.units.len())?;
        let unit = compound.units.get_mut(i)?;
        unit.area = Area::from_hundredths(-(k.fen % 100_001))?;
        return Some(unit.id.to_string());
    }
    let ghost = PersonId::new(&format!("ghost-{}", k.n)).ok()?;
    if cfg.people.iter().any(|p| p.id == ghost) {
        return None;
    }
    let compound = cfg.compounds.first_mut()?;
    let i = at(k.first, compound.meetings.len())?;
    compound.meetings.get_mut(i)?.observers.push(ghost.clone());
    Some(ghost.to_string())
}

/// ORG003, ORG008 (`span_min`: the least span of a liaison household).
fn organization(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs, span_min: u32) -> Option<String> {
    let outsiders: Vec<PersonId> = cfg.people.iter().filter(|p| p.party.is_none()).map(|p| p.id.clone()).collect();
    let branch = cfg.compounds.first_mut()?.party_branch.as_mut()?;
    if code == RuleCode::Org003 {
        let outsiders: Vec<_> = outsiders.into_iter().filter(|p| !branch.members.contains(p)).collect();
        let who = outsiders.get(at(k.first, outsiders.len())?)?.clone();
        let pos = at(k.second, branch.members.len() + 1)?;
        branch.members.insert(pos, who.clone());
        return Some(who.to_string());
    }
    let i = at(k.first, branch.liaison_households.len())?;
    let household = branch.liaison_households.get_mut(i)?;
    let below = usize::try_from(span_min).ok()?.checked_sub(1)?;
    if household.hardship || below == 0 {
        return None;
    }
    let own = household.unit.clone();
    household.linked_units.retain(|u| *u != own);
    keep_random(&mut household.linked_units, k.count_to(below), k.seed);
    Some(household.member.to_string())
}

/// DE007.
fn property_company_tie(cfg: &mut GovernanceConfig, k: &Knobs) -> Option<String> {
    let compound = cfg.compounds.first()?;
    let manager = compound.property_service.as_ref()?.project_manager.clone()?;
    let members = &compound.owners_committee.as_ref()?.members;
    let who = members.get(at(k.first, members.len())?)?.person.clone();
    if who == manager {
        return None;
    }
    let lineal = [Relation::Spouse, Relation::Parent, Relation::Child, Relation::Grandparent, Relation::Grandchild];
    let relation = *lineal.get(at(k.second, lineal.len())?)?;
    person(cfg, &who)?.relatives.push(Relative { person: manager, relation });
    Some(who.to_string())
}

/// CM001, CM005, CM007.
fn committee(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs, params: &Params) -> Option<String> {
    let as_of = cfg.as_of;
    let compound = cfg.compounds.first_mut()?;
    let owners: Vec<PersonId> = compound.units.iter().flat_map(|u| u.owners.iter().cloned()).collect();
    let oc = compound.owners_committee.as_mut()?;
    match code {
        RuleCode::Cm005 => {
            let (lo, hi) = (add_days(oc.elected_on, 1)?, sub_days(as_of, 1)?);
            let span = u32::try_from(hi.signed_duration_since(lo).num_days()).ok()?;
            oc.term_end = add_days(lo, k.days_below(span + 1))?;
        }
        RuleCode::Cm007 => {
            oc.first_meeting_on = Some(add_days(oc.elected_on, params.first_meeting_days + 1 + k.days_below(60))?);
        }
        _ if k.n % 2 == 0 => {
            let i = pick_where(&oc.members, k.first, |m| m.role != CommitteeRole::Chair)?;
            oc.members.remove(i);
        }
        _ => {
            let mut free: Vec<_> = owners.into_iter().filter(|p| oc.members.iter().all(|m| m.person != *p)).collect();
            free.sort();
            free.dedup();
            let person = free.get(at(k.first, free.len())?)?.clone();
            oc.members.push(CommitteeMember { person, role: CommitteeRole::Member });
        }
    }
    let size = oc.members.len();
    let bad_size = size % 2 == 0 || !params.committee_size.contains(u64::try_from(size).ok()?);
    (code != RuleCode::Cm001 || bad_size).then(|| compound.id.to_string())
}

/// NL008, NL009 (`lookback`: years after a sentence during which it bars).
fn negative_list(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs, lookback: u32) -> Option<String> {
    let (who, day) = candidate(cfg.compounds.first()?, k)?;
    let record = if code == RuleCode::Nl009 {
        let to = if k.n % 3 == 0 { None } else { Some(add_days(day, 1 + k.n)?) };
        Record::DishonestDebtor { from: sub_days(day, k.days_below(3650))?, to }
    } else {
        // Completed on the election day at the latest, and less than the look-back before it.
        let lo = add_days(sub_years(day, lookback)?, 1)?;
        let span = u32::try_from(day.signed_duration_since(lo).num_days()).ok()?;
        let completed = add_days(lo, k.days_below(span + 1))?;
        Record::CriminalConviction {
            date: sub_days(completed, k.n)?,
            sentence_completed_on: Some(completed),
            intentional: true,
        }
    };
    person(cfg, &who)?.records.push(record);
    Some(who.to_string())
}

/// A candidate of an election of `compound` drawn by `k`, with the election day.
fn candidate(compound: &Compound, k: &Knobs) -> Option<(PersonId, NaiveDate)> {
    let election = compound.elections.get(at(k.first, compound.elections.len())?)?;
    let day = election_date(compound, election)?;
    let who = election.candidates.get(at(k.second, election.candidates.len())?)?.person.clone();
    Some((who, day))
}

/// EL001.
fn preparatory_group(cfg: &mut GovernanceConfig, k: &Knobs) -> Option<String> {
    let compound = cfg.compounds.first_mut()?;
    let i = at(k.first, compound.elections.len())?;
    let election = compound.elections.get_mut(i)?;
    let group = election.preparatory_group.as_mut()?;
    let leader = group.leader.clone();
    let i = pick_where(&group.members, k.second, |m| m.person != leader)?;
    group.members.remove(i);
    (group.members.len() % 2 == 0).then(|| election.id.to_string())
}

/// AV005, AV007, AV008 (`notice_days`: the days of notice required).
fn assembly(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs, notice_days: u32) -> Option<String> {
    let compound = cfg.compounds.first_mut()?;
    let i = at(k.first, compound.assemblies.len())?;
    let vote = compound.assemblies.get_mut(i)?;
    if code == RuleCode::Av008 {
        vote.notice_published_on = sub_days(vote.opened_on, k.days_below(notice_days))?;
        return Some(vote.id.to_string());
    }
    let (opened, closed) = (vote.opened_on, vote.closed_on);
    let j = at(k.second, vote.ballots.len())?;
    let ballot = vote.ballots.get_mut(j)?;
    let unit = ballot.unit.clone();
    if code == RuleCode::Av007 {
        let off = 1 + k.days_below(30);
        ballot.cast_on = if k.n % 2 == 0 { add_days(closed, off)? } else { sub_days(opened, off)? };
    } else {
        let copy = ballot.clone();
        let pos = at(k.third, vote.ballots.len() + 1)?;
        vote.ballots.insert(pos, copy);
    }
    Some(format!("{}/{unit}", vote.id))
}

/// JA003, JA006.
fn account(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs) -> Option<String> {
    let account = cfg.compounds.first_mut()?.joint_account.as_mut()?;
    let mut paid: Vec<_> = account
        .entries
        .iter_mut()
        .filter_map(|e| match &mut e.kind {
            EntryKind::Disbursement(d) if !d.approvals.is_empty() => Some((e.id.clone(), e.date, d)),
            _ => None,
        })
        .collect();
    let i = at(k.first, paid.len())?;
    let (id, date, paid) = paid.get_mut(i)?;
    let j = at(k.second, paid.approvals.len())?;
    if code == RuleCode::Ja003 {
        let party = paid.approvals.get(j)?.party;
        paid.approvals.retain(|a| a.party != party);
    } else {
        paid.approvals.get_mut(j)?.date = add_days(*date, 1 + k.days_below(30))?;
    }
    Some(id.to_string())
}

/// MT004, MT005.
fn meetings(code: RuleCode, cfg: &mut GovernanceConfig, k: &Knobs) -> Option<String> {
    let compound = cfg.compounds.first()?;
    let company = compound.property_service.as_ref()?.company.clone();
    let seated =
        compound.owners_committee.as_ref()?.members.iter().filter(|m| m.role != CommitteeRole::Alternate).count();
    let staff: Vec<PersonId> =
        cfg.people.iter().filter(|p| p.employment.iter().any(|e| e.org == company)).map(|p| p.id.clone()).collect();
    let compound = cfg.compounds.first_mut()?;
    let body = if code == RuleCode::Mt004 { MeetingBody::Joint } else { MeetingBody::OwnersCommittee };
    let i = pick_where(&compound.meetings, k.first, |m| m.body == body)?;
    let meeting = compound.meetings.get_mut(i)?;
    let before = meeting.attendees.len();
    if code == RuleCode::Mt004 {
        meeting.attendees.retain(|p| !staff.contains(p));
    } else {
        keep_random(&mut meeting.attendees, k.count_to(seated / 2), k.seed);
    }
    (code == RuleCode::Mt005 && seated >= 2 || meeting.attendees.len() < before).then(|| meeting.id.to_string())
}
