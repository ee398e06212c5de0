//! Faults of the owners' committee (CM) and of the candidates' negative list (NL).
//!
//! The CM kinds need a committee of kind `owners_committee` (the CM rules check no other). The
//! NL kinds fault the non-party candidate who was not elected: nobody else screens them (not a
//! committee member, so not in the removal pass; not an owner representative, so not EL004).

#![allow(clippy::unnecessary_wraps, reason = "every kind has the signature of `Kind::apply`")]

use chrono::NaiveDate;

use super::org::ordinary_non_party;
use super::{Inj, Out};
use crate::example::calendar;
use crate::model::{CivilCapacity, CommitteeRole, Employment, PersonId, Record};
use crate::report::RuleCode;

/// CM001: an ordinary non-party member becomes an alternate: an even number of members.
pub(super) fn even_committee(inj: &mut Inj<'_, '_>) -> Out {
    let Some(x) = ordinary_non_party(inj).filter(|_| inj.owners_committee()) else { return Ok(None) };
    let Some(m) = inj.site.c.owners_committee.as_mut().and_then(|oc| oc.members.iter_mut().find(|m| m.person == x))
    else {
        return Ok(None);
    };
    m.role = CommitteeRole::Alternate;
    Ok(Some(vec![inj.hit(RuleCode::Cm001, inj.cid())]))
}

/// Replaces `old` by `new` wherever the committee or the candidates name them.
fn replace(inj: &mut Inj<'_, '_>, old: &PersonId, new: &PersonId, candidates: bool) {
    if let Some(oc) = inj.site.c.owners_committee.as_mut() {
        for m in oc.members.iter_mut().filter(|m| m.person == *old) {
            m.person = new.clone();
        }
    }
    if candidates {
        for k in inj.site.c.elections.iter_mut().flat_map(|e| &mut e.candidates).filter(|k| k.person == *old) {
            k.person = new.clone();
        }
    }
}

/// CM002 and NL001: an ordinary member (and candidate) who owns no unit in the compound.
pub(super) fn non_owner_member(inj: &mut Inj<'_, '_>) -> Out {
    let Some(x) = ordinary_non_party(inj).filter(|_| inj.owners_committee()) else { return Ok(None) };
    if inj.election_day().is_none() {
        return Ok(None);
    }
    let np = inj.new_person("cm")?;
    replace(inj, &x, &np, true);
    Ok(Some(vec![inj.hit(RuleCode::Cm002, &np), inj.hit(RuleCode::Nl001, &np)]))
}

/// CM003: the vice chair is recorded as a second chair.
pub(super) fn two_chairs(inj: &mut Inj<'_, '_>) -> Out {
    if !inj.owners_committee() {
        return Ok(None);
    }
    let Some(m) = inj
        .site
        .c
        .owners_committee
        .as_mut()
        .and_then(|oc| oc.members.iter_mut().find(|m| m.role == CommitteeRole::ViceChair))
    else {
        return Ok(None);
    };
    m.role = CommitteeRole::Chair;
    Ok(Some(vec![inj.hit(RuleCode::Cm003, inj.cid())]))
}

/// Sets a date of the committee of kind `owners_committee`: `f` returns `false` when it does
/// not fit.
fn committee_dates(
    inj: &mut Inj<'_, '_>,
    code: RuleCode,
    f: impl FnOnce(&mut crate::model::OwnersCommittee, NaiveDate) -> bool,
) -> Out {
    if !inj.owners_committee() {
        return Ok(None);
    }
    let as_of = inj.as_of();
    let Some(oc) = inj.site.c.owners_committee.as_mut() else { return Ok(None) };
    if !f(oc, as_of) {
        return Ok(None);
    }
    Ok(Some(vec![inj.hit(code, inj.cid())]))
}

/// CM004: a six-year term.
pub(super) fn term_too_long(inj: &mut Inj<'_, '_>) -> Out {
    committee_dates(inj, RuleCode::Cm004, |oc, _| {
        let Some(end) = crate::dates::term_last_day(oc.elected_on, 6) else { return false };
        oc.term_end = end;
        true
    })
}

/// CM005: the term ended ten days before `as_of`, with no re-election recorded.
pub(super) fn term_expired(inj: &mut Inj<'_, '_>) -> Out {
    committee_dates(inj, RuleCode::Cm005, |oc, as_of| {
        let end = calendar::days(as_of, -10);
        if calendar::between(oc.elected_on, end) < 60 {
            return false;
        }
        oc.term_end = end;
        true
    })
}

/// CM006: the term ends 30 days after `as_of`, with no re-election started.
pub(super) fn reelection_due(inj: &mut Inj<'_, '_>) -> Out {
    committee_dates(inj, RuleCode::Cm006, |oc, as_of| {
        oc.term_end = calendar::days(as_of, 30);
        true
    })
}

/// CM007: the first meeting 12 days after the election.
pub(super) fn late_first_meeting(inj: &mut Inj<'_, '_>) -> Out {
    committee_dates(inj, RuleCode::Cm007, |oc, as_of| {
        let d = calendar::days(oc.elected_on, 12);
        oc.first_meeting_on = Some(d);
        d <= as_of
    })
}

/// CM008: filed 45 days after the election.
pub(super) fn late_filing(inj: &mut Inj<'_, '_>) -> Out {
    committee_dates(inj, RuleCode::Cm008, |oc, as_of| {
        let d = calendar::days(oc.elected_on, 45);
        oc.filed_on = Some(d);
        d <= as_of
    })
}

/// CM009 and NL017: the election is recorded with more than twice the seats the committee
/// fills (so also more seats than candidates).
pub(super) fn seats_inflated(inj: &mut Inj<'_, '_>) -> Out {
    if !inj.owners_committee() {
        return Ok(None);
    }
    let Some(oc) = &inj.site.c.owners_committee else { return Ok(None) };
    let seated = oc.members.iter().filter(|m| m.role != CommitteeRole::Alternate).count();
    let Some(e) = inj.site.c.elections.first_mut() else { return Ok(None) };
    e.seats = u32::try_from(seated * 2 + 1).unwrap_or(u32::MAX);
    let eid = e.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Cm009, inj.cid()), inj.hit(RuleCode::Nl017, eid)]))
}

/// CM010: an ordinary member's seat held by a spare owner who never stood.
pub(super) fn unelected_member(inj: &mut Inj<'_, '_>) -> Out {
    let Some(x) = ordinary_non_party(inj).filter(|_| inj.owners_committee()) else { return Ok(None) };
    let Some(s) = inj.spare(0) else { return Ok(None) };
    if inj.site.c.elections.is_empty() {
        return Ok(None);
    }
    replace(inj, &x, &s, false);
    Ok(Some(vec![inj.hit(RuleCode::Cm010, s)]))
}

/// The non-party candidate who was not elected, and the election day.
fn loser(inj: &Inj<'_, '_>) -> Option<(PersonId, NaiveDate)> {
    let x = inj.site.r.extra_nonparty.clone()?;
    let day = inj.election_day()?;
    let standing = inj.site.c.elections.first()?.candidates.iter().any(|k| k.person == x);
    let seated = inj.site.c.owners_committee.as_ref().is_some_and(|oc| oc.members.iter().any(|m| m.person == x));
    (standing && !seated).then_some((x, day))
}

/// Gives the losing candidate a record made by `f` from their unit and the election day.
fn record(
    inj: &mut Inj<'_, '_>,
    code: RuleCode,
    f: impl FnOnce(&crate::model::UnitId, &crate::model::CompoundId, NaiveDate) -> Record,
) -> Out {
    let Some((x, day)) = loser(inj) else { return Ok(None) };
    let Some(unit) = inj.site.unit_of(&x).map(|u| u.id.clone()) else { return Ok(None) };
    let r = f(&unit, &inj.cid(), day);
    let Some(p) = inj.site.person_mut(&x) else { return Ok(None) };
    p.records.push(r);
    Ok(Some(vec![inj.hit(code, x)]))
}

/// NL001: the losing candidate's place on the list goes to someone who owns nothing here.
pub(super) fn non_owner_candidate(inj: &mut Inj<'_, '_>) -> Out {
    let Some((x, _)) = loser(inj) else { return Ok(None) };
    let np = inj.new_person("nl")?;
    replace(inj, &x, &np, true);
    Ok(Some(vec![inj.hit(RuleCode::Nl001, np)]))
}

/// NL002: the losing candidate has limited civil capacity.
pub(super) fn limited_capacity(inj: &mut Inj<'_, '_>) -> Out {
    let Some((x, _)) = loser(inj) else { return Ok(None) };
    let Some(p) = inj.site.person_mut(&x) else { return Ok(None) };
    p.civil_capacity = CivilCapacity::Limited;
    Ok(Some(vec![inj.hit(RuleCode::Nl002, x)]))
}

/// NL003: the losing candidate worked for the property company over the election, and left
/// five days after it.
pub(super) fn candidate_company_tie(inj: &mut Inj<'_, '_>) -> Out {
    let Some(company) = inj.site.c.property_service.as_ref().map(|ps| ps.company.clone()) else { return Ok(None) };
    let Some((x, day)) = loser(inj) else { return Ok(None) };
    let to = calendar::days(day, 5);
    if to > inj.as_of() {
        return Ok(None);
    }
    let Some(p) = inj.site.person_mut(&x) else { return Ok(None) };
    p.employment.push(Employment {
        org: company,
        role: "保安".to_owned(),
        from: calendar::days(day, -200),
        to: Some(to),
    });
    Ok(Some(vec![inj.hit(RuleCode::Nl003, x)]))
}

/// NL004: an illegal construction ordered 60 days before the election, never rectified.
pub(super) fn illegal_construction(inj: &mut Inj<'_, '_>) -> Out {
    record(inj, RuleCode::Nl004, |unit, _, day| Record::IllegalConstruction {
        unit: unit.clone(),
        ordered_on: calendar::days(day, -60),
        rectified_on: None,
    })
}

/// NL005: structural damage found 90 days before the election, never rectified.
pub(super) fn structural_damage(inj: &mut Inj<'_, '_>) -> Out {
    record(inj, RuleCode::Nl005, |unit, _, day| Record::StructuralDamage {
        unit: unit.clone(),
        found_on: calendar::days(day, -90),
        rectified_on: None,
    })
}

/// NL006: a common part occupied since 30 days before the election.
pub(super) fn occupied_common_part(inj: &mut Inj<'_, '_>) -> Out {
    record(inj, RuleCode::Nl006, |_, c, day| Record::OccupiesCommonPart {
        compound: c.clone(),
        found_on: calendar::days(day, -30),
        rectified_on: None,
    })
}

/// NL008: an intentional crime whose sentence ended a year before the election.
pub(super) fn recent_crime(inj: &mut Inj<'_, '_>) -> Out {
    record(inj, RuleCode::Nl008, |_, _, day| Record::CriminalConviction {
        date: calendar::days(day, -3 * 365),
        sentence_completed_on: Some(calendar::days(day, -365)),
        intentional: true,
    })
}

/// NL009: listed as a dishonest judgment debtor 100 days before the election.
pub(super) fn dishonest_debtor(inj: &mut Inj<'_, '_>) -> Out {
    record(inj, RuleCode::Nl009, |_, _, day| Record::DishonestDebtor { from: calendar::days(day, -100), to: None })
}

/// NL013: leases the compound's clubhouse since 300 days before the election.
pub(super) fn economic_ties(inj: &mut Inj<'_, '_>) -> Out {
    record(inj, RuleCode::Nl013, |_, c, day| Record::EconomicTies {
        compound: c.clone(),
        description: "承租小区会所经营".to_owned(),
        from: calendar::days(day, -300),
        to: None,
    })
}

/// NL016: spare owners who are not party members join the list until party members are
/// fewer than half of it.
pub(super) fn few_party_candidates(inj: &mut Inj<'_, '_>) -> Out {
    let Some(e) = inj.site.c.elections.first() else { return Ok(None) };
    let people = &inj.site.people;
    let is_party = |p: &PersonId| people.iter().any(|x| x.id == *p && x.party.is_some());
    let total = e.candidates.len();
    let party = e.candidates.iter().filter(|k| is_party(&k.person)).count();
    let need = (2 * party + 1).saturating_sub(total);
    let extra: Vec<PersonId> = inj.site.r.spare.iter().take(need).cloned().collect();
    if need == 0 || extra.len() < need {
        return Ok(None);
    }
    let Some(e) = inj.site.c.elections.first_mut() else { return Ok(None) };
    for person in extra {
        e.candidates.push(crate::model::Candidate {
            person,
            nominated_by: crate::model::Nominator::SelfNominated,
            commitment_signed: true,
        });
    }
    let eid = e.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Nl016, eid)]))
}

/// NL017: one seat more than there were candidates.
pub(super) fn too_few_candidates(inj: &mut Inj<'_, '_>) -> Out {
    let Some(e) = inj.site.c.elections.first_mut() else { return Ok(None) };
    let mut distinct: Vec<&PersonId> = e.candidates.iter().map(|k| &k.person).collect();
    distinct.sort_unstable();
    distinct.dedup();
    e.seats = u32::try_from(distinct.len() + 1).unwrap_or(u32::MAX);
    let eid = e.id.to_string();
    Ok(Some(vec![inj.hit(RuleCode::Nl017, eid)]))
}
