//! Faults of the joint account (JA), the maintenance fund (MF) and the meetings (MT).
//!
//! Entries a kind adds to the joint account are dated a few days before `as_of`, in the
//! quarter no disclosure covers yet (the generator discloses only quarters that ended at least
//! 30 days before `as_of`), so that every disclosure still reconciles (JA012).

#![allow(clippy::unnecessary_wraps, reason = "every kind has the signature of `Kind::apply`")]

use super::{Inj, Out};
use crate::example::calendar;
use crate::example::people::id;
use crate::example::votes::Put;
use crate::model::{
    Approval, Disbursement, Entry, EntryId, EntryKind, FundUse, JointAccount, MatterKind, MatterRef, MeetingBody,
    Money, Party, PersonId, Purpose, RevenueSource,
};
use crate::report::RuleCode;

fn fen(f: i128) -> Money {
    Money::from_hundredths(f).unwrap_or(Money::ZERO)
}

/// The index of the first disbursement that is not a top-up of the maintenance fund.
fn plain_disbursement(acc: &JointAccount) -> Option<usize> {
    acc.entries.iter().position(|e| {
        matches!(&e.kind, EntryKind::Disbursement(d) if d.purpose != Purpose::MaintenanceFundTopUp && d.resolution.is_none())
    })
}

fn disbursement_mut(acc: &mut JointAccount, ei: usize) -> Option<(EntryId, &mut Disbursement)> {
    let e = acc.entries.get_mut(ei)?;
    match &mut e.kind {
        EntryKind::Disbursement(d) => Some((e.id.clone(), d)),
        _ => None,
    }
}

/// JA002: the property company's custodian lists no signatory.
pub(super) fn no_company_signatory(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(k) = acc.custodians.iter_mut().find(|k| k.party == Party::PropertyCompany) else { return Ok(None) };
    k.signatories.clear();
    let s = acc.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Ja002, s)]))
}

/// JA003: a payment without the property company's approval.
pub(super) fn missing_approval(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(ei) = plain_disbursement(acc) else { return Ok(None) };
    let Some((eid, d)) = disbursement_mut(acc, ei) else { return Ok(None) };
    d.approvals.retain(|a| a.party != Party::PropertyCompany);
    Ok(Some(vec![inj.hit(RuleCode::Ja003, eid)]))
}

/// JA004: a payment approved for the committee by a spare owner who is not its signatory.
pub(super) fn approver_not_signatory(inj: &mut Inj<'_, '_>) -> Out {
    let Some(s) = inj.spare(0) else { return Ok(None) };
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(ei) = plain_disbursement(acc) else { return Ok(None) };
    let Some((_, d)) = disbursement_mut(acc, ei) else { return Ok(None) };
    let Some(a) = d.approvals.iter_mut().find(|a| a.party == Party::OwnersCommittee) else { return Ok(None) };
    a.person = s.clone();
    Ok(Some(vec![inj.hit(RuleCode::Ja004, s)]))
}

/// JA005: the community committee's signatory also registered as the committee's.
pub(super) fn signatory_for_two_parties(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let first = |p: Party| acc.custodians.iter().position(|k| k.party == p);
    let (Some(ci), Some(oi)) = (first(Party::CommunityPartyOrg), first(Party::OwnersCommittee)) else {
        return Ok(None);
    };
    let Some(s) = acc.custodians.get(ci).and_then(|k| k.signatories.first()).cloned() else { return Ok(None) };
    if oi < ci {
        return Ok(None);
    }
    let Some(k) = acc.custodians.get_mut(oi) else { return Ok(None) };
    k.signatories.push(s.clone());
    Ok(Some(vec![inj.hit(RuleCode::Ja005, s)]))
}

/// JA006: an approval dated the day after the payment.
pub(super) fn approved_after_payment(inj: &mut Inj<'_, '_>) -> Out {
    let as_of = inj.as_of();
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(ei) = plain_disbursement(acc) else { return Ok(None) };
    let Some(date) = acc.entries.get(ei).map(|e| e.date) else { return Ok(None) };
    let late = calendar::days(date, 1);
    let Some((eid, d)) = disbursement_mut(acc, ei) else { return Ok(None) };
    let Some(a) = d.approvals.last_mut() else { return Ok(None) };
    if late > as_of {
        return Ok(None);
    }
    a.date = late;
    Ok(Some(vec![inj.hit(RuleCode::Ja006, eid)]))
}

/// JA007: the payment above the spending limit no longer cites the vote that authorised it.
pub(super) fn payment_without_resolution(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(e) =
        acc.entries.iter_mut().find(|e| matches!(&e.kind, EntryKind::Disbursement(d) if d.resolution.is_some()))
    else {
        return Ok(None);
    };
    if let EntryKind::Disbursement(d) = &mut e.kind {
        d.resolution = None;
    }
    let eid = e.id.clone();
    Ok(Some(vec![inj.hit(RuleCode::Ja007, eid)]))
}

/// The balance of the account after all its entries, in fen.
fn balance(acc: &JointAccount) -> i128 {
    acc.entries.iter().fold(acc.opening_balance.hundredths(), |b, e| match e.kind {
        EntryKind::Revenue { .. } => b.saturating_add(e.amount.hundredths()),
        _ => b.saturating_sub(e.amount.hundredths()),
    })
}

/// The first signatory of each party, in the order of [`Party::ALL`].
fn approvers(acc: &JointAccount) -> Option<Vec<(Party, PersonId)>> {
    [Party::CommunityPartyOrg, Party::OwnersCommittee, Party::PropertyCompany]
        .into_iter()
        .map(|p| {
            acc.custodians.iter().filter(|k| k.party == p).flat_map(|k| &k.signatories).next().map(|s| (p, s.clone()))
        })
        .collect()
}

/// JA008: two days before `as_of`, a payment authorised by a vote of its own overdraws the
/// account by 1,000 yuan.
pub(super) fn overdrawn(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = &inj.site.c.joint_account else { return Ok(None) };
    let Some(signers) = approvers(acc) else { return Ok(None) };
    let amount = balance(acc).max(0).saturating_add(100_000);
    let put = Put {
        amount: Some(fen(amount)), ..Put::pass(MatterKind::OtherMajor, "使用公共收益更换小区消防设施")
    };
    let Some(ai) = inj.side_vote(&[put])? else { return Ok(None) };
    let Some(a) = inj.site.c.assemblies.get(ai) else { return Ok(None) };
    let resolution = MatterRef { assembly: a.id.clone(), matter: id("m-1")? };
    let date = calendar::days(inj.as_of(), -2);
    let eid: EntryId = id(&format!("e-{}-x01", inj.site.tag))?;
    let approvals =
        signers.into_iter().map(|(party, person)| Approval { party, person, date: calendar::days(date, -1) }).collect();
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    acc.entries.push(Entry {
        id: eid.clone(),
        date,
        amount: fen(amount),
        memo: Some("更换小区消防设施".to_owned()),
        kind: EntryKind::Disbursement(Disbursement {
            purpose: Purpose::CommonFacilityRepair,
            payee: "消防工程有限公司".to_owned(),
            approvals,
            resolution: Some(resolution),
        }),
    });
    Ok(Some(vec![inj.hit(RuleCode::Ja008, eid)]))
}

/// Adds a revenue entry three days before `as_of`.
fn late_revenue(
    inj: &mut Inj<'_, '_>,
    source: RevenueSource,
    fen_amount: i128,
    memo: &str,
) -> crate::example::people::Gen<Option<EntryId>> {
    let date = calendar::days(inj.as_of(), -3);
    let eid: EntryId = id(&format!("e-{}-x02", inj.site.tag))?;
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    acc.entries.push(Entry {
        id: eid.clone(),
        date,
        amount: fen(fen_amount),
        memo: Some(memo.to_owned()),
        kind: EntryKind::Revenue { source },
    });
    Ok(Some(eid))
}

/// JA009: advertising revenue in a compound whose owners never voted the business use of
/// common parts.
pub(super) fn unauthorised_revenue(inj: &mut Inj<'_, '_>) -> Out {
    let voted = inj
        .site
        .c
        .assemblies
        .iter()
        .flat_map(|a| &a.matters)
        .any(|m| matches!(m.kind, MatterKind::BusinessUseOfCommonParts | MatterKind::ChangeCommonUse));
    if voted {
        return Ok(None);
    }
    let Some(eid) = late_revenue(inj, RevenueSource::Advertising, 150_000, "单元门广告位使用费")? else {
        return Ok(None);
    };
    Ok(Some(vec![inj.hit(RuleCode::Ja009, eid)]))
}

/// JA011: the last quarter's disclosure is missing.
pub(super) fn missing_disclosure(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    if acc.disclosures.pop().is_none() {
        return Ok(None);
    }
    let s = acc.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Ja011, s)]))
}

/// JA012: the last disclosure's closing balance is one yuan too high.
pub(super) fn disclosure_off(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(d) = acc.disclosures.last_mut() else { return Ok(None) };
    d.closing_balance = fen(d.closing_balance.hundredths().saturating_add(100));
    let s = acc.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Ja012, s)]))
}

/// JA016: a cost deduction that states no basis.
pub(super) fn cost_without_basis(inj: &mut Inj<'_, '_>) -> Out {
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(e) = acc.entries.iter_mut().find(|e| e.kind == EntryKind::CostDeduction) else { return Ok(None) };
    e.memo = None;
    let eid = e.id.clone();
    Ok(Some(vec![inj.hit(RuleCode::Ja016, eid)]))
}

/// JA017: a revenue entry of 0.00 (which moves no balance).
pub(super) fn zero_amount(inj: &mut Inj<'_, '_>) -> Out {
    let Some(eid) = late_revenue(inj, RevenueSource::Interest, 0, "活期利息")? else { return Ok(None) };
    Ok(Some(vec![inj.hit(RuleCode::Ja017, eid)]))
}

/// JA018: a top-up of the maintenance fund never deposited (the fund's balance leaves it out,
/// so that it still reconciles).
pub(super) fn top_up_not_deposited(inj: &mut Inj<'_, '_>) -> Out {
    let Some(fund) = inj.site.c.maintenance_fund.as_mut() else { return Ok(None) };
    let Some(i) = fund.deposits.iter().position(|d| d.entry.is_some()) else { return Ok(None) };
    let Some(d) = fund.deposits.get(i) else { return Ok(None) };
    let (entry, amount) = (d.entry.clone(), d.amount.hundredths());
    let left = fund.balance.hundredths().saturating_sub(amount);
    // Keep clear of MF004 (30% of the initial deposit).
    if left.saturating_mul(10) < fund.initial_deposit.hundredths().saturating_mul(4) {
        return Ok(None);
    }
    fund.deposits.remove(i);
    fund.balance = fen(left);
    let Some(entry) = entry else { return Ok(None) };
    Ok(Some(vec![inj.hit(RuleCode::Ja018, entry)]))
}

/// MF001: the use the owners voted no longer cites their vote.
pub(super) fn fund_use_without_resolution(inj: &mut Inj<'_, '_>) -> Out {
    let Some(fund) = inj.site.c.maintenance_fund.as_mut() else { return Ok(None) };
    let Some(u) = fund.uses.iter_mut().find(|u| u.resolution.is_some()) else { return Ok(None) };
    u.resolution = None;
    let uid = u.id.clone();
    Ok(Some(vec![inj.hit(RuleCode::Mf001, uid)]))
}

/// MF002: an emergency use of a category no list names.
pub(super) fn unknown_emergency(inj: &mut Inj<'_, '_>) -> Out {
    let Some(fund) = inj.site.c.maintenance_fund.as_mut() else { return Ok(None) };
    let Some(u) = fund.uses.iter_mut().find(|u| u.emergency.is_some()) else { return Ok(None) };
    u.emergency = Some("garden_renovation".to_owned());
    let uid = u.id.clone();
    Ok(Some(vec![inj.hit(RuleCode::Mf002, uid)]))
}

/// MF003: the fund's balance is recorded one yuan too high.
pub(super) fn fund_balance_off(inj: &mut Inj<'_, '_>) -> Out {
    let Some(fund) = inj.site.c.maintenance_fund.as_mut() else { return Ok(None) };
    fund.balance = fen(fund.balance.hundredths().saturating_add(100));
    Ok(Some(vec![inj.hit(RuleCode::Mf003, inj.cid())]))
}

/// MF004: an emergency lift replacement brings the fund down to a fifth of its initial
/// deposit.
pub(super) fn fund_depleted(inj: &mut Inj<'_, '_>) -> Out {
    let date = calendar::days(inj.as_of(), -15);
    let uid = id(&format!("mfu-{}-x1", inj.site.tag))?;
    let Some(fund) = inj.site.c.maintenance_fund.as_mut() else { return Ok(None) };
    let (initial, bal) = (fund.initial_deposit.hundredths(), fund.balance.hundredths());
    let amount = (bal.saturating_sub(initial / 5)) / 10_000 * 10_000;
    let left = bal.saturating_sub(amount);
    if amount <= 0 || left < 0 || left.saturating_mul(10) >= initial.saturating_mul(3) {
        return Ok(None);
    }
    fund.uses.push(FundUse {
        id: uid,
        date,
        amount: fen(amount),
        purpose: "应急维修（lift_failure）：更换电梯曳引机".to_owned(),
        resolution: None,
        emergency: Some("lift_failure".to_owned()),
    });
    fund.balance = fen(left);
    Ok(Some(vec![inj.hit(RuleCode::Mf004, inj.cid())]))
}

/// The index of the first committee meeting deciding a major matter.
fn committee_meeting(inj: &Inj<'_, '_>) -> Option<usize> {
    inj.site.c.meetings.iter().position(|m| m.body == MeetingBody::OwnersCommittee && m.matters.iter().any(|x| x.major))
}

/// MT001: a committee meeting approves a major matter the branch never deliberated.
pub(super) fn no_prior_deliberation(inj: &mut Inj<'_, '_>) -> Out {
    if inj.site.c.party_branch.is_none() {
        return Ok(None);
    }
    let Some(mi) = committee_meeting(inj) else { return Ok(None) };
    let Some(m) = inj.site.c.meetings.get_mut(mi) else { return Ok(None) };
    let Some(x) = m.matters.first_mut() else { return Ok(None) };
    x.prior_deliberation = None;
    let s = format!("{}/{}", m.id, x.id);
    Ok(Some(vec![inj.hit(RuleCode::Mt001, s)]))
}

/// MT002: a committee meeting deciding a major matter without an observer from the branch.
pub(super) fn no_observer(inj: &mut Inj<'_, '_>) -> Out {
    if inj.site.c.party_branch.is_none() {
        return Ok(None);
    }
    let Some(mi) = committee_meeting(inj) else { return Ok(None) };
    let Some(m) = inj.site.c.meetings.get_mut(mi) else { return Ok(None) };
    m.observers.clear();
    let s = m.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Mt002, s)]))
}

/// MT003: no joint meeting in the last full month before `as_of`.
pub(super) fn missed_joint_meeting(inj: &mut Inj<'_, '_>) -> Out {
    let c = &inj.site.c;
    if c.party_branch.is_none() || c.owners_committee.is_none() || c.property_service.is_none() {
        return Ok(None);
    }
    let month = calendar::months(calendar::month_start(inj.as_of()), -1);
    let next = calendar::months(month, 1);
    let in_month = |d: chrono::NaiveDate| month <= d && d < next;
    if !c.meetings.iter().any(|m| m.body == MeetingBody::Joint && in_month(m.date)) {
        return Ok(None);
    }
    inj.site.c.meetings.retain(|m| !(m.body == MeetingBody::Joint && in_month(m.date)));
    Ok(Some(vec![inj.hit(RuleCode::Mt003, inj.cid())]))
}

/// MT004: the project manager missed a joint meeting.
pub(super) fn joint_meeting_without_company(inj: &mut Inj<'_, '_>) -> Out {
    let Some(pm) = inj.site.r.pm.clone() else { return Ok(None) };
    let Some(m) = inj.site.c.meetings.iter_mut().find(|m| m.body == MeetingBody::Joint && m.attendees.contains(&pm))
    else {
        return Ok(None);
    };
    m.attendees.retain(|p| *p != pm);
    let s = m.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Mt004, s)]))
}

/// The index of the first committee meeting GR Art 38 counts (see MT005), if the committee is
/// of kind `owners_committee`.
fn counted_meeting(inj: &Inj<'_, '_>) -> Option<usize> {
    if !inj.owners_committee() {
        return None;
    }
    let elected = inj.site.c.owners_committee.as_ref()?.elected_on;
    committee_meeting(inj).filter(|mi| inj.site.c.meetings.get(*mi).is_some_and(|m| m.date >= elected))
}

/// MT005: only half of the seated members attend a committee meeting.
pub(super) fn no_quorum_meeting(inj: &mut Inj<'_, '_>) -> Out {
    let Some(mi) = counted_meeting(inj) else { return Ok(None) };
    let seated: Vec<PersonId> = inj.site.r.seated();
    let Some(m) = inj.site.c.meetings.get_mut(mi) else { return Ok(None) };
    let half = seated.len() / 2;
    let keep: Vec<PersonId> = seated.into_iter().take(half).collect();
    m.attendees.retain(|p| keep.contains(p));
    let s = m.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Mt005, s)]))
}

/// MT006: a major matter approved with one vote.
pub(super) fn decision_without_majority(inj: &mut Inj<'_, '_>) -> Out {
    let Some(mi) = counted_meeting(inj) else { return Ok(None) };
    let Some(m) = inj.site.c.meetings.get_mut(mi) else { return Ok(None) };
    let Some(x) = m.matters.first_mut() else { return Ok(None) };
    x.votes_for = Some(1);
    let s = format!("{}/{}", m.id, x.id);
    Ok(Some(vec![inj.hit(RuleCode::Mt006, s)]))
}

/// MT007: a committee's decisions published six days after its meeting.
pub(super) fn minutes_late(inj: &mut Inj<'_, '_>) -> Out {
    let as_of = inj.as_of();
    let Some(mi) = committee_meeting(inj) else { return Ok(None) };
    let Some(m) = inj.site.c.meetings.get_mut(mi) else { return Ok(None) };
    let late = calendar::days(m.date, 6);
    if late > as_of {
        return Ok(None);
    }
    m.minutes_published_on = Some(late);
    let s = m.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Mt007, s)]))
}
