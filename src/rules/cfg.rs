//! CFG: document integrity. References resolve, ids are unique, dates are in order and not in
//! the future, units have a positive area and a holder.
//!
//! Scope of CFG001: people, organisations, compounds and units are looked up in the whole
//! document; buildings, assemblies (and their matters), elections, meetings and ledger entries
//! in the compound that refers to them, because they belong to it. A ballot's unit and the
//! matters a ballot names are checked by AV003 and AV009, and the *kind* of a referenced
//! organisation (a community party committee, a developer…) by the domain rules, so that one
//! fault gives one finding.

mod dates;
mod references;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::{Ctx, Finding, RuleMeta};
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
        summary_en: "dates are in order: from <= to, opened <= closed, `elected_on` < `term_end`, etc.",
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
    references::reference_resolves(ctx);
    id_unique(ctx);
    dates::date_order(ctx);
    dates::not_in_future(ctx);
    units(ctx);
}

/// CFG002: ids are unique per kind (matters and meeting matters inside their parent). Ids are
/// unique across the whole document, so this is checked once, with the district's part.
fn id_unique(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Cfg002) || !ctx.district() {
        return;
    }
    let cfg = ctx.cfg;
    // The common case, no duplicate, is decided on borrowed ids; the paths and the findings
    // are built only when there is one.
    if !ctx.index.duplicate_ids() && !any_duplicate_id(cfg) {
        return;
    }
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

/// Whether any two ids of one kind are equal, with the keys of [`id_unique`] (a matter's or a
/// meeting matter's id is qualified by its assembly's or meeting's; ids cannot hold `/`), for
/// the kinds the index does not already tell apart: people, organisations, compounds and units
/// are checked by [`Index::duplicate_ids`](crate::index::Index) before this is called.
fn any_duplicate_id<'a>(cfg: &'a crate::config::GovernanceConfig) -> bool {
    // Sized for the bulk of the ids, so that the set is not rebuilt as it grows.
    let capacity = cfg
        .compounds
        .iter()
        .map(|c| c.buildings.len() + c.joint_account.as_ref().map_or(0, |a| a.entries.len()))
        .fold(0, usize::saturating_add);
    let mut seen: HashSet<(&str, &'a str, &'a str)> = HashSet::with_capacity(capacity);
    let mut fresh = |kind: &'static str, id: &'a str, sub: &'a str| seen.insert((kind, id, sub));
    for c in &cfg.compounds {
        let all = c.buildings.iter().all(|b| fresh("building", b.id.as_str(), ""))
            && c.party_branch.iter().all(|b| fresh("branch", b.id.as_str(), ""))
            && c.joint_account.iter().all(|a| {
                fresh("account", a.id.as_str(), "") && a.entries.iter().all(|e| fresh("entry", e.id.as_str(), ""))
            })
            && c.maintenance_fund.iter().all(|f| {
                f.deposits.iter().all(|d| fresh("deposit", d.id.as_str(), ""))
                    && f.uses.iter().all(|u| fresh("fund_use", u.id.as_str(), ""))
            })
            && c.assemblies.iter().all(|a| {
                fresh("assembly", a.id.as_str(), "")
                    && a.matters.iter().all(|m| fresh("matter", a.id.as_str(), m.id.as_str()))
            })
            && c.elections.iter().all(|e| fresh("election", e.id.as_str(), ""))
            && c.meetings.iter().all(|m| {
                fresh("meeting", m.id.as_str(), "")
                    && m.matters.iter().all(|x| fresh("meeting_matter", m.id.as_str(), x.id.as_str()))
            });
        if !all {
            return true;
        }
    }
    false
}

/// CFG005 (area > 0) and CFG006 (an owner or the developer, not both).
fn units(ctx: &mut Ctx<'_>) {
    let (area_on, holder_on) = (ctx.on(RuleCode::Cfg005), ctx.on(RuleCode::Cfg006));
    if !area_on && !holder_on {
        return;
    }
    for (ci, c) in ctx.compounds() {
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
