//! DE: dual entry and cross-appointment (双向进入、交叉任职) between the compound's party branch,
//! its owners' committee, the community's two committees (社区两委) and the property company.
//!
//! Who is a committee member: for the committee's *composition* (DE001 party share, DE003 the
//! chair, DE004 cross-appointment) the seated members — chair, vice chairs, members, executive
//! members — and not alternates (候补委员), who attend without a vote and take a seat only when
//! one falls vacant (domain-rules.md §5.2, R079). For the *person-by-person* rules (DE002 joins
//! the branch, DE007 no property-company tie) everyone listed, alternates included: an
//! alternate is elected from the same candidates under the same conditions (R090, BJ Art 39)
//! and may take a seat at any time.
//!
//! Each rule reads the compound's own records and stays silent where another rule already
//! reports the gap (no branch: ORG001; no committee or no chair: CM001, CM003; a dangling id:
//! CFG001), so one fault gives one finding. The queries behind the rules are public in
//! [`crate::queries::dual_entry`].

use super::{Ctx, Finding, RuleMeta};
use crate::model::{CommitteeRole, Compound, Organization, PersonId};
use crate::queries::dual_entry::{
    TieRelation, committee_party_share, cross_appointed, is_party_member, is_seated, one_shoulder,
    property_company_ties,
};
use crate::report::{Basis, RuleCode, Severity, doc_path};

/// The DE rules.
pub(super) const META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::De001,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "深圳市住房和建设局2022年通知“新成立业委会党员比例一般不低于50%”；晋江市《住宅小区业主委员会委员候选人资格审查指导意见》 (domain-rules.md R148、R149)",
        sources: "R146, R148, R149, R150",
        summary_zh: "业主委员会委员中党员占半数以上（候补委员不计）",
        summary_en: "party members are at least `committee_party_share` of the seated committee members (alternates not counted)",
        params: &["committee_party_share"],
    },
    RuleMeta {
        code: RuleCode::De002,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "党建引领小区治理实践：小区党支部与业委会“双向培养、交叉进入”，支部先议 (domain-rules.md R148、R151)",
        sources: "R143, R148, R151",
        summary_zh: "身为党员的业主委员会委员（含候补委员）是小区党支部（或联合、网格党支部）党员",
        summary_en: "a committee member (alternates included) who is a party member is a member of the compound's branch",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::De003,
        severity: Severity::Info,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "晋江市《住宅小区业主委员会委员候选人资格审查指导意见》：提高“一肩挑”比例 (domain-rules.md R149、R153)",
        sources: "R148, R149, R153",
        summary_zh: "小区党支部书记担任业主委员会主任（一肩挑）；不是时作为建议提示",
        summary_en: "the branch secretary chairs the owners' committee (one shoulder); advice when not",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::De004,
        severity: Severity::Warning,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "党建引领小区治理实践：小区党支部与业委会“双向进入、交叉任职” (domain-rules.md R148、R149、R153)",
        sources: "R148, R149, R152, R153",
        summary_zh: "至少一名支委（含书记）是业主委员会委员",
        summary_en: "at least one branch committee member (the secretary included) sits on the owners' committee",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::De005,
        severity: Severity::Info,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "红色物业建设典型经验材料：物业企业负责人是党员的任社区党组织兼职委员 (domain-rules.md R152)",
        sources: "R152",
        summary_zh: "物业项目经理是党员的，担任社区党委兼职委员；不是时作为建议提示",
        summary_en: "a project manager who is a party member is a part-time member of the community party committee; advice when not",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::De006,
        severity: Severity::Info,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "红色物业“双向进入、交叉任职”实践 (domain-rules.md R152；“社区两委成员任物业服务质量监督员”原文未找到)",
        sources: "R152",
        summary_zh: "物业服务质量监督员是社区党委或居委会（社区两委）成员",
        summary_en: "service quality supervisors are members of the community party committee or the residents' committee",
        params: &[],
    },
    RuleMeta {
        code: RuleCode::De007,
        severity: Severity::Error,
        basis: Basis::Practice,
        on_by_default: true,
        citation: "北京市物业管理条例 第三十九条；上海市住宅物业管理规定 第二十条 (domain-rules.md §6 N3)",
        sources: "N3",
        summary_zh: "业主委员会委员（含候补委员）本人、配偶及直系亲属不在本小区物业服务企业任职",
        summary_en: "no committee member (alternates included), spouse or lineal relative is employed by the compound's property company",
        params: &[],
    },
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    for (ci, c) in ctx.compounds() {
        committee_party_share_rule(ctx, ci, c);
        committee_party_members_join_branch(ctx, ci, c);
        secretary_chair_one_shoulder(ctx, ci, c);
        cross_appointment_exists(ctx, ci, c);
        property_manager_part_time_member(ctx, ci, c);
        quality_supervisor_from_two_committees(ctx, ci, c);
        committee_member_no_property_company_tie(ctx, ci, c);
    }
}

/// DE001: party members are at least `committee_party_share` of the seated members (半数以上:
/// exactly half passes). The practice documents speak of the committee's members
/// (R148 "党员比例一般不低于50%", R149 "≥ 50%"); none says whether alternates count, and
/// alternates hold no vote, so they are left out. No regulation sets a quota (R146).
fn committee_party_share_rule(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De001) {
        return;
    }
    let Some(share) = committee_party_share(ctx.index, c) else { return };
    let required = ctx.policy.params().committee_party_share;
    if share.reaches(required) {
        return;
    }
    let (n, m) = (share.party_members, share.members);
    ctx.emit(
        Finding::new(RuleCode::De001, c.id.to_string(), doc_path!(compounds[ci].owners_committee.members))
            .compound(Some(&c.id))
            .message(
                format!("小区 `{}` 业主委员会 {m} 名委员中党员 {n} 名，不足 {required}", c.id),
                format!(
                    "the owners' committee of `{}` has {n} party members among {m} members, less than {required}",
                    c.id
                ),
            )
            .help(
                "换届或补选时推荐符合条件的党员业主参选",
                "at the next election or by-election, nominate qualified owners who are party members",
            )
            .fact("party_members", n)
            .fact("members", m)
            .fact("required_share", required),
    );
}

/// DE002: a committee member who is a party member is on the roll (`members`) of the compound's
/// branch, whatever its kind. The sources push branch and committee to "cross-enter" (R148) and
/// have the party members on the committee deliberate first (R151); none states this check in
/// so many words, so it is practice. Silent without a branch (ORG001 reports that).
fn committee_party_members_join_branch(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De002) {
        return;
    }
    let (Some(branch), Some(oc)) = (&c.party_branch, &c.owners_committee) else { return };
    let mut seen: Vec<&PersonId> = Vec::new();
    for (mi, m) in oc.members.iter().enumerate() {
        if seen.contains(&&m.person) {
            continue;
        }
        seen.push(&m.person);
        if !is_party_member(ctx.index, &m.person) || branch.members.contains(&m.person) {
            continue;
        }
        ctx.emit(
            Finding::new(
                RuleCode::De002,
                m.person.to_string(),
                doc_path!(compounds[ci].owners_committee.members[mi].person),
            )
            .compound(Some(&c.id))
            .message(
                format!("业主委员会委员 `{}` 是党员，但不在党支部 `{}` 的党员名单中", m.person, branch.id),
                format!("committee member `{}` is a party member but not a member of branch `{}`", m.person, branch.id),
            )
            .help(
                "将其组织关系转入或编入小区党支部",
                "transfer the member's party membership to, or enrol them in, the compound's branch",
            )
            .fact("branch", branch.id.as_str())
            .fact("role", m.role.as_str()),
        );
    }
}

/// DE003: the branch secretary chairs the committee (一肩挑). Advice only: the practice
/// documents encourage it (R149, R153) and the same source notes its legal risks (R153).
/// Silent when the committee has no chair (CM003 reports that).
fn secretary_chair_one_shoulder(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De003) {
        return;
    }
    let (Some(branch), Some(oc)) = (&c.party_branch, &c.owners_committee) else { return };
    let Some(chair) = oc.members.iter().find(|m| m.role == CommitteeRole::Chair) else { return };
    if one_shoulder(c) {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::De003, branch.id.to_string(), doc_path!(compounds[ci].party_branch.secretary))
            .compound(Some(&c.id))
            .message(
                format!(
                    "党支部 `{}` 书记 `{}` 不是业主委员会主任（主任为 `{}`），未实行“一肩挑”",
                    branch.id, branch.secretary, chair.person
                ),
                format!(
                    "the secretary `{}` of branch `{}` is not the committee chair (`{}`): no one-shoulder arrangement",
                    branch.secretary, branch.id, chair.person
                ),
            )
            .help(
                "换届时可推荐党支部书记依法参选业委会主任",
                "at the next election the secretary may stand for chair through the legal procedure",
            )
            .fact("secretary", branch.secretary.as_str())
            .fact("chair", chair.person.as_str()),
    );
}

/// DE004: at least one member of the branch committee, or its secretary, holds a seat on the
/// owners' committee. Silent without a branch (ORG001) or a committee with seats (CM001).
fn cross_appointment_exists(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De004) {
        return;
    }
    let (Some(branch), Some(oc)) = (&c.party_branch, &c.owners_committee) else { return };
    if !oc.members.iter().any(is_seated) || !cross_appointed(c).is_empty() {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::De004, c.id.to_string(), doc_path!(compounds[ci].party_branch.committee))
            .compound(Some(&c.id))
            .message(
                format!("小区 `{}` 党支部 `{}` 的支委（含书记）无一人是业主委员会委员", c.id, branch.id),
                format!("no member of the committee of branch `{}` (secretary included) sits on the owners' committee of `{}`", branch.id, c.id),
            )
            .help("推荐符合条件的支委依法参选业委会委员，或将党员委员选进支委", "nominate a qualified branch committee member for the owners' committee, or elect a party member on it to the branch committee")
            .fact("branch", branch.id.as_str())
            .fact("cross_appointed", 0_u64),
    );
}

/// Whether a person is the secretary, a member or a part-time member of an organisation.
fn belongs_to(org: &Organization, person: &PersonId) -> bool {
    org.secretary.as_ref() == Some(person) || org.members.contains(person) || org.part_time_members.contains(person)
}

/// DE005: a project manager who is a party member is a part-time member (兼职委员) of the
/// community party committee (R152). R152 also has non-member managers join the residents'
/// committee; RULES.md limits the rule to party members, so that half is not checked.
fn property_manager_part_time_member(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De005) {
        return;
    }
    let Some(ps) = &c.property_service else { return };
    let Some(pm) = &ps.project_manager else { return };
    let Some(community) = ctx.index.org(c.community.as_str()) else { return };
    if !is_party_member(ctx.index, pm) || community.part_time_members.contains(pm) {
        return;
    }
    ctx.emit(
        Finding::new(RuleCode::De005, pm.to_string(), doc_path!(compounds[ci].property_service.project_manager))
            .compound(Some(&c.id))
            .message(
                format!("物业项目经理 `{pm}` 是党员，但不是社区党委 `{}` 的兼职委员", community.id),
                format!("project manager `{pm}` is a party member but not a part-time member of the community party committee `{}`", community.id),
            )
            .help("可由社区党委按程序吸纳其为兼职委员", "the community party committee may take the manager on as a part-time member")
            .fact("community", community.id.as_str())
            .fact("company", ps.company.as_str()),
    );
}

/// DE006: each service quality supervisor (服务质量监督员) is the secretary, a member or a
/// part-time member of the community party committee or of the residents' committee (社区两委).
/// The sources are silent on this role: R152 reports the supervisor role as not found, so the
/// rule is advice. Silent when neither committee is in the document (CFG001).
fn quality_supervisor_from_two_committees(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De006) {
        return;
    }
    let Some(ps) = &c.property_service else { return };
    let community = ctx.index.org(c.community.as_str());
    let residents = c.residents_committee.as_ref().and_then(|id| ctx.index.org(id.as_str()));
    if community.is_none() && residents.is_none() {
        return;
    }
    for (si, s) in ps.service_quality_supervisors.iter().enumerate() {
        if community.into_iter().chain(residents).any(|o| belongs_to(o, s)) {
            continue;
        }
        let names: Vec<&str> = community.into_iter().chain(residents).map(|o| o.id.as_str()).collect();
        let names = names.join(", ");
        ctx.emit(
            Finding::new(
                RuleCode::De006,
                s.to_string(),
                doc_path!(compounds[ci].property_service.service_quality_supervisors[si]),
            )
            .compound(Some(&c.id))
            .message(
                format!("物业服务质量监督员 `{s}` 不是社区两委（{names}）成员"),
                format!("service quality supervisor `{s}` is not a member of the community's two committees ({names})"),
            )
            .help(
                "由社区党委或居委会成员担任服务质量监督员",
                "appoint a member of the community party committee or the residents' committee",
            )
            .fact("committees", names),
        );
    }
}

/// DE007: no committee member (alternates included), nor their spouse or lineal relative, is
/// employed by the compound's property company on `as_of` (N3: BJ Art 39 "本人、配偶及其直系
/// 亲属", SH Art 20 "在物业服务企业任职"). The committee in the document is the sitting one, so
/// the day is `as_of`; an employment that ended before it does not count. A sibling is a close
/// but not a lineal relative (HZ, WZ reach close relatives; they are city presets' business).
fn committee_member_no_property_company_tie(ctx: &mut Ctx<'_>, ci: usize, c: &Compound) {
    if !ctx.on(RuleCode::De007) {
        return;
    }
    let (Some(oc), Some(ps)) = (&c.owners_committee, &c.property_service) else { return };
    let on = ctx.cfg.as_of;
    let mut seen: Vec<&PersonId> = Vec::new();
    for (mi, m) in oc.members.iter().enumerate() {
        if seen.contains(&&m.person) {
            continue;
        }
        seen.push(&m.person);
        for tie in property_company_ties(ctx.index, &m.person, &ps.company, on) {
            let (who_zh, who_en) = match tie.relation {
                TieRelation::Oneself => ("本人".to_owned(), format!("committee member `{}`", m.person)),
                r => (
                    format!("的{} `{}` ", r.zh(), tie.person),
                    format!("the {} `{}` of committee member `{}`", r.as_str(), tie.person, m.person),
                ),
            };
            let e = tie.employment;
            let mut f = Finding::new(
                RuleCode::De007,
                m.person.to_string(),
                doc_path!(compounds[ci].owners_committee.members[mi]),
            )
            .compound(Some(&c.id))
            .message(
                format!(
                    "业主委员会委员 `{}` {who_zh}在本小区物业服务企业 `{}` 任职（{}，自 {}）",
                    m.person, ps.company, e.role, e.from
                ),
                format!(
                    "{who_en} is employed by the compound's property company `{}` (role `{}`, since {})",
                    ps.company, e.role, e.from
                ),
            )
            .help(
                "该委员应回避并依程序终止委员资格，或其亲属离职",
                "the member should step down through the procedure, or the relative leave the company",
            )
            .fact("employed", tie.person.as_str())
            .fact("relation", tie.relation.as_str())
            .fact("company", ps.company.as_str())
            .fact("role", e.role.as_str())
            .fact("from", e.from);
            if let Some(to) = e.to {
                f = f.fact("to", to);
            }
            ctx.emit(f);
        }
    }
}
