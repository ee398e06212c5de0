//! CFG001: every id reference resolves. The walk lists every reference site of CONFIG.md.

use foldhash::{HashMap, HashSet};

use super::super::{Ctx, Finding};
use crate::model::{Compound, EntryKind, MatterRef, Record, Scope};
use crate::report::{Path, RuleCode, doc_path};

/// The kinds of entity a reference can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Organization,
    Compound,
    Unit,
    Building,
    Assembly,
    Election,
    Meeting,
    Entry,
}

impl Kind {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Person => ("人员", "person"),
            Self::Organization => ("组织", "organization"),
            Self::Compound => ("小区", "compound"),
            Self::Unit => ("专有部分", "unit"),
            Self::Building => ("本小区楼栋", "building of this compound"),
            Self::Assembly => ("本小区业主大会表决", "assembly of this compound"),
            Self::Election => ("本小区选举", "election of this compound"),
            Self::Meeting => ("本小区会议", "meeting of this compound"),
            Self::Entry => ("本小区共管账户流水", "entry of this compound's joint account"),
        }
    }
}

/// Ids of the entities that belong to one compound. Its units are looked up first in the
/// compound's table of unit positions (shared with the tallies): a compound's records name its
/// own units, and this small table stays in the processor's caches where the district's table
/// of units (one random read per lookup) does not.
struct Local<'a, 't> {
    /// The owners of the compound's units when every one of them is a person of the document
    /// (the index checked them once): a compound's people are mostly its owners.
    owners: Option<&'t HashSet<&'a str>>,
    units: Option<&'t HashMap<&'a str, usize>>,
    buildings: HashSet<&'a str>,
    assemblies: HashMap<&'a str, HashSet<&'a str>>,
    elections: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
    entries: HashSet<&'a str>,
}

impl<'a, 't> Local<'a, 't> {
    fn of(c: &'a Compound, owners: Option<&'t HashSet<&'a str>>, units: Option<&'t HashMap<&'a str, usize>>) -> Self {
        Self {
            owners,
            units,
            buildings: c.buildings.iter().map(|b| b.id.as_str()).collect(),
            assemblies: c
                .assemblies
                .iter()
                .map(|a| (a.id.as_str(), a.matters.iter().map(|m| m.id.as_str()).collect()))
                .collect(),
            elections: c.elections.iter().map(|e| e.id.as_str()).collect(),
            meetings: c.meetings.iter().map(|m| m.id.as_str()).collect(),
            entries: c.joint_account.iter().flat_map(|a| a.entries.iter().map(|e| e.id.as_str())).collect(),
        }
    }
}

/// One reference found in the document.
enum Ref<'a> {
    Id(Kind, &'a str),
    Matter(&'a MatterRef),
}

/// Calls `f` for every id reference of the context's part, with the index of the compound it
/// sits in and its path (built only when `f` asks, for a finding): the people's and
/// organisations' references in the district's part, a compound's own in the compound's.
#[expect(clippy::too_many_lines, reason = "one flat list of every reference site in CONFIG.md reads best as one walk")]
fn walk<'a>(ctx: &Ctx<'a>, f: &mut impl FnMut(Option<usize>, Ref<'a>, &dyn Fn() -> Path)) {
    use Kind::{
        Assembly, Building, Compound as C, Election, Entry as E, Meeting, Organization as O, Person as P, Unit as U,
    };
    let (people, organizations) =
        if ctx.district() { (ctx.cfg.people.as_slice(), ctx.cfg.organizations.as_slice()) } else { (&[][..], &[][..]) };
    for (pi, p) in people.iter().enumerate() {
        for (ri, r) in p.relatives.iter().enumerate() {
            f(None, Ref::Id(P, r.person.as_str()), &|| doc_path!(people[pi].relatives[ri].person));
        }
        for (ei, e) in p.employment.iter().enumerate() {
            f(None, Ref::Id(O, e.org.as_str()), &|| doc_path!(people[pi].employment[ei].org));
        }
        for (ri, r) in p.residency.iter().flatten().enumerate() {
            f(None, Ref::Id(C, r.compound.as_str()), &|| doc_path!(people[pi].residency[ri].compound));
        }
        for (ri, r) in p.records.iter().enumerate() {
            match r {
                Record::IllegalConstruction { unit, .. }
                | Record::StructuralDamage { unit, .. }
                | Record::FeeArrears { unit, .. } => {
                    f(None, Ref::Id(U, unit.as_str()), &|| doc_path!(people[pi].records[ri].unit));
                }
                Record::OccupiesCommonPart { compound, .. }
                | Record::RemovedFromCommittee { compound, .. }
                | Record::EconomicTies { compound, .. } => {
                    f(None, Ref::Id(C, compound.as_str()), &|| doc_path!(people[pi].records[ri].compound));
                }
                _ => {}
            }
        }
    }
    for (oi, o) in organizations.iter().enumerate() {
        if let Some(parent) = &o.parent {
            f(None, Ref::Id(O, parent.as_str()), &|| doc_path!(organizations[oi].parent));
        }
        if let Some(s) = &o.secretary {
            f(None, Ref::Id(P, s.as_str()), &|| doc_path!(organizations[oi].secretary));
        }
        for (mi, m) in o.members.iter().enumerate() {
            f(None, Ref::Id(P, m.as_str()), &|| doc_path!(organizations[oi].members[mi]));
        }
        for (mi, m) in o.part_time_members.iter().enumerate() {
            f(None, Ref::Id(P, m.as_str()), &|| doc_path!(organizations[oi].part_time_members[mi]));
        }
    }
    for (ci, c) in ctx.compounds() {
        let mut g = |r: Ref<'a>, p: &dyn Fn() -> Path| f(Some(ci), r, p);
        g(Ref::Id(O, c.community.as_str()), &|| doc_path!(compounds[ci].community));
        if let Some(rc) = &c.residents_committee {
            g(Ref::Id(O, rc.as_str()), &|| doc_path!(compounds[ci].residents_committee));
        }
        for (ui, u) in c.units.iter().enumerate() {
            g(Ref::Id(Building, u.building.as_str()), &|| doc_path!(compounds[ci].units[ui].building));
            for (oi, o) in u.owners.iter().enumerate() {
                g(Ref::Id(P, o.as_str()), &|| doc_path!(compounds[ci].units[ui].owners[oi]));
            }
            if let Some(d) = &u.developer_held {
                g(Ref::Id(O, d.as_str()), &|| doc_path!(compounds[ci].units[ui].developer_held));
            }
        }
        if let Some(b) = &c.party_branch {
            g(Ref::Id(P, b.secretary.as_str()), &|| doc_path!(compounds[ci].party_branch.secretary));
            for (i, m) in b.committee.iter().enumerate() {
                g(Ref::Id(P, m.as_str()), &|| doc_path!(compounds[ci].party_branch.committee[i]));
            }
            for (i, m) in b.members.iter().enumerate() {
                g(Ref::Id(P, m.as_str()), &|| doc_path!(compounds[ci].party_branch.members[i]));
            }
            for (gi, grp) in b.building_groups.iter().enumerate() {
                g(Ref::Id(Building, grp.building.as_str()), &|| {
                    doc_path!(compounds[ci].party_branch.building_groups[gi].building)
                });
                g(Ref::Id(P, grp.leader.as_str()), &|| {
                    doc_path!(compounds[ci].party_branch.building_groups[gi].leader)
                });
                for (i, m) in grp.members.iter().enumerate() {
                    g(Ref::Id(P, m.as_str()), &|| doc_path!(compounds[ci].party_branch.building_groups[gi].members[i]));
                }
            }
            for (li, l) in b.liaison_households.iter().enumerate() {
                g(Ref::Id(P, l.member.as_str()), &|| {
                    doc_path!(compounds[ci].party_branch.liaison_households[li].member)
                });
                g(Ref::Id(U, l.unit.as_str()), &|| doc_path!(compounds[ci].party_branch.liaison_households[li].unit));
                for (i, u) in l.linked_units.iter().enumerate() {
                    g(Ref::Id(U, u.as_str()), &|| {
                        doc_path!(compounds[ci].party_branch.liaison_households[li].linked_units[i])
                    });
                }
            }
            for (i, o) in b.joint_units.iter().enumerate() {
                g(Ref::Id(O, o.as_str()), &|| doc_path!(compounds[ci].party_branch.joint_units[i]));
            }
        }
        if let Some(oc) = &c.owners_committee {
            for (i, m) in oc.members.iter().enumerate() {
                g(Ref::Id(P, m.person.as_str()), &|| doc_path!(compounds[ci].owners_committee.members[i].person));
            }
            if let Some(s) = &oc.executive_secretary {
                g(Ref::Id(P, s.as_str()), &|| doc_path!(compounds[ci].owners_committee.executive_secretary));
            }
        }
        if let Some(ps) = &c.property_service {
            g(Ref::Id(O, ps.company.as_str()), &|| doc_path!(compounds[ci].property_service.company));
            if let Some(pm) = &ps.project_manager {
                g(Ref::Id(P, pm.as_str()), &|| doc_path!(compounds[ci].property_service.project_manager));
            }
            for (i, s) in ps.service_quality_supervisors.iter().enumerate() {
                g(Ref::Id(P, s.as_str()), &|| doc_path!(compounds[ci].property_service.service_quality_supervisors[i]));
            }
        }
        if let Some(m) = c.rules_of_procedure.as_ref().and_then(|r| r.adopted_by.as_ref()) {
            g(Ref::Matter(m), &|| doc_path!(compounds[ci].rules_of_procedure.adopted_by));
        }
        if let Some(acc) = &c.joint_account {
            for (ki, k) in acc.custodians.iter().enumerate() {
                for (i, s) in k.signatories.iter().enumerate() {
                    g(Ref::Id(P, s.as_str()), &|| doc_path!(compounds[ci].joint_account.custodians[ki].signatories[i]));
                }
            }
            for (ei, e) in acc.entries.iter().enumerate() {
                if let EntryKind::Disbursement(d) = &e.kind {
                    for (i, a) in d.approvals.iter().enumerate() {
                        g(Ref::Id(P, a.person.as_str()), &|| {
                            doc_path!(compounds[ci].joint_account.entries[ei].approvals[i].person)
                        });
                    }
                    if let Some(m) = &d.resolution {
                        g(Ref::Matter(m), &|| doc_path!(compounds[ci].joint_account.entries[ei].resolution));
                    }
                }
            }
        }
        if let Some(fund) = &c.maintenance_fund {
            for (i, d) in fund.deposits.iter().enumerate() {
                if let Some(e) = &d.entry {
                    g(Ref::Id(E, e.as_str()), &|| doc_path!(compounds[ci].maintenance_fund.deposits[i].entry));
                }
            }
            for (i, u) in fund.uses.iter().enumerate() {
                if let Some(m) = &u.resolution {
                    g(Ref::Matter(m), &|| doc_path!(compounds[ci].maintenance_fund.uses[i].resolution));
                }
            }
        }
        for (ai, a) in c.assemblies.iter().enumerate() {
            if let Scope::Building(b) = &a.scope {
                g(Ref::Id(Building, b.as_str()), &|| doc_path!(compounds[ci].assemblies[ai].scope.building));
            }
            for (mi, m) in a.matters.iter().enumerate() {
                if let Some(e) = &m.election {
                    g(Ref::Id(Election, e.as_str()), &|| doc_path!(compounds[ci].assemblies[ai].matters[mi].election));
                }
            }
            for (bi, b) in a.ballots.iter().enumerate() {
                g(Ref::Id(P, b.voter.as_str()), &|| doc_path!(compounds[ci].assemblies[ai].ballots[bi].voter));
                if let Some(p) = &b.proxy_for {
                    g(Ref::Id(P, p.as_str()), &|| doc_path!(compounds[ci].assemblies[ai].ballots[bi].proxy_for));
                }
            }
        }
        for (ei, e) in c.elections.iter().enumerate() {
            g(Ref::Id(Assembly, e.assembly.as_str()), &|| doc_path!(compounds[ci].elections[ei].assembly));
            if let Some(pg) = &e.preparatory_group {
                g(Ref::Id(P, pg.leader.as_str()), &|| doc_path!(compounds[ci].elections[ei].preparatory_group.leader));
                for (i, m) in pg.members.iter().enumerate() {
                    g(Ref::Id(P, m.person.as_str()), &|| {
                        doc_path!(compounds[ci].elections[ei].preparatory_group.members[i].person)
                    });
                }
            }
            for (i, cand) in e.candidates.iter().enumerate() {
                g(Ref::Id(P, cand.person.as_str()), &|| doc_path!(compounds[ci].elections[ei].candidates[i].person));
            }
        }
        for (mi, m) in c.meetings.iter().enumerate() {
            for (i, p) in m.attendees.iter().enumerate() {
                g(Ref::Id(P, p.as_str()), &|| doc_path!(compounds[ci].meetings[mi].attendees[i]));
            }
            for (i, p) in m.observers.iter().enumerate() {
                g(Ref::Id(P, p.as_str()), &|| doc_path!(compounds[ci].meetings[mi].observers[i]));
            }
            for (xi, x) in m.matters.iter().enumerate() {
                if let Some(prior) = &x.prior_deliberation {
                    g(Ref::Id(Meeting, prior.as_str()), &|| {
                        doc_path!(compounds[ci].meetings[mi].matters[xi].prior_deliberation)
                    });
                }
            }
        }
    }
}

/// CFG001: every id reference names an existing entity of the right kind.
pub(super) fn reference_resolves(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg001) {
        return;
    }
    let cfg = ctx.cfg;
    let index = ctx.index;
    // The part's compound, if any (a context checks one compound at most), and its tables.
    let own = ctx.compounds().next();
    let positions = own.and_then(|(_, c)| ctx.unit_positions(c));
    let local = own.map(|(ci, c)| (ci, Local::of(c, index.known_owners(c), positions.as_deref())));
    let mut found = Vec::new();
    walk(ctx, &mut |ci, r, path| {
        let local = local.as_ref().filter(|(i, _)| Some(*i) == ci).map(|(_, l)| l);
        // The id is written out only for a reference that does not resolve.
        let (ok, kind) = match r {
            Ref::Id(kind, id) => {
                let ok = match kind {
                    Kind::Person => {
                        local.and_then(|l| l.owners).is_some_and(|o| o.contains(id)) || index.people.contains_key(id)
                    }
                    Kind::Organization => index.orgs.contains_key(id),
                    Kind::Compound => index.compounds.contains_key(id),
                    Kind::Unit => {
                        local.and_then(|l| l.units).is_some_and(|u| u.contains_key(id)) || index.units.contains_key(id)
                    }
                    Kind::Building => local.is_some_and(|l| l.buildings.contains(id)),
                    Kind::Assembly => local.is_some_and(|l| l.assemblies.contains_key(id)),
                    Kind::Election => local.is_some_and(|l| l.elections.contains(id)),
                    Kind::Meeting => local.is_some_and(|l| l.meetings.contains(id)),
                    Kind::Entry => local.is_some_and(|l| l.entries.contains(id)),
                };
                (ok, kind)
            }
            Ref::Matter(m) => match local.and_then(|l| l.assemblies.get(m.assembly.as_str())) {
                None => (false, Kind::Assembly),
                Some(matters) => (matters.contains(m.matter.as_str()), Kind::Assembly),
            },
        };
        if ok {
            return;
        }
        let id = match r {
            Ref::Id(_, id) => (*id).to_owned(),
            Ref::Matter(m) if local.is_some_and(|l| l.assemblies.contains_key(m.assembly.as_str())) => {
                format!("{}/{}", m.assembly, m.matter)
            }
            Ref::Matter(m) => m.assembly.to_string(),
        };
        if !ok {
            let compound = ci.and_then(|i| cfg.compounds.get(i)).map(|c| &c.id);
            let (zh, en) = if id.contains('/') {
                ("本小区表决事项", "matter of an assembly of this compound")
            } else {
                kind.names()
            };
            found.push(
                Finding::new(RuleCode::Cfg001, id.clone(), path())
                    .compound(compound)
                    .message(format!("引用的{zh} `{id}` 不存在"), format!("reference to {en} `{id}` does not resolve"))
                    .fact("reference", id)
                    .fact("expected", en),
            );
        }
    });
    for f in found {
        ctx.emit(f);
    }
}
