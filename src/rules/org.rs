//! ORG: the five-level organisation chain 街道党工委—社区党委—小区党支部—楼栋党小组—党员中心户.
//!
//! One function per rule. What domain-rules.md does and does not say:
//! - R154 verifies the five-level chain with a grid branch (网格党支部) where the seed has a
//!   compound branch; the model accepts all three branch kinds (compound, joint, grid).
//! - The span of a liaison household (10–15 households, or 5 hardship households, ORG008) is
//!   marked **not found** in R154: it is the seed's practice figure, kept as the default of the
//!   `liaison_span` and `liaison_hardship_max` parameters so that a profile can change it.
//! - ORG004 rests on 中国共产党章程 第三十条 as RULES.md names it ("凡是有正式党员三人以上的，都
//!   应当成立党的基层组织"); domain-rules.md does not quote it. CONFIG.md has no probationary
//!   (预备党员) flag: every `party` entry, whatever its `status` (in service, retired, without
//!   post, floating), is counted as a full member. `joined_on` is not used to guess a
//!   probationary year, because the document does not say whether it is the date of admission
//!   or of full membership.
//! - Ids that name nothing are CFG001's; these rules skip them rather than report twice.

use foldhash::{HashSet, HashSetExt};

use super::{Ctx, Finding, RuleMeta};
use crate::index::Index;
use crate::model::{Compound, LiaisonHousehold, PartyBranch, Person, PersonId, UnitId};
use crate::queries::org::{Link, party_chain, uncovered_coverage};
use crate::report::{Basis, Path, RuleCode, Severity, doc_path};

const PRACTICE_CHAIN: &str = "党建引领小区治理实践 (domain-rules.md R154)";
const PARTY_CONSTITUTION: &str = "中国共产党章程 (domain-rules.md R143)";

/// A branch needs at least this many full party members (中国共产党章程 第三十条, 三人以上).
const MIN_PARTY_MEMBERS: usize = 3;

/// The ORG rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::Org001,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "党建引领小区治理实践 (domain-rules.md R143, R154)",
        sources: "R143, R154",
        summary_zh: "小区建有党支部（本小区、联合或网格党支部）",
        summary_en: "a compound has a party branch (its own, joint, or grid)",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org002,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: PARTY_CONSTITUTION,
        sources: "R143",
        summary_zh: "支部书记和支委会成员是党员，且是本支部成员",
        summary_en: "secretary and branch committee are party members and branch members",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org003,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: PARTY_CONSTITUTION,
        sources: "R143",
        summary_zh: "支部成员都是党员（有 `party`）",
        summary_en: "every branch member has `party`",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org004,
        severity: Severity::Error,
        basis: Basis::Reg,
        on_by_default: true,
        citation: "中国共产党章程 第三十条",
        sources: "R143",
        summary_zh: "支部有正式党员三人以上",
        summary_en: "a branch needs at least 3 party members",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org005,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: PRACTICE_CHAIN,
        sources: "R154",
        summary_zh: "组织链条完整：小区所属社区党委、其上级街道党工委，类型正确",
        summary_en: "branch → community party committee → street party working committee, each of the right kind",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org006,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: PRACTICE_CHAIN,
        sources: "R154",
        summary_zh: "楼栋党小组组长和成员是本支部成员",
        summary_en: "building group leader and members are branch members",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org007,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: PRACTICE_CHAIN,
        sources: "R154",
        summary_zh: "每栋楼有楼栋党小组，或党员中心户联系到该楼全部住户",
        summary_en: "every building has a building party group or liaison households linking its units",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::Org008,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: PRACTICE_CHAIN,
        sources: "R154",
        summary_zh: "党员中心户联系 10–15 户；联系困难户的不超过 5 户",
        summary_en: "a liaison household links 10–15 households, or at most 5 when they are hardship households",
        params: &["liaison_span", "liaison_hardship_max"],
    },
    RuleMeta {
        code: RuleCode::Org009,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: PRACTICE_CHAIN,
        sources: "R154",
        summary_zh: "党员中心户的党员拥有或居住于该户，所联系的住户在本小区",
        summary_en: "a liaison household's member owns or resides in its unit, and its linked units are in the compound",
        params: &[],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    compound_has_party_organization(ctx);
    branch_officers_are_members(ctx);
    branch_members_are_party_members(ctx);
    branch_has_three_full_members(ctx);
    chain_is_complete(ctx);
    building_group_within_branch(ctx);
    building_covered(ctx);
    liaison_household_span(ctx);
    liaison_member_resides(ctx);
}

/// Whether `id` is a party member; `None` when the id names nobody (CFG001).
fn party_member(index: &Index<'_>, id: &PersonId) -> Option<bool> {
    index.person(id.as_str()).map(|p: &Person| p.party.is_some())
}

/// The ids on the branch's membership roll (`members`).
fn roll(b: &PartyBranch) -> HashSet<&str> {
    b.members.iter().map(PersonId::as_str).collect()
}

/// The compounds that have a branch, with their index.
fn branches<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (usize, &'a Compound, &'a PartyBranch)> + use<'a> {
    ctx.compounds().filter_map(|(ci, c)| c.party_branch.as_ref().map(|b| (ci, c, b)))
}

/// ORG001: a compound has a party branch of any kind (compound, joint or grid).
fn compound_has_party_organization(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org001) {
        return;
    }
    for (ci, c) in ctx.compounds() {
        if c.party_branch.is_none() {
            ctx.emit(
                Finding::new(RuleCode::Org001, c.id.to_string(), doc_path!(compounds[ci].party_branch))
                    .compound(Some(&c.id))
                    .message(format!("小区 `{}` 没有党支部", c.id), format!("compound `{}` has no party branch", c.id))
                    .help(
                        "成立小区党支部，或将小区纳入联合党支部、网格党支部并在 `party_branch` 中记录",
                        "set up a compound branch, or record the joint or grid branch that covers it in `party_branch`",
                    ),
            );
        }
    }
}

/// ORG002: the secretary and every branch committee member are party members and on the
/// branch's roll. The subject is the person; the branch is in the facts. A person who is both
/// secretary and committee member is reported once, as secretary.
fn branch_officers_are_members(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org002) {
        return;
    }
    let index = ctx.index;
    let mut found = Vec::new();
    for (ci, c, b) in branches(ctx) {
        let members = roll(b);
        let mut seen = HashSet::new();
        let officers =
            std::iter::once((&b.secretary, None)).chain(b.committee.iter().enumerate().map(|(i, p)| (p, Some(i))));
        for (person, committee_at) in officers {
            if !seen.insert(person.as_str()) {
                continue;
            }
            let Some(party) = party_member(index, person) else { continue };
            let on_roll = members.contains(person.as_str());
            if party && on_roll {
                continue;
            }
            let (role_zh, role) =
                if committee_at.is_none() { ("书记", "secretary") } else { ("支委", "committee member") };
            let path = match committee_at {
                None => doc_path!(compounds[ci].party_branch.secretary),
                Some(i) => doc_path!(compounds[ci].party_branch.committee[i]),
            };
            let (zh, en) = match (party, on_roll) {
                (false, false) => {
                    ("不是党员，也不在支部成员名单中", "is not a party member and not on the branch roll")
                }
                (false, true) => ("不是党员", "is not a party member"),
                _ => ("不在支部成员名单中", "is not on the branch roll"),
            };
            found.push(
                Finding::new(RuleCode::Org002, person.to_string(), path)
                    .compound(Some(&c.id))
                    .message(
                        format!("支部 `{}` 的{role_zh} `{person}` {zh}", b.id),
                        format!("{role} `{person}` of branch `{}` {en}", b.id),
                    )
                    .help(
                        "支部书记和支委由本支部党员担任，并列入 `members`",
                        "officers are party members of the branch, listed in `members`",
                    )
                    .fact("branch", b.id.to_string())
                    .fact("role", role)
                    .fact("party_member", party)
                    .fact("branch_member", on_roll),
            );
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// ORG003: every person on the branch roll has `party`. While ORG002 runs, an officer without
/// `party` is left to it, so that one fault gives one finding.
fn branch_members_are_party_members(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org003) {
        return;
    }
    let officers_checked = ctx.on(RuleCode::Org002);
    let index = ctx.index;
    let mut found = Vec::new();
    for (ci, c, b) in branches(ctx) {
        let mut seen = HashSet::new();
        for (i, person) in b.members.iter().enumerate() {
            let is_officer = *person == b.secretary || b.committee.contains(person);
            if !seen.insert(person.as_str()) || (officers_checked && is_officer) {
                continue;
            }
            if party_member(index, person) != Some(false) {
                continue;
            }
            found.push(
                Finding::new(RuleCode::Org003, person.to_string(), doc_path!(compounds[ci].party_branch.members[i]))
                    .compound(Some(&c.id))
                    .message(
                        format!("支部 `{}` 的成员 `{person}` 不是党员", b.id),
                        format!("member `{person}` of branch `{}` is not a party member", b.id),
                    )
                    .help(
                        "记录其 `party`，或将其移出支部成员名单",
                        "record their `party`, or take them off the branch roll",
                    )
                    .fact("branch", b.id.to_string()),
            );
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// ORG004: the roll holds at least three distinct party members (党章 第三十条). See the module
/// docs for how probationary membership is treated.
fn branch_has_three_full_members(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org004) {
        return;
    }
    let index = ctx.index;
    let mut found = Vec::new();
    for (ci, c, b) in branches(ctx) {
        let members = roll(b);
        let party = members.iter().filter(|id| index.person(id).is_some_and(|p| p.party.is_some())).count();
        if party >= MIN_PARTY_MEMBERS {
            continue;
        }
        found.push(
            Finding::new(RuleCode::Org004, b.id.to_string(), doc_path!(compounds[ci].party_branch.members))
                .compound(Some(&c.id))
                .message(
                    format!("支部 `{}` 只有 {party} 名党员（共 {} 名成员），不满 {MIN_PARTY_MEMBERS} 人", b.id, members.len()),
                    format!(
                        "branch `{}` has {party} party members ({} members), fewer than {MIN_PARTY_MEMBERS}",
                        b.id,
                        members.len()
                    ),
                )
                .help(
                    "正式党员不足三人的，与邻近小区成立联合党支部或纳入网格党支部",
                    "with fewer than three full members, form a joint branch with neighbouring compounds or join a grid branch",
                )
                .fact("party_members", party)
                .fact("members", members.len())
                .fact("required", MIN_PARTY_MEMBERS),
        );
    }
    for f in found {
        ctx.emit(f);
    }
}

/// ORG005: the compound's `community` is a community party committee whose `parent` is a street
/// party working committee. A dangling id is CFG001's and a missing branch ORG001's; the upper
/// links are checked whether or not the compound has a branch, because they hang off the
/// compound, not the branch.
fn chain_is_complete(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org005) {
        return;
    }
    let (cfg, index) = (ctx.cfg, ctx.index);
    let mut found = Vec::new();
    for (ci, c) in ctx.compounds() {
        let chain = party_chain(index, c);
        let finding = |path: Path| Finding::new(RuleCode::Org005, c.id.to_string(), path).compound(Some(&c.id));
        if let Link::WrongKind(o) = chain.community {
            found.push(
                finding(doc_path!(compounds[ci].community))
                    .message(
                        format!("小区 `{}` 所属的 `{}` 是 {}，不是社区党委", c.id, o.id, o.kind),
                        format!(
                            "compound `{}` belongs to `{}`, a {}, not a community_party_committee",
                            c.id, o.id, o.kind
                        ),
                    )
                    .help(
                        "`community` 填写小区所属的社区党委",
                        "set `community` to the compound's community party committee",
                    )
                    .fact("community", o.id.to_string())
                    .fact("kind", o.kind.as_str()),
            );
        }
        let Link::Found(community) = chain.community else { continue };
        // Looked up only when a finding needs the path.
        let path = || {
            let oi = cfg.organizations.iter().position(|o| std::ptr::eq(o, community));
            oi.map_or_else(|| doc_path!(compounds[ci].community), |oi| doc_path!(organizations[oi].parent))
        };
        match chain.street {
            Link::Absent => found.push(
                finding(path())
                    .message(
                        format!("小区 `{}` 所属社区党委 `{}` 没有上级街道党工委", c.id, community.id),
                        format!("community party committee `{}` of compound `{}` has no parent", community.id, c.id),
                    )
                    .help(
                        "在社区党委的 `parent` 中填写街道党工委",
                        "set the community committee's `parent` to its street party working committee",
                    )
                    .fact("community", community.id.to_string()),
            ),
            Link::WrongKind(p) => found.push(
                finding(path())
                    .message(
                        format!("社区党委 `{}` 的上级 `{}` 是 {}，不是街道党工委", community.id, p.id, p.kind),
                        format!(
                            "parent `{}` of community committee `{}` is a {}, not a street_party_working_committee",
                            p.id, community.id, p.kind
                        ),
                    )
                    .help(
                        "社区党委的 `parent` 应为街道党工委",
                        "a community committee's `parent` is its street party working committee",
                    )
                    .fact("community", community.id.to_string())
                    .fact("parent", p.id.to_string())
                    .fact("kind", p.kind.as_str()),
            ),
            _ => {}
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// ORG006: a building group's leader and members are on the branch roll. The subject is the
/// person; the building is in the facts. A leader also listed among the group's members is
/// reported once, as leader.
fn building_group_within_branch(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org006) {
        return;
    }
    let index = ctx.index;
    let mut found = Vec::new();
    for (ci, c, b) in branches(ctx) {
        let members = roll(b);
        for (gi, g) in b.building_groups.iter().enumerate() {
            let mut seen = HashSet::new();
            let people =
                std::iter::once((&g.leader, None)).chain(g.members.iter().enumerate().map(|(i, p)| (p, Some(i))));
            for (person, member_at) in people {
                if !seen.insert(person.as_str())
                    || members.contains(person.as_str())
                    || index.person(person.as_str()).is_none()
                {
                    continue;
                }
                let path = match member_at {
                    None => doc_path!(compounds[ci].party_branch.building_groups[gi].leader),
                    Some(i) => doc_path!(compounds[ci].party_branch.building_groups[gi].members[i]),
                };
                let (role_zh, role) = if member_at.is_none() { ("组长", "leader") } else { ("成员", "member") };
                found.push(
                    Finding::new(RuleCode::Org006, person.to_string(), path)
                        .compound(Some(&c.id))
                        .message(
                            format!("楼栋 `{}` 党小组{role_zh} `{person}` 不是支部 `{}` 的成员", g.building, b.id),
                            format!(
                                "{role} `{person}` of the party group of building `{}` is not a member of branch `{}`",
                                g.building, b.id
                            ),
                        )
                        .help("楼栋党小组由本支部党员组成", "a building group is made of members of the branch")
                        .fact("building", g.building.to_string())
                        .fact("branch", b.id.to_string())
                        .fact("role", role),
                );
            }
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// ORG007: every building has a building party group or liaison households reaching all its
/// units (see [`crate::queries::org`] for why "its units" means all of them). A compound without
/// a branch gets ORG007 for each building as well as ORG001: setting up a branch does not by
/// itself cover a building.
fn building_covered(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org007) {
        return;
    }
    let mut found = Vec::new();
    for (ci, c) in ctx.compounds() {
        for (bi, cov) in uncovered_coverage(c) {
            let reached = cov.units.saturating_sub(cov.unreached.len());
            let unreached: Vec<&str> = cov.unreached.iter().map(|u| u.as_str()).collect();
            found.push(
                Finding::new(RuleCode::Org007, cov.building.to_string(), doc_path!(compounds[ci].buildings[bi]))
                    .compound(Some(&c.id))
                    .message(
                        format!(
                            "楼栋 `{}` 没有楼栋党小组，党员中心户只联系到其 {} 户中的 {reached} 户",
                            cov.building, cov.units
                        ),
                        format!(
                            "building `{}` has no building party group and liaison households reach {reached} of its {} units",
                            cov.building, cov.units
                        ),
                    )
                    .help(
                        "为该楼成立楼栋党小组，或由党员中心户联系该楼全部住户",
                        "set up a party group for the building, or have liaison households link all its units",
                    )
                    .fact("units", cov.units)
                    .fact("reached", reached)
                    .fact("unreached", unreached.join(", ")),
            );
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// The distinct units a liaison household links, its own unit excluded (one does not link
/// one's own household).
fn linked_households(l: &LiaisonHousehold) -> usize {
    l.linked_units.iter().filter(|u| **u != l.unit).map(UnitId::as_str).collect::<HashSet<_>>().len()
}

/// ORG008: a liaison household links `liaison_span` households (10..=15), or, when it links
/// hardship households, 1..=`liaison_hardship_max` (5). A household is a unit (户 = 一套房),
/// counted once however often it is listed; two units of one owner are two households. A liaison
/// household that links nobody is not one, so the hardship bound starts at 1 (a choice of this
/// crate: the source is silent, R154 marks the 10–15 and 5 figures **not found**).
fn liaison_household_span(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org008) {
        return;
    }
    let params = ctx.policy.params();
    let (span, hardship_max) = (params.liaison_span, params.liaison_hardship_max);
    let mut found = Vec::new();
    for (ci, c, b) in branches(ctx) {
        for (li, l) in b.liaison_households.iter().enumerate() {
            let n = linked_households(l);
            let n64 = u64::try_from(n).unwrap_or(u64::MAX);
            let ok = if l.hardship { n64 >= 1 && n64 <= u64::from(hardship_max) } else { span.contains(n64) };
            if ok {
                continue;
            }
            let (bound_zh, bound_en, allowed) = if l.hardship {
                (
                    format!("1–{hardship_max} 户困难户"),
                    format!("1 to {hardship_max} hardship households"),
                    format!("1..={hardship_max}"),
                )
            } else {
                (
                    format!("{}–{} 户", span.min, span.max),
                    format!("{} to {} households", span.min, span.max),
                    span.to_string(),
                )
            };
            found.push(
                Finding::new(
                    RuleCode::Org008,
                    l.member.to_string(),
                    doc_path!(compounds[ci].party_branch.liaison_households[li].linked_units),
                )
                .compound(Some(&c.id))
                .message(
                    format!("党员中心户 `{}`（`{}`）联系 {n} 户，应为 {bound_zh}", l.member, l.unit),
                    format!(
                        "liaison household `{}` (unit `{}`) links {n} households, not {bound_en}",
                        l.member, l.unit
                    ),
                )
                .help(
                    "调整 `linked_units`，或在 `liaison_span`/`liaison_hardship_max` 中设定本地标准",
                    "adjust `linked_units`, or set the local figure in `liaison_span`/`liaison_hardship_max`",
                )
                .fact("unit", l.unit.to_string())
                .fact("linked", n)
                .fact("hardship", l.hardship)
                .fact("allowed", allowed),
            );
        }
    }
    for f in found {
        ctx.emit(f);
    }
}

/// Whether `p` resides in compound `c` on `as_of` by their residency record. `None` when they
/// have no record (CONFIG.md: then an owner is taken to reside).
fn resides(p: &Person, c: &Compound, as_of: chrono::NaiveDate) -> Option<bool> {
    p.residency.as_ref().map(|periods| {
        periods.iter().any(|r| r.compound == c.id && r.from <= as_of && r.to.is_none_or(|to| as_of <= to))
    })
}

/// ORG009: a liaison household's member owns its unit or resides in the compound on `as_of`, its
/// unit is in the compound, and so are the units it links. Residence: the member who owns the unit
/// passes; otherwise a residency period in the compound covering `as_of` is needed (a tenant or a
/// family member living there). Without a residency record a non-owner fails: CONFIG.md presumes
/// residence only for owners, and an owner of another unit is presumed to live in that one.
/// R154 is silent on residence; the rule is the practice reading of a household (户) that is the
/// member's own.
fn liaison_member_resides(ctx: &mut Ctx<'_>) {
    if !ctx.on(RuleCode::Org009) {
        return;
    }
    let (index, as_of) = (ctx.index, ctx.cfg.as_of);
    let mut found = Vec::new();
    for (ci, c, b) in branches(ctx) {
        for (li, l) in b.liaison_households.iter().enumerate() {
            let finding = |path: Path| {
                Finding::new(RuleCode::Org009, l.member.to_string(), path)
                    .compound(Some(&c.id))
                    .fact("unit", l.unit.to_string())
            };
            match index.unit(l.unit.as_str()) {
                Some((uc, _)) if uc.id != c.id => found.push(
                    finding(doc_path!(compounds[ci].party_branch.liaison_households[li].unit))
                        .message(
                            format!("党员中心户 `{}` 的住户 `{}` 属于小区 `{}`，不在本小区", l.member, l.unit, uc.id),
                            format!(
                                "unit `{}` of liaison household `{}` is in compound `{}`, not this one",
                                l.unit, l.member, uc.id
                            ),
                        )
                        .fact("in_compound", uc.id.to_string()),
                ),
                Some((_, unit)) => {
                    if let Some(p) = index.person(l.member.as_str()) {
                        let owns = unit.owners.contains(&l.member);
                        if !owns && resides(p, c, as_of) != Some(true) {
                            found.push(
                                finding(doc_path!(compounds[ci].party_branch.liaison_households[li].member))
                                    .message(
                                        format!("党员中心户 `{}` 既不是住户 `{}` 的业主，也未在 {as_of} 居住于本小区", l.member, l.unit),
                                        format!("liaison member `{}` neither owns unit `{}` nor resides in the compound on {as_of}", l.member, l.unit),
                                    )
                                    .help("党员中心户设在党员自有或居住的住户；租住的记录其 `residency`", "a liaison household is the member's own home: record `residency` for a tenant")
                                    .fact("owner", false)
                                    .fact("resides", false),
                            );
                        }
                    }
                }
                None => {}
            }
            for (i, u) in l.linked_units.iter().enumerate() {
                if let Some((uc, _)) = index.unit(u.as_str())
                    && uc.id != c.id
                {
                    found.push(
                        finding(doc_path!(compounds[ci].party_branch.liaison_households[li].linked_units[i]))
                            .message(
                                format!("党员中心户 `{}` 联系的住户 `{u}` 属于小区 `{}`，不在本小区", l.member, uc.id),
                                format!(
                                    "unit `{u}` linked by liaison household `{}` is in compound `{}`, not this one",
                                    l.member, uc.id
                                ),
                            )
                            .fact("linked_unit", u.to_string())
                            .fact("in_compound", uc.id.to_string()),
                    );
                }
            }
        }
    }
    for f in found {
        ctx.emit(f);
    }
}
