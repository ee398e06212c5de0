//! One compound: its buildings and units, the owners, the party members among them and the
//! branch with its building groups and liaison households; then the committee, property
//! service, money and meetings from the sibling modules.
//!
//! Shapes, drawn like the districts of the seed reports (domain-rules.md, issue 7):
//! - category: managed 60%, self-managed 27% (湛江经开区: 53 of 186 without property
//!   management), unit-mixed 13%; old compounds (老旧小区) about 43% (73 of 186), mostly among
//!   the self-managed and unit-mixed ones;
//! - size: old compounds are walk-ups of 5–7 floors, mostly 24–400 units; newer ones mix
//!   walk-ups, mid-rise and towers of 18–33 floors, mostly 150–1200 units, up to about 3000;
//!   registered areas 45.00–95.00 m² in old compounds, 70.00–180.00 m² in newer ones, one floor
//!   plan per position in a building;
//! - owners: about 22% of units are co-owned by a couple, about 3% of owners hold two units,
//!   and in a third of the newer compounds the developer still holds a few unsold units;
//! - party members: 7–12% of the owners, and at least as many as the committee, the
//!   candidates and the branch committee need.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::district::{Community, District};
use super::names;
use super::people::{self, Gen, id};
use super::rng::Rng;
use crate::model::{
    Area, BranchKind, Building, BuildingGroup, BuildingId, Compound, CompoundCategory, LiaisonHousehold, OrgId,
    OrgKind, Organization, PartyBranch, Person, PersonId, Unit, UnitId,
};

/// What a compound sees of the district around it.
pub(super) struct Env<'a> {
    pub(super) as_of: NaiveDate,
    pub(super) district: &'a District,
    pub(super) community: &'a Community,
}

/// The people in the compound's bodies, kept for the later stages and for the injections.
#[derive(Debug, Default)]
pub(super) struct Roles {
    /// Party-member owners: the branch roll, in document order.
    pub(super) party: Vec<PersonId>,
    pub(super) secretary: Option<PersonId>,
    /// The branch committee (支委会), secretary first.
    pub(super) branch_committee: Vec<PersonId>,
    /// Party members on the committee other than the secretary (the chair among them unless
    /// the secretary chairs).
    pub(super) committee_party: Vec<PersonId>,
    /// Non-party committee members; the first is the vice chair.
    pub(super) committee_nonparty: Vec<PersonId>,
    /// Alternates (候补委员), party members.
    pub(super) alternates: Vec<PersonId>,
    pub(super) chair: Option<PersonId>,
    /// Candidates who were not elected: one party member, one not.
    pub(super) extra_party: Option<PersonId>,
    pub(super) extra_nonparty: Option<PersonId>,
    /// Owner representatives of the preparatory group.
    pub(super) prep_reps: Vec<PersonId>,
    /// Party members with no office (on the roll).
    pub(super) spare_party: Vec<PersonId>,
    /// Owners with no role at all, not party members.
    pub(super) spare: Vec<PersonId>,
    /// An owner of two units.
    pub(super) multi_owner: Option<PersonId>,
    /// The project manager.
    pub(super) pm: Option<PersonId>,
    /// The community party committee's signatory of the joint account.
    pub(super) community_signatory: Option<PersonId>,
}

impl Roles {
    /// The vice chair: a non-party member who represents the committee at joint meetings and
    /// observes branch meetings.
    pub(super) fn vice(&self) -> Option<&PersonId> {
        self.committee_nonparty.first()
    }

    /// Seated committee members, chair first.
    pub(super) fn seated(&self) -> Vec<PersonId> {
        let mut out: Vec<PersonId> = self.chair.iter().cloned().collect();
        let rest = self.secretary.iter().chain(&self.committee_party).chain(&self.committee_nonparty);
        for p in rest {
            if !out.contains(p) {
                out.push(p.clone());
            }
        }
        out
    }
}

/// A compound being built, with its own people and organisations.
#[derive(Debug)]
pub(super) struct Site {
    /// The compound's number as written in its ids (`0007`).
    pub(super) tag: String,
    pub(super) c: Compound,
    pub(super) people: Vec<Person>,
    /// Property-right units (产权单位) of a unit-mixed compound.
    pub(super) orgs: Vec<Organization>,
    /// The project manager, when a party member to be taken on by the community committee.
    pub(super) part_time_pm: Option<PersonId>,
    pub(super) r: Roles,
    /// The developer of a newer compound.
    pub(super) developer: Option<(OrgId, PersonId)>,
}

impl Site {
    /// A person of the compound by id.
    pub(super) fn person_mut(&mut self, pid: &PersonId) -> Option<&mut Person> {
        self.people.iter_mut().find(|p| p.id == *pid)
    }

    /// The first unit a person owns.
    pub(super) fn unit_of(&self, pid: &PersonId) -> Option<&Unit> {
        self.c.units.iter().find(|u| u.owners.first() == Some(pid))
    }
}

/// The size class of a compound: the number of units to reach.
fn target_units(rng: &mut Rng, old: bool) -> usize {
    let r = rng.below(100);
    let (lo, hi) = if old {
        match r {
            0..=59 => (24, 120),
            60..=94 => (120, 400),
            _ => (400, 900),
        }
    } else {
        match r {
            0..=14 => (60, 150),
            15..=69 => (150, 500),
            70..=94 => (500, 1200),
            _ => (1200, 2800),
        }
    };
    rng.range_usize(lo, hi)
}

/// Floors and flats per floor of the next building.
fn building_shape(rng: &mut Rng, old: bool, target: usize) -> (u32, u32) {
    if old {
        return (rng.range_u32(5, 7), rng.range_u32(2, 3));
    }
    match rng.below(100) {
        0..=29 => (6, 2),
        30..=59 => (11, rng.range_u32(2, 4)),
        _ if target < 150 => (11, 2),
        _ => (rng.range_u32(18, 33), rng.range_u32(2, 4)),
    }
}

/// Builds compound number `k` (1-based).
pub(super) fn build(rng: &mut Rng, k: usize, env: &Env<'_>) -> Gen<Site> {
    let tag = format!("{k:04}");
    let category = match rng.below(100) {
        0..=59 => CompoundCategory::Managed,
        60..=86 => CompoundCategory::SelfManaged,
        _ => CompoundCategory::UnitMixed,
    };
    let old = rng.chance(match category {
        CompoundCategory::Managed => 20,
        _ => 78,
    });
    let name = names::compound(rng, old);
    let developer =
        if old { None } else { rng.pick(&env.district.developers).map(|d| (d.id.clone(), d.staff.clone())) };
    let c = Compound {
        id: id(&format!("c-{tag}"))?,
        name,
        category,
        old_compound: old,
        community: env.community.org.clone(),
        residents_committee: Some(env.community.rc.clone()),
        buildings: Vec::new(),
        units: Vec::new(),
        party_branch: None,
        owners_committee: None,
        property_service: None,
        rules_of_procedure: None,
        joint_account: None,
        maintenance_fund: None,
        assemblies: Vec::new(),
        elections: Vec::new(),
        meetings: Vec::new(),
    };
    let mut site =
        Site { tag, c, people: Vec::new(), orgs: Vec::new(), part_time_pm: None, r: Roles::default(), developer };
    buildings(rng, &mut site, old)?;
    let plan = super::committee::Plan::draw(rng, &site, env.as_of);
    owners(rng, &mut site, old, &plan, env.as_of)?;
    branch(rng, &mut site, env)?;
    super::committee::govern(rng, &mut site, env, &plan)?;
    super::money::property_service(rng, &mut site, env, &plan)?;
    super::money::accounts(rng, &mut site, env, &plan)?;
    super::meetings::meetings(rng, &mut site, env, &plan)?;
    Ok(site)
}

/// Buildings and units, numbered `u-TAG-B-FFPP` (`u-0007-3-1202`: building 3, floor 12, flat 2).
fn buildings(rng: &mut Rng, site: &mut Site, old: bool) -> Gen<()> {
    let target = target_units(rng, old);
    let (lo, hi) = if old { (4500, 9500) } else { (7000, 18000) };
    let mut b = 0_u32;
    while site.c.units.len() < target {
        b += 1;
        let bid: BuildingId = id(&format!("b-{}-{b}", site.tag))?;
        let (floors, per_floor) = building_shape(rng, old, target);
        let plans: Vec<i128> = (0..per_floor).map(|_| i128::from(rng.range(lo, hi))).collect();
        for floor in 1..=floors {
            for (pp, area) in (1..).zip(&plans) {
                site.c.units.push(Unit {
                    id: id(&format!("u-{}-{b}-{floor}{pp:02}", site.tag))?,
                    building: bid.clone(),
                    area: Area::from_hundredths(*area).unwrap_or(Area::ZERO),
                    owners: Vec::new(),
                    developer_held: None,
                });
            }
        }
        site.c.buildings.push(Building { id: bid, name: format!("{b}栋") });
    }
    Ok(())
}

/// Owners for every unit not held by the developer, and who among them is a party member.
fn owners(rng: &mut Rng, site: &mut Site, old: bool, plan: &super::committee::Plan, as_of: NaiveDate) -> Gen<()> {
    let born = if old { (1938, 1988) } else { (1950, 1995) };
    // A few unsold units on the top floor of the last building stay with the developer.
    let held = match &site.developer {
        Some(_) if rng.chance(35) => rng.range_usize(1, 1 + site.c.units.len() / 120),
        _ => 0,
    };
    let n_units = site.c.units.len();
    let mut seq = 0_u32;
    let mut last_single: Option<(usize, PersonId)> = None;
    let mut primaries: Vec<PersonId> = Vec::new();
    let mut multi: Vec<PersonId> = Vec::new();
    for ui in 0..n_units {
        if ui + held >= n_units {
            let dev = site.developer.as_ref().map(|d| d.0.clone());
            if let Some(u) = site.c.units.get_mut(ui) {
                u.developer_held = dev;
            }
            continue;
        }
        // The neighbour's second flat: an owner of two units (one head, SPC Art 9).
        if let Some((prev, pid)) = last_single.take()
            && prev + 1 == ui
            && n_units >= 40
            && rng.chance(3)
        {
            if let Some(u) = site.c.units.get_mut(ui) {
                u.owners.push(pid.clone());
            }
            multi.push(pid);
            continue;
        }
        seq += 1;
        let mut p = people::person(rng, &format!("p-{}-{seq:04}", site.tag), born)?;
        let primary = p.id.clone();
        let mut owners = vec![p.id.clone()];
        if rng.chance(22) {
            seq += 1;
            let spouse = people::person(rng, &format!("p-{}-{seq:04}", site.tag), born)?;
            people::marry(&mut p, &spouse.id);
            owners.push(spouse.id.clone());
            site.people.push(p);
            site.people.push(spouse);
        } else {
            last_single = Some((ui, p.id.clone()));
            site.people.push(p);
        }
        primaries.push(primary);
        if let Some(u) = site.c.units.get_mut(ui) {
            u.owners = owners;
        }
    }
    // Party members: among owners of one unit, enough for every office, and 7–12% of owners.
    let mut single: Vec<PersonId> = primaries.into_iter().filter(|p| !multi.contains(p)).collect();
    rng.shuffle(&mut single);
    let share = if old { 12 } else { 7 };
    let wanted = (single.len() * share / 100).max(plan.min_party()).min(single.len());
    let mut party: Vec<PersonId> = single.drain(..wanted).collect();
    for pid in &party {
        if let Some(p) = site.people.iter_mut().find(|p| p.id == *pid) {
            let b = p.birth_date.unwrap_or(NaiveDate::MIN);
            p.party = Some(people::membership(rng, b, as_of));
        }
    }
    site.r.multi_owner = multi.first().cloned();
    assign_roles(rng, site, plan, &mut party, &mut single);
    // The roll in document order.
    let order: HashMap<&PersonId, usize> = site.people.iter().enumerate().map(|(i, p)| (&p.id, i)).collect();
    let mut roll: Vec<PersonId> = site.people.iter().filter(|p| p.party.is_some()).map(|p| p.id.clone()).collect();
    roll.sort_by_key(|p| order.get(p).copied().unwrap_or(usize::MAX));
    site.r.party = roll;
    Ok(())
}

/// Hands out the offices: secretary, committee, alternates, candidates, branch committee,
/// preparatory group; the rest stay spare.
fn assign_roles(
    rng: &mut Rng,
    site: &mut Site,
    plan: &super::committee::Plan,
    party: &mut Vec<PersonId>,
    others: &mut Vec<PersonId>,
) {
    let r = &mut site.r;
    let take = |v: &mut Vec<PersonId>, n: usize| -> Vec<PersonId> { v.drain(..n.min(v.len())).collect() };
    r.secretary = take(party, 1).pop();
    if plan.committee {
        let p = plan.party_seats();
        r.committee_party = take(party, p.saturating_sub(1));
        r.alternates = take(party, plan.alternates);
        r.extra_party = take(party, 1).pop();
        r.committee_nonparty = take(others, plan.seats.saturating_sub(p));
        r.extra_nonparty = take(others, 1).pop();
        r.prep_reps = take(others, plan.owner_reps());
        r.chair = if plan.one_shoulder { r.secretary.clone() } else { r.committee_party.first().cloned() };
    }
    let n_branch = if party.len() >= 30 { 4 } else { 2 };
    r.branch_committee = r.secretary.iter().cloned().chain(take(party, n_branch)).collect();
    r.spare_party = std::mem::take(party);
    rng.shuffle(others);
    r.spare = std::mem::take(others);
}

/// The party branch: own, joint (unit-mixed) or grid; building groups where party members
/// live, liaison households for every other building and for some of those.
fn branch(rng: &mut Rng, site: &mut Site, env: &Env<'_>) -> Gen<()> {
    let Some(secretary) = site.r.secretary.clone() else { return Ok(()) };
    let cname = site.c.name.clone();
    let (kind, name) = match site.c.category {
        CompoundCategory::UnitMixed => (BranchKind::Joint, format!("{cname}联合党支部")),
        _ if rng.chance(19) => {
            let grid = rng.range(1, 9);
            (BranchKind::Grid, format!("{}社区第{grid}网格党支部", env.community.name))
        }
        _ => (BranchKind::Compound, format!("{cname}党支部")),
    };
    let mut joint_units = Vec::new();
    if kind == BranchKind::Joint {
        for i in 1..=rng.range(1, 3) {
            let org: OrgId = id(&format!("org-pru-{}-{i}", site.tag))?;
            site.orgs.push(Organization {
                id: org.clone(),
                kind: OrgKind::PropertyRightUnit,
                name: names::work_unit(rng, &env.district.name),
                parent: None,
                secretary: None,
                members: Vec::new(),
                part_time_members: Vec::new(),
                party_organization: Some(rng.chance(70)),
            });
            joint_units.push(org);
        }
    }
    // Party members by the building they live in.
    let mut living: Vec<(BuildingId, Vec<(PersonId, UnitId)>)> =
        site.c.buildings.iter().map(|b| (b.id.clone(), Vec::new())).collect();
    for pid in &site.r.party {
        if let Some(u) = site.unit_of(pid)
            && let Some((_, v)) = living.iter_mut().find(|(b, _)| *b == u.building)
        {
            v.push((pid.clone(), u.id.clone()));
        }
    }
    let mut groups = Vec::new();
    let mut liaison = Vec::new();
    let mut rota = 0_usize;
    let party = site.r.party.clone();
    for (bid, residents) in &living {
        let units: Vec<&UnitId> = site.c.units.iter().filter(|u| u.building == *bid).map(|u| &u.id).collect();
        if let Some((leader, _)) = rng.pick(residents) {
            groups.push(BuildingGroup {
                building: bid.clone(),
                leader: leader.clone(),
                members: residents.iter().map(|(p, _)| p.clone()).collect(),
            });
            // Some buildings with a group also have a liaison household among its residents.
            if let Some((member, own)) = residents.first()
                && rng.chance(30)
            {
                let others: Vec<&UnitId> = units.iter().copied().filter(|u| *u != own).collect();
                if others.len() >= 10 {
                    let n = rng.range_usize(10, 14).min(others.len());
                    let start = rng.range_usize(0, others.len() - n);
                    liaison.push(LiaisonHousehold {
                        member: member.clone(),
                        unit: own.clone(),
                        linked_units: others.iter().skip(start).take(n).map(|u| (*u).clone()).collect(),
                        hardship: false,
                    });
                }
            }
            continue;
        }
        // No party member lives here: liaison households from elsewhere link every unit, in
        // chunks of 10–14 (the last chunk overlaps the one before it).
        let chunk_len = rng.range_usize(10, 14).min(units.len());
        if chunk_len == 0 {
            continue;
        }
        let chunks = units.len().div_ceil(chunk_len);
        for i in 0..chunks {
            let start = (i * chunk_len).min(units.len() - chunk_len);
            let Some(member) = party.get(rota % party.len().max(1)) else { continue };
            rota += 1;
            let Some(own) = site.unit_of(member).map(|u| u.id.clone()) else { continue };
            liaison.push(LiaisonHousehold {
                member: member.clone(),
                unit: own,
                linked_units: units.iter().skip(start).take(chunk_len).map(|u| (*u).clone()).collect(),
                hardship: false,
            });
        }
    }
    site.c.party_branch = Some(PartyBranch {
        id: id(&format!("br-{}", site.tag))?,
        kind,
        name,
        secretary,
        committee: site.r.branch_committee.clone(),
        members: site.r.party.clone(),
        building_groups: groups,
        liaison_households: liaison,
        joint_units,
    });
    Ok(())
}
