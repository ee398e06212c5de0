//! A district: one street (街道) with its party working committee and office, its communities
//! (社区党委 and 居委会), the property companies and developers working in it, and the people of
//! those offices. Compounds are attached to communities; the organisations are written out once
//! every compound has added what it contributes (part-time members, property-right units).

use chrono::NaiveDate;

use super::calendar;
use super::names;
use super::people::{self, Gen, id};
use super::rng::Rng;
use crate::model::{OrgId, OrgKind, Organization, Person, PersonId};

/// Compounds per district: 秀英街道 of the seed reports has 107.
pub(super) const COMPOUNDS_PER_DISTRICT: usize = 100;

/// Compounds per community.
pub(super) const COMPOUNDS_PER_COMMUNITY: usize = 8;

/// Property service companies working in a district.
const COMPANIES: usize = 12;

/// Developers (建设单位) of a district's newer compounds.
const DEVELOPERS: usize = 6;

/// A community: its party committee and residents' committee, with their people.
#[derive(Debug)]
pub(super) struct Community {
    pub(super) org: OrgId,
    pub(super) rc: OrgId,
    pub(super) name: String,
    /// The party committee's secretary and members (the secretary first).
    pub(super) members: Vec<PersonId>,
    /// Members of the residents' committee.
    pub(super) rc_members: Vec<PersonId>,
    /// Project managers who are party members, taken on as part-time members (兼职委员).
    pub(super) part_time: Vec<PersonId>,
}

/// A property service company.
#[derive(Debug)]
pub(super) struct Company {
    pub(super) id: OrgId,
    name: String,
    party_org: bool,
}

/// A developer (建设单位) with the staff member who represents it.
#[derive(Debug)]
pub(super) struct Developer {
    pub(super) id: OrgId,
    name: String,
    pub(super) staff: PersonId,
}

/// One street and what hangs off it.
#[derive(Debug)]
pub(super) struct District {
    /// Street name part (`松涛`).
    pub(super) name: String,
    street: OrgId,
    secretary: PersonId,
    office: OrgId,
    /// Street-office staff: they lead preparatory groups.
    pub(super) office_staff: Vec<PersonId>,
    pub(super) communities: Vec<Community>,
    pub(super) companies: Vec<Company>,
    pub(super) developers: Vec<Developer>,
    /// The people of the offices above.
    people: Vec<Person>,
    /// Organisations compounds add (property-right units of unit-mixed compounds).
    pub(super) extra_orgs: Vec<Organization>,
}

impl District {
    /// District `d` (0-based) for `compounds` compounds.
    pub(super) fn new(rng: &mut Rng, d: usize, compounds: usize, as_of: NaiveDate) -> Gen<Self> {
        let tag = format!("d{:02}", d + 1);
        let name = names::street(d);
        let street: OrgId = id(&format!("org-street-{tag}"))?;
        let office: OrgId = id(&format!("org-so-{tag}"))?;
        let since = |rng: &mut Rng| calendar::days(as_of, -i64::try_from(rng.range(400, 5000)).unwrap_or(1000));
        let mut people = Vec::new();
        let s = since(rng);
        let sec = people::official(rng, &format!("p-{tag}-sw"), &street, "secretary", s, true, as_of)?;
        let secretary = sec.id.clone();
        people.push(sec);
        let mut office_staff = Vec::new();
        for i in 1..=4 {
            let s = since(rng);
            let party = rng.chance(60);
            let p = people::official(rng, &format!("p-{tag}-so{i}"), &office, "staff", s, party, as_of)?;
            office_staff.push(p.id.clone());
            people.push(p);
        }
        // Companies and developers come first and in fixed numbers, so that a compound sees the
        // same district whatever the number of compounds after it.
        let mut companies = Vec::new();
        for i in 1..=COMPANIES {
            let firm = names::firm(rng);
            companies.push(Company {
                id: id(&format!("org-pm-{tag}-{i:02}"))?,
                name: format!("{name}{firm}物业服务有限公司"),
                party_org: rng.chance(55),
            });
        }
        let mut developers = Vec::new();
        for i in 1..=DEVELOPERS {
            let dev: OrgId = id(&format!("org-dev-{tag}-{i:02}"))?;
            let s = since(rng);
            let staff = people::official(rng, &format!("p-{tag}-dev{i:02}"), &dev, "staff", s, false, as_of)?;
            let firm = names::firm(rng);
            developers
                .push(Developer { id: dev, name: format!("{name}{firm}置业有限公司"), staff: staff.id.clone() });
            people.push(staff);
        }
        let n_communities = compounds.div_ceil(COMPOUNDS_PER_COMMUNITY).max(1);
        let mut communities = Vec::with_capacity(n_communities);
        for j in 0..n_communities {
            let ctag = format!("{tag}-{:02}", j + 1);
            let org: OrgId = id(&format!("org-community-{ctag}"))?;
            let rc: OrgId = id(&format!("org-rc-{ctag}"))?;
            let mut members = Vec::new();
            for i in 1..=3 {
                let role = if i == 1 { "secretary" } else { "member" };
                let s = since(rng);
                let p = people::official(rng, &format!("p-{ctag}-c{i}"), &org, role, s, true, as_of)?;
                members.push(p.id.clone());
                people.push(p);
            }
            let mut rc_members = Vec::new();
            for i in 1..=3 {
                let s = since(rng);
                let party = rng.chance(50);
                let p = people::official(rng, &format!("p-{ctag}-r{i}"), &rc, "member", s, party, as_of)?;
                rc_members.push(p.id.clone());
                people.push(p);
            }
            communities.push(Community {
                org,
                rc,
                name: names::community(d * 97 + j),
                members,
                rc_members,
                part_time: Vec::new(),
            });
        }
        Ok(Self {
            name,
            street,
            secretary,
            office,
            office_staff,
            communities,
            companies,
            developers,
            people,
            extra_orgs: Vec::new(),
        })
    }

    /// The people of the district's offices, and its organisations in a fixed order.
    pub(super) fn finish(self) -> (Vec<Person>, Vec<Organization>) {
        let org = |id: &OrgId, kind: OrgKind, name: String| Organization {
            id: id.clone(),
            kind,
            name,
            parent: None,
            secretary: None,
            members: Vec::new(),
            part_time_members: Vec::new(),
            party_organization: None,
        };
        let street_name = format!("{}街道", self.name);
        let mut orgs = vec![
            Organization {
                secretary: Some(self.secretary.clone()),
                members: vec![self.secretary.clone()],
                ..org(&self.street, OrgKind::StreetPartyWorkingCommittee, format!("{street_name}党工委"))
            },
            Organization {
                members: self.office_staff.clone(),
                ..org(&self.office, OrgKind::StreetOffice, format!("{street_name}办事处"))
            },
        ];
        for c in self.communities {
            orgs.push(Organization {
                parent: Some(self.street.clone()),
                secretary: c.members.first().cloned(),
                members: c.members,
                part_time_members: c.part_time,
                ..org(&c.org, OrgKind::CommunityPartyCommittee, format!("{}社区党委", c.name))
            });
            orgs.push(Organization {
                members: c.rc_members,
                ..org(&c.rc, OrgKind::ResidentsCommittee, format!("{}社区居民委员会", c.name))
            });
        }
        for c in self.companies {
            orgs.push(Organization {
                party_organization: Some(c.party_org),
                ..org(&c.id, OrgKind::PropertyServiceCompany, c.name)
            });
        }
        for d in self.developers {
            orgs.push(Organization { members: vec![d.staff], ..org(&d.id, OrgKind::Developer, d.name) });
        }
        orgs.extend(self.extra_orgs);
        (self.people, orgs)
    }
}
