//! Injected violations: the faults of `--violations` and the manifest that lists them.
//!
//! About three compounds in four receive one fault. The faults are *kinds*, one per rule code
//! (a few list a second, cascading finding), taken in the order of [`KINDS`]: each compound
//! gets the first kind not yet used in the current round that fits it (a fault on the joint
//! account needs an account, one on the owners' committee needs a committee of kind
//! `owners_committee`…); once every kind has been used the round starts again. So a district of
//! 200 compounds covers nearly every kind, and the choice depends only on the compounds before
//! it: compound `k` is the same in a document of 10 compounds and one of 600.
//!
//! Each kind is written against the rule's code in `src/rules/<family>.rs` so that the audit
//! under `default` reports exactly the findings the kind lists and no other error or warning:
//! it changes one thing, picks people with no other role (spare owners, the candidate who was
//! not elected), dates what it adds inside the windows no other rule reads (the quarter of the
//! joint account not yet disclosed), and puts faulty ballots on an assembly of its own
//! (a vote to amend the covenant, which no other rule depends on). A kind that does not fit a
//! compound changes nothing.

mod committee;
mod money;
mod org;

use std::collections::HashSet;

use chrono::NaiveDate;

use super::InjectedViolation;
use super::calendar;
use super::compound::{Env, Site};
use super::people::{self, Gen, id};
use super::rng::Rng;
use super::votes::{self, Put, Window};
use crate::model::{
    Assembly, CommitteeKind, Compound, CompoundId, DeclaredResult, MatterKind, PersonId, Scope, Unit, UnitId,
};
use crate::report::RuleCode;

/// What a kind returns: `None` when it does not fit the compound (and changed nothing), else
/// the findings it produces.
type Out = Gen<Option<Vec<InjectedViolation>>>;

/// One kind of fault: the code it is about and the function that applies it.
struct Kind {
    code: RuleCode,
    apply: fn(&mut Inj<'_, '_>) -> Out,
}

/// The kinds, in the order they are handed out.
const KINDS: &[Kind] = &[
    Kind { code: RuleCode::Cfg001, apply: org::ghost_supervisor },
    Kind { code: RuleCode::Cfg002, apply: org::duplicate_meeting },
    Kind { code: RuleCode::Cfg003, apply: org::notice_after_opening },
    Kind { code: RuleCode::Cfg004, apply: org::audit_in_future },
    Kind { code: RuleCode::Cfg005, apply: org::zero_area },
    Kind { code: RuleCode::Cfg006, apply: org::owned_and_developer_held },
    Kind { code: RuleCode::Org001, apply: org::no_branch },
    Kind { code: RuleCode::Org002, apply: org::non_party_officer },
    Kind { code: RuleCode::Org003, apply: org::non_party_member },
    Kind { code: RuleCode::Org005, apply: org::community_of_wrong_kind },
    Kind { code: RuleCode::Org006, apply: org::outsider_in_group },
    Kind { code: RuleCode::Org007, apply: org::uncovered_building },
    Kind { code: RuleCode::Org008, apply: org::liaison_overreach },
    Kind { code: RuleCode::Org009, apply: org::liaison_elsewhere },
    Kind { code: RuleCode::De001, apply: org::party_seat_to_non_party },
    Kind { code: RuleCode::De002, apply: org::member_off_roll },
    Kind { code: RuleCode::De004, apply: org::no_cross_appointment },
    Kind { code: RuleCode::De007, apply: org::member_works_for_company },
    Kind { code: RuleCode::El001, apply: org::even_prep_group },
    Kind { code: RuleCode::El002, apply: org::few_owner_reps },
    Kind { code: RuleCode::El003, apply: org::wrong_leader },
    Kind { code: RuleCode::El004, apply: org::ineligible_rep },
    Kind { code: RuleCode::Cm001, apply: committee::even_committee },
    Kind { code: RuleCode::Cm002, apply: committee::non_owner_member },
    Kind { code: RuleCode::Cm003, apply: committee::two_chairs },
    Kind { code: RuleCode::Cm004, apply: committee::term_too_long },
    Kind { code: RuleCode::Cm005, apply: committee::term_expired },
    Kind { code: RuleCode::Cm006, apply: committee::reelection_due },
    Kind { code: RuleCode::Cm007, apply: committee::late_first_meeting },
    Kind { code: RuleCode::Cm008, apply: committee::late_filing },
    Kind { code: RuleCode::Cm009, apply: committee::seats_inflated },
    Kind { code: RuleCode::Cm010, apply: committee::unelected_member },
    Kind { code: RuleCode::Nl001, apply: committee::non_owner_candidate },
    Kind { code: RuleCode::Nl002, apply: committee::limited_capacity },
    Kind { code: RuleCode::Nl003, apply: committee::candidate_company_tie },
    Kind { code: RuleCode::Nl004, apply: committee::illegal_construction },
    Kind { code: RuleCode::Nl005, apply: committee::structural_damage },
    Kind { code: RuleCode::Nl006, apply: committee::occupied_common_part },
    Kind { code: RuleCode::Nl008, apply: committee::recent_crime },
    Kind { code: RuleCode::Nl009, apply: committee::dishonest_debtor },
    Kind { code: RuleCode::Nl013, apply: committee::economic_ties },
    Kind { code: RuleCode::Nl016, apply: committee::few_party_candidates },
    Kind { code: RuleCode::Nl017, apply: committee::too_few_candidates },
    Kind { code: RuleCode::Av001, apply: no_quorum },
    Kind { code: RuleCode::Av002, apply: wrong_declared_result },
    Kind { code: RuleCode::Av003, apply: ballot_of_other_compound },
    Kind { code: RuleCode::Av004, apply: ballot_by_non_owner },
    Kind { code: RuleCode::Av005, apply: second_ballot },
    Kind { code: RuleCode::Av006, apply: split_head },
    Kind { code: RuleCode::Av007, apply: late_ballot },
    Kind { code: RuleCode::Av008, apply: short_notice },
    Kind { code: RuleCode::Av009, apply: unknown_matter_choice },
    Kind { code: RuleCode::Ja002, apply: money::no_company_signatory },
    Kind { code: RuleCode::Ja003, apply: money::missing_approval },
    Kind { code: RuleCode::Ja004, apply: money::approver_not_signatory },
    Kind { code: RuleCode::Ja005, apply: money::signatory_for_two_parties },
    Kind { code: RuleCode::Ja006, apply: money::approved_after_payment },
    Kind { code: RuleCode::Ja007, apply: money::payment_without_resolution },
    Kind { code: RuleCode::Ja008, apply: money::overdrawn },
    Kind { code: RuleCode::Ja009, apply: money::unauthorised_revenue },
    Kind { code: RuleCode::Ja011, apply: money::missing_disclosure },
    Kind { code: RuleCode::Ja012, apply: money::disclosure_off },
    Kind { code: RuleCode::Ja016, apply: money::cost_without_basis },
    Kind { code: RuleCode::Ja017, apply: money::zero_amount },
    Kind { code: RuleCode::Ja018, apply: money::top_up_not_deposited },
    Kind { code: RuleCode::Mf001, apply: money::fund_use_without_resolution },
    Kind { code: RuleCode::Mf002, apply: money::unknown_emergency },
    Kind { code: RuleCode::Mf003, apply: money::fund_balance_off },
    Kind { code: RuleCode::Mf004, apply: money::fund_depleted },
    Kind { code: RuleCode::Mt001, apply: money::no_prior_deliberation },
    Kind { code: RuleCode::Mt002, apply: money::no_observer },
    Kind { code: RuleCode::Mt003, apply: money::missed_joint_meeting },
    Kind { code: RuleCode::Mt004, apply: money::joint_meeting_without_company },
    Kind { code: RuleCode::Mt005, apply: money::no_quorum_meeting },
    Kind { code: RuleCode::Mt006, apply: money::decision_without_majority },
    Kind { code: RuleCode::Mt007, apply: money::minutes_late },
];

/// Chooses and applies the faults.
pub(super) struct Injector {
    /// Which kinds were used in the current round.
    used: Vec<bool>,
}

impl Injector {
    pub(super) fn new(_seed: u64) -> Self {
        Self { used: vec![false; KINDS.len()] }
    }

    /// Injects at most one fault into `site` (three compounds in four), the first kind of the
    /// round not yet used that fits it.
    pub(super) fn inject(
        &mut self,
        rng: &mut Rng,
        site: &mut Site,
        env: &Env<'_>,
        prev: Option<&Compound>,
    ) -> Gen<Vec<InjectedViolation>> {
        if !rng.chance(75) {
            return Ok(Vec::new());
        }
        if self.used.iter().all(|u| *u) {
            self.used.iter_mut().for_each(|u| *u = false);
        }
        let unused = (0..KINDS.len()).filter(|i| !self.used.get(*i).copied().unwrap_or(true));
        let used = (0..KINDS.len()).filter(|i| self.used.get(*i).copied().unwrap_or(false));
        let order: Vec<usize> = unused.chain(used).collect();
        for i in order {
            let Some(kind) = KINDS.get(i) else { continue };
            let mut inj = Inj { rng: &mut *rng, site: &mut *site, env, prev };
            if let Some(found) = (kind.apply)(&mut inj)? {
                debug_assert!(found.iter().any(|v| v.code == kind.code), "kind {} lists its code", kind.code);
                if let Some(u) = self.used.get_mut(i) {
                    *u = true;
                }
                return Ok(found);
            }
        }
        Ok(Vec::new())
    }
}

/// A compound being faulted, with what the kinds need around it.
pub(super) struct Inj<'a, 'e> {
    pub(super) rng: &'a mut Rng,
    pub(super) site: &'a mut Site,
    pub(super) env: &'a Env<'e>,
    /// The compound built before this one, if any.
    pub(super) prev: Option<&'a Compound>,
}

impl Inj<'_, '_> {
    /// A manifest entry in this compound.
    pub(super) fn hit(&self, code: RuleCode, subject: impl std::fmt::Display) -> InjectedViolation {
        InjectedViolation { code, subject: subject.to_string(), compound: self.cid() }
    }

    /// The compound's id.
    pub(super) fn cid(&self) -> CompoundId {
        self.site.c.id.clone()
    }

    pub(super) fn as_of(&self) -> NaiveDate {
        self.env.as_of
    }

    /// The `n`-th owner with no role at all (not a party member, owner of one unit).
    pub(super) fn spare(&self, n: usize) -> Option<PersonId> {
        self.site.r.spare.get(n).cloned()
    }

    /// Whether the compound has an owners' committee of kind `owners_committee` (the CM rules
    /// and the removal pass of the negative list check those only).
    pub(super) fn owners_committee(&self) -> bool {
        self.site.c.owners_committee.as_ref().is_some_and(|oc| oc.kind == CommitteeKind::OwnersCommittee)
    }

    /// The opening day of the vote that elected the committee (the negative list's day).
    pub(super) fn election_day(&self) -> Option<NaiveDate> {
        let e = self.site.c.elections.first()?;
        self.site.c.assemblies.iter().find(|a| a.id == e.assembly).map(|a| a.opened_on)
    }

    /// Units with a ballot in any vote.
    pub(super) fn voted(&self) -> HashSet<UnitId> {
        self.site.c.assemblies.iter().flat_map(|a| &a.ballots).map(|b| b.unit.clone()).collect()
    }

    /// A new person of the compound who owns nothing: `p-TAG-SUFFIX`, an adult.
    pub(super) fn new_person(&mut self, suffix: &str) -> Gen<PersonId> {
        let p = people::person(self.rng, &format!("p-{}-{suffix}", self.site.tag), (1960, 1990))?;
        let pid = p.id.clone();
        self.site.people.push(p);
        Ok(pid)
    }

    /// Holds a vote of the whole compound on `puts` of its own (`asm-TAG-YYYY-09`), closing
    /// 20–60 days before `as_of`, and returns its index among the assemblies. `None` for a
    /// compound of fewer than 60 units, where one bad ballot could move a result.
    pub(super) fn side_vote(&mut self, puts: &[Put]) -> Gen<Option<usize>> {
        if self.site.c.units.len() < 60 || self.site.c.units.iter().all(|u| u.owners.is_empty()) {
            return Ok(None);
        }
        let closed = calendar::days(self.as_of(), -i64::try_from(self.rng.range(20, 60)).unwrap_or(30));
        let aid = format!("asm-{}-{}-09", self.site.tag, chrono::Datelike::year(&closed));
        let w = Window::closing(self.rng, closed);
        let units: Vec<&Unit> = self.site.c.units.iter().collect();
        let held = votes::hold(self.rng, &aid, Scope::Compound, &units, w, puts)?;
        self.site.c.assemblies.push(held.assembly);
        Ok(Some(self.site.c.assemblies.len() - 1))
    }

    /// The side vote of [`side_vote`](Self::side_vote) on amending the covenant (which no other
    /// rule reads), with its index.
    fn covenant_vote(&mut self) -> Gen<Option<usize>> {
        self.side_vote(&[Put::pass(MatterKind::AmendCovenant, "修订管理规约（停车管理条款）")])
    }

    fn assembly_mut(&mut self, ai: usize) -> Option<&mut Assembly> {
        self.site.c.assemblies.get_mut(ai)
    }
}

/// `asm/child`, the subject of a ballot or matter finding.
fn sub(a: &Assembly, child: &impl std::fmt::Display) -> String {
    format!("{}/{child}", a.id)
}

/// AV001: a covenant vote declared passed with only two ballots in five kept.
fn no_quorum(inj: &mut Inj<'_, '_>) -> Out {
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let keep = a.ballots.len() * 2 / 5;
    a.ballots.truncate(keep);
    let s = a.matters.first().map(|m| sub(a, &m.id)).unwrap_or_default();
    Ok(Some(vec![inj.hit(RuleCode::Av001, s)]))
}

/// AV002: a covenant vote that passed by tally, declared failed.
fn wrong_declared_result(inj: &mut Inj<'_, '_>) -> Out {
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let Some(m) = a.matters.first_mut() else { return Ok(None) };
    m.declared_result = Some(DeclaredResult::Failed);
    let s = sub(a, &id::<crate::model::MatterId>("m-1")?);
    Ok(Some(vec![inj.hit(RuleCode::Av002, s)]))
}

/// AV003: a ballot of the covenant vote names a unit of the compound before this one.
fn ballot_of_other_compound(inj: &mut Inj<'_, '_>) -> Out {
    let Some(other) = inj.prev.and_then(|p| p.units.first()).map(|u| u.id.clone()) else { return Ok(None) };
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let Some(b) = a.ballots.first_mut() else { return Ok(None) };
    b.unit = other.clone();
    let s = sub(a, &other);
    Ok(Some(vec![inj.hit(RuleCode::Av003, s)]))
}

/// AV004: a ballot of the covenant vote cast by a spare owner of another unit.
fn ballot_by_non_owner(inj: &mut Inj<'_, '_>) -> Out {
    let Some(stranger) = inj.spare(0) else { return Ok(None) };
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let units = inj.site.c.units.clone();
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let owns = |unit: &UnitId| units.iter().any(|u| u.id == *unit && u.owners.contains(&stranger));
    let Some(b) = a.ballots.iter_mut().find(|b| !owns(&b.unit)) else { return Ok(None) };
    b.voter = stranger;
    let unit = b.unit.clone();
    let s = sub(a, &unit);
    Ok(Some(vec![inj.hit(RuleCode::Av004, s)]))
}

/// AV005: a unit's ballot of the covenant vote counted twice.
fn second_ballot(inj: &mut Inj<'_, '_>) -> Out {
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let Some(b) = a.ballots.first().cloned() else { return Ok(None) };
    let s = sub(a, &b.unit);
    a.ballots.insert(1, b);
    Ok(Some(vec![inj.hit(RuleCode::Av005, s)]))
}

/// AV006: an owner of two units votes them differently in the covenant vote.
fn split_head(inj: &mut Inj<'_, '_>) -> Out {
    let Some(owner) = inj.site.r.multi_owner.clone() else { return Ok(None) };
    let units: Vec<UnitId> =
        inj.site.c.units.iter().filter(|u| u.owners.contains(&owner)).map(|u| u.id.clone()).collect();
    if units.len() < 2 {
        return Ok(None);
    }
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let matter: crate::model::MatterId = id("m-1")?;
    let opened = a.opened_on;
    // Both units vote, the first for and the second against.
    for (n, unit) in units.iter().take(2).enumerate() {
        let choice = if n == 0 { crate::model::Choice::For } else { crate::model::Choice::Against };
        let choices: crate::model::UniqueMap<_, _> = std::iter::once((matter.clone(), choice)).collect();
        match a.ballots.iter_mut().find(|b| b.unit == *unit) {
            Some(b) => b.choices = choices,
            None => a.ballots.push(crate::model::Ballot {
                unit: unit.clone(),
                voter: owner.clone(),
                proxy_for: None,
                cast_on: opened,
                choices,
            }),
        }
    }
    Ok(Some(vec![inj.hit(RuleCode::Av006, &owner)]))
}

/// AV007: a ballot of the covenant vote cast the day after it closed.
fn late_ballot(inj: &mut Inj<'_, '_>) -> Out {
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let closed = a.closed_on;
    let Some(b) = a.ballots.first_mut() else { return Ok(None) };
    b.cast_on = calendar::days(closed, 1);
    let unit = b.unit.clone();
    let s = sub(a, &unit);
    Ok(Some(vec![inj.hit(RuleCode::Av007, s)]))
}

/// AV008: the covenant vote announced 10 days before it opened.
fn short_notice(inj: &mut Inj<'_, '_>) -> Out {
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    a.notice_published_on = calendar::days(a.opened_on, -10);
    let s = a.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Av008, s)]))
}

/// AV009: a ballot of the covenant vote also answers a matter `m-9` that was not put.
fn unknown_matter_choice(inj: &mut Inj<'_, '_>) -> Out {
    let Some(ai) = inj.covenant_vote()? else { return Ok(None) };
    let extra: crate::model::MatterId = id("m-9")?;
    let Some(a) = inj.assembly_mut(ai) else { return Ok(None) };
    let Some(b) = a.ballots.first_mut() else { return Ok(None) };
    let mut choices: crate::model::UniqueMap<_, _> = b.choices.iter().map(|(k, v)| (k.clone(), *v)).collect();
    if choices.insert(extra, crate::model::Choice::For).is_err() {
        return Ok(None);
    }
    b.choices = choices;
    let unit = b.unit.clone();
    let s = sub(a, &unit);
    Ok(Some(vec![inj.hit(RuleCode::Av009, s)]))
}
