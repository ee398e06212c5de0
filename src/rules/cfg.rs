//! CFG: document integrity. References resolve, ids are unique, dates are in order and not in
//! the future, units have a positive area and a holder.
//!
//! Scope of CFG001: people, organisations, compounds and units are looked up in the whole
//! document; buildings, assemblies (and their matters), elections, meetings and ledger entries
//! in the compound that refers to them, because they belong to it. A ballot's unit and the
//! matters a ballot names are checked by AV003 and AV009, and the *kind* of a referenced
//! organisation (a community party committee, a developer…) by the domain rules, so that one
//! fault gives one finding.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Ctx, Finding, RuleMeta};
use crate::model::{Compound, Entry, EntryKind, MatterRef, Record, Scope};
use crate::report::{Basis, Severity};
use crate::report::{Path, RuleCode, doc_path};

const LIB_CITATION: &str = "xiaoqu 文档约定 (CONFIG.md)";

/// The CFG rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Cfg001,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "每个 id 引用都指向文档中存在的、类型正确的实体",
        summary_en: "every id reference names an existing entity of the right kind",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg002,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "同类实体的 id 在文档内唯一",
        summary_en: "ids are unique per kind",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg003,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "日期先后正确：起始不晚于结束，开始不晚于截止，当选早于任期届满",
        summary_en: "dates are in order: from <= to, opened <= closed, elected_on < term_end, etc.",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg004,
        severity: Severity::Warning,
        basis: Basis::Lib,
        on_by_default: true,
        citation: LIB_CITATION,
        sources: "CONFIG.md",
        summary_zh: "已发生的事件日期不晚于审计日期 as_of",
        summary_en: "dated events are not after `as_of`",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg005,
        severity: Severity::Error,
        basis: Basis::Lib,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第八条",
        sources: "R026",
        summary_zh: "专有部分登记面积大于零",
        summary_en: "unit area > 0",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Cfg006,
        severity: Severity::Error,
        basis: Basis::Law,
        on_by_default: true,
        citation: "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 第一条、第九条",
        sources: "R027, R028",
        summary_zh: "每个专有部分有至少一名业主或由建设单位持有，二者不可兼有",
        summary_en: "each unit has at least one owner or is developer-held, not both",
        params: &[],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    reference_resolves(ctx);
    id_unique(ctx);
    date_order(ctx);
    not_in_future(ctx);
    units(ctx);
}

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

/// Ids of the entities that belong to one compound.
struct Local<'a> {
    buildings: HashSet<&'a str>,
    assemblies: HashMap<&'a str, HashSet<&'a str>>,
    elections: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
    entries: HashSet<&'a str>,
}

impl<'a> Local<'a> {
    fn of(c: &'a Compound) -> Self {
        Self {
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

/// What the walk calls for each reference: the compound index, the reference, its path.
type Visit<'v, 'a> = dyn FnMut(Option<usize>, Ref<'a>, &dyn Fn() -> Path) + 'v;

/// Calls `f` for every id reference, with the index of the compound it sits in and its path.
#[expect(clippy::too_many_lines, reason = "one flat list of every reference site in CONFIG.md reads best as one walk")]
fn walk<'a>(cfg: &'a crate::config::GovernanceConfig, f: &mut Visit<'_, 'a>) {
    use Kind::{
        Assembly, Building, Compound as C, Election, Entry as E, Meeting, Organization as O, Person as P, Unit as U,
    };
    for (pi, p) in cfg.people.iter().enumerate() {
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
    for (oi, o) in cfg.organizations.iter().enumerate() {
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
    for (ci, c) in cfg.compounds.iter().enumerate() {
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
fn reference_resolves(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg001) {
        return;
    }
    let cfg = ctx.cfg;
    let index = ctx.index;
    let locals: Vec<Local<'_>> = cfg.compounds.iter().map(Local::of).collect();
    let mut found = Vec::new();
    walk(cfg, &mut |ci, r, path| {
        let local = ci.and_then(|i| locals.get(i));
        let (ok, kind, id) = match r {
            Ref::Id(kind, id) => {
                let ok = match kind {
                    Kind::Person => index.people.contains_key(id),
                    Kind::Organization => index.orgs.contains_key(id),
                    Kind::Compound => index.compounds.contains_key(id),
                    Kind::Unit => index.units.contains_key(id),
                    Kind::Building => local.is_some_and(|l| l.buildings.contains(id)),
                    Kind::Assembly => local.is_some_and(|l| l.assemblies.contains_key(id)),
                    Kind::Election => local.is_some_and(|l| l.elections.contains(id)),
                    Kind::Meeting => local.is_some_and(|l| l.meetings.contains(id)),
                    Kind::Entry => local.is_some_and(|l| l.entries.contains(id)),
                };
                (ok, kind, id.to_owned())
            }
            Ref::Matter(m) => match local.and_then(|l| l.assemblies.get(m.assembly.as_str())) {
                None => (false, Kind::Assembly, m.assembly.to_string()),
                Some(matters) => {
                    let ok = matters.contains(m.matter.as_str());
                    (ok, Kind::Assembly, format!("{}/{}", m.assembly, m.matter))
                }
            },
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

/// CFG002: ids are unique per kind (matters and meeting matters inside their parent).
fn id_unique(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg002) {
        return;
    }
    let cfg = ctx.cfg;
    let mut found = Vec::new();
    let mut seen: HashMap<(&str, String), Path> = HashMap::new();
    let mut check = |kind: &'static str, id: String, compound: Option<&crate::model::CompoundId>, path: Path| {
        if let Some(first) = seen.get(&(kind, id.clone())) {
            found.push(
                Finding::new(RuleCode::Cfg002, id.clone(), path)
                    .compound(compound)
                    .message(
                        format!("{kind} id `{id}` 重复（首次出现于 {first}）"),
                        format!("duplicate {kind} id `{id}` (first at {first})"),
                    )
                    .fact("kind", kind)
                    .fact("first", first.to_string()),
            );
        } else {
            seen.insert((kind, id), path);
        }
    };
    for (i, p) in cfg.people.iter().enumerate() {
        check("person", p.id.to_string(), None, doc_path!(people[i].id));
    }
    for (i, o) in cfg.organizations.iter().enumerate() {
        check("organization", o.id.to_string(), None, doc_path!(organizations[i].id));
    }
    for (ci, c) in cfg.compounds.iter().enumerate() {
        let cid = Some(&c.id);
        check("compound", c.id.to_string(), None, doc_path!(compounds[ci].id));
        for (i, b) in c.buildings.iter().enumerate() {
            check("building", b.id.to_string(), cid, doc_path!(compounds[ci].buildings[i].id));
        }
        for (i, u) in c.units.iter().enumerate() {
            check("unit", u.id.to_string(), cid, doc_path!(compounds[ci].units[i].id));
        }
        if let Some(b) = &c.party_branch {
            check("branch", b.id.to_string(), cid, doc_path!(compounds[ci].party_branch.id));
        }
        if let Some(a) = &c.joint_account {
            check("account", a.id.to_string(), cid, doc_path!(compounds[ci].joint_account.id));
            for (i, e) in a.entries.iter().enumerate() {
                check("entry", e.id.to_string(), cid, doc_path!(compounds[ci].joint_account.entries[i].id));
            }
        }
        if let Some(f) = &c.maintenance_fund {
            for (i, d) in f.deposits.iter().enumerate() {
                check("deposit", d.id.to_string(), cid, doc_path!(compounds[ci].maintenance_fund.deposits[i].id));
            }
            for (i, u) in f.uses.iter().enumerate() {
                check("fund_use", u.id.to_string(), cid, doc_path!(compounds[ci].maintenance_fund.uses[i].id));
            }
        }
        for (ai, a) in c.assemblies.iter().enumerate() {
            check("assembly", a.id.to_string(), cid, doc_path!(compounds[ci].assemblies[ai].id));
            for (mi, m) in a.matters.iter().enumerate() {
                check(
                    "matter",
                    format!("{}/{}", a.id, m.id),
                    cid,
                    doc_path!(compounds[ci].assemblies[ai].matters[mi].id),
                );
            }
        }
        for (i, e) in c.elections.iter().enumerate() {
            check("election", e.id.to_string(), cid, doc_path!(compounds[ci].elections[i].id));
        }
        for (mi, m) in c.meetings.iter().enumerate() {
            check("meeting", m.id.to_string(), cid, doc_path!(compounds[ci].meetings[mi].id));
            for (xi, x) in m.matters.iter().enumerate() {
                check(
                    "meeting_matter",
                    format!("{}/{}", m.id, x.id),
                    cid,
                    doc_path!(compounds[ci].meetings[mi].matters[xi].id),
                );
            }
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// A pair of dates that must be in order.
struct Pair<'a> {
    subject: String,
    compound: Option<&'a crate::model::CompoundId>,
    earlier: (&'static str, NaiveDate),
    later: (&'static str, NaiveDate),
    strict: bool,
    path: Path,
}

/// `Some(pair)` when `a` is after `b` (or equal, when `strict`).
fn order<'a>(
    subject: String,
    compound: Option<&'a crate::model::CompoundId>,
    earlier: (&'static str, NaiveDate),
    later: (&'static str, Option<NaiveDate>),
    path: &dyn Fn() -> Path,
    strict: bool,
) -> Option<Pair<'a>> {
    let b = later.1?;
    let bad = if strict { earlier.1 >= b } else { earlier.1 > b };
    bad.then(|| Pair { subject, compound, earlier, later: (later.0, b), strict, path: path() })
}

/// CFG003: dates are in order (from ≤ to, opened ≤ closed, `elected_on` < `term_end`…).
#[expect(
    clippy::too_many_lines,
    reason = "one flat list of every ordered pair of dates in CONFIG.md reads best in one place"
)]
fn date_order(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg003) {
        return;
    }
    let cfg = ctx.cfg;
    let mut pairs: Vec<Pair<'_>> = Vec::new();
    for (pi, p) in cfg.people.iter().enumerate() {
        let s = || p.id.to_string();
        for (i, e) in p.employment.iter().enumerate() {
            pairs.extend(order(
                s(),
                None,
                ("from", e.from),
                ("to", e.to),
                &|| doc_path!(people[pi].employment[i]),
                false,
            ));
        }
        for (i, r) in p.residency.iter().flatten().enumerate() {
            pairs.extend(order(
                s(),
                None,
                ("from", r.from),
                ("to", r.to),
                &|| doc_path!(people[pi].residency[i]),
                false,
            ));
        }
        for (i, r) in p.records.iter().enumerate() {
            let at = || doc_path!(people[pi].records[i]);
            match r {
                Record::CriminalConviction { date, sentence_completed_on, .. } => {
                    pairs.extend(order(
                        s(),
                        None,
                        ("date", *date),
                        ("sentence_completed_on", *sentence_completed_on),
                        &at,
                        false,
                    ));
                }
                Record::UnderCriminalInvestigation { from, to }
                | Record::DishonestDebtor { from, to }
                | Record::EconomicTies { from, to, .. } => {
                    pairs.extend(order(s(), None, ("from", *from), ("to", *to), &at, false));
                }
                Record::IllegalConstruction { ordered_on, rectified_on, .. } => {
                    pairs.extend(order(
                        s(),
                        None,
                        ("ordered_on", *ordered_on),
                        ("rectified_on", *rectified_on),
                        &at,
                        false,
                    ));
                }
                Record::StructuralDamage { found_on, rectified_on, .. }
                | Record::OccupiesCommonPart { found_on, rectified_on, .. } => {
                    pairs.extend(order(
                        s(),
                        None,
                        ("found_on", *found_on),
                        ("rectified_on", *rectified_on),
                        &at,
                        false,
                    ));
                }
                Record::FeeArrears { since, settled_on, .. } => {
                    pairs.extend(order(s(), None, ("since", *since), ("settled_on", *settled_on), &at, false));
                }
                _ => {}
            }
        }
    }
    for (ci, c) in cfg.compounds.iter().enumerate() {
        let cid = Some(&c.id);
        if let Some(oc) = &c.owners_committee {
            let at = || doc_path!(compounds[ci].owners_committee);
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("elected_on", oc.elected_on),
                ("term_end", Some(oc.term_end)),
                &at,
                true,
            ));
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("elected_on", oc.elected_on),
                ("first_meeting_on", oc.first_meeting_on),
                &at,
                false,
            ));
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("elected_on", oc.elected_on),
                ("filed_on", oc.filed_on),
                &at,
                false,
            ));
        }
        if let Some(ps) = &c.property_service {
            pairs.extend(order(
                c.id.to_string(),
                cid,
                ("from", ps.contract.from),
                ("to", ps.contract.to),
                &|| doc_path!(compounds[ci].property_service.contract),
                false,
            ));
        }
        if let Some(acc) = &c.joint_account {
            for (i, d) in acc.disclosures.iter().enumerate() {
                let at = || doc_path!(compounds[ci].joint_account.disclosures[i]);
                pairs.extend(order(
                    acc.id.to_string(),
                    cid,
                    ("period_start", d.period_start),
                    ("period_end", Some(d.period_end)),
                    &at,
                    false,
                ));
            }
            for (i, a) in acc.audits.iter().enumerate() {
                let at = || doc_path!(compounds[ci].joint_account.audits[i]);
                pairs.extend(order(
                    acc.id.to_string(),
                    cid,
                    ("period_start", a.period_start),
                    ("period_end", Some(a.period_end)),
                    &at,
                    false,
                ));
                pairs.extend(order(
                    acc.id.to_string(),
                    cid,
                    ("period_end", a.period_end),
                    ("completed_on", Some(a.completed_on)),
                    &at,
                    false,
                ));
            }
        }
        for (ai, a) in c.assemblies.iter().enumerate() {
            let at = || doc_path!(compounds[ci].assemblies[ai]);
            pairs.extend(order(
                a.id.to_string(),
                cid,
                ("notice_published_on", a.notice_published_on),
                ("opened_on", Some(a.opened_on)),
                &at,
                false,
            ));
            pairs.extend(order(
                a.id.to_string(),
                cid,
                ("opened_on", a.opened_on),
                ("closed_on", Some(a.closed_on)),
                &at,
                false,
            ));
        }
    }
    for p in pairs {
        let (a, b) = (p.earlier, p.later);
        let rel = if p.strict { "<" } else { "<=" };
        let f = Finding::new(RuleCode::Cfg003, p.subject, p.path)
            .compound(p.compound)
            .message(
                format!(
                    "日期顺序错误：{} ({}) 应{}于 {} ({})",
                    a.0,
                    a.1,
                    if p.strict { "早" } else { "不晚" },
                    b.0,
                    b.1
                ),
                format!("dates out of order: {} ({}) must be {rel} {} ({})", a.0, a.1, b.0, b.1),
            )
            .fact(a.0, a.1)
            .fact(b.0, b.1);
        ctx.emit(f);
    }
}

/// CFG004: dated events are not after `as_of`.
fn not_in_future(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg004) {
        return;
    }
    let cfg = ctx.cfg;
    let as_of = cfg.as_of;
    let mut found = Vec::new();
    let mut ev = |subject: &dyn std::fmt::Display,
                  compound: Option<&crate::model::CompoundId>,
                  field: &'static str,
                  d: Option<NaiveDate>,
                  path: &dyn Fn() -> Path| {
        if let Some(d) = d
            && d > as_of
        {
            found.push(
                Finding::new(RuleCode::Cfg004, subject.to_string(), path().key(field))
                    .compound(compound)
                    .message(
                        format!("{field} ({d}) 晚于审计日期 {as_of}"),
                        format!("{field} ({d}) is after the audit date {as_of}"),
                    )
                    .fact(field, d)
                    .fact("as_of", as_of),
            );
        }
    };
    for (pi, p) in cfg.people.iter().enumerate() {
        ev(&p.id, None, "birth_date", p.birth_date, &|| doc_path!(people[pi]));
        ev(&p.id, None, "joined_on", p.party.as_ref().and_then(|x| x.joined_on), &|| doc_path!(people[pi].party));
        for (i, e) in p.employment.iter().enumerate() {
            ev(&p.id, None, "from", Some(e.from), &|| doc_path!(people[pi].employment[i]));
        }
        for (i, r) in p.records.iter().enumerate() {
            let at = || doc_path!(people[pi].records[i]);
            for (field, d) in record_dates(r) {
                ev(&p.id, None, field, d, &at);
            }
        }
    }
    for (ci, c) in cfg.compounds.iter().enumerate() {
        let cid = Some(&c.id);
        if let Some(oc) = &c.owners_committee {
            let at = || doc_path!(compounds[ci].owners_committee);
            ev(&c.id, cid, "elected_on", Some(oc.elected_on), &at);
            ev(&c.id, cid, "first_meeting_on", oc.first_meeting_on, &at);
            ev(&c.id, cid, "filed_on", oc.filed_on, &at);
        }
        if let Some(acc) = &c.joint_account {
            ev(&acc.id, cid, "opened_on", Some(acc.opened_on), &|| doc_path!(compounds[ci].joint_account));
            for (i, e) in acc.entries.iter().enumerate() {
                entry_dates(e, &mut |field, d| {
                    ev(&e.id, cid, field, Some(d), &|| doc_path!(compounds[ci].joint_account.entries[i]));
                });
            }
            for (i, d) in acc.disclosures.iter().enumerate() {
                ev(&acc.id, cid, "published_on", Some(d.published_on), &|| {
                    doc_path!(compounds[ci].joint_account.disclosures[i])
                });
            }
            for (i, a) in acc.audits.iter().enumerate() {
                ev(&acc.id, cid, "completed_on", Some(a.completed_on), &|| {
                    doc_path!(compounds[ci].joint_account.audits[i])
                });
            }
        }
        if let Some(f) = &c.maintenance_fund {
            for (i, d) in f.deposits.iter().enumerate() {
                ev(&d.id, cid, "date", Some(d.date), &|| doc_path!(compounds[ci].maintenance_fund.deposits[i]));
            }
            for (i, u) in f.uses.iter().enumerate() {
                ev(&u.id, cid, "date", Some(u.date), &|| doc_path!(compounds[ci].maintenance_fund.uses[i]));
            }
        }
        for (ai, a) in c.assemblies.iter().enumerate() {
            ev(&a.id, cid, "notice_published_on", Some(a.notice_published_on), &|| {
                doc_path!(compounds[ci].assemblies[ai])
            });
            for (bi, b) in a.ballots.iter().enumerate() {
                let subject = format!("{}/{}", a.id, b.unit);
                ev(&subject, cid, "cast_on", Some(b.cast_on), &|| doc_path!(compounds[ci].assemblies[ai].ballots[bi]));
            }
        }
        for (ei, e) in c.elections.iter().enumerate() {
            ev(&e.id, cid, "candidate_list_published_on", e.candidate_list_published_on, &|| {
                doc_path!(compounds[ci].elections[ei])
            });
            let formed = e.preparatory_group.as_ref().map(|g| g.formed_on);
            ev(&e.id, cid, "formed_on", formed, &|| doc_path!(compounds[ci].elections[ei].preparatory_group));
        }
        for (mi, m) in c.meetings.iter().enumerate() {
            ev(&m.id, cid, "date", Some(m.date), &|| doc_path!(compounds[ci].meetings[mi]));
            ev(&m.id, cid, "minutes_published_on", m.minutes_published_on, &|| doc_path!(compounds[ci].meetings[mi]));
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// The dates of a record that say something happened.
fn record_dates(r: &Record) -> Vec<(&'static str, Option<NaiveDate>)> {
    match r {
        Record::CriminalConviction { date, sentence_completed_on, .. } => {
            vec![("date", Some(*date)), ("sentence_completed_on", *sentence_completed_on)]
        }
        Record::UnderCriminalInvestigation { from, .. }
        | Record::DishonestDebtor { from, .. }
        | Record::EconomicTies { from, .. } => {
            vec![("from", Some(*from))]
        }
        Record::IllegalConstruction { ordered_on, rectified_on, .. } => {
            vec![("ordered_on", Some(*ordered_on)), ("rectified_on", *rectified_on)]
        }
        Record::StructuralDamage { found_on, rectified_on, .. }
        | Record::OccupiesCommonPart { found_on, rectified_on, .. } => {
            vec![("found_on", Some(*found_on)), ("rectified_on", *rectified_on)]
        }
        Record::FeeArrears { since, settled_on, .. } => vec![("since", Some(*since)), ("settled_on", *settled_on)],
        Record::AdminPenalty { date, .. }
        | Record::RemovedFromCommittee { date, .. }
        | Record::MoralMisconduct { date, .. } => {
            vec![("date", Some(*date))]
        }
    }
}

/// The dates of a ledger entry: its own and its approvals'.
fn entry_dates(e: &Entry, f: &mut dyn FnMut(&'static str, NaiveDate)) {
    f("date", e.date);
    if let EntryKind::Disbursement(d) = &e.kind {
        for a in &d.approvals {
            f("approvals.date", a.date);
        }
    }
}

/// CFG005 (area > 0) and CFG006 (an owner or the developer, not both).
fn units(ctx: &mut Ctx<'_>) {
    let (area_on, holder_on) = (ctx.on(RuleCode::Cfg005), ctx.on(RuleCode::Cfg006));
    if !area_on && !holder_on {
        return;
    }
    let cfg = ctx.cfg;
    for (ci, c) in cfg.compounds.iter().enumerate() {
        for (ui, u) in c.units.iter().enumerate() {
            if area_on && !u.area.is_positive() {
                ctx.emit(
                    Finding::new(RuleCode::Cfg005, u.id.to_string(), doc_path!(compounds[ci].units[ui].area))
                        .compound(Some(&c.id))
                        .message(
                            format!("专有部分 `{}` 的登记面积 {} 不大于零", u.id, u.area),
                            format!("unit `{}` has area {}, not > 0", u.id, u.area),
                        )
                        .fact("area", u.area),
                );
            }
            let (owners, dev) = (u.owners.len(), u.developer_held.is_some());
            if holder_on && (owners > 0) == dev {
                let (zh, en) = if dev {
                    ("既有业主又由建设单位持有", "has owners and is developer-held")
                } else {
                    ("既无业主也非建设单位持有", "has no owner and is not developer-held")
                };
                ctx.emit(
                    Finding::new(RuleCode::Cfg006, u.id.to_string(), doc_path!(compounds[ci].units[ui]))
                        .compound(Some(&c.id))
                        .message(format!("专有部分 `{}` {zh}", u.id), format!("unit `{}` {en}", u.id))
                        .help(
                            "业主名下的专有部分列出业主；未售或未交付的列出建设单位",
                            "list the owners of a sold unit, or the developer of an unsold or undelivered one",
                        )
                        .fact("owners", owners)
                        .fact("developer_held", dev),
                );
            }
        }
    }
}
