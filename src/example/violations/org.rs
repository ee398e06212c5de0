//! Faults of the document (CFG), the party organisation (ORG), dual entry (DE) and the
//! preparatory group (EL).

#![allow(clippy::unnecessary_wraps, reason = "every kind has the signature of `Kind::apply`")]

use super::{Inj, Out};
use crate::example::calendar;
use crate::example::people::id;
use crate::model::{
    Area, CivilCapacity, CommitteeRole, Employment, MeetingBody, PersonId, PrepMember, Represents, UnitId,
};
use crate::report::RuleCode;

/// CFG001: a service quality supervisor whose id names nobody.
pub(super) fn ghost_supervisor(inj: &mut Inj<'_, '_>) -> Out {
    let ghost: PersonId = id(&format!("p-{}-ghost", inj.site.tag))?;
    let Some(ps) = inj.site.c.property_service.as_mut() else { return Ok(None) };
    ps.service_quality_supervisors.push(ghost.clone());
    Ok(Some(vec![inj.hit(RuleCode::Cfg001, ghost)]))
}

/// CFG002: a meeting recorded twice under the same id (and so its matters too).
pub(super) fn duplicate_meeting(inj: &mut Inj<'_, '_>) -> Out {
    let Some(i) = inj.site.c.meetings.iter().position(|m| m.body == MeetingBody::PartyBranch) else {
        return Ok(None);
    };
    let Some(m) = inj.site.c.meetings.get(i).cloned() else { return Ok(None) };
    let mut out = vec![inj.hit(RuleCode::Cfg002, &m.id)];
    out.extend(m.matters.iter().map(|x| inj.hit(RuleCode::Cfg002, format!("{}/{}", m.id, x.id))));
    inj.site.c.meetings.insert(i + 1, m);
    Ok(Some(out))
}

/// CFG003: the first vote's notice dated the day after it opened (AV008 does not judge a
/// notice after the opening).
pub(super) fn notice_after_opening(inj: &mut Inj<'_, '_>) -> Out {
    let Some(a) = inj.site.c.assemblies.first_mut() else { return Ok(None) };
    a.notice_published_on = calendar::days(a.opened_on, 1);
    let s = a.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Cfg003, s)]))
}

/// CFG004: the last annual audit completed 20 days after `as_of` (JA013 is a local rule).
pub(super) fn audit_in_future(inj: &mut Inj<'_, '_>) -> Out {
    let as_of = inj.as_of();
    let Some(acc) = inj.site.c.joint_account.as_mut() else { return Ok(None) };
    let Some(a) = acc.audits.last_mut() else { return Ok(None) };
    a.completed_on = calendar::days(as_of, 20);
    let s = acc.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Cfg004, s)]))
}

/// An owned unit that has no ballot in any vote (so that changing it moves no tally).
fn quiet_unit(inj: &Inj<'_, '_>) -> Option<UnitId> {
    let voted = inj.voted();
    inj.site.c.units.iter().rev().find(|u| !u.owners.is_empty() && !voted.contains(&u.id)).map(|u| u.id.clone())
}

/// CFG005: a unit that did not vote registered with area zero.
pub(super) fn zero_area(inj: &mut Inj<'_, '_>) -> Out {
    let Some(uid) = quiet_unit(inj) else { return Ok(None) };
    let Some(u) = inj.site.c.units.iter_mut().find(|u| u.id == uid) else { return Ok(None) };
    u.area = Area::ZERO;
    Ok(Some(vec![inj.hit(RuleCode::Cfg005, uid)]))
}

/// CFG006: a sold unit that did not vote also listed as held by a developer.
pub(super) fn owned_and_developer_held(inj: &mut Inj<'_, '_>) -> Out {
    let dev = inj
        .site
        .developer
        .as_ref()
        .map(|d| d.0.clone())
        .or_else(|| inj.env.district.developers.first().map(|d| d.id.clone()));
    let (Some(dev), Some(uid)) = (dev, quiet_unit(inj)) else { return Ok(None) };
    let Some(u) = inj.site.c.units.iter_mut().find(|u| u.id == uid) else { return Ok(None) };
    u.developer_held = Some(dev);
    Ok(Some(vec![inj.hit(RuleCode::Cfg006, uid)]))
}

/// ORG001: a compound without a committee loses its branch (and the branch's meetings): no
/// building has a party group or liaison households then, so each is ORG007 too.
pub(super) fn no_branch(inj: &mut Inj<'_, '_>) -> Out {
    if inj.site.c.owners_committee.is_some() || inj.site.c.party_branch.is_none() {
        return Ok(None);
    }
    inj.site.c.party_branch = None;
    inj.site.c.meetings.clear();
    let mut out = vec![inj.hit(RuleCode::Org001, inj.cid())];
    out.extend(inj.site.c.buildings.iter().map(|b| inj.hit(RuleCode::Org007, &b.id)));
    Ok(Some(out))
}

/// ORG002: a spare owner, not a party member, put on the branch committee.
pub(super) fn non_party_officer(inj: &mut Inj<'_, '_>) -> Out {
    let Some(s) = inj.spare(0) else { return Ok(None) };
    let Some(b) = inj.site.c.party_branch.as_mut() else { return Ok(None) };
    b.committee.push(s.clone());
    Ok(Some(vec![inj.hit(RuleCode::Org002, s)]))
}

/// ORG003: a spare owner, not a party member, on the branch roll.
pub(super) fn non_party_member(inj: &mut Inj<'_, '_>) -> Out {
    let Some(s) = inj.spare(0) else { return Ok(None) };
    let Some(b) = inj.site.c.party_branch.as_mut() else { return Ok(None) };
    b.members.push(s.clone());
    Ok(Some(vec![inj.hit(RuleCode::Org003, s)]))
}

/// ORG005: a compound without a committee attached to the residents' committee instead of the
/// community party committee.
pub(super) fn community_of_wrong_kind(inj: &mut Inj<'_, '_>) -> Out {
    if inj.site.c.owners_committee.is_some() {
        return Ok(None);
    }
    inj.site.c.community = inj.env.community.rc.clone();
    Ok(Some(vec![inj.hit(RuleCode::Org005, inj.cid())]))
}

/// ORG006: a spare owner listed in a building party group.
pub(super) fn outsider_in_group(inj: &mut Inj<'_, '_>) -> Out {
    let Some(s) = inj.spare(0) else { return Ok(None) };
    let Some(g) = inj.site.c.party_branch.as_mut().and_then(|b| b.building_groups.first_mut()) else {
        return Ok(None);
    };
    g.members.push(s.clone());
    Ok(Some(vec![inj.hit(RuleCode::Org006, s)]))
}

/// ORG007: a building loses its party group and the liaison households inside it (those of
/// its residents that link units of other buildings stay).
pub(super) fn uncovered_building(inj: &mut Inj<'_, '_>) -> Out {
    let units = inj.site.c.units.clone();
    let building_of = |u: &UnitId| units.iter().find(|x| x.id == *u).map(|x| x.building.clone());
    let Some(b) = inj.site.c.party_branch.as_mut() else { return Ok(None) };
    let Some(g) = b.building_groups.last().cloned() else { return Ok(None) };
    let inside = |u: &UnitId| building_of(u).as_ref() == Some(&g.building);
    b.building_groups.retain(|x| x.building != g.building);
    b.liaison_households.retain(|l| !(inside(&l.unit) && l.linked_units.iter().all(&inside)));
    if b.liaison_households.iter().flat_map(|l| &l.linked_units).any(inside) {
        // Not expected (households from elsewhere link only buildings without members); the
        // fault would not be a clean one: put the group back.
        b.building_groups.push(g);
        return Ok(None);
    }
    Ok(Some(vec![inj.hit(RuleCode::Org007, &g.building)]))
}

/// ORG008: a liaison household linking 17 households.
pub(super) fn liaison_overreach(inj: &mut Inj<'_, '_>) -> Out {
    let unit_ids: Vec<UnitId> = inj.site.c.units.iter().map(|u| u.id.clone()).collect();
    let Some(l) = inj.site.c.party_branch.as_mut().and_then(|b| b.liaison_households.first_mut()) else {
        return Ok(None);
    };
    for u in &unit_ids {
        let linked = l.linked_units.iter().filter(|x| **x != l.unit).count();
        if linked >= 17 {
            break;
        }
        if *u != l.unit && !l.linked_units.contains(u) {
            l.linked_units.push(u.clone());
        }
    }
    if l.linked_units.iter().filter(|x| **x != l.unit).count() < 17 {
        return Ok(None);
    }
    let m = l.member.clone();
    Ok(Some(vec![inj.hit(RuleCode::Org008, m)]))
}

/// ORG009: a liaison household recorded at a unit its member does not own (in a building with
/// a party group, so that coverage does not change).
pub(super) fn liaison_elsewhere(inj: &mut Inj<'_, '_>) -> Out {
    let c = &inj.site.c;
    let Some(b) = &c.party_branch else { return Ok(None) };
    let Some((li, l)) = b.liaison_households.iter().enumerate().next() else { return Ok(None) };
    let grouped = |bid: &crate::model::BuildingId| b.building_groups.iter().any(|g| g.building == *bid);
    let Some(other) = c
        .units
        .iter()
        .find(|u| !u.owners.contains(&l.member) && !l.linked_units.contains(&u.id) && grouped(&u.building))
        .map(|u| u.id.clone())
    else {
        return Ok(None);
    };
    let member = l.member.clone();
    if let Some(l) = inj.site.c.party_branch.as_mut().and_then(|b| b.liaison_households.get_mut(li)) {
        l.unit = other;
    }
    Ok(Some(vec![inj.hit(RuleCode::Org009, member)]))
}

/// Replaces `old` by `new` among the committee's members, keeping the role.
fn reseat(inj: &mut Inj<'_, '_>, old: &PersonId, new: &PersonId) -> bool {
    let Some(oc) = inj.site.c.owners_committee.as_mut() else { return false };
    let Some(m) = oc.members.iter_mut().find(|m| m.person == *old) else { return false };
    m.person = new.clone();
    true
}

/// DE001: an ordinary party member's seat goes to a spare owner who is not one (added to the
/// candidates, so that CM010 holds; the candidates keep their party half).
pub(super) fn party_seat_to_non_party(inj: &mut Inj<'_, '_>) -> Out {
    let (Some(p), Some(s)) = (inj.site.r.committee_party.get(1).cloned(), inj.spare(0)) else { return Ok(None) };
    if inj.site.c.elections.is_empty() || !reseat(inj, &p, &s) {
        return Ok(None);
    }
    if let Some(e) = inj.site.c.elections.first_mut() {
        e.candidates.push(crate::model::Candidate {
            person: s,
            nominated_by: crate::model::Nominator::JointOwners,
            commitment_signed: true,
        });
    }
    Ok(Some(vec![inj.hit(RuleCode::De001, inj.cid())]))
}

/// DE002: a party member on the committee taken off the branch roll (and out of the building
/// groups, unless that would empty one).
pub(super) fn member_off_roll(inj: &mut Inj<'_, '_>) -> Out {
    let Some(p) = inj.site.r.committee_party.first().cloned() else { return Ok(None) };
    let Some(b) = inj.site.c.party_branch.as_mut() else { return Ok(None) };
    if b.committee.contains(&p) || b.building_groups.iter().any(|g| g.members == [p.clone()]) {
        return Ok(None);
    }
    b.members.retain(|m| *m != p);
    for g in &mut b.building_groups {
        g.members.retain(|m| *m != p);
        if g.leader == p
            && let Some(first) = g.members.first()
        {
            g.leader = first.clone();
        }
    }
    Ok(Some(vec![inj.hit(RuleCode::De002, p)]))
}

/// DE004: a spare party member becomes branch secretary, so nobody of the branch committee
/// sits on the owners' committee (DE003 and EL006 follow, as advice).
pub(super) fn no_cross_appointment(inj: &mut Inj<'_, '_>) -> Out {
    let Some(new) = inj.site.r.spare_party.first().cloned() else { return Ok(None) };
    let Some(oc) = &inj.site.c.owners_committee else { return Ok(None) };
    let seated: Vec<PersonId> = oc.members.iter().map(|m| m.person.clone()).collect();
    let Some(b) = inj.site.c.party_branch.as_mut() else { return Ok(None) };
    if seated.contains(&new) || b.committee.iter().skip(1).any(|p| seated.contains(p)) {
        return Ok(None);
    }
    b.secretary = new.clone();
    match b.committee.first_mut() {
        Some(first) => *first = new,
        None => b.committee.push(new),
    }
    Ok(Some(vec![inj.hit(RuleCode::De004, inj.cid())]))
}

/// DE007: an ordinary committee member took a job with the compound's property company 40 days
/// before `as_of`, after the election (so NL003 on the election day does not apply).
pub(super) fn member_works_for_company(inj: &mut Inj<'_, '_>) -> Out {
    let Some(company) = inj.site.c.property_service.as_ref().map(|ps| ps.company.clone()) else { return Ok(None) };
    let Some(x) = inj.site.r.committee_nonparty.get(1).cloned() else { return Ok(None) };
    let seated = inj.site.c.owners_committee.as_ref().is_some_and(|oc| oc.members.iter().any(|m| m.person == x));
    let from = calendar::days(inj.as_of(), -40);
    if !seated || inj.election_day().is_none_or(|d| d >= from) {
        return Ok(None);
    }
    let Some(p) = inj.site.person_mut(&x) else { return Ok(None) };
    p.employment.push(Employment { org: company, role: "保洁主管".to_owned(), from, to: None });
    Ok(Some(vec![inj.hit(RuleCode::De007, x)]))
}

/// The election's id, if the compound has one with a preparatory group.
fn prep_election(inj: &Inj<'_, '_>) -> Option<String> {
    inj.site.c.elections.first().filter(|e| e.preparatory_group.is_some()).map(|e| e.id.to_string())
}

/// EL001: a spare owner joins the preparatory group, making it even.
pub(super) fn even_prep_group(inj: &mut Inj<'_, '_>) -> Out {
    let (Some(eid), Some(s)) = (prep_election(inj), inj.spare(0)) else { return Ok(None) };
    let Some(g) = inj.site.c.elections.first_mut().and_then(|e| e.preparatory_group.as_mut()) else {
        return Ok(None);
    };
    g.members.push(PrepMember { person: s, represents: Represents::Owners });
    Ok(Some(vec![inj.hit(RuleCode::El001, eid)]))
}

/// EL002: two owner representatives leave the preparatory group (still odd, owners short of
/// half).
pub(super) fn few_owner_reps(inj: &mut Inj<'_, '_>) -> Out {
    let Some(eid) = prep_election(inj) else { return Ok(None) };
    let Some(g) = inj.site.c.elections.first_mut().and_then(|e| e.preparatory_group.as_mut()) else {
        return Ok(None);
    };
    let reps: Vec<PersonId> =
        g.members.iter().filter(|m| m.represents == Represents::Owners).map(|m| m.person.clone()).collect();
    if reps.len() < 3 {
        return Ok(None);
    }
    let gone: Vec<&PersonId> = reps.iter().rev().take(2).collect();
    g.members.retain(|m| !gone.contains(&&m.person));
    Ok(Some(vec![inj.hit(RuleCode::El002, eid)]))
}

/// EL003: the residents' committee's member leads the preparatory group instead of the street
/// office.
pub(super) fn wrong_leader(inj: &mut Inj<'_, '_>) -> Out {
    let Some(eid) = prep_election(inj) else { return Ok(None) };
    let Some(g) = inj.site.c.elections.first_mut().and_then(|e| e.preparatory_group.as_mut()) else {
        return Ok(None);
    };
    let Some(rc) = g.members.iter().find(|m| m.represents == Represents::ResidentsCommittee).map(|m| m.person.clone())
    else {
        return Ok(None);
    };
    if g.members.iter().filter(|m| m.person == rc).count() != 1 {
        return Ok(None);
    }
    g.leader = rc;
    Ok(Some(vec![inj.hit(RuleCode::El003, eid)]))
}

/// EL004: an owner representative of the preparatory group has limited civil capacity.
pub(super) fn ineligible_rep(inj: &mut Inj<'_, '_>) -> Out {
    let Some(rep) = inj
        .site
        .c
        .elections
        .first()
        .and_then(|e| e.preparatory_group.as_ref())
        .and_then(|g| g.members.iter().find(|m| m.represents == Represents::Owners).map(|m| m.person.clone()))
    else {
        return Ok(None);
    };
    if !inj.site.r.prep_reps.contains(&rep) {
        return Ok(None);
    }
    let Some(p) = inj.site.person_mut(&rep) else { return Ok(None) };
    p.civil_capacity = CivilCapacity::Limited;
    Ok(Some(vec![inj.hit(RuleCode::El004, rep)]))
}

/// The committee members who are neither officers nor party members, after the vice chair.
pub(super) fn ordinary_non_party(inj: &Inj<'_, '_>) -> Option<PersonId> {
    let x = inj.site.r.committee_nonparty.get(1)?;
    let oc = inj.site.c.owners_committee.as_ref()?;
    oc.members.iter().any(|m| m.person == *x && m.role == CommitteeRole::Member).then(|| x.clone())
}
